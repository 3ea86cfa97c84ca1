import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rightsStrings } from '../../main/ipc/rightsStrings';
import { createMainRuntime, type MainRuntime } from '../../main/mainRuntime';
import { createLogger, memoryLogSink } from '../../main/services/logger';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import type { IpcChannel } from '../../shared/ipc/channels';
import { sampleStudyRecords } from '../../shared/record/sampleStudyRecords';
import type { StudyRecord } from '../../shared/record/studyRecord';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../shared/sample/generateYearResults';
import { classIdsOfRecords, trialActorOf, trialPrincipalOf } from '../support/trialActors';

/**
 * Main checks every call that acts on records, signing, amendments and backups against the session
 * it holds, not against what the page says (issue 11). Real record files in a real data folder,
 * the real dispatcher: each refusal comes before the handler runs and changes nothing.
 */

const compiled = defaultCompiledCatalogue();
const school = generateSampleSchool({ seed: 41, students: 80 });
const allRecords = sampleStudyRecords(compiled, school, generateYearResults(compiled, school, 41));
const [classA, classB] = classIdsOfRecords(allRecords);
if (classA === undefined || classB === undefined) throw new Error('the sample needs two classes');
const ofClass = (classId: string): StudyRecord[] =>
  allRecords.filter((record) => classIdsOfRecords([record])[0] === classId).slice(0, 3);
const recordsA = ofClass(classA);
const recordsB = ofClass(classB);
const classNameOf = (records: readonly StudyRecord[]) => records[0]?.year.className ?? '';

let runtime: MainRuntime;
let dataDir: string;
const logLines: string[] = [];

async function refusal(channel: IpcChannel, request: unknown): Promise<{ code: string; message: string }> {
  const result = await runtime.dispatch(channel, request);
  if (result.ok) throw new Error(`${channel} should have been refused`);
  return { code: result.error.code, message: result.error.message };
}

async function allowed(channel: IpcChannel, request: unknown): Promise<unknown> {
  const result = await runtime.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** A signing request that passes the contract; the token named does not exist, so it never signs. */
function signingRequest(
  records: readonly StudyRecord[],
  role: 'homeroomTeacher' | 'principal' | 'schoolSeal',
) {
  return {
    recordIds: records.map((record) => record.id),
    role,
    token: { libraryId: 'configured:0123456789abcdef', slotId: '01', serialNumber: 'none' },
    keyIdHex: '01',
    pin: '123456',
  };
}

const teacherOfA = trialActorOf(allRecords, 'teacher', 'gv.lop.a', [classA]);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hocba-ipc-rights-'));
  runtime = await createMainRuntime(
    { name: 'Học bạ số', version: '0.0.0-test', platform: 'linux', dataDir, runtime: 'bridge' },
    createLogger(memoryLogSink(logLines), 'debug'),
  );
});

afterAll(async () => {
  runtime.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('main checks every call against the session it holds', () => {
  it('refuses records, signing and backups to no one signed in, and answers what sign-in needs', async () => {
    await expect(allowed('session:current', {})).resolves.toEqual({ kind: 'none' });
    await expect(allowed('app:info', {})).resolves.toMatchObject({ runtime: 'bridge' });
    for (const [channel, request] of [
      ['records:produce', { records: recordsA }],
      ['records:list', { recordIds: recordsA.map((record) => record.id) }],
      ['signing:start', signingRequest(recordsA, 'homeroomTeacher')],
      ['backup:list', {}],
      ['photo:read', { photoId: 'a'.repeat(64) }],
    ] as const) {
      expect(await refusal(channel, request)).toEqual({
        code: 'unauthorized',
        message: rightsStrings.notSignedIn,
      });
    }
    expect(logLines.some((line) => line.includes('ipc.refused-rights'))).toBe(true);
  });

  it('lets the principal produce every class, and a homeroom teacher only their own', async () => {
    await allowed('session:actAsTrialUser', trialPrincipalOf(allRecords));
    await allowed('records:produce', { records: [...recordsA, ...recordsB] });

    await allowed('session:actAsTrialUser', teacherOfA);
    const before = await allowed('records:list', { recordIds: recordsB.map((record) => record.id) });
    expect(await refusal('records:produce', { records: [...recordsA, recordsB[0]] })).toEqual({
      code: 'unauthorized',
      message: rightsStrings.notYourClassRecords(classNameOf(recordsB)),
    });
    // Nothing of the refused batch was written (the files are as the principal made them).
    expect(await allowed('records:list', { recordIds: recordsB.map((record) => record.id) })).toEqual(before);
    await expect(allowed('records:produce', { records: recordsA })).resolves.toHaveLength(recordsA.length);
  });

  it("refuses the homeroom teacher's box for another class's records, read from the files themselves", async () => {
    await allowed('session:actAsTrialUser', teacherOfA);
    expect(
      await refusal('signing:start', signingRequest([...recordsA, ...recordsB], 'homeroomTeacher')),
    ).toEqual({
      code: 'unauthorized',
      message: rightsStrings.notHomeroom(classNameOf(recordsB)),
    });
    // The teacher's own class passes main's check and reaches the signer, which then looks for the token.
    const own = await refusal('signing:start', signingRequest(recordsA, 'homeroomTeacher'));
    expect(own.message).not.toBe(rightsStrings.notHomeroom(classNameOf(recordsA)));
    expect(own.code).not.toBe('unauthorized');
  });

  it("refuses the principal's box and the seal to a teacher, and amendments to all but the principal", async () => {
    await allowed('session:actAsTrialUser', teacherOfA);
    for (const role of ['principal', 'schoolSeal'] as const)
      expect((await refusal('signing:start', signingRequest(recordsA, role))).message).toBe(
        rightsStrings.principalOnlySigns,
      );
    const [record] = recordsA;
    expect((await refusal('records:amend', { record, amendmentId: 'BB-01' })).message).toBe(
      rightsStrings.principalOnlyAmends,
    );
    await allowed('session:actAsTrialUser', { ...trialPrincipalOf(allRecords), role: 'vicePrincipal' });
    expect((await refusal('records:amend', { record, amendmentId: 'BB-01' })).message).toBe(
      rightsStrings.principalOnlyAmends,
    );
  });

  it("refuses a record of another school, even to that school's principal", async () => {
    await allowed('session:actAsTrialUser', trialPrincipalOf(allRecords));
    const [record] = recordsA;
    if (record === undefined) throw new Error('no record');
    const foreign = { ...record, school: { ...record.school, code: '99999999' } };
    expect((await refusal('records:produce', { records: [foreign] })).message).toBe(
      rightsStrings.otherSchool,
    );
    expect((await refusal('records:amend', { record: foreign, amendmentId: 'BB-01' })).message).toBe(
      rightsStrings.otherSchool,
    );
  });

  it('lets anyone signed in back up their own database, and no one signed out', async () => {
    await allowed('session:actAsTrialUser', teacherOfA);
    await expect(allowed('backup:list', {})).resolves.toEqual([]);
    await allowed('session:signOut', {});
    expect((await refusal('backup:list', {})).message).toBe(rightsStrings.notSignedIn);
  });

  it("keeps the homeroom teacher's box to a teacher, even for a principal who is a class's homeroom teacher", async () => {
    await allowed('session:actAsTrialUser', trialActorOf(allRecords, 'principal', 'hieu.truong', [classA]));
    expect((await refusal('signing:start', signingRequest(recordsA, 'homeroomTeacher'))).message).toBe(
      rightsStrings.notHomeroom(classNameOf(recordsA)),
    );
    await allowed('session:actAsTrialUser', { ...trialPrincipalOf(allRecords), role: 'vicePrincipal' });
    expect((await refusal('signing:start', signingRequest(recordsA, 'principal'))).message).toBe(
      rightsStrings.principalOnlySigns,
    );
  });

  it('ends the session on sign-out', async () => {
    await allowed('session:actAsTrialUser', trialPrincipalOf(allRecords));
    await expect(allowed('session:signOut', {})).resolves.toEqual({ kind: 'none' });
    expect((await refusal('records:list', { recordIds: [] })).message).toBe(rightsStrings.notSignedIn);
  });
});
