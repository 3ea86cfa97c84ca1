import { mkdtemp, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../../main/bridge/bridgeServer';
import { createMainRuntime, type MainRuntime } from '../../main/mainRuntime';
import { createLogger, memoryLogSink } from '../../main/services/logger';
import { bridgeIpcPathPrefix, bridgeSecretHeader } from '../../shared/ipc/bridgeProtocol';
import type { IpcChannel } from '../../shared/ipc/channels';
import { ipcContract, type IpcRequest, type IpcResponse } from '../../shared/ipc/contract';
import { ipcEnvelopeSchema } from '../../shared/ipc/result';
import { addSoftHsmToken, createEmptySoftHsm, type SoftHsmFolder } from '../support/softHsmTokens';

/**
 * Main notices a USB token plugged in and pulled out, and the page hears of it: the hot-plug
 * poller runs in main behind token:watch, over the library the bridge was started with, and its
 * answer reaches the page through the local bridge like any other IPC answer. SoftHSM stands in
 * for the token: `softhsm2-util --init-token` plugs one in while the page waits, deleting its
 * folder pulls it out. SoftHSM only finds tokens when it is loaded afresh, which main does for a
 * library that shows none.
 */

let hsm: SoftHsmFolder;
let dataDir: string;
let runtime: MainRuntime;
let bridge: RunningBridge;

/** One IPC call as the page makes it: over HTTP to the bridge, the answer checked by the contract. */
async function call<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>> {
  const response = await fetch(`${bridge.origin}${bridgeIpcPathPrefix}${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [bridgeSecretHeader]: bridge.secret },
    body: JSON.stringify(request),
  });
  const envelope = ipcEnvelopeSchema.parse(await response.json());
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return ipcContract[channel].response.parse(envelope.value) as IpcResponse<C>;
}

beforeAll(async () => {
  hsm = createEmptySoftHsm(); // sets SOFTHSM2_CONF before main loads the module
  dataDir = await mkdtemp(join(tmpdir(), 'hocba-hotplug-'));
  runtime = await createMainRuntime(
    { name: 'Học bạ số', version: '0.0.0-test', platform: 'linux', dataDir, runtime: 'bridge' },
    createLogger(memoryLogSink([]), 'debug'),
    { trustFolders: [], customLibraryPath: hsm.modulePath },
  );
  // Main answers token calls to a signed-in session only: the trial's principal.
  const declared = await runtime.dispatch('session:actAsTrialUser', {
    userId: 'user:hieu.truong',
    role: 'principal',
    schoolCode: '01234567',
    assignments: [],
  });
  if (!declared.ok) throw new Error(declared.error.message);
  bridge = await startBridge({
    rendererDir: dataDir,
    dispatch: runtime.dispatch,
    logger: createLogger(memoryLogSink([]), 'debug'),
  });
});

afterAll(async () => {
  await bridge.close();
  runtime.close();
  hsm.cleanup();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a USB token plugged in and pulled out while the signing screen waits', () => {
  it('answers the held wait with the token plugged in, then with it gone', async () => {
    const before = await call('token:watch', {});
    expect(before.tokens).toEqual([]);
    expect((await call('token:list', {})).tokens).toEqual([]);

    // The page waits; main holds the answer until something changes.
    const waiting = call('token:watch', { since: before.generation });
    const heldFor = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const token = addSoftHsmToken(hsm, 'GVCN Token Moi', '246810', []);
    const plugged = await waiting;
    expect(plugged.generation).toBeGreaterThan(before.generation);
    expect(plugged.tokens.map((entry) => entry.label)).toEqual(['GVCN Token Moi']);
    // Answered when the token came, well before the wait's 25 s bound.
    expect(Date.now() - heldFor).toBeLessThan(20_000);
    // The token the notice names is the one token:list offers to sign with.
    const listed = await call('token:list', {});
    expect(
      listed.tokens.map(({ libraryId, slotId, serialNumber, label }) => ({
        libraryId,
        slotId,
        serialNumber,
        label,
      })),
    ).toEqual(plugged.tokens);

    const pulling = call('token:watch', { since: plugged.generation });
    rmSync(token.directory, { recursive: true, force: true });
    const pulled = await pulling;
    expect(pulled.generation).toBeGreaterThan(plugged.generation);
    expect(pulled.tokens).toEqual([]);
    expect((await call('token:list', {})).tokens).toEqual([]);
  });

  it('answers at once a page that saw an older generation', async () => {
    const now = await call('token:watch', {});
    expect(now.generation).toBeGreaterThan(0);
    const started = Date.now();
    await expect(call('token:watch', { since: now.generation - 1 })).resolves.toEqual(now);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
