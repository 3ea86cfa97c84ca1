import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Certificate } from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../main/services/logger';
import { createTimestampClient } from '../../main/services/timestamp';
import { toArrayBuffer } from '../../shared/signing/bytes';
import { readTimestampToken } from '../../shared/signing/timestampTokenView';
import { verifyTimestampToken } from '../../shared/signing/verifyTimestampToken';
import { testCryptoEngine } from '../support/pkijsCertificates';
import { createTestPki, type TestPki } from '../support/testPki';
import { closedPortUrl, startTestTsa, type TestTsa } from '../support/testTsa';

/**
 * The timestamp client against a real RFC 3161 TSA (`openssl ts -reply`) on 127.0.0.1, and
 * against the ways a TSA fails: down, silent, replaying, refusing, flooding. It must give a
 * token only for this very request and never throw.
 */

const run = promisify(execFile);
const sha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());
const signatureValue = new Uint8Array(createHash('sha512').update('chữ ký của giáo viên').digest());

let pki: TestPki;
let tsa: TestTsa;
const logLines: string[] = [];
const logger = createLogger((line) => logLines.push(line), 'debug');

beforeAll(async () => {
  pki = createTestPki();
  tsa = await startTestTsa({
    issuer: { certPath: pki.intermediateCa.certPemPath, keyPath: pki.intermediateCa.keyPemPath },
    chainPath: pki.intermediateCa.certPemPath,
  });
});

afterAll(async () => {
  await tsa.close();
  pki.cleanup();
});

describe('the timestamp client', () => {
  it('gets a token over SHA-256 of the signature value that our verifier and openssl ts accept', async () => {
    tsa.mode = 'normal';
    const token = await createTimestampClient({ url: tsa.url, logger })(signatureValue);
    expect(token).toBeDefined();
    if (!token) return;
    const view = readTimestampToken(token);
    expect(Buffer.from(view.tstInfo.imprint)).toEqual(Buffer.from(sha256(signatureValue)));
    expect(Math.abs(view.tstInfo.genTime.getTime() - Date.now())).toBeLessThan(60_000);
    const verified = await verifyTimestampToken({
      token,
      signatureValue,
      anchors: [Certificate.fromBER(toArrayBuffer(pki.rootCa.certDer))],
      pool: [],
      sha256,
      cryptoEngine: testCryptoEngine,
      now: new Date(),
    });
    expect(verified).toMatchObject({ ok: true, tsaName: 'Máy chủ dấu thời gian Sở GD&ĐT' });
    // The token carries the TSA certificate and the intermediate: what it costs in /Contents.
    console.log(`[timestamp] token with the TSA's chain: ${token.length} bytes`);

    const tokenFile = join(pki.dir, 'token.der');
    await writeFile(tokenFile, token);
    const { stdout } = await run('openssl', [
      'ts', '-verify', '-token_in', '-in', tokenFile,
      '-digest', Buffer.from(sha256(signatureValue)).toString('hex'), '-CAfile', pki.chainPemPath,
    ]); // prettier-ignore
    expect(stdout).toContain('Verification: OK');
  });

  it('gives nothing, without throwing, for a replayed answer, a refusal and a flood', async () => {
    for (const mode of ['replay', 'reject', 'huge'] as const) {
      tsa.mode = mode;
      // A fresh client each time: a failure pauses a client's requests to that TSA.
      expect(await createTimestampClient({ url: tsa.url, logger })(signatureValue), mode).toBeUndefined();
    }
    const events = logLines.map(
      (line) => JSON.parse(line) as { event: string; code?: string; failure?: string },
    );
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'timestamp.refused', code: 'nonce-mismatch' }),
    );
    expect(events).toContainEqual(expect.objectContaining({ event: 'timestamp.refused', code: 'rejected' }));
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'timestamp.unavailable', failure: 'too-large' }),
    );
  });

  it('gives up on a silent TSA after its timeout, then stops asking it for a while', async () => {
    tsa.mode = 'hang';
    const client = createTimestampClient({ url: tsa.url, timeoutMs: 300, logger });
    const before = tsa.requests();
    expect(await client(signatureValue)).toBeUndefined();
    expect(tsa.requests()).toBe(before + 1);
    // The next signatures of the batch do not wait out the timeout again.
    expect(await client(signatureValue)).toBeUndefined();
    expect(await client(signatureValue)).toBeUndefined();
    expect(tsa.requests()).toBe(before + 1);
    expect(logLines.at(-1)).toContain('"failure":"timeout"');
  });

  it('gives nothing for a TSA that is not there, and logs no personal data or URL', async () => {
    const url = await closedPortUrl();
    expect(await createTimestampClient({ url, logger })(signatureValue)).toBeUndefined();
    expect(logLines.at(-1)).toContain('"failure":"network"');
    expect(logLines.join('\n')).not.toContain('127.0.0.1');
  });
});
