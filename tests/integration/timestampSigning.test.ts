import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Certificate, CryptoEngine } from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliUsageError } from '../../main/cli/cliIo';
import { signCommand } from '../../main/cli/commands/signCommand';
import { loadRecordFonts, type RecordFontBytes } from '../../main/services/recordFonts';
import { createTokenSigner, nodeSha256, signRecordBatch } from '../../main/services/signing';
import { createTimestampClient } from '../../main/services/timestamp';
import { createTokenService, sharedModuleRegistry, type TokenService } from '../../main/services/token';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import { renderStudyRecordPdf } from '../../shared/record/render/renderStudyRecordPdf';
import { sampleStudyRecords } from '../../shared/record/sampleStudyRecords';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../shared/sample/generateYearResults';
import { toArrayBuffer } from '../../shared/signing/bytes';
import { readCms } from '../../shared/signing/cmsView';
import {
  readSignatureDictionaries,
  type SignatureDictionary,
} from '../../shared/signing/signatureDictionaries';
import { judgeSigningTime } from '../../shared/signing/signingTime';
import type { SignerRole } from '../../shared/domain/signerRole';
import { verifyPdfSignatures } from '../../shared/signing/verifyPdfSignatures';
import { verifyTimestampToken } from '../../shared/signing/verifyTimestampToken';
import { captureCliIo } from '../support/captureCliIo';
import { createSoftHsm, type SoftHsm, type TokenName } from '../support/softhsm';
import { createTestPki, testPkiSignerNames, type TestPki } from '../support/testPki';
import { namingSigners } from '../support/recordSigners';
import { closedPortUrl, startTestTsa, type TestTsa } from '../support/testTsa';

/**
 * PAdES B-T with SoftHSM2 tokens and a local RFC 3161 TSA (`openssl ts -reply` on 127.0.0.1):
 * `hocba sign --tsa` and a token batch embed a timestamp over each signature value, which our
 * verifier, pdfsig and `openssl cms -verify` accept; with the TSA down, the same batch signs
 * every file without one, and the time is then reported as claimed.
 */

const run = promisify(execFile);
const cryptoEngine = new CryptoEngine({ name: 'node', crypto: globalThis.crypto });
const compiled = defaultCompiledCatalogue();
const school = generateSampleSchool({ seed: 23, students: 40 });
const records = sampleStudyRecords(compiled, school, generateYearResults(compiled, school, 23), 5).map(
  (record) => namingSigners(record, testPkiSignerNames),
);

let pki: TestPki;
let hsm: SoftHsm;
let service: TokenService;
let fonts: RecordFontBytes;
let tsa: TestTsa;
let work: string;
let batchFiles: string[] = [];

const anchors = () => [Certificate.fromBER(toArrayBuffer(pki.rootCa.certDer))];

async function render(index: number, name: string): Promise<string> {
  const record = records[index];
  if (!record) throw new Error(`no record ${index}`);
  const file = join(work, name);
  await writeFile(file, (await renderStudyRecordPdf({ record, fonts })).pdf);
  return file;
}

function signatureOf(pdf: Uint8Array, position: number): SignatureDictionary {
  const found = readSignatureDictionaries(pdf)[position];
  if (!found) throw new Error(`no signature ${position}`);
  return found;
}

/** The DER length of a /Contents value (the hex is padded with zeros). */
function derLength(bytes: Uint8Array): number {
  const first = bytes[1] ?? 0;
  if (first < 0x80) return 2 + first;
  let length = 0;
  for (let i = 0; i < (first & 0x7f); i += 1) length = length * 256 + (bytes[2 + i] ?? 0);
  return 2 + (first & 0x7f) + length;
}

async function checkToken(found: SignatureDictionary) {
  const cms = readCms(found.contents);
  if (!cms?.timestampToken) throw new Error('no timestamp token');
  return verifyTimestampToken({
    token: cms.timestampToken,
    signatureValue: cms.signatureValue,
    anchors: anchors(),
    pool: [],
    sha256: nodeSha256,
    cryptoEngine,
    now: new Date(),
  });
}

async function loginSigner(name: TokenName, keyIdHex: string) {
  const token = service.listTokens(hsm.modulePath).find((entry) => entry.label === hsm.tokens[name].label);
  if (!token) throw new Error(`token ${name} not listed`);
  const session = await service.login(
    { libraryPath: hsm.modulePath, slotId: token.slotId, expectedSerial: token.serialNumber },
    hsm.tokens[name].userPin,
  );
  return {
    session,
    signer: createTokenSigner({ session, keyIdHex, intermediates: [pki.intermediateCa.certDer] }),
  };
}

async function pdfsigValid(file: string): Promise<number> {
  const { stdout } = await run('pdfsig', [file]).catch((error: unknown) => ({
    stdout: (error as { stdout?: string }).stdout ?? '',
  }));
  expect(stdout).not.toMatch(/Signature is Invalid|Digest Mismatch/);
  return stdout.match(/Signature is Valid\./g)?.length ?? 0;
}

beforeAll(async () => {
  pki = createTestPki();
  hsm = createSoftHsm(pki);
  service = createTokenService({ registry: sharedModuleRegistry() });
  fonts = await loadRecordFonts();
  work = await mkdtemp(join(tmpdir(), 'hocba-tsa-sign-'));
  tsa = await startTestTsa({
    issuer: { certPath: pki.intermediateCa.certPemPath, keyPath: pki.intermediateCa.keyPemPath },
    chainPath: pki.intermediateCa.certPemPath,
  });
  batchFiles = await Promise.all([0, 1, 2].map((index) => render(index, `lop-${index}.pdf`)));
});

afterAll(async () => {
  service.close();
  sharedModuleRegistry().closeAll();
  await tsa.close();
  hsm.cleanup();
  pki.cleanup();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('hocba sign --tsa', () => {
  const base = (tsaUrl: string) => [
    '--role', 'gvcn', '--module', hsm.modulePath, '--token', hsm.tokens.teacher.label, '--key-id', '01',
    '--chain', pki.intermediateCa.certPemPath, '--trust', pki.rootCa.certPemPath, '--pin-stdin', '--tsa', tsaUrl,
  ]; // prettier-ignore

  it('embeds a timestamp that our verifier, pdfsig and openssl cms accept', async () => {
    await render(3, 'mot.pdf');
    const before = tsa.requests();
    const cli = captureCliIo(`${hsm.tokens.teacher.userPin}\n`, work);
    const code = await signCommand.run(['mot.pdf', ...base(tsa.url), '--out', 'mot-ky.pdf'], cli.io);
    expect(cli.err()).not.toContain('không lấy được dấu thời gian');
    expect(code).toBe(0);
    expect(JSON.parse(cli.out())).toMatchObject({ valid: true, timestamped: true });
    expect(tsa.requests()).toBe(before + 1);

    const file = join(work, 'mot-ky.pdf');
    const pdf = new Uint8Array(await readFile(file));
    const found = signatureOf(pdf, 0);
    const token = await checkToken(found);
    expect(token).toMatchObject({ ok: true, tsaName: 'Máy chủ dấu thời gian Sở GD&ĐT' });
    if (!token.ok) return;
    const cms = readCms(found.contents);
    const judged = judgeSigningTime({
      claimed: found.signingTime,
      timestamp: { genTime: token.genTime, tsaName: token.tsaName },
      certificate: cms?.signer ?? Certificate.fromBER(toArrayBuffer(pki.signers.homeroomTeacher.certDer)),
      earlier: [],
      now: new Date(),
    });
    expect(judged).toMatchObject({ ok: true, proven: true, basis: 'timestamp' });
    // The verifier itself checks the token and judges the certificate at the proven time.
    const report = await verifyPdfSignatures({
      pdf,
      trustAnchors: [pki.rootCa.certDer],
      sha256: nodeSha256,
      cryptoEngine,
    });
    expect(report.valid).toBe(true);
    expect(report.signatures[0]?.time).toMatchObject({
      basis: 'timestamp',
      proven: true,
      timestamp: { authority: 'Máy chủ dấu thời gian Sở GD&ĐT' },
    });
    expect(report.signatures[0]?.checks.find((check) => check.check === 'timestamp')?.ok).toBe(true);

    const contents = found.contents;
    const size = derLength(contents);
    console.log(
      `[timestamp] CMS with the signer's chain and a TSA token: ${size} of ${contents.length} reserved bytes`,
    );
    expect(size).toBeLessThan(contents.length);

    expect(await pdfsigValid(file)).toBe(1);
    const range = found.byteRange ?? [0, 0, 0, 0];
    const covered = Buffer.concat([pdf.subarray(0, range[1]), pdf.subarray(range[2], range[2] + range[3])]);
    await writeFile(join(work, 'sig.der'), contents.subarray(0, size));
    await writeFile(join(work, 'covered.bin'), covered);
    await writeFile(join(work, 'cas.pem'), pki.intermediateCa.certPem + pki.rootCa.certPem);
    const { stderr } = await run('openssl', [
      'cms', '-verify', '-binary', '-inform', 'DER', '-in', join(work, 'sig.der'), '-content', join(work, 'covered.bin'),
      '-CAfile', join(work, 'cas.pem'), '-purpose', 'any', '-out', join(work, 'out.bin'),
    ]); // prettier-ignore
    expect(stderr).toContain('Verification successful');
    // openssl reads the embedded token too (cms -cmsout -print shows the unsigned attribute).
    const { stdout } = await run('openssl', [
      'cms',
      '-cmsout',
      '-print',
      '-inform',
      'DER',
      '-in',
      join(work, 'sig.der'),
    ]);
    expect(stdout).toContain('id-smime-aa-timeStampToken');
  });

  it('still signs when the TSA cannot be reached, and says the time is only claimed', async () => {
    await render(4, 'hai.pdf');
    const cli = captureCliIo(`${hsm.tokens.teacher.userPin}\n`, work);
    const code = await signCommand.run(
      ['hai.pdf', ...base(await closedPortUrl()), '--out', 'hai-ky.pdf'],
      cli.io,
    );
    expect(code).toBe(0);
    expect(JSON.parse(cli.out())).toMatchObject({ valid: true, timestamped: false });
    expect(cli.err()).toContain('không lấy được dấu thời gian');
    const found = signatureOf(new Uint8Array(await readFile(join(work, 'hai-ky.pdf'))), 0);
    expect(readCms(found.contents)?.timestampToken).toBeUndefined();
  });

  it('refuses a --tsa that is not an http(s) URL before touching the token', async () => {
    for (const bad of ['file:///etc/passwd', 'tsa.sogd.vn', 'http://user:pass@tsa.sogd.vn/']) {
      await expect(
        signCommand.run(['mot.pdf', ...base(bad), '--out', 'x.pdf'], captureCliIo('', work).io),
      ).rejects.toThrow(CliUsageError);
    }
  });
});

describe('a token batch with the TSA', () => {
  async function signBatch(role: SignerRole, name: TokenName, keyIdHex: string, url: string) {
    const { session, signer } = await loginSigner(name, keyIdHex);
    try {
      return await signRecordBatch({
        files: batchFiles,
        role,
        signer,
        fontBytes: fonts.regular,
        trustAnchors: [pki.rootCa.certDer],
        timestamp: createTimestampClient({ url }),
      });
    } finally {
      session.close();
    }
  }

  it('timestamps every signature of the batch', async () => {
    const before = tsa.requests();
    const result = await signBatch('homeroomTeacher', 'teacher', '01', tsa.url);
    expect(result).toMatchObject({ outcome: 'completed', signed: 3, timestamped: 3 });
    expect(tsa.requests()).toBe(before + 3);
    for (const file of batchFiles) {
      const found = signatureOf(new Uint8Array(await readFile(file)), 0);
      expect(await checkToken(found), file).toMatchObject({ ok: true });
    }
  });

  it('signs the whole batch unchanged when the TSA is down; the verifier then has only a claimed time', async () => {
    const result = await signBatch('principal', 'principal', 'a1b2', await closedPortUrl());
    expect(result).toMatchObject({ outcome: 'completed', signed: 3, timestamped: 0 });
    for (const file of batchFiles) {
      const pdf = new Uint8Array(await readFile(file));
      const report = await verifyPdfSignatures({
        pdf,
        trustAnchors: [pki.rootCa.certDer],
        sha256: nodeSha256,
        cryptoEngine,
      });
      expect(report.valid, file).toBe(true);
      expect(report.signatures[1]?.time).toMatchObject({ basis: 'claimed', proven: false });
      const principal = signatureOf(pdf, 1);
      const cms = readCms(principal.contents);
      expect(cms?.timestampToken).toBeUndefined();
      if (!cms) continue;
      const judged = judgeSigningTime({
        claimed: principal.signingTime,
        certificate: cms.signer,
        earlier: [],
        now: new Date(),
      });
      expect(judged).toMatchObject({ ok: true, proven: false, basis: 'claimed' });
      expect(judged.message).toContain(
        'Thời điểm ký do người ký tự khai, chưa được xác thực bằng dấu thời gian',
      );
      expect(await pdfsigValid(file)).toBe(2);
    }
  });
});
