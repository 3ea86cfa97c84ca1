import { afterEach, describe, expect, it } from 'vitest';
import { genesisHash } from '../../../shared/audit/auditChain';
import type { AuditRecordHeadRequest, AuditRecordHeadResponse } from '../../../shared/ipc/auditChannels';
import {
  contextAs,
  databaseHarness,
  seededDatabase,
  testDeviceId,
} from '../../../tests/support/browserDatabase';
import type { HocbaDatabase } from '../database';
import { chainHeadReportsSettled, setChainHeadSink, type ChainHeadSink } from './chainHeadReporter';
import { writeSubjectCells, type StudentPlace } from './resultWrites';

/**
 * The audited write path telling main its new hashes (Chromium IndexedDB). Main is played by a
 * recorder with main's rules for reports (continue the record, or `gap`, or `conflict`); main's
 * own service is tested under Node and end to end through the bridge.
 */

const harness = databaseHarness();
afterEach(async () => {
  setChainHeadSink(undefined);
  await harness.cleanUp();
});

function recorder() {
  const hashes: string[] = [];
  const requests: AuditRecordHeadRequest[] = [];
  const answer = (request: AuditRecordHeadRequest): AuditRecordHeadResponse => {
    requests.push(request);
    const mainSeq = hashes.length;
    if (request.fromSeq > mainSeq + 1) return { status: 'gap', mainSeq };
    const before = request.fromSeq === 1 ? genesisHash : hashes[request.fromSeq - 2];
    if (before !== request.prevHash) return { status: 'conflict', mainSeq };
    request.hashes.forEach((hash, index) => {
      const seq = request.fromSeq + index;
      if (seq > hashes.length) hashes.push(hash);
    });
    return { status: hashes.length > mainSeq ? 'recorded' : 'duplicate', mainSeq: hashes.length };
  };
  const sink: ChainHeadSink = (request) => Promise.resolve(answer(request));
  return { hashes, requests, sink };
}

async function storedHashes(database: HocbaDatabase): Promise<string[]> {
  const docs = await database.auditEvents
    .find({ selector: { deviceId: testDeviceId }, sort: [{ seq: 'asc' }] })
    .exec();
  return docs.map((doc) => doc.hash);
}

async function grade4() {
  const { database, school } = await seededDatabase(harness, 40);
  const schoolClass = school.classes.find((candidate) => candidate.grade === 4);
  const homeroom = school.assignments.find((a) => a.classId === schoolClass?.id && a.homeroom);
  const students = school.students.filter((candidate) => candidate.classId === schoolClass?.id);
  if (!schoolClass || !homeroom || students.length < 3) throw new Error('sample school incomplete');
  const places: StudentPlace[] = students.map((student) => ({
    studentId: student.id,
    classId: schoolClass.id,
    schoolId: school.school.id,
    schoolYear: school.schoolYear,
    grade: 4,
    electives: student.electives,
  }));
  return { database, places, teacher: contextAs(school, homeroom.teacherId) };
}

describe('reporting the audit chain head to main', () => {
  it('tells main every event hash, in order and without gaps, from the bulk import to each keystroke', async () => {
    const main = recorder();
    setChainHeadSink(main.sink);
    const { database, places, teacher } = await grade4();
    for (const [index, place] of places.slice(0, 10).entries())
      await writeSubjectCells(database, teacher, [
        { place, rowKey: 'toan', period: 'CN', field: 'score', value: (index % 10) + 1 },
      ]);
    await chainHeadReportsSettled();
    const stored = await storedHashes(database);
    expect(stored.length).toBeGreaterThan(50);
    expect(main.hashes).toEqual(stored);
    expect(main.requests.every((request) => request.database === database.name)).toBe(true);
  });

  it('never makes a write wait for main, and coalesces what piled up while main was busy', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const main = recorder();
    setChainHeadSink(async (request) => {
      await gate;
      return main.sink(request);
    });
    const { database, places, teacher } = await grade4();
    // Main answers nothing yet: every write still completes.
    for (const place of places.slice(0, 8))
      await writeSubjectCells(database, teacher, [
        { place, rowKey: 'toan', period: 'CN', field: 'level', value: 'H' },
      ]);
    release();
    await chainHeadReportsSettled();
    expect(main.hashes).toEqual(await storedHashes(database));
    // One report was held up by main; the eight writes behind it went together (at most in two).
    const afterImport = main.requests.filter((request) => request.fromSeq > 1);
    expect(afterImport.length).toBeLessThanOrEqual(2);
  });

  it('sends main what it missed (a report lost with an earlier page) from IndexedDB', async () => {
    // Written while nothing listened: main never heard of these events.
    const { database, places, teacher } = await grade4();
    const main = recorder();
    setChainHeadSink(main.sink);
    const [place] = places;
    if (!place) throw new Error('no student');
    await writeSubjectCells(database, teacher, [
      { place, rowKey: 'toan', period: 'CN', field: 'score', value: 7 },
    ]);
    await chainHeadReportsSettled();
    expect(main.requests[0]?.fromSeq).toBeGreaterThan(1);
    expect(main.requests[1]?.fromSeq).toBe(1);
    expect(main.hashes).toEqual(await storedHashes(database));
  });

  it('tries again when main cannot be reached, and loses nothing', async () => {
    const main = recorder();
    let failures = 1;
    setChainHeadSink((request) => {
      if (failures > 0) {
        failures -= 1;
        return Promise.resolve('unreachable' as const);
      }
      return main.sink(request);
    });
    const { database } = await grade4();
    await chainHeadReportsSettled();
    expect(failures).toBe(0);
    expect(main.hashes).toEqual(await storedHashes(database));
  });

  it('stops after main refuses a report, until the next write', async () => {
    const main = recorder();
    const { database, places, teacher } = await grade4();
    // Main's record holds another chain: every report of this one contradicts it.
    main.hashes.push(...Array.from({ length: 3 }, () => 'e'.repeat(64)));
    setChainHeadSink(main.sink);
    const [place] = places;
    if (!place) throw new Error('no student');
    await writeSubjectCells(database, teacher, [
      { place, rowKey: 'toan', period: 'CN', field: 'score', value: 5 },
    ]);
    await chainHeadReportsSettled();
    const sent = main.requests.length;
    expect(sent).toBeGreaterThan(0);
    expect(main.hashes).toHaveLength(3);
    await chainHeadReportsSettled();
    expect(main.requests).toHaveLength(sent);
  });
});
