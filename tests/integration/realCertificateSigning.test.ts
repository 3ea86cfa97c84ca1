import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMainRuntime, type MainRuntime } from '../../main/mainRuntime';
import { createLogger, memoryLogSink } from '../../main/services/logger';
import type { IpcChannel } from '../../shared/ipc/channels';
import type { IpcRequest, IpcResponse } from '../../shared/ipc/contract';
import type { SigningJobState } from '../../shared/ipc/signingChannels';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import { sampleStudyRecords } from '../../shared/record/sampleStudyRecords';
import type { StudyRecord } from '../../shared/record/studyRecord';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../shared/sample/generateYearResults';
import { createSoftHsm, type SoftHsm } from '../support/softhsm';
import { addSoftHsmToken, type ExtraToken } from '../support/softHsmTokens';
import { createTestPki, type TestPki } from '../support/testPki';
import { trialPrincipalOf, trialSignerOf } from '../support/trialActors';
import { userIdOf } from '../../shared/domain/ids';

/**
 * Issue 8, "the right person", through the real IPC dispatcher and a SoftHSM token holding
 * certificates as Vietnamese CAs issue them: names in capitals without diacritics, a CCCD in UID
 * or serialNumber, a CMND, the school's MST and MNS; beside them a namesake's, a renewed
 * certificate of a pinned teacher, and another school of the same name. Main judges the
 * certificate on the token against each record's signers (the page names no one), refuses the
 * wrong one before a PIN try is spent, and what it signs verifies, in the app and in pdfsig.
 */

const run = promisify(execFile);
const compiled = defaultCompiledCatalogue();
const signers = {
  homeroomTeacher: 'Nguyễn Thị Thu Hà',
  principal: 'Trần Văn Bình',
  schoolSeal: 'Trường Tiểu học Kim Liên',
} as const;

/** Real-style certificates: what the VN token holds, and who each belongs to. */
const vn = {
  teacherCccd: '001190012345',
  namesakeCccd: '038190067890',
  principalCmnd: '012345678',
  taxCode: '0101234567',
  budgetCode: '1234567',
  pin: '97531024',
} as const;
const vnKeys = {
  teacher: '11',
  teacherRenewed: '12',
  principal: '21',
  principalNamesake: '22',
  seal: '31',
  sealNamesake: '32',
} as const;

let pki: TestPki;
let hsm: SoftHsm;
let vnToken: ExtraToken;
let runtime: MainRuntime;
let dataDir: string;

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
  const vnTeacher = pki.issueSigner('vn-teacher', {
    commonName: 'NGUYEN THI THU HA',
    uids: [`CCCD:${vn.teacherCccd}`],
  });
  vnToken = addSoftHsmToken(hsm, 'VNPT-CA Token', vn.pin, [
    { idHex: vnKeys.teacher, label: 'GVCN', identity: vnTeacher },
    {
      idHex: vnKeys.teacherRenewed,
      label: 'GVCN (gia hạn)',
      identity: pki.issueSigner('vn-teacher-renewed', {
        commonName: 'NGUYEN THI THU HA',
        uids: [`CCCD:${vn.teacherCccd}`],
      }),
    },
    {
      idHex: vnKeys.principalNamesake,
      label: 'Người trùng tên',
      identity: pki.issueSigner('vn-principal-namesake', {
        commonName: 'Trần Văn Bình',
        serialNumber: vn.namesakeCccd,
      }),
    },
    {
      idHex: vnKeys.principal,
      label: 'Hiệu trưởng',
      identity: pki.issueSigner('vn-principal', {
        commonName: 'TRAN VAN BINH',
        serialNumber: `CMND:${vn.principalCmnd}`,
      }),
    },
    {
      idHex: vnKeys.seal,
      label: 'Con dấu',
      identity: pki.issueSigner('vn-seal', {
        commonName: 'TRUONG TIEU HOC KIM LIEN',
        uids: [`MST:${vn.taxCode}`, `MNS:${vn.budgetCode}`],
      }),
    },
    {
      idHex: vnKeys.sealNamesake,
      label: 'Con dấu trường trùng tên',
      identity: pki.issueSigner('vn-seal-namesake', {
        commonName: 'Trường Tiểu học Kim Liên',
        uids: ['MST:0309876543'],
      }),
    },
  ]);
  dataDir = await mkdtemp(join(tmpdir(), 'hocba-vn-sign-'));
  const trustDir = join(dataDir, 'trust');
  await mkdir(join(trustDir, 'intermediates'), { recursive: true });
  await copyFile(pki.rootCa.certPemPath, join(trustDir, 'root.pem'));
  await copyFile(pki.intermediateCa.certPemPath, join(trustDir, 'intermediates', 'intermediate.pem'));
  runtime = await createMainRuntime(
    { name: 'Học bạ số', version: '0.0.0-test', platform: 'linux', dataDir, runtime: 'bridge' },
    createLogger(memoryLogSink([]), 'debug'),
    { trustFolders: [trustDir], customLibraryPath: hsm.modulePath },
  );
});

afterAll(async () => {
  runtime.close();
  hsm.cleanup();
  pki.cleanup();
  await rm(dataDir, { recursive: true, force: true });
});

describe('certificates as Vietnamese CAs issue them, judged against the records’ signers', () => {
  const vnSchool = generateSampleSchool({ seed: 29, students: 40 });
  let vnRecords: StudyRecord[];
  let vnIds: string[];

  const vnRequest = async (
    role: 'homeroomTeacher' | 'principal' | 'schoolSeal',
    keyIdHex: string,
    pin: string = vn.pin,
  ) => {
    // Main checks the batch against its session: the signer of this box in the trial.
    await call('session:actAsTrialUser', trialSignerOf(vnRecords, role));
    const list = await call('token:list', {});
    const token = list.tokens.find((candidate) => candidate.label === vnToken.label);
    if (token === undefined) throw new Error('VN token not listed');
    return {
      recordIds: vnIds,
      role,
      token: { libraryId: token.libraryId, slotId: token.slotId, serialNumber: token.serialNumber },
      keyIdHex,
      pin,
    };
  };
  const signAll = async (role: 'homeroomTeacher' | 'principal' | 'schoolSeal', keyIdHex: string) => {
    const started = await call('signing:start', await vnRequest(role, keyIdHex));
    return untilEnded(started.jobId);
  };

  beforeAll(async () => {
    // Main answers only a signed-in session: the trial's principal of this school to begin with.
    await call('session:actAsTrialUser', {
      userId: userIdOf('hieu.truong'),
      role: 'principal',
      schoolCode: vnSchool.school.code,
      assignments: [],
    });
    const pinned = (await call('token:list', {})).tokens
      .find((token) => token.label === vnToken.label)
      ?.certificates.find((certificate) => certificate.keyIdHex === vnKeys.teacher)?.identity;
    if (pinned === undefined) throw new Error('VN teacher certificate not listed');
    vnRecords = sampleStudyRecords(compiled, vnSchool, generateYearResults(compiled, vnSchool, 29), 4).map(
      (record) => ({
        ...record,
        school: { ...record.school, name: signers.schoolSeal },
        year: {
          ...record.year,
          homeroomTeacherName: signers.homeroomTeacher,
          principalName: signers.principal,
        },
        signers: {
          homeroomTeacher: {
            name: signers.homeroomTeacher,
            personalId: vn.teacherCccd,
            formerIdNumber: null,
            // Setup pinned her certificate: a renewed one with the same name and ID does not sign.
            pinnedCertificate: { issuer: pinned.issuer, serialNumberHex: pinned.serialNumberHex },
          },
          principal: {
            name: signers.principal,
            personalId: '001085001234',
            formerIdNumber: vn.principalCmnd,
            pinnedCertificate: null,
          },
          schoolSeal: {
            name: signers.schoolSeal,
            taxCode: vn.taxCode,
            budgetCode: vn.budgetCode,
            pinnedCertificate: null,
          },
        },
      }),
    );
    vnIds = vnRecords.map((record) => record.id);
    await call('session:actAsTrialUser', trialPrincipalOf(vnRecords));
    const produced = await call('records:produce', { records: vnRecords });
    expect(produced.map((entry) => entry.outcome)).toEqual(vnRecords.map(() => 'written'));
  });

  it('lists each certificate with the identifiers it carries, and main’s record states carry the signers', async () => {
    const list = await call('token:list', {});
    const token = list.tokens.find((candidate) => candidate.label === vnToken.label);
    const byKey = new Map(
      token?.certificates.map((certificate) => [certificate.keyIdHex, certificate.identity]),
    );
    expect(byKey.get(vnKeys.teacher)).toMatchObject({
      commonName: 'NGUYEN THI THU HA',
      citizenIds: [vn.teacherCccd],
    });
    expect(byKey.get(vnKeys.principalNamesake)?.citizenIds).toEqual([vn.namesakeCccd]);
    expect(byKey.get(vnKeys.principal)?.formerIds).toEqual([vn.principalCmnd]);
    expect(byKey.get(vnKeys.seal)).toMatchObject({ taxCodes: [vn.taxCode], budgetCodes: [vn.budgetCode] });
    const [state] = await call('records:list', { recordIds: vnIds.slice(0, 1) });
    expect(state?.signers).toEqual(vnRecords[0]?.signers);
  });

  it('refuses a renewed certificate with her name and ID when setup pinned another one', async () => {
    const message = await callError(
      'signing:start',
      await vnRequest('homeroomTeacher', vnKeys.teacherRenewed),
    );
    expect(message).toContain('chỉ được ký bằng chứng thư đã đăng ký');
  });

  it('signs with “NGUYEN THI THU HA” and her CCCD', async () => {
    expect(await signAll('homeroomTeacher', vnKeys.teacher)).toMatchObject({
      state: 'completed',
      signed: vnIds.length,
      refused: [],
      signerName: 'NGUYEN THI THU HA',
    });
  });

  it('refuses the principal’s namesake (another CCCD) before his PIN is tried, and signs nothing', async () => {
    const message = await callError(
      'signing:start',
      await vnRequest('principal', vnKeys.principalNamesake, '00000000'),
    );
    expect(message).toContain('người trùng tên');
    expect(message).not.toContain('Mã PIN');
    const states = await call('records:list', { recordIds: vnIds });
    expect(states.every((state) => state.signedRoles.join() === 'homeroomTeacher')).toBe(true);
  });

  it('signs with the principal’s certificate that carries his older CMND', async () => {
    expect(await signAll('principal', vnKeys.principal)).toMatchObject({
      state: 'completed',
      signed: vnIds.length,
    });
  });

  it('refuses the seal of another “Trường Tiểu học Kim Liên”, and signs with the school’s own MST and MNS', async () => {
    const message = await callError('signing:start', await vnRequest('schoolSeal', vnKeys.sealNamesake));
    expect(message).toContain('Mã số thuế trong chứng thư con dấu khác');
    expect(await signAll('schoolSeal', vnKeys.seal)).toMatchObject({
      state: 'completed',
      signed: vnIds.length,
    });
  });

  it('verifies the records signed with real-style certificates, and pdfsig agrees', async () => {
    const [first] = vnIds;
    if (first === undefined) throw new Error('no record');
    const report = await call('records:verify', { recordId: first });
    expect(report).toMatchObject({ valid: true, status: 'complete' });
    expect(report.signers.map((signer) => signer.name)).toEqual([
      'NGUYEN THI THU HA',
      'TRAN VAN BINH',
      'TRUONG TIEU HOC KIM LIEN',
    ]);
    const file = await call('records:read', { recordId: first });
    const path = join(dataDir, 'vn-exported.pdf');
    await writeFile(path, Buffer.from(file.bytesBase64, 'base64'));
    const { stdout } = await run('pdfsig', [path]);
    expect(stdout.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(3);
  });
});
