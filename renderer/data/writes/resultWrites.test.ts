import { afterEach, describe, expect, it } from 'vitest';
import { sealAuditEvent, verifyAuditChain } from '../../../shared/audit/auditChain';
import {
  contextAs,
  databaseHarness,
  seededDatabase,
  testDeviceId,
} from '../../../tests/support/browserDatabase';
import { auditEventIdOf } from '../collections/auditEventsCollection';
import { writeSubjectCells, writeTraitCells, type StudentPlace } from './resultWrites';

const harness = databaseHarness();
afterEach(() => harness.cleanUp());

async function setUp() {
  const { database, school } = await seededDatabase(harness);
  const schoolClass = school.classes.find((candidate) => candidate.grade === 4);
  if (!schoolClass) throw new Error('no grade 4 class');
  const homeroom = school.assignments.find((a) => a.classId === schoolClass.id && a.homeroom);
  const english = school.assignments.find(
    (a) => a.classId === schoolClass.id && a.subjects.includes('ngoai-ngu-1'),
  );
  const student = school.students.find((candidate) => candidate.classId === schoolClass.id);
  if (!homeroom || !english || !student) throw new Error('sample school incomplete');
  const place: StudentPlace = {
    studentId: student.id,
    classId: schoolClass.id,
    schoolId: school.school.id,
    schoolYear: school.schoolYear,
    grade: 4,
    electives: student.electives,
  };
  return {
    database,
    school,
    place,
    homeroom: contextAs(school, homeroom.teacherId),
    english: contextAs(school, english.teacherId),
  };
}

async function chainOf(database: Awaited<ReturnType<typeof setUp>>['database']) {
  const docs = await database.auditEvents
    .find({ selector: { deviceId: testDeviceId }, sort: [{ seq: 'asc' }] })
    .exec();
  return docs.map((doc) => doc.toMutableJSON());
}

describe('writing results through the audit chain (Chromium IndexedDB)', () => {
  it('stores a level, a score and a comment, one audit event per changed field, and the chain verifies', async () => {
    const { database, place, homeroom } = await setUp();
    const before = (await chainOf(database)).length;
    await writeSubjectCells(database, homeroom, [
      { place, rowKey: 'toan', period: 'CN', field: 'level', value: 'T' },
      { place, rowKey: 'toan', period: 'CN', field: 'score', value: 9 },
      { place, rowKey: 'toan', period: 'CN', field: 'comment', value: 'Tính toán  nhanh, chính xác. ' },
    ]);
    const doc = await database.subjectResults
      .findOne(`subjectResult:${place.studentId}:toan:${place.schoolYear}`)
      .exec();
    expect(doc?.CN).toEqual({
      level: 'T',
      score: 9,
      retestScore: null,
      comment: 'Tính toán nhanh, chính xác.',
    });
    expect(doc?.updatedBy).toBe(homeroom.actor.userId);
    const chain = await chainOf(database);
    expect(chain.slice(before).map((event) => `${event.field} ${event.old} → ${event.new}`)).toEqual([
      'CN.level null → "T"',
      'CN.score null → 9',
      'CN.comment "" → "Tính toán nhanh, chính xác."',
    ]);
    const problems = verifyAuditChain(testDeviceId, chain);
    expect(problems).toEqual([]);
  });

  it('records nothing when a value is written again unchanged', async () => {
    const { database, place, homeroom } = await setUp();
    await writeSubjectCells(database, homeroom, [
      { place, rowKey: 'toan', period: 'CK1', field: 'level', value: 'H' },
    ]);
    const count = (await chainOf(database)).length;
    await expect(
      writeSubjectCells(database, homeroom, [
        { place, rowKey: 'toan', period: 'CK1', field: 'level', value: 'H' },
      ]),
    ).resolves.toEqual({ changes: [] });
    expect((await chainOf(database)).length).toBe(count);
  });

  it('refuses a teacher without the assignment, a score where there is no test, a decimal score and a mid-term retest', async () => {
    const { database, place, english, homeroom } = await setUp();
    expect(() =>
      writeSubjectCells(database, english, [
        { place, rowKey: 'toan', period: 'CN', field: 'level', value: 'T' },
      ]),
    ).toThrow('Bạn không được phân công đánh giá môn Toán của lớp này');
    expect(() =>
      writeSubjectCells(database, homeroom, [
        { place, rowKey: 'dao-duc', period: 'CN', field: 'score', value: 9 },
      ]),
    ).toThrow('Lớp 4 không có bài kiểm tra cuối năm học môn Đạo đức.');
    expect(() =>
      writeSubjectCells(database, homeroom, [
        { place, rowKey: 'toan', period: 'CN', field: 'score', value: 8.5 },
      ]),
    ).toThrow('không có phần thập phân');
    expect(() =>
      writeSubjectCells(database, homeroom, [
        { place, rowKey: 'toan', period: 'GK2', field: 'retestScore', value: 8 },
      ]),
    ).toThrow('Chỉ bài kiểm tra cuối học kỳ I và cuối năm học mới được kiểm tra lại');
    await expect(
      writeSubjectCells(database, english, [
        { place, rowKey: 'ngoai-ngu-1', period: 'CN', field: 'level', value: 'T' },
      ]),
    ).resolves.toBeDefined();
    expect(() =>
      writeTraitCells(database, english, [
        { place, trait: 'cham-chi', period: 'CN', field: 'level', value: 'T' },
      ]),
    ).toThrow('Chỉ giáo viên chủ nhiệm');
  });

  it('detects an audit event altered directly in IndexedDB, behind the app’s back', async () => {
    const { database, place, homeroom } = await setUp();
    await writeTraitCells(database, homeroom, [
      { place, trait: 'cham-chi', period: 'CN', field: 'level', value: 'Đ' },
    ]);
    await writeTraitCells(database, homeroom, [
      { place, trait: 'cham-chi', period: 'CN', field: 'level', value: 'T' },
    ]);
    const chain = await chainOf(database);
    const victim = chain.at(-2);
    if (!victim) throw new Error('no events');
    // Someone edits the stored event (as a tool on the disk could), keeping its hash.
    await database.auditEvents.upsert({ ...victim, new: '"C"' });
    const problems = verifyAuditChain(testDeviceId, await chainOf(database));
    expect(problems).toEqual([
      { seq: victim.seq, kind: 'hash', message: `Sự kiện ${victim.seq} đã bị sửa sau khi ghi.` },
    ]);
  });

  it('keeps one unbroken chain when two writes race (Web Locks serialise them)', async () => {
    const { database, place, homeroom } = await setUp();
    await Promise.all(
      ['GK1', 'CK1', 'GK2', 'CN'].map((period) =>
        writeSubjectCells(database, homeroom, [
          { place, rowKey: 'tieng-viet', period: period as 'CN', field: 'level', value: 'T' },
        ]),
      ),
    );
    expect(verifyAuditChain(testDeviceId, await chainOf(database))).toEqual([]);
  });

  it('continues the chain after another window of this device appended to it', async () => {
    const { database, place, homeroom } = await setUp();
    await writeSubjectCells(database, homeroom, [
      { place, rowKey: 'toan', period: 'CK1', field: 'level', value: 'H' },
    ]);
    // Another window (its own page, its own memory) appends the next event behind our back.
    const head = (await chainOf(database)).at(-1);
    if (!head) throw new Error('no audit event');
    const theirs = sealAuditEvent({
      ...head,
      seq: head.seq + 1,
      prevHash: head.hash,
      at: new Date().toISOString(),
      field: 'CK1.comment',
      old: '""',
      new: '"Viết đúng chính tả."',
    });
    await database.auditEvents.insert({ ...theirs, id: auditEventIdOf(testDeviceId, theirs.seq) });
    await writeSubjectCells(database, homeroom, [
      { place, rowKey: 'toan', period: 'CK1', field: 'level', value: 'T' },
    ]);
    const chain = await chainOf(database);
    expect(chain.at(-1)?.seq).toBe(head.seq + 2);
    expect(verifyAuditChain(testDeviceId, chain)).toEqual([]);
  });
});
