import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMainRuntime, type MainRuntime } from '../../main/mainRuntime';
import { createLogger, memoryLogSink } from '../../main/services/logger';
import { libraryRefusalMessages, tokenLibraryStrings } from '../../main/services/signingJobs/strings';
import { sharedModuleRegistry } from '../../main/services/token';
import type { IpcChannel } from '../../shared/ipc/channels';
import type { IpcRequest, IpcResponse } from '../../shared/ipc/contract';
import type { SigningJobState } from '../../shared/ipc/signingChannels';
import type { TokenView } from '../../shared/ipc/tokenChannels';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import { sampleStudyRecords } from '../../shared/record/sampleStudyRecords';
import type { StudyRecord } from '../../shared/record/studyRecord';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../shared/sample/generateYearResults';
import { createSoftHsm, type SoftHsm, type TokenName } from '../support/softhsm';
import { trialPrincipalOf, trialSignerOf } from '../support/trialActors';
import { createTestPki, type TestPki } from '../support/testPki';

/**
 * The app's signing path through the real IPC dispatcher (what the screens call): records are
 * produced into the data folder, the token is listed, a wrong PIN is refused with the token's
 * own words, a batch is signed in the background and polled, cancelled and resumed, refused for
 * someone else's certificate, and every file verifies against the desktop's trust folder and in
 * pdfsig. SoftHSM is the bridge's startup library (as `--pkcs11-library` passes it): the page
 * names libraries by id only, and what it tries to name by path is never loaded. Certificates as
 * Vietnamese CAs write them are signed with in realCertificateSigning.test.ts.
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
  // The names under the boxes and the record's signers must agree (studyRecordSchema).
  signers: {
    homeroomTeacher: { ...record.signers.homeroomTeacher, name: signers.homeroomTeacher },
    principal: { ...record.signers.principal, name: signers.principal },
    schoolSeal: { ...record.signers.schoolSeal, name: signers.schoolSeal },
  },
}));
const recordIds = records.map((record) => record.id);

let pki: TestPki;
let hsm: SoftHsm;
let runtime: MainRuntime;
let dataDir: string;
let trustDir: string;

/**
 * Main judges a batch against its session first: before each signing:start, the trial acts as the
 * person whose box it is, so what these tests check is the signer's own judgement of the
 * certificate (ipcRights.test.ts checks the session's).
 */
async function actAsSignerOf(request: unknown): Promise<void> {
  const role: unknown =
    typeof request === 'object' && request !== null ? Reflect.get(request, 'role') : undefined;
  if (role !== 'homeroomTeacher' && role !== 'principal' && role !== 'schoolSeal') return;
  const declared = await runtime.dispatch('session:actAsTrialUser', trialSignerOf(records, role));
  if (!declared.ok) throw new Error(declared.error.message);
}

async function call<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>> {
  if (channel === 'signing:start') await actAsSignerOf(request);
  const result = await runtime.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as IpcResponse<C>;
}

async function callError(channel: IpcChannel, request: unknown): Promise<string> {
  if (channel === 'signing:start') await actAsSignerOf(request);
  const result = await runtime.dispatch(channel, request);
  if (result.ok) throw new Error(`${channel} should have been refused`);
  return result.error.message;
}

async function tokenNamed(name: TokenName): Promise<TokenView> {
  const list = await call('token:list', {});
  const token = list.tokens.find((candidate) => candidate.label === hsm.tokens[name].label);
  if (token === undefined) throw new Error(`token ${name} not listed`);
  return token;
}

async function startRequest(name: TokenName, keyIdHex: string, pin?: string) {
  const token = await tokenNamed(name);
  const roles = { teacher: 'homeroomTeacher', principal: 'principal', seal: 'schoolSeal' } as const;
  return {
    recordIds,
    role: roles[name],
    token: { libraryId: token.libraryId, slotId: token.slotId, serialNumber: token.serialNumber },
    keyIdHex,
    pin: pin ?? hsm.tokens[name].userPin,
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
    { trustFolders: [trustDir], customLibraryPath: hsm.modulePath },
  );
  // Main checks every call against its session: the trial's principal, and before each batch the
  // signer of its box (startRequest); ipcRights.test.ts refuses everyone else.
  await call('session:actAsTrialUser', trialPrincipalOf(records));
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
    const message = await callError('signing:start', await startRequest('teacher', '01', '000000'));
    expect(message).toContain('Mã PIN không đúng');
    const states = await call('records:list', { recordIds });
    expect(states.every((state) => state.signedRoles.length === 0)).toBe(true);
  });

  it('refuses, before the PIN is tried, a certificate that is not the records’ signer for the box', async () => {
    // The principal's token in the teacher's box, with a wrong PIN: the certificate speaks first,
    // so no PIN try is spent on the wrong person's token.
    const message = await callError('signing:start', {
      ...(await startRequest('principal', 'a1b2', '000000')),
      role: 'homeroomTeacher',
    });
    expect(message).toContain('Chứng thư số mang tên “Trần Văn Bình”, không phải “Nguyễn Thị Thu Hà”');
    expect(message).not.toContain('Mã PIN');
  });

  it('no longer takes a signer’s name from the page', async () => {
    await actAsSignerOf({ role: 'homeroomTeacher' });
    const result = await runtime.dispatch('signing:start', {
      ...(await startRequest('teacher', '01')),
      expectedSignerName: 'Nguyễn Thị Thu Hà',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('refuses the teacher’s certificate in the principal’s box: the record names the principal', async () => {
    const message = await callError('signing:start', {
      ...(await startRequest('teacher', '01')),
      role: 'principal',
    });
    // The order rule speaks first; once the teacher has signed, the name rule does (below).
    expect(message).toContain('Chưa đến lượt Hiệu trưởng ký');
  });

  it('makes the principal wait until the homeroom teacher has signed', async () => {
    const message = await callError('signing:start', await startRequest('principal', 'a1b2'));
    expect(message).toContain('Chưa đến lượt Hiệu trưởng ký');
  });

  it('signs the class in the background, stops on cancel, and finishes when started again', async () => {
    const started = await call('signing:start', await startRequest('teacher', '01'));
    expect(started.state).toBe('running');
    expect(started.signerName).toBe('Nguyễn Thị Thu Hà');
    await call('signing:cancel', { jobId: started.jobId });
    const cancelled = await untilEnded(started.jobId);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.resumable).toBe(true);
    expect(cancelled.done).toBeLessThan(recordIds.length);

    const resumed = await call('signing:start', await startRequest('teacher', '01'));
    // While it runs (only microtasks have passed): no second batch, no re-render of its files.
    expect(await callError('signing:start', await startRequest('principal', 'a1b2'))).toContain(
      'Đang có một lượt ký số khác',
    );
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
      ...(await startRequest('teacher', '01')),
      role: 'principal',
    });
    expect(message).toContain('Chứng thư số mang tên “Nguyễn Thị Thu Hà”, không phải “Trần Văn Bình”');
  });

  it('lets the principal and then the seal sign the whole batch after the teacher', async () => {
    for (const [name, keyId] of [
      ['principal', 'a1b2'],
      ['seal', '5e'],
    ] as const) {
      const started = await call('signing:start', await startRequest(name, keyId));
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
    await call('session:actAsTrialUser', trialPrincipalOf(records));
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
      bytesBase64: (await runtime.files.read(archived)).toString('base64'),
    });
    expect(archivedReport.valid).toBe(true);
    expect(archivedReport.signers).toHaveLength(3);

    // The app still builds version 1 of the same data: it compares equal to the correction.
    const [again] = await call('records:produce', { records: [changed] });
    expect(again?.outcome).toBe('unchanged');

    const started = await call('signing:start', {
      ...(await startRequest('teacher', '01')),
      recordIds: [first.id],
    });
    expect((await untilEnded(started.jobId)).signed).toBe(1);
    const report = await call('records:verify', { recordId: first.id });
    // Signed by the teacher only: what is there is valid, the principal and the seal are missing.
    expect(report).toMatchObject({ status: 'partial', record: { version: 2 } });
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
    // Kept as it was: an earlier build's plain file is only sealed in place, its bytes the same.
    expect(Buffer.compare(await runtime.files.read(path), foreign)).toBe(0);
  });

  it('refuses a record id that would leave the records folder', async () => {
    const message = await callError('records:read', {
      recordId: 'studyRecord:student:../../../etc:2025-2026',
    });
    expect(message.length).toBeGreaterThan(0);
  });
});

describe('native code only by main’s choice', () => {
  const registry = sharedModuleRegistry();
  let attackDir: string;
  /** A real PKCS#11 module at a path of the attacker's choosing: loading it would run its code in main. */
  let evil: string;
  const logLines: string[] = [];
  const others: MainRuntime[] = [];

  const runtimeWith = async (options: Parameters<typeof createMainRuntime>[2], dir?: string) => {
    const data = dir ?? (await mkdtemp(join(attackDir, 'data-')));
    const other = await createMainRuntime(
      { name: 'Học bạ số', version: '0.0.0-test', platform: 'linux', dataDir: data, runtime: 'bridge' },
      createLogger(memoryLogSink(logLines), 'debug'),
      { trustFolders: [trustDir], ...options },
    );
    others.push(other);
    const declared = await other.dispatch('session:actAsTrialUser', trialPrincipalOf(records));
    if (!declared.ok) throw new Error(declared.error.message);
    return other;
  };
  const nothingLoadedFrom = (path: string) => {
    expect(registry.loadCount(path)).toBe(0);
    expect(registry.loadedPaths().some((loaded) => loaded.startsWith(attackDir))).toBe(false);
  };

  beforeAll(async () => {
    attackDir = await mkdtemp(join(tmpdir(), 'hocba-attack-'));
    evil = join(attackDir, 'libevil.so');
    await copyFile(hsm.modulePath, evil);
  });

  afterAll(async () => {
    for (const other of others) other.close();
    await rm(attackDir, { recursive: true, force: true });
  });

  it('refuses a library path in token:list by the IPC schema, and loads nothing', async () => {
    for (const payload of [
      { userLibraryPath: evil },
      { libraryPath: evil },
      { libraryId: 'known:opensc:0', path: evil },
    ]) {
      const result = await runtime.dispatch('token:list', payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    nothingLoadedFrom(evil);
  });

  it('refuses a library path in signing:start by the IPC schema, and loads nothing', async () => {
    const valid = await startRequest('teacher', '01');
    for (const token of [
      { libraryPath: evil, slotId: valid.token.slotId, serialNumber: valid.token.serialNumber },
      { ...valid.token, libraryPath: evil },
      { ...valid.token, libraryId: evil },
      { ...valid.token, libraryId: `\\\\attacker\\share\\evil.dll` },
    ]) {
      await actAsSignerOf(valid);
      const result = await runtime.dispatch('signing:start', { ...valid, token });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    nothingLoadedFrom(evil);
    expect(await call('signing:current', {})).toBeNull();
  });

  it('refuses forged library ids, including one computed from the attacker’s own path', async () => {
    const valid = await startRequest('teacher', '01');
    const idFor = (source: string, path: string) =>
      `${source}:${createHash('sha256').update(path).digest('hex').slice(0, 16)}`;
    for (const libraryId of [
      idFor('configured', evil),
      idFor('user', evil),
      idFor('user', hsm.modulePath),
      'user:0000000000000000',
      'known:viettel-ca:0',
      'known:opensc:9',
    ]) {
      const message = await callError('signing:start', { ...valid, token: { ...valid.token, libraryId } });
      expect(message, libraryId).toBe(tokenLibraryStrings.unknownLibrary);
    }
    nothingLoadedFrom(evil);
    expect(await call('signing:current', {})).toBeNull();
  });

  it('refuses a network path or a link to a non-library as the bridge’s startup library', async () => {
    const link = join(attackDir, 'libsofthsm-lookalike.so');
    await writeFile(join(attackDir, 'payload.sh'), '#!/bin/sh\n');
    await symlink(join(attackDir, 'payload.sh'), link);
    for (const [path, reason] of [
      ['//attacker/share/libsofthsm2.so', 'network'],
      ['\\\\attacker\\share\\evil.dll', 'network'],
      [link, 'not-a-library'],
      ['libsofthsm2.so', 'relative'],
    ] as const) {
      const other = await runtimeWith({ customLibraryPath: path });
      const result = await other.dispatch('token:list', {});
      if (!result.ok) throw new Error(result.error.message);
      const list = result.value as IpcResponse<'token:list'>;
      expect(
        list.libraries.some((library) => library.source === 'configured'),
        path,
      ).toBe(false);
      expect(list.problems.map((problem) => problem.message)).toContain(
        tokenLibraryStrings.configuredRefused(libraryRefusalMessages[reason]),
      );
      expect(await other.dispatch('token:chooseLibrary', {})).toEqual({
        ok: true,
        value: { outcome: 'unavailable' },
      });
    }
    expect(registry.loadedPaths().some((loaded) => loaded.includes('attacker'))).toBe(false);
  });

  it('loads the file picked in main’s dialog from its settings, and asks again when they are tampered with', async () => {
    const data = await mkdtemp(join(attackDir, 'desktop-'));
    const picked: (string | undefined)[] = [join(attackDir, 'payload.sh'), hsm.modulePath];
    const desktop = await runtimeWith({ chooseLibraryFile: async () => picked.shift() }, data);
    const refused = await desktop.dispatch('token:chooseLibrary', {});
    expect(refused).toMatchObject({ ok: false, error: { message: libraryRefusalMessages['not-a-library'] } });
    const chosen = await desktop.dispatch('token:chooseLibrary', {});
    if (!chosen.ok) throw new Error(chosen.error.message);
    const library = chosen.value as IpcResponse<'token:chooseLibrary'> as {
      outcome: string;
      library?: { id: string };
    };
    expect(library.outcome).toBe('chosen');
    const listed = await desktop.dispatch('token:list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    const tokens = (listed.value as IpcResponse<'token:list'>).tokens;
    expect(tokens.filter((token) => token.libraryId === library.library?.id)).toHaveLength(3);

    // The settings file rewritten behind main's back to point at a share: ignored, logged without the path.
    await writeFile(
      join(data, 'settings.json'),
      JSON.stringify({
        version: 1,
        settings: {
          'token.library': { path: '\\\\attacker\\share\\evil.dll', chosenAt: new Date().toISOString() },
        },
      }),
    );
    const restarted = await runtimeWith({ chooseLibraryFile: async () => undefined }, data);
    const after = await restarted.dispatch('token:list', {});
    if (!after.ok) throw new Error(after.error.message);
    const afterList = after.value as IpcResponse<'token:list'>;
    expect(afterList.chooseAgain).toBe(tokenLibraryStrings.chooseAgain);
    expect(afterList.libraries.some((entry) => entry.source === 'user')).toBe(false);
    expect(logLines.filter((line) => line.includes('"event":"settings.invalid"'))).toHaveLength(1);
    for (const line of logLines) expect(line).not.toMatch(/attacker|libevil|payload/);
    expect(registry.loadedPaths().some((loaded) => loaded.includes('attacker'))).toBe(false);
  });
});
