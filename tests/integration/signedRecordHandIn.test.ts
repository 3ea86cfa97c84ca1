import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMainRuntime, type MainRuntime } from '../../main/mainRuntime';
import { createLogger, memoryLogSink } from '../../main/services/logger';
import { rightsStrings } from '../../main/ipc/rightsStrings';
import { provisionSchool } from '../../server/services/provisioning';
import { apiBasePath } from '../../shared/auth/authWire';
import { schoolIdOf } from '../../shared/domain/ids';
import type { IpcChannel } from '../../shared/ipc/channels';
import { recordHandInSummarySchema, type RecordHandInSummary } from '../../shared/ipc/syncChannels';
import type { StudyRecord } from '../../shared/record/studyRecord';
import { versionListSchema } from '../../shared/sync/signedRecordWire';
import { trialPrincipalOf } from '../support/trialActors';
import { asAccount, startProvinceServer, type TestProvinceServer } from '../support/provinceServer';
import {
  createRecordPki,
  recordNaming,
  recordSigning,
  signedStages,
  type RecordPki,
} from '../support/signedRecordFixture';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';

/**
 * The desktop's half of handing signed records in (main/services/sync/signedRecordHandIn.ts), as
 * the app runs it: main's runtime signed in as the principal, its sealed record files, the real
 * province server behind a TCP proxy the test cuts. A cut upload goes on from where the server
 * stands; a file goes up once; the server's refusal is kept and shown, not retried.
 */
const password = 'Mật khẩu đủ dài 2026';
const chunk = 16 * 1024;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let pki: RecordPki;
let record: StudyRecord;
let stages: Awaited<ReturnType<typeof signedStages>>;
let server: TestProvinceServer;
let proxy: TcpProxy;
let runtime: MainRuntime;
let dataDir: string;

async function call(channel: IpcChannel, request: unknown): Promise<unknown> {
  const result = await runtime.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}
const handIn = async (): Promise<RecordHandInSummary> =>
  recordHandInSummarySchema.parse(await call('sync:handInRecords', {}));

/** Puts a file where main keeps the record, sealed with the desktop's key (as signing leaves it). */
async function keepOnDesktop(path: string, pdf: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await runtime.files.write(path, pdf);
}

async function versionsOnServer() {
  const { pair } = await asAccount(server, 'hieutruong', password);
  const response = await fetch(
    `${server.url}${apiBasePath}/schools/${encodeURIComponent(schoolIdOf(record.school.code))}/signed-records/${encodeURIComponent(record.id)}/versions`,
    { headers: { authorization: `Bearer ${pair.accessToken}` } },
  );
  return response.status === 404 ? [] : versionListSchema.parse(await response.json()).versions;
}

beforeAll(async () => {
  pki = await createRecordPki();
  record = recordNaming(pki);
  stages = await signedStages(pki, await recordSigning(pki, record));
  server = await startProvinceServer({
    recordTrust: {
      anchors: () => Promise.resolve([pki.root.der]),
      intermediates: () => Promise.resolve([]),
      crls: () => Promise.resolve([]),
    },
    recordChunkBytes: chunk,
  });
  await provisionSchool(server.running().ctx, {
    school: { code: record.school.code, name: record.school.name, district: 'Huyện' },
    principal: { login: 'hieutruong', fullName: pki.names.principal, password },
    staff: [],
  });
  const target = new URL(server.url);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
  dataDir = await mkdtemp(join(tmpdir(), 'hocba-hand-in-'));
  runtime = await createMainRuntime(
    { name: 'Học bạ số', version: '0.0.0-test', platform: 'linux', dataDir, runtime: 'bridge' },
    createLogger(memoryLogSink([]), 'debug'),
    { provinceServerUrl: proxy.url },
  );
});

afterAll(async () => {
  runtime.close();
  await proxy.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('handing signed records in from the desktop', () => {
  it('is refused to anyone not signed in with a school account', async () => {
    const result = await runtime.dispatch('sync:handInRecords', {});
    expect(result.ok).toBe(false);
    await call('session:actAsTrialUser', trialPrincipalOf([record]));
    const trial = await runtime.dispatch('sync:handInRecords', {});
    expect(trial.ok ? 'taken' : trial.error.message).toBe(rightsStrings.syncNeedsAccount);
    await call('session:signOut', {});
  });

  it('goes on after a cut from where the server stands, and sends each file once', async () => {
    await call('session:signIn', { login: 'hieutruong', password });
    const path = runtime.services.records.pathOf(record.id);
    await keepOnDesktop(path, stages.teacherSigned);
    expect(stages.teacherSigned.length).toBeGreaterThan(4 * chunk);
    // The link drops once about two and a half chunks have gone up.
    proxy.cutAfter({ up: Math.floor(2.5 * chunk) });
    const cut = await handIn();
    expect(cut).toMatchObject({ signedFiles: 1, kept: 0, sentNow: 0, waiting: 1, refused: [] });
    expect(cut.problem).toMatch(/[À-ỹ]/);
    expect(cut.bytesSent).toBeGreaterThanOrEqual(2 * chunk);
    // Next round: only what the server does not hold yet goes up.
    const resumed = await handIn();
    expect(resumed).toMatchObject({ signedFiles: 1, kept: 1, sentNow: 1, waiting: 0, refused: [] });
    expect(resumed.problem).toBeUndefined();
    expect(resumed.bytesSent).toBe(stages.teacherSigned.length - cut.bytesSent);
    // Nothing more to send.
    expect(await handIn()).toMatchObject({ kept: 1, sentNow: 0, bytesSent: 0, waiting: 0 });
    // The principal and the seal sign: the new file goes up as the next version.
    await keepOnDesktop(path, stages.complete);
    expect(await handIn()).toMatchObject({
      signedFiles: 1,
      kept: 1,
      sentNow: 1,
      bytesSent: stages.complete.length,
    });
    const kept = await versionsOnServer();
    expect(kept.map((v) => [v.version, v.verdict, v.sha256])).toEqual([
      [1, 'partial', sha(stages.teacherSigned)],
      [2, 'complete', sha(stages.complete)],
    ]);
  });

  it('keeps the server’s refusal with its reason, and does not send the file again', async () => {
    // An amendment archived the complete file; the current one was changed after signing.
    const path = runtime.services.records.pathOf(record.id);
    const archived = join(dirname(path), 'versions', `${record.id.split(':')[2] ?? ''}.v1.pdf`);
    await keepOnDesktop(archived, stages.complete);
    const tampered = stages.complete.slice();
    const middle = Math.floor(tampered.length / 2);
    tampered[middle] = (tampered[middle] ?? 0) ^ 0x01;
    await keepOnDesktop(path, tampered);
    const first = await handIn();
    expect(first).toMatchObject({ signedFiles: 2, kept: 1, sentNow: 0, waiting: 0 });
    expect(first.refused.map((entry) => entry.recordId)).toEqual([record.id]);
    expect(first.refused[0]?.reason).toMatch(/bị thay đổi sau khi ký/);
    expect(await handIn()).toMatchObject({ kept: 1, sentNow: 0, bytesSent: 0, refused: first.refused });
    // "Đồng bộ ngay" asks the server again (what it trusts may have changed): sent, refused again.
    const asked = recordHandInSummarySchema.parse(await call('sync:handInRecords', { retryRefused: true }));
    expect(asked).toMatchObject({ kept: 1, sentNow: 0, bytesSent: tampered.length });
    expect(asked.refused.map((entry) => entry.recordId)).toEqual([record.id]);
    expect((await versionsOnServer()).length).toBe(2);
    // The ledger lives sealed beside the data: the student's code is not in it in the clear.
    const [ledger = ''] = await readdir(join(dataDir, 'records', 'hand-in'));
    expect(ledger).toMatch(/^hocba-u-.*\.json$/);
    const stored = await readFile(join(dataDir, 'records', 'hand-in', ledger));
    expect(stored.includes(record.id.split(':')[2] ?? 'none')).toBe(false);
  });
});
