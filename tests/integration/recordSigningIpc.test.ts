import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMainRuntime, type MainRuntime } from '../../main/mainRuntime';
import { createLogger, memoryLogSink } from '../../main/services/logger';
import type { IpcChannel } from '../../shared/ipc/channels';
import type { IpcRequest, IpcResponse } from '../../shared/ipc/contract';
import type { SigningJobState, TokenView } from '../../shared/ipc/signingChannels';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import { sampleStudyRecords } from '../../shared/record/sampleStudyRecords';
import type { StudyRecord } from '../../shared/record/studyRecord';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../shared/sample/generateYearResults';
import { createSoftHsm, type SoftHsm, type TokenName } from '../support/softhsm';
import { createTestPki, type TestPki } from '../support/testPki';

/**
 * The app's signing path through the real IPC dispatcher (what the screens call): records are
 * produced into the data folder, the token is listed, a wrong PIN is refused with the token's
 * own words, a batch is signed in the background and polled, cancelled and resumed, refused for
 * someone else's certificate, and every file verifies against the desktop's trust folder and in
 * pdfsig.
 */

const run = promisify(execFile);
const compiled = defaultCompiledCatalogue();
const school = generateSampleSchool({ seed: 23, students: 40 });
/** The names on the test CA's certificates are the ones printed on these records' signature boxes. */
const signers = {
  homeroomTeacher: 'Nguyễn Thị Thu Hà',
  principal: 'Trần Văn Bình',
  schoolSeal: 'Trường Tiểu học Kim Liên',
} as const;
const records: StudyRecord[] = sampleStudyRecords(
  compiled,
  school,
  generateYearResults(compiled, school, 23),
  8,
).map((record) => ({
  ...record,
  school: { ...record.school, name: signers.schoolSeal },
  year: { ...record.year, homeroomTeacherName: signers.homeroomTeacher, principalName: signers.principal },
}));
const recordIds = records.map((record) => record.id);

let pki: TestPki;
let hsm: SoftHsm;
let runtime: MainRuntime;
let dataDir: string;
let trustDir: string;

async function call<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>> {
  const result = await runtime.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as IpcResponse<C>;
}

async function callError(channel: IpcChannel, request: unknown): Promise<string> {
  const result = await runtime.dispatch(channel, request);
  if (result.ok) throw new Error(`${channel} should have been refused`);
  return result.error.message;
}

async function tokenNamed(name: TokenName): Promise<TokenView> {
  const list = await call('token:list', { userLibraryPath: hsm.modulePath });
  const token = list.tokens.find((candidate) => candidate.label === hsm.tokens[name].label);
  if (token === undefined) throw new Error(`token ${name} not listed`);
  return token;
}

async function startRequest(name: TokenName, keyIdHex: string, expectedSignerName: string, pin?: string) {
  const token = await tokenNamed(name);
  const roles = { teacher: 'homeroomTeacher', principal: 'principal', seal: 'schoolSeal' } as const;
  return {
    recordIds,
    role: roles[name],
    token: { libraryPath: token.libraryPath, slotId: token.slotId, serialNumber: token.serialNumber },
    keyIdHex,
    pin: pin ?? hsm.tokens[name].userPin,
    expectedSignerName,
  };
}

async function untilEnded(jobId: string): Promise<SigningJobState> {
  for (;;) {
    const state = await call('signing:status', { jobId });
    if (state.state !== 'running') return state;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  pki = createTestPki();
  hsm = createSoftHsm(pki);
  dataDir = await mkdtemp(join(tmpdir(), 'hocba-ipc-sign-'));
  trustDir = join(dataDir, 'trust');
  await mkdir(join(trustDir, 'intermediates'), { recursive: true });
  await copyFile(pki.rootCa.certPemPath, join(trustDir, 'root.pem'));
  await copyFile(pki.intermediateCa.certPemPath, join(trustDir, 'intermediates', 'intermediate.pem'));
  runtime = await createMainRuntime(
    { name: 'Học bạ số', version: '0.0.0-test', platform: 'linux', dataDir, runtime: 'bridge' },
    createLogger(memoryLogSink([]), 'debug'),
    { trustFolders: [trustDir] },
  );
});

afterAll(async () => {
  runtime.close();
  hsm.cleanup();
  pki.cleanup();
  await rm(dataDir, { recursive: true, force: true });
});

describe('signing học bạ through the IPC contract', () => {
  it('produces the records into the data folder, and leaves identical ones alone', async () => {
    const produced = await call('records:produce', { records });
    expect(produced.map((entry) => entry.outcome)).toEqual(records.map(() => 'written'));
    expect(produced.every((entry) => entry.file.state === 'final')).toBe(true);
    const again = await call('records:produce', { records: records.slice(0, 2) });
    expect(again.map((entry) => entry.outcome)).toEqual(['unchanged', 'unchanged']);
    const listed = await call('records:list', {
      recordIds: [...recordIds, 'studyRecord:student:0000000000:2025-2026'],
    });
    expect(listed.at(-1)?.state).toBe('missing');
  });

  it('lists the tokens with their certificates and no PIN', async () => {
    const token = await tokenNamed('teacher');
    expect(token.certificates.map((certificate) => certificate.subjectCommonName)).toContain(
      'Nguyễn Thị Thu Hà',
    );
    expect(token.pinLocked).toBe(false);
  });

  it('refuses a wrong PIN with the token’s message, before any file is touched', async () => {
    const message = await callError(
      'signing:start',
      await startRequest('teacher', '01', 'Nguyễn Thị Thu Hà', '000000'),
    );
    expect(message).toContain('Mã PIN không đúng');
    const states = await call('records:list', { recordIds });
    expect(states.every((state) => state.signedRoles.length === 0)).toBe(true);
  });

  it('refuses a certificate that is not the signed-in account’s', async () => {
    const message = await callError('signing:start', await startRequest('teacher', '01', 'Lê Văn Cường'));
    expect(message.length).toBeGreaterThan(10);
    expect(message).toContain('Nguyễn Thị Thu Hà');
  });

  it('refuses the teacher’s certificate in the principal’s box: the record names the principal', async () => {
    const message = await callError('signing:start', {
      ...(await startRequest('teacher', '01', signers.homeroomTeacher)),
      role: 'principal',
    });
    // The order rule speaks first; once the teacher has signed, the name rule does (below).
    expect(message).toContain('Chưa đến lượt Hiệu trưởng ký');
  });

  it('makes the principal wait until the homeroom teacher has signed', async () => {
    const message = await callError(
      'signing:start',
      await startRequest('principal', 'a1b2', 'Trần Văn Bình'),
    );
    expect(message).toContain('Chưa đến lượt Hiệu trưởng ký');
  });

  it('signs the class in the background, stops on cancel, and finishes when started again', async () => {
    const started = await call('signing:start', await startRequest('teacher', '01', 'Nguyễn Thị Thu Hà'));
    expect(started.state).toBe('running');
    expect(started.signerName).toBe('Nguyễn Thị Thu Hà');
    await call('signing:cancel', { jobId: started.jobId });
    const cancelled = await untilEnded(started.jobId);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.resumable).toBe(true);
    expect(cancelled.done).toBeLessThan(recordIds.length);

    const resumed = await call('signing:start', await startRequest('teacher', '01', 'Nguyễn Thị Thu Hà'));
    // While it runs (only microtasks have passed): no second batch, no re-render of its files.
    expect(
      await callError('signing:start', await startRequest('principal', 'a1b2', signers.principal)),
    ).toContain('Đang có một lượt ký số khác');
    expect(await callError('records:produce', { records: records.slice(0, 1) })).toContain(
      'Đang có lượt ký số các học bạ này',
    );
    const ended = await untilEnded(resumed.jobId);
    expect(ended).toMatchObject({ state: 'completed', done: recordIds.length, refused: [] });
    expect(ended.signed + ended.skipped).toBe(recordIds.length);
    expect(ended.skipped).toBe(cancelled.signed);
    const states = await call('records:list', { recordIds });
    expect(states.every((state) => state.signedRoles.join() === 'homeroomTeacher')).toBe(true);
  });

  it('keeps a signed file when its data changes, and says an amendment is needed', async () => {
    const [first] = records;
    if (first === undefined) throw new Error('no record');
    const changed: StudyRecord = {
      ...first,
      student: { ...first.student, address: `${first.student.address} (mới)` },
    };
    const before = await readFile(runtime.services.records.pathOf(first.id));
    const [produced] = await call('records:produce', { records: [changed] });
    expect(produced?.outcome).toBe('signedDiffers');
    expect(produced?.message).toContain('bản điều chỉnh');
    const after = await readFile(runtime.services.records.pathOf(first.id));
    expect(Buffer.compare(before, after)).toBe(0);
  });

  it('refuses, once the teacher has signed, a teacher who asks to sign in the principal’s box', async () => {
    const message = await callError('signing:start', {
      ...(await startRequest('teacher', '01', signers.homeroomTeacher)),
      role: 'principal',
    });
    expect(message).toContain('Học bạ ghi Hiệu trưởng là “Trần Văn Bình”, không phải “Nguyễn Thị Thu Hà”');
  });

  it('lets the principal and then the seal sign the whole batch after the teacher', async () => {
    for (const [name, keyId, holder] of [
      ['principal', 'a1b2', 'Trần Văn Bình'],
      ['seal', '5e', pki.signers.schoolSeal.commonName],
    ] as const) {
      const started = await call('signing:start', await startRequest(name, keyId, holder));
      const ended = await untilEnded(started.jobId);
      // The first record's data changed above: its signed file is kept and still signed in turn.
      expect(ended).toMatchObject({ state: 'completed', signed: recordIds.length, refused: [] });
    }
    const states = await call('records:list', { recordIds });
    expect(states.every((state) => state.signedRoles.join() === 'homeroomTeacher,principal,schoolSeal')).toBe(
      true,
    );
  });

  it('verifies a signed record against the desktop’s trust folder, and pdfsig agrees', async () => {
    const [first] = recordIds;
    if (first === undefined) throw new Error('no record');
    const report = await call('records:verify', { recordId: first });
    expect(report.trustAnchors).toBe(1);
    expect(report.valid).toBe(true);
    expect(report.signers.map((signer) => signer.name)).toEqual([
      'Nguyễn Thị Thu Hà',
      'Trần Văn Bình',
      pki.signers.schoolSeal.commonName,
    ]);
    expect(report.signers.every((signer) => signer.valid && signer.checks.every((check) => check.ok))).toBe(
      true,
    );
    const file = await call('records:read', { recordId: first });
    const path = join(dataDir, 'exported.pdf');
    await writeFile(path, Buffer.from(file.bytesBase64, 'base64'));
    const { stdout } = await run('pdfsig', [path]);
    expect(stdout.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(3);

    const fromUpload = await call('records:verify', {
      fileName: 'hoc-ba.pdf',
      bytesBase64: file.bytesBase64,
    });
    expect(fromUpload.signers).toEqual(report.signers);
    const notPdf = await callError('records:verify', {
      fileName: 'x.pdf',
      bytesBase64: Buffer.from('hello').toString('base64'),
    });
    expect(notPdf).toContain('không phải là tệp PDF');
  });

  it('amends a signed record: the signed version is archived, the new one links to it', async () => {
    const [first] = records;
    if (first === undefined) throw new Error('no record');
    const changed: StudyRecord = {
      ...first,
      student: { ...first.student, address: `${first.student.address} (mới)` },
    };
    const nothing = await callError('records:amend', { record: first, amendmentId: 'BB-01/2026' });
    expect(nothing).toContain('không có gì để điều chỉnh');

    const amended = await call('records:amend', { record: changed, amendmentId: 'BB-01/2026' });
    expect(amended).toMatchObject({
      outcome: 'amended',
      file: { state: 'final', version: 2, signedRoles: [] },
    });
    const path = runtime.services.records.pathOf(first.id);
    const archived = join(path, '..', 'versions', `${first.student.studentCode}.v1.pdf`);
    const archivedReport = await call('records:verify', {
      fileName: 'v1.pdf',
      bytesBase64: (await readFile(archived)).toString('base64'),
    });
    expect(archivedReport.valid).toBe(true);
    expect(archivedReport.signers).toHaveLength(3);

    // The app still builds version 1 of the same data: it compares equal to the correction.
    const [again] = await call('records:produce', { records: [changed] });
    expect(again?.outcome).toBe('unchanged');

    const started = await call('signing:start', {
      ...(await startRequest('teacher', '01', 'Nguyễn Thị Thu Hà')),
      recordIds: [first.id],
    });
    expect((await untilEnded(started.jobId)).signed).toBe(1);
    const report = await call('records:verify', { recordId: first.id });
    expect(report).toMatchObject({ valid: true, record: { version: 2 } });
    expect(report.signers.map((signer) => signer.name)).toEqual(['Nguyễn Thị Thu Hà']);

    // The current version lost while version 1 is archived: nothing is rendered in its place.
    const current = await readFile(path);
    await rm(path);
    const [lost] = await call('records:produce', { records: [changed] });
    expect(lost).toMatchObject({ outcome: 'unreadableKept', file: { state: 'missing' } });
    expect(lost?.message).toContain('bị mất');
    await expect(readFile(path)).rejects.toThrow();
    await writeFile(path, current);
  });

  it('leaves a file it cannot read untouched instead of rendering over it', async () => {
    const last = records.at(-1);
    if (last === undefined) throw new Error('no record');
    const path = runtime.services.records.pathOf(last.id);
    const foreign = Buffer.from('%PDF-1.7\n% not a học bạ this app can read\n%%EOF\n');
    await writeFile(path, foreign);
    const [produced] = await call('records:produce', { records: [last] });
    expect(produced).toMatchObject({ outcome: 'unreadableKept', file: { state: 'unreadable' } });
    expect(produced?.message).toContain('giữ nguyên');
    expect(Buffer.compare(await readFile(path), foreign)).toBe(0);
  });

  it('refuses a record id that would leave the records folder', async () => {
    const message = await callError('records:read', {
      recordId: 'studyRecord:student:../../../etc:2025-2026',
    });
    expect(message.length).toBeGreaterThan(0);
  });
});
