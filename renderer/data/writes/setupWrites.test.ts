import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../shared/audit/auditChain';
import { userIdOf, type ClassId, type UserId } from '../../../shared/domain/ids';
import { permissionsFor } from '../../../shared/domain/permissions';
import {
  contextAs,
  databaseHarness,
  seededDatabase,
  testDeviceId,
} from '../../../tests/support/browserDatabase';
import type { HocbaDatabase } from '../database';
import {
  addClass,
  addStaffMember,
  removeClass,
  setClassAssignments,
  setForeignLanguage1,
  startSchoolYear,
  updateStaffMember,
} from './setupWrites';
import { setupWriteStrings, writeStrings } from './writeStrings';

// Runs in real Chromium: the database is RxDB on the browser's own IndexedDB.
const harness = databaseHarness();
afterEach(() => harness.cleanUp());

async function setUp() {
  const { database, school } = await seededDatabase(harness, 40);
  const teacher = school.assignments.find((assignment) => assignment.homeroom);
  if (!teacher) throw new Error('sample school has no homeroom teacher');
  return {
    database,
    school,
    principal: contextAs(school, 'user:hieutruong'),
    teacher: contextAs(school, teacher.teacherId),
  };
}

async function chainOf(database: HocbaDatabase) {
  const docs = await database.auditEvents
    .find({ selector: { deviceId: testDeviceId }, sort: [{ seq: 'asc' }] })
    .exec();
  return docs.map((doc) => doc.toMutableJSON());
}

async function assignmentsOf(database: HocbaDatabase, classId: ClassId) {
  const docs = await database.assignments.find({ selector: { classId } }).exec();
  return docs.map((doc) => doc.toMutableJSON());
}

/** The rights a person gets from what is now stored, as the app shell derives them. */
async function rightsOf(database: HocbaDatabase, teacherId: UserId) {
  const all = (await database.assignments.find().exec()).map((doc) => doc.toMutableJSON());
  return permissionsFor({ userId: teacherId, role: 'teacher' }, all);
}

describe('school-year setup by the principal (audited)', () => {
  it('adds a teacher and a class, assigns them, and the rights follow exactly', async () => {
    const { database, principal } = await setUp();
    const before = (await chainOf(database)).length;

    await addStaffMember(database, principal, { fullName: ' Lê Thị  Hoa', login: 'HoaLT', role: 'teacher' });
    await addStaffMember(database, principal, { fullName: 'Ngô Văn Bình', login: 'binhnv', role: 'teacher' });
    const school = await database.schools.findOne().exec();
    expect(school?.staff.find((member) => member.login === 'hoalt')).toEqual({
      userId: 'user:hoalt',
      login: 'hoalt',
      fullName: 'Lê Thị Hoa',
      role: 'teacher',
      active: true,
    });

    const added = await addClass(database, principal, { grade: 3, name: ' 3Z ', homeroomTeacherId: null });
    expect(added.id).toBe(`class:${school?.code ?? ''}:${school?.schoolYear ?? ''}:3Z`);
    expect((await database.classes.findOne(added.id).exec())?.toMutableJSON()).toMatchObject({
      grade: 3,
      name: '3Z',
    });

    await setClassAssignments(database, principal, added.id, {
      homeroomTeacherId: 'user:hoalt',
      subjectTeachers: {
        'tieng-viet': 'user:hoalt',
        toan: 'user:hoalt',
        'tin-hoc-cong-nghe/tin-hoc': 'user:binhnv',
        'tin-hoc-cong-nghe/cong-nghe': 'user:binhnv',
        'nghe-thuat/am-nhac': 'user:binhnv',
        'dao-duc': '',
      },
    });
    const docs = await assignmentsOf(database, added.id);
    expect(
      docs
        .map(({ teacherId, homeroom, subjects }) => ({ teacherId, homeroom, subjects }))
        .sort((a, b) => a.teacherId.localeCompare(b.teacherId)),
    ).toEqual([
      { teacherId: 'user:binhnv', homeroom: false, subjects: ['tin-hoc-cong-nghe', 'nghe-thuat/am-nhac'] },
      { teacherId: 'user:hoalt', homeroom: true, subjects: ['tieng-viet', 'toan'] },
    ]);
    expect((await database.classes.findOne(added.id).exec())?.homeroomTeacherName).toBe('Lê Thị Hoa');

    const hoa = await rightsOf(database, userIdOf('hoalt'));
    expect(hoa.isHomeroomOf(added.id)).toBe(true);
    expect(hoa.canEditSubject(added.id, 'toan')).toBe(true);
    expect(hoa.canEditSubject(added.id, 'dao-duc')).toBe(false);
    expect(hoa.canEditSubject(added.id, 'tin-hoc-cong-nghe/tin-hoc')).toBe(false);
    expect(hoa.canSetUpSchool).toBe(false);
    expect([...hoa.assignedClassIds]).toEqual([added.id]);
    const binh = await rightsOf(database, userIdOf('binhnv'));
    expect(binh.isHomeroomOf(added.id)).toBe(false);
    expect(binh.canEditSubject(added.id, 'tin-hoc-cong-nghe/cong-nghe')).toBe(true);
    expect(binh.canEditSubject(added.id, 'nghe-thuat/am-nhac')).toBe(true);
    expect(binh.canEditSubject(added.id, 'nghe-thuat/mi-thuat')).toBe(false);

    const events = await chainOf(database);
    expect(verifyAuditChain(testDeviceId, events)).toEqual([]);
    const newEvents = events.slice(before);
    expect(
      newEvents.filter((event) => event.collectionName === 'schools' && event.field === 'staff'),
    ).toHaveLength(2);
    expect(
      newEvents
        .filter((event) => event.collectionName === 'classes' && event.docId === added.id)
        .map((event) => event.field),
    ).toEqual(['*', 'homeroomTeacherName']);
    expect(
      newEvents
        .filter((event) => event.collectionName === 'assignments')
        .every((event) => event.actor === 'user:hieutruong'),
    ).toBe(true);
  });

  it('takes the homeroom teacher of a new class from the staff, as its assignment, and empties the name when none is left', async () => {
    const { database, principal } = await setUp();
    await addStaffMember(database, principal, { fullName: 'Lê Thị Hoa', login: 'hoalt', role: 'teacher' });
    const added = await addClass(database, principal, {
      grade: 2,
      name: '2Z',
      homeroomTeacherId: 'user:hoalt',
    });
    expect(added.homeroomTeacherName).toBe('Lê Thị Hoa');
    const homeroom = await database.assignments
      .find({ selector: { classId: added.id, homeroom: true } })
      .exec();
    expect(homeroom.map((doc) => doc.teacherId)).toEqual(['user:hoalt']);

    await setClassAssignments(database, principal, added.id, {
      homeroomTeacherId: null,
      subjectTeachers: {},
    });
    expect((await database.classes.findOne(added.id).exec())?.homeroomTeacherName).toBe('');

    await expect(
      addClass(database, principal, { grade: 2, name: '2Y', homeroomTeacherId: 'user:ai-do' }),
    ).rejects.toThrow(setupWriteStrings.teacherUnavailable);
    expect(await database.classes.findOne(added.id.replace('2Z', '2Y')).exec()).toBeNull();
  });

  it('reassigns a class: a teacher who lost everything keeps an empty, audited document', async () => {
    const { database, school, principal } = await setUp();
    const schoolClass = school.classes.find((candidate) => candidate.grade === 4);
    const homeroom = school.assignments.find((a) => a.classId === schoolClass?.id && a.homeroom);
    if (!schoolClass || !homeroom) throw new Error('sample school incomplete');
    await addStaffMember(database, principal, {
      fullName: 'Phan Minh Châu',
      login: 'chaupm',
      role: 'teacher',
    });

    await setClassAssignments(database, principal, schoolClass.id, {
      homeroomTeacherId: 'user:chaupm',
      subjectTeachers: { toan: 'user:chaupm', 'tieng-viet': 'user:chaupm' },
    });
    const docs = new Map((await assignmentsOf(database, schoolClass.id)).map((doc) => [doc.teacherId, doc]));
    expect(docs.get(homeroom.teacherId)).toMatchObject({ homeroom: false, subjects: [] });
    expect(docs.get(userIdOf('chaupm'))).toMatchObject({ homeroom: true, subjects: ['tieng-viet', 'toan'] });
    const former = await rightsOf(database, homeroom.teacherId);
    expect(former.isHomeroomOf(schoolClass.id)).toBe(false);
    expect(former.canEditSubject(schoolClass.id, 'toan')).toBe(false);

    const events = await chainOf(database);
    const formerDoc = `assignment:${homeroom.teacherId.replace('user:', '')}:${schoolClass.id}`;
    expect(
      events
        .filter((event) => event.docId === formerDoc)
        .map((event) => event.field)
        .sort(),
    ).toEqual(['*', 'homeroom', 'subjects']);
    expect(verifyAuditChain(testDeviceId, events)).toEqual([]);
  });

  it('refuses every setup write from a teacher, and writes nothing', async () => {
    const { database, school, teacher } = await setUp();
    const before = (await chainOf(database)).length;
    const classId = school.classes[0]?.id;
    if (classId === undefined) throw new Error('the sample school has no class');
    const refused = { name: 'WriteRefused', message: writeStrings.notLeadership };
    await expect(
      addStaffMember(database, teacher, { fullName: 'A B', login: 'abc', role: 'teacher' }),
    ).rejects.toMatchObject(refused);
    await expect(
      updateStaffMember(database, teacher, teacher.actor.userId, { role: 'principal' }),
    ).rejects.toMatchObject(refused);
    await expect(
      addClass(database, teacher, { grade: 1, name: '1Z', homeroomTeacherId: null }),
    ).rejects.toMatchObject(refused);
    await expect(removeClass(database, teacher, classId)).rejects.toMatchObject(refused);
    await expect(
      setClassAssignments(database, teacher, classId, {
        homeroomTeacherId: teacher.actor.userId,
        subjectTeachers: {},
      }),
    ).rejects.toMatchObject(refused);
    await expect(startSchoolYear(database, teacher, '2099-2100')).rejects.toMatchObject(refused);
    expect(await chainOf(database)).toHaveLength(before);
  });

  it('refuses a duplicate class name in the year, a name of another grade, and a duplicate login', async () => {
    const { database, school, principal } = await setUp();
    const existing = school.classes[0];
    if (!existing) throw new Error('no class');
    const before = (await chainOf(database)).length;
    await expect(
      addClass(database, principal, {
        grade: existing.grade,
        name: existing.name.toLowerCase(),
        homeroomTeacherId: null,
      }),
    ).rejects.toThrow(setupWriteStrings.classExists(existing.name.toLowerCase(), school.schoolYear));
    await expect(
      addClass(database, principal, { grade: 2, name: '5Z', homeroomTeacherId: null }),
    ).rejects.toThrow(setupWriteStrings.classGradeMismatch('5Z', 2));
    await expect(
      addStaffMember(database, principal, { fullName: 'Trùng Tên', login: 'hieutruong', role: 'teacher' }),
    ).rejects.toThrow(setupWriteStrings.loginTaken('hieutruong'));
    await expect(
      addStaffMember(database, principal, { fullName: 'Sai Tên', login: 'cô giáo', role: 'teacher' }),
    ).rejects.toThrow(setupWriteStrings.badLogin);
    expect(await chainOf(database)).toHaveLength(before);
  });

  it('deactivates staff instead of deleting, and keeps an active principal', async () => {
    const { database, school, principal } = await setUp();
    const someone = school.staff.find((member) => member.role === 'teacher');
    if (!someone) throw new Error('no teacher');
    await updateStaffMember(database, principal, someone.userId, { active: false, fullName: ' Tên  Mới ' });
    const stored = (await database.schools.findOne().exec())?.staff.find(
      (member) => member.userId === someone.userId,
    );
    expect(stored).toMatchObject({ active: false, fullName: 'Tên Mới', login: someone.login });
    expect((await database.schools.findOne().exec())?.staff).toHaveLength(school.staff.length);

    await expect(
      updateStaffMember(database, principal, userIdOf('hieutruong'), { active: false }),
    ).rejects.toThrow(setupWriteStrings.notYourself);
    const vice = contextAs(school, 'user:phohieutruong');
    await expect(
      updateStaffMember(database, vice, userIdOf('hieutruong'), { role: 'teacher' }),
    ).rejects.toThrow(setupWriteStrings.lastPrincipal);
    const classId = school.classes[0]?.id;
    if (classId === undefined) throw new Error('the sample school has no class');
    await expect(
      setClassAssignments(database, principal, classId, {
        homeroomTeacherId: someone.userId,
        subjectTeachers: {},
      }),
    ).rejects.toThrow(setupWriteStrings.teacherUnavailable);
    expect(verifyAuditChain(testDeviceId, await chainOf(database))).toEqual([]);
  });

  it('removes an empty class with its assignments, but never a class with students', async () => {
    const { database, school, principal } = await setUp();
    const withStudents = school.students[0]?.classId;
    if (withStudents === undefined) throw new Error('the sample school has no student');
    await expect(removeClass(database, principal, withStudents)).rejects.toThrow('đã có học sinh');
    expect(await database.classes.findOne(withStudents).exec()).not.toBeNull();

    const extra = await addClass(database, principal, { grade: 1, name: '1Z', homeroomTeacherId: null });
    await setClassAssignments(database, principal, extra.id, {
      homeroomTeacherId: 'user:phohieutruong',
      subjectTeachers: { toan: 'user:phohieutruong' },
    });
    await removeClass(database, principal, extra.id);
    expect(await database.classes.findOne(extra.id).exec()).toBeNull();
    expect(await assignmentsOf(database, extra.id)).toEqual([]);

    const events = await chainOf(database);
    const removals = events.filter((event) => event.classId === extra.id && event.new === 'null');
    expect(removals.map((event) => event.collectionName).sort()).toEqual(['assignments', 'classes']);
    expect(
      JSON.parse(removals.find((event) => event.collectionName === 'classes')?.old ?? '{}'),
    ).toMatchObject({ name: '1Z', grade: 1 });
    expect(verifyAuditChain(testDeviceId, events)).toEqual([]);
  });

  it('starts the next school year only, which then takes the new classes', async () => {
    const { database, school, principal } = await setUp();
    const [start] = school.schoolYear.split('-').map(Number);
    const next = `${String((start ?? 0) + 1)}-${String((start ?? 0) + 2)}`;
    await expect(startSchoolYear(database, principal, '2026/2027')).rejects.toThrow(
      setupWriteStrings.badSchoolYear,
    );
    await expect(
      startSchoolYear(database, principal, `${String((start ?? 0) + 2)}-${String((start ?? 0) + 3)}`),
    ).rejects.toThrow(setupWriteStrings.yearNotNext(next));
    await startSchoolYear(database, principal, next);
    const stored = await database.schools.findOne().exec();
    expect(stored?.schoolYear).toBe(next);
    expect(stored?.schoolYears).toEqual([school.schoolYear, next]);
    await expect(startSchoolYear(database, principal, next)).rejects.toThrow('Năm học tiếp theo phải là');

    const first = school.classes[0];
    if (!first) throw new Error('no class');
    const again = await addClass(database, principal, {
      grade: first.grade,
      name: first.name,
      homeroomTeacherId: null,
    });
    expect(again.id).toContain(`:${next}:`);
    expect(again.schoolYear).toBe(next);
    const events = await chainOf(database);
    expect(events.filter((event) => event.collectionName === 'schools').map((event) => event.field)).toEqual([
      '*',
      'schoolYear',
      'schoolYears',
    ]);
    expect(verifyAuditChain(testDeviceId, events)).toEqual([]);
  });

  it('sets the school’s Ngoại ngữ 1 from the programme’s languages only, leadership only, audited', async () => {
    const { database, principal, teacher } = await setUp();
    expect((await database.schools.findOne().exec())?.foreignLanguage1).toBe('Tiếng Anh');
    await expect(setForeignLanguage1(database, teacher, 'Tiếng Nhật')).rejects.toThrow(
      'Chỉ hiệu trưởng hoặc phó hiệu trưởng',
    );
    await expect(setForeignLanguage1(database, principal, 'Tiếng Klingon')).rejects.toThrow(
      setupWriteStrings.unknownForeignLanguage,
    );
    await setForeignLanguage1(database, principal, 'Tiếng Nhật');
    expect((await database.schools.findOne().exec())?.foreignLanguage1).toBe('Tiếng Nhật');
    const events = await chainOf(database);
    expect(events.filter((event) => event.field === 'foreignLanguage1')).toHaveLength(1);
    expect(verifyAuditChain(testDeviceId, events)).toEqual([]);
  });
});
