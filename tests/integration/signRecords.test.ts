import { execFile } from 'node:child_process';
import { cpSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CryptoEngine } from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCommand } from '../../main/cli/commands/signCommand';
import { CliUsageError } from '../../main/cli/cliIo';
import { loadRecordFonts, type RecordFontBytes } from '../../main/services/recordFonts';
import {
  type BatchProgress,
  type BatchResult,
  createTokenSigner,
  nodeSha256,
  readSignedRoles,
  RecordSigningError,
  signRecordBatch,
  signRecordFile,
  type TokenSigner,
} from '../../main/services/signing';
import {
  createTokenService,
  sharedModuleRegistry,
  type SigningSession,
  type TokenRef,
  type TokenService,
  tokenStrings,
} from '../../main/services/token';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import { readRecordPdfMarkers } from '../../shared/record/render/recordPdfMarkers';
import { renderStudyRecordPdf } from '../../shared/record/render/renderStudyRecordPdf';
import { sampleStudyRecords } from '../../shared/record/sampleStudyRecords';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../shared/sample/generateYearResults';
import type { SignerRole } from '../../shared/domain/signerRole';
import { verifyPdfSignatures } from '../../shared/signing/verifyPdfSignatures';
import { captureCliIo } from '../support/captureCliIo';
import { createSoftHsm, type SoftHsm, type TokenName } from '../support/softhsm';
import { createTestPki, testPkiSignerNames, type TestPki } from '../support/testPki';
import { namingSigners } from '../support/recordSigners';

/**
 * Batch signing of rendered học bạ with SoftHSM2 tokens and a fresh test CA: teacher, principal
 * and seal each sign a class of five records with one login; a cancel and a pulled token are
 * resumed by running the batch again; every file ends valid in our verifier and in pdfsig.
 * Tests run in order and share the files.
 */

const run = promisify(execFile);
const cryptoEngine = new CryptoEngine({ name: 'node', crypto: globalThis.crypto });
const compiled = defaultCompiledCatalogue();
const school = generateSampleSchool({ seed: 11, students: 40 });
const records = sampleStudyRecords(compiled, school, generateYearResults(compiled, school, 11), 6).map(
  (record) => namingSigners(record, testPkiSignerNames),
);
const [draftRecord] = sampleStudyRecords(
  compiled,
  school,
  generateYearResults(compiled, school, 11, 'CK1'),
  1,
);

let pki: TestPki;
let hsm: SoftHsm;
let service: TokenService;
let fonts: RecordFontBytes;
let work: string;
let classDir: string;
let files: string[] = [];
const timings: { role: SignerRole; result: BatchResult }[] = [];

function refOf(name: TokenName): TokenRef {
  const token = service
    .listTokens(hsm.modulePath)
    .find((candidate) => candidate.label === hsm.tokens[name].label);
  if (token === undefined) throw new Error(`token ${name} not listed`);
  return { libraryPath: hsm.modulePath, slotId: token.slotId, expectedSerial: token.serialNumber };
}

async function loginSigner(
  name: TokenName,
  keyIdHex: string,
): Promise<{ session: SigningSession; signer: TokenSigner }> {
  const session = await service.login(refOf(name), hsm.tokens[name].userPin);
  const signer = createTokenSigner({ session, keyIdHex, intermediates: [pki.intermediateCa.certDer] });
  return { session, signer };
}

function batch(
  role: SignerRole,
  signer: TokenSigner,
  extra: Partial<Parameters<typeof signRecordBatch>[0]> = {},
) {
  return signRecordBatch({
    files,
    role,
    signer,
    fontBytes: fonts.regular,
    trustAnchors: [pki.rootCa.certDer],
    ...extra,
  });
}

async function snapshot(): Promise<Buffer[]> {
  return Promise.all(files.map((file) => readFile(file)));
}

async function leftoverTemps(): Promise<string[]> {
  return (await readdir(classDir)).filter((name) => name.endsWith('.tmp'));
}

beforeAll(async () => {
  pki = createTestPki();
  hsm = createSoftHsm(pki); // sets SOFTHSM2_CONF before the module is loaded
  service = createTokenService({ registry: sharedModuleRegistry() });
  fonts = await loadRecordFonts();
  work = await mkdtemp(join(tmpdir(), 'hocba-sign-'));
  classDir = join(work, 'lop-5a');
  await mkdir(classDir);
  const classRecords = records.slice(0, 5);
  files = await Promise.all(
    classRecords.map(async (record, index) => {
      const rendered = await renderStudyRecordPdf({ record, fonts });
      const file = join(classDir, `hoc-ba-${index + 1}.pdf`);
      await writeFile(file, rendered.pdf);
      return file;
    }),
  );
});

afterAll(async () => {
  service.close();
  sharedModuleRegistry().closeAll();
  hsm.cleanup();
  pki.cleanup();
  if (work) await rm(work, { recursive: true, force: true });
  for (const { role, result } of timings) {
    const signed = result.files.flatMap((entry) => (entry.outcome === 'signed' ? [entry] : []));
    const perRecord = signed.reduce((sum, entry) => sum + entry.ms, 0) / Math.max(1, signed.length);
    const token = signed.reduce((sum, entry) => sum + entry.tokenMs, 0) / Math.max(1, signed.length);
    console.log(
      `[sign ${role}] ${signed.length} records: ${perRecord.toFixed(1)} ms/record, ` +
        `token sign ${token.toFixed(1)} ms/record (${((100 * token) / perRecord).toFixed(0)} %), ` +
        `outside the token ${(perRecord - token).toFixed(1)} ms/record`,
    );
  }
});

describe('batch signing of a class’s records with tokens', () => {
  it('writes the signature boxes into the file for the signer to find', async () => {
    const pdf = new Uint8Array(await readFile(files[0] ?? ''));
    const markers = await readRecordPdfMarkers(pdf);
    expect(markers?.status).toBe('final');
    expect(Object.keys(markers?.signatureBoxes ?? {})).toEqual([
      'homeroomTeacher',
      'principal',
      'schoolSeal',
    ]);
  });

  it('refuses, file by file, a certificate that is not the person each record names in the box', async () => {
    const before = await snapshot();
    const { session, signer } = await loginSigner('principal', 'a1b2');
    const result = await batch('homeroomTeacher', signer);
    session.close();
    expect(result.signed).toBe(0);
    expect(result.files.map((entry) => entry.outcome)).toEqual(files.map(() => 'refused'));
    const [first] = result.files;
    expect(first?.outcome === 'refused' ? first.message : '').toContain(
      'Chứng thư số mang tên “Trần Văn Bình”, không phải “Nguyễn Thị Thu Hà”',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('signs as the homeroom teacher with one login; a cancel is resumed by running again', async () => {
    const { session, signer } = await loginSigner('teacher', '01');
    const controller = new AbortController();
    const progress: BatchProgress[] = [];
    const first = await batch('homeroomTeacher', signer, {
      signal: controller.signal,
      onProgress: (report) => {
        progress.push(report);
        if (report.done === 2) controller.abort();
      },
    });
    expect(first.outcome).toBe('cancelled');
    expect(first.signed).toBe(2);
    expect(first.message).toContain('2/5');
    expect(progress.map((report) => [report.done, report.current])).toEqual([
      [0, files[0]],
      [1, files[1]],
      [2, files[2]],
      [2, undefined],
    ]);

    const second = await batch('homeroomTeacher', signer, { onProgress: (report) => progress.push(report) });
    expect(second.outcome).toBe('completed');
    expect(second.files.map((entry) => entry.outcome)).toEqual([
      'skipped',
      'skipped',
      'signed',
      'signed',
      'signed',
    ]);
    expect(progress.at(-1)).toMatchObject({ done: 5, total: 5, current: undefined });
    timings.push({ role: 'homeroomTeacher', result: first }, { role: 'homeroomTeacher', result: second });
    session.close();
    for (const file of files)
      expect(await readSignedRoles(new Uint8Array(await readFile(file)))).toEqual(['homeroomTeacher']);
  });

  it('refuses a draft and a role already signed, leaving the files as they were', async () => {
    if (!draftRecord) throw new Error('no draft record');
    const draftFile = join(work, 'ban-nhap.pdf');
    const draftPdf = (await renderStudyRecordPdf({ record: draftRecord, fonts })).pdf;
    await writeFile(draftFile, draftPdf);
    const before = await readFile(files[0] ?? '');
    const { session, signer } = await loginSigner('teacher', '01');
    const options = {
      role: 'homeroomTeacher' as const,
      signer,
      fontBytes: fonts.regular,
      trustAnchors: [pki.rootCa.certDer],
    };
    const draft = await signRecordFile({ ...options, input: draftFile }).catch((error: unknown) => error);
    expect(draft).toBeInstanceOf(RecordSigningError);
    expect(draft).toMatchObject({ code: 'draft' });
    expect((draft as Error).message).toContain('bản nháp');
    const again = await signRecordFile({ ...options, input: files[0] ?? '' }).catch(
      (error: unknown) => error,
    );
    expect(again).toMatchObject({
      code: 'already-signed',
      message: 'Học bạ đã có chữ ký của Giáo viên chủ nhiệm; không ký lại.',
    });
    session.close();
    expect(await readFile(draftFile)).toEqual(Buffer.from(draftPdf));
    expect(await readFile(files[0] ?? '')).toEqual(before);
    expect(signer.signatures()).toBe(0);
  });

  it('stops on a pulled token with every file whole, and finishes after the token is back', async () => {
    const tokenBackup = join(work, 'principal-token-backup');
    cpSync(hsm.tokens.principal.directory, tokenBackup, { recursive: true });
    const before = await snapshot();
    const { signer } = await loginSigner('principal', 'a1b2');
    const stopped = await batch('principal', signer, {
      onProgress: (report) => {
        if (report.done === 2 && report.current !== undefined) hsm.removeToken('principal');
      },
    });
    expect(stopped.outcome).toBe('stopped');
    expect(stopped.error?.kind).toBe('token-removed');
    expect(stopped.error?.resumable).toBe(true);
    expect(stopped.message).toContain(tokenStrings.tokenRemoved);
    expect(stopped.message).toContain('2/5');
    expect(stopped.signed).toBe(2);
    const after = await snapshot();
    for (const [index, file] of files.entries()) {
      const roles = await readSignedRoles(new Uint8Array(after[index] ?? Buffer.alloc(0)));
      if (index < 2) expect(roles, file).toEqual(['homeroomTeacher', 'principal']);
      else expect(after[index], file).toEqual(before[index]);
    }
    expect(await leftoverTemps()).toEqual([]);

    // The token comes back: SoftHSM sees it after the library is loaded afresh.
    cpSync(tokenBackup, hsm.tokens.principal.directory, { recursive: true });
    service.reload(hsm.modulePath);
    // What a crash between writing and renaming would leave: the resumed batch clears it.
    await writeFile(join(classDir, '.hoc-ba-3.pdf.0123456789ab.signing.tmp'), 'nửa tệp');
    const { session, signer: again } = await loginSigner('principal', 'a1b2');
    const resumed = await batch('principal', again);
    expect(resumed.outcome).toBe('completed');
    expect(resumed.files.map((entry) => entry.outcome)).toEqual([
      'skipped',
      'skipped',
      'signed',
      'signed',
      'signed',
    ]);
    timings.push({ role: 'principal', result: resumed });
    session.close();
    expect(await leftoverTemps()).toEqual([]);
  });

  it('signs as the school seal with the seal token’s good certificate', async () => {
    const { session, signer } = await loginSigner('seal', '5e');
    const result = await batch('schoolSeal', signer);
    expect(result.outcome).toBe('completed');
    expect(result.signed).toBe(5);
    timings.push({ role: 'schoolSeal', result });
    session.close();
  });

  it('leaves every file with three valid signatures in our verifier', async () => {
    for (const file of files) {
      const pdf = new Uint8Array(await readFile(file));
      const report = await verifyPdfSignatures({
        pdf,
        trustAnchors: [pki.rootCa.certDer],
        sha256: nodeSha256,
        cryptoEngine,
      });
      expect(report.valid, file).toBe(true);
      expect(report.signatures.map((signature) => signature.signerName)).toEqual([
        'Nguyễn Thị Thu Hà',
        'Trần Văn Bình',
        'Trường Tiểu học Kim Liên',
      ]);
      expect((await readRecordPdfMarkers(pdf))?.status).toBe('final');
    }
  });

  it('is valid in pdfsig too (its verdict is in the text: it exits 0 on failures)', async () => {
    const { stdout } = await run('pdfsig', [files[3] ?? '']).catch((error: unknown) => ({
      stdout: (error as { stdout?: string }).stdout ?? '',
    }));
    expect(stdout.match(/Signature is Valid\./g)).toHaveLength(3);
    expect(stdout).not.toMatch(/Signature is Invalid|Digest Mismatch/);
    expect(stdout).toContain('Sig_gvcn');
    expect(stdout).toContain('Sig_hieutruong');
    expect(stdout).toContain('Sig_truong');
  });
});

describe('hocba sign', () => {
  const base = () => [
    '--module',
    hsm.modulePath,
    '--token',
    hsm.tokens.teacher.label,
    '--key-id',
    '01',
    '--chain',
    pki.intermediateCa.certPemPath,
    '--trust',
    pki.rootCa.certPemPath,
  ];

  it('signs one record end to end with the PIN from stdin, never echoing it', async () => {
    const record = records[5];
    if (!record) throw new Error('no sixth record');
    await writeFile(join(work, 'mot.pdf'), (await renderStudyRecordPdf({ record, fonts })).pdf);
    const pin = hsm.tokens.teacher.userPin;
    const cli = captureCliIo(`${pin}\n`, work);
    const code = await signCommand.run(
      ['mot.pdf', '--role', 'gvcn', ...base(), '--pin-stdin', '--out', 'ky/mot.pdf'],
      cli.io,
    );
    expect(cli.err()).toContain('Đã ký học bạ');
    expect(code).toBe(0);
    const summary = JSON.parse(cli.out()) as { out: string; signer: string; valid: boolean; keyId: string };
    expect(summary).toMatchObject({
      out: join(work, 'ky', 'mot.pdf'),
      signer: 'Nguyễn Thị Thu Hà',
      valid: true,
      keyId: '01',
    });
    expect(cli.out() + cli.err()).not.toContain(pin);
    const pdf = new Uint8Array(await readFile(summary.out));
    const report = await verifyPdfSignatures({
      pdf,
      trustAnchors: [pki.rootCa.certDer],
      sha256: nodeSha256,
      cryptoEngine,
    });
    expect(report.valid).toBe(true);
    expect(report.signatures).toHaveLength(1);
  });

  it('says why it did not sign: wrong PIN, role already signed, no --pin-stdin', async () => {
    const wrong = captureCliIo('000000\n', work);
    expect(
      await signCommand.run(
        ['mot.pdf', '--role', 'gvcn', ...base(), '--pin-stdin', '--out', 'x.pdf'],
        wrong.io,
      ),
    ).toBe(1);
    expect(wrong.err()).toContain(tokenStrings.pinIncorrect);
    expect(wrong.err()).not.toContain('000000');

    const twice = captureCliIo(`${hsm.tokens.teacher.userPin}\n`, work);
    expect(
      await signCommand.run(
        ['ky/mot.pdf', '--role', 'gvcn', ...base(), '--pin-stdin', '--out', 'ky/mot.pdf'],
        twice.io,
      ),
    ).toBe(1);
    expect(twice.err()).toContain('đã có chữ ký của Giáo viên chủ nhiệm');
    await expect(readFile(join(work, 'x.pdf'))).rejects.toThrow();

    await expect(
      signCommand.run(['mot.pdf', '--role', 'gvcn', ...base(), '--out', 'x.pdf'], captureCliIo('', work).io),
    ).rejects.toThrow(CliUsageError);
    await expect(
      signCommand.run(
        ['mot.pdf', '--role', 'giamdoc', ...base(), '--pin-stdin', '--out', 'x.pdf'],
        captureCliIo('', work).io,
      ),
    ).rejects.toThrow(CliUsageError);
  });
});
