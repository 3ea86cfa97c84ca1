import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../shared/audit/auditChain';
import {
  contextAs,
  databaseHarness,
  seededDatabase,
  testDeviceId,
} from '../../../tests/support/browserDatabase';
import type { HocbaDatabase } from '../database';
import {
  setCheck,
  setElectives,
  setIndividualEducationPlan,
  setPhoto,
  updateEnrolment,
  updateProfile,
} from './profileWrites';

// Runs in real Chromium: the database is RxDB on the browser's own IndexedDB.
const harness = databaseHarness();
afterEach(() => harness.cleanUp());

const now = () => new Date('2025-10-01T03:00:00Z');

async function setUp() {
  const { database, school } = await seededDatabase(harness, 60);
  const schoolClass = school.classes.find((candidate) => candidate.grade === 4);
  if (!schoolClass) throw new Error('no grade 4 class');
  const homeroom = school.assignments.find((a) => a.classId === schoolClass.id && a.homeroom);
  const subjectTeacher = school.assignments.find(
    (a) => a.classId === schoolClass.id && !a.homeroom && a.teacherId !== homeroom?.teacherId,
  );
  const principal = school.staff.find((member) => member.role === 'principal');
  const [student, classmate] = school.students.filter((candidate) => candidate.classId === schoolClass.id);
  if (!homeroom || !subjectTeacher || !principal || !student || !classmate)
    throw new Error('sample school incomplete');
  return {
    database,
    student,
    classmate,
    homeroom: contextAs(school, homeroom.teacherId, now),
    subjectTeacher: contextAs(school, subjectTeacher.teacherId, now),
    principal: contextAs(school, principal.userId, now),
  };
}

async function eventsOf(database: HocbaDatabase, docId: string) {
  const docs = await database.auditEvents
    .find({ selector: { deviceId: testDeviceId, docId }, sort: [{ seq: 'asc' }] })
    .exec();
  return docs.map((doc) => doc.toMutableJSON());
}

async function fullChain(database: HocbaDatabase) {
  const docs = await database.auditEvents
    .find({ selector: { deviceId: testDeviceId }, sort: [{ seq: 'asc' }] })
    .exec();
  return docs.map((doc) => doc.toMutableJSON());
}

describe('profile writes (homeroom teacher, audited)', () => {
  it('updates identity fields in NFC, recomputes the search name, and audits each changed field', async () => {
    const { database, student, homeroom } = await setUp();
    const before = (await eventsOf(database, student.id)).length;
    const decomposed = '  Lê   Thị Hồng  Nhung '.normalize('NFD');
    await updateProfile(database, homeroom, student.id, {
      fullName: decomposed,
      fatherName: 'không',
      address: 'Số 3, ngõ 7 Kim Mã, Hà Nội',
    });
    const doc = await database.people.findOne(student.id).exec();
    expect(doc?.fullName).toBe('Lê Thị Hồng Nhung');
    expect(doc?.fullName).toBe(doc?.fullName.normalize('NFC'));
    expect(doc?.searchName).toBe('le thi hong nhung');
    expect(doc?.fatherName).toBe('Không');
    expect(doc?.updatedBy).toBe(homeroom.actor.userId);
    const events = (await eventsOf(database, student.id)).slice(before);
    expect(events.map((event) => event.field).sort()).toEqual([
      'address',
      'fatherName',
      'fullName',
      'searchName',
    ]);
    expect(
      events.every((event) => event.actor === homeroom.actor.userId && event.collectionName === 'people'),
    ).toBe(true);
    expect(verifyAuditChain(testDeviceId, await fullChain(database))).toEqual([]);
  });

  it('refuses invalid values and writes nothing', async () => {
    const { database, student, classmate, homeroom } = await setUp();
    const count = (await fullChain(database)).length;
    await expect(updateProfile(database, homeroom, student.id, { personalId: '12345' })).rejects.toThrow(
      'gồm 12 chữ số',
    );
    await expect(updateProfile(database, homeroom, student.id, { birthDate: '2015-02-30' })).rejects.toThrow(
      'Ngày sinh: Ngày không tồn tại',
    );
    await expect(
      updateProfile(database, homeroom, student.id, { ethnicity: 'Người sao Hỏa' }),
    ).rejects.toThrow('không có trong danh mục 54 dân tộc');
    await expect(
      updateProfile(database, homeroom, student.id, { studentCode: '0999999999' }),
    ).rejects.toThrow('Mã học sinh do Bộ cấp');
    await expect(
      updateProfile(database, homeroom, student.id, { personalId: classmate.personalId }),
    ).rejects.toThrow('đã có ở một học sinh khác');
    expect((await fullChain(database)).length).toBe(count);
    expect((await database.people.findOne(student.id).exec())?.personalId).toBe(student.personalId);
  });

  it('refuses everyone but the homeroom teacher of the class', async () => {
    const { database, student, subjectTeacher, principal } = await setUp();
    const count = (await fullChain(database)).length;
    const refusal = 'Chỉ giáo viên chủ nhiệm của lớp';
    await expect(updateProfile(database, subjectTeacher, student.id, { address: 'Hà Nội' })).rejects.toThrow(
      refusal,
    );
    await expect(updateProfile(database, principal, student.id, { address: 'Hà Nội' })).rejects.toThrow(
      refusal,
    );
    await expect(setCheck(database, subjectTeacher, student.id, 'parents', '2025-09-10')).rejects.toThrow(
      refusal,
    );
    await expect(setElectives(database, principal, student.id, [])).rejects.toThrow(refusal);
    const photo = { photoId: 'b'.repeat(64), width: 360, height: 480 };
    await expect(setPhoto(database, subjectTeacher, student.id, photo)).rejects.toThrow(refusal);
    expect((await fullChain(database)).length).toBe(count);
  });

  it('stores the photo reference and the two dated checks, each audited, and withdraws a check', async () => {
    const { database, student, homeroom } = await setUp();
    const before = (await eventsOf(database, student.id)).length;
    await setPhoto(database, homeroom, student.id, { photoId: 'c'.repeat(64), width: 360, height: 480 });
    await setCheck(database, homeroom, student.id, 'birthCertificate', '2025-09-05');
    await setCheck(database, homeroom, student.id, 'parents', '2025-09-12');
    let doc = await database.people.findOne(student.id).exec();
    expect(doc?.photo).toEqual({ photoId: 'c'.repeat(64), width: 360, height: 480 });
    expect(doc?.birthCertificateCheck).toEqual({ date: '2025-09-05', by: homeroom.actor.userId });
    expect(doc?.parentsConfirmation).toEqual({ date: '2025-09-12', by: homeroom.actor.userId });

    await setCheck(database, homeroom, student.id, 'parents', null);
    doc = await database.people.findOne(student.id).exec();
    expect(doc?.parentsConfirmation).toBeNull();
    const fields = (await eventsOf(database, student.id)).slice(before).map((event) => event.field);
    expect(fields).toContain('photo.photoId');
    expect(fields).toContain('birthCertificateCheck.date');
    expect(fields.filter((field) => field === 'parentsConfirmation.date')).toHaveLength(2);
    expect(verifyAuditChain(testDeviceId, await fullChain(database))).toEqual([]);
  });

  it('refuses a check dated after today and a photo that is not a stored reference', async () => {
    const { database, student, homeroom } = await setUp();
    await expect(setCheck(database, homeroom, student.id, 'birthCertificate', '2025-10-02')).rejects.toThrow(
      'không được sau hôm nay',
    );
    await expect(
      setPhoto(database, homeroom, student.id, { photoId: 'nope', width: 360, height: 480 }),
    ).rejects.toThrow('Ảnh không hợp lệ');
  });

  it('sets electives from the grade’s electives only, audited as one value', async () => {
    const { database, student, homeroom } = await setUp();
    await expect(setElectives(database, homeroom, student.id, ['toan'])).rejects.toThrow(
      'không phải môn tự chọn của lớp 4',
    );
    const before = (await eventsOf(database, student.id)).length;
    const wanted = student.electives.includes('tieng-dan-toc') ? [] : ['tieng-dan-toc', 'tieng-dan-toc'];
    await setElectives(database, homeroom, student.id, wanted);
    expect((await database.people.findOne(student.id).exec())?.electives).toEqual(wanted.slice(0, 1));
    const events = (await eventsOf(database, student.id)).slice(before);
    expect(events.map((event) => event.field)).toEqual(['electives']);
  });

  it('records the register number and the entry date for the study history, audited', async () => {
    const { database, student, homeroom } = await setUp();
    const before = (await eventsOf(database, student.id)).length;
    await updateEnrolment(database, homeroom, student.id, {
      registerNumber: '  7/2023 ',
      entryDate: '2023-01-10',
    });
    const doc = await database.people.findOne(student.id).exec();
    expect(doc?.registerNumber).toBe('7/2023');
    expect(doc?.entryDate).toBe('2023-01-10');
    const fields = (await eventsOf(database, student.id)).slice(before).map((event) => event.field);
    expect(fields.sort()).toEqual(['entryDate', 'registerNumber']);
    await updateEnrolment(database, homeroom, student.id, { entryDate: null });
    expect((await database.people.findOne(student.id).exec())?.entryDate).toBeNull();
    expect(verifyAuditChain(testDeviceId, await fullChain(database))).toEqual([]);
  });

  it('refuses a register number with odd characters, an entry date in the future or before birth', async () => {
    const { database, student, homeroom, subjectTeacher } = await setUp();
    const count = (await fullChain(database)).length;
    await expect(
      updateEnrolment(database, homeroom, student.id, { registerNumber: '125;DROP' }),
    ).rejects.toThrow('Số đăng bộ chỉ gồm');
    await expect(
      updateEnrolment(database, homeroom, student.id, { registerNumber: '1'.repeat(41) }),
    ).rejects.toThrow('Số đăng bộ chỉ gồm');
    await expect(
      updateEnrolment(database, homeroom, student.id, { entryDate: '2025-10-02' }),
    ).rejects.toThrow('không được sau hôm nay');
    await expect(
      updateEnrolment(database, homeroom, student.id, { entryDate: '2001-09-05' }),
    ).rejects.toThrow('trước ngày sinh');
    await expect(
      updateEnrolment(database, homeroom, student.id, { entryDate: '2022-02-30' }),
    ).rejects.toThrow('Ngày không tồn tại');
    await expect(
      updateEnrolment(database, subjectTeacher, student.id, { registerNumber: '1/2022' }),
    ).rejects.toThrow('Chỉ giáo viên chủ nhiệm của lớp');
    await expect(setIndividualEducationPlan(database, subjectTeacher, student.id, true)).rejects.toThrow(
      'Chỉ giáo viên chủ nhiệm của lớp',
    );
    expect((await fullChain(database)).length).toBe(count);
  });

  it('marks a student evaluated against an individual education plan, audited, and unmarks', async () => {
    const { database, student, homeroom } = await setUp();
    expect((await database.people.findOne(student.id).exec())?.individualEducationPlan).toBe(false);
    await setIndividualEducationPlan(database, homeroom, student.id, true);
    expect((await database.people.findOne(student.id).exec())?.individualEducationPlan).toBe(true);
    await setIndividualEducationPlan(database, homeroom, student.id, false);
    const fields = (await eventsOf(database, student.id)).map((event) => event.field);
    expect(fields.filter((field) => field === 'individualEducationPlan')).toHaveLength(2);
  });
});
