import { afterEach, describe, expect, it } from 'vitest';
import { classIdOf, userIdOf, type ClassId, type SchoolId, type UserId } from '../../../shared/domain/ids';
import type { UpdateStaffRequest } from '../../../shared/auth/schoolAdminWire';
import type { AssignmentWire } from '../../../shared/auth/authWire';
import {
  contextAs,
  databaseHarness,
  seededDatabase,
  testDeviceId,
} from '../../../tests/support/browserDatabase';
import type { HocbaDatabase } from '../database';
import type { SchoolServerWrites } from './schoolServer';
import { addClass, removeClass, setClassAssignments, updateStaffMember } from './setupWrites';
import { WriteRefused, type WriteContext } from './writeContext';
import { setupWriteStrings } from './writeStrings';

// Runs in real Chromium on IndexedDB. The province server's side of these calls (main, the real
// server) is tested in tests/integration/desktopSignIn.test.ts and the e2e accountSignIn; here the
// server is what the setup writes see of it, to check what they send, and that a refusal there
// leaves the desktop as it was.
const harness = databaseHarness();
afterEach(() => harness.cleanUp());

type SentCall =
  | { readonly kind: 'staff'; readonly userId: UserId; readonly changes: UpdateStaffRequest }
  | { readonly kind: 'class'; readonly schoolYear: string; readonly grade: number; readonly name: string }
  | {
      readonly kind: 'assignments';
      readonly classId: ClassId;
      readonly assignments: readonly Omit<AssignmentWire, 'classId'>[];
    };

/** The server as the writes see it: answers as the real one names classes; refuses when told to. */
function provinceServer(schoolId: SchoolId) {
  const sent: SentCall[] = [];
  let refusal: string | undefined;
  const answer = () => {
    if (refusal !== undefined) throw new WriteRefused(refusal);
  };
  const server: SchoolServerWrites = {
    updateStaffAccount: async (userId, changes) => {
      sent.push({ kind: 'staff', userId, changes });
      answer();
    },
    saveClass: async (input) => {
      sent.push({ kind: 'class', ...input });
      answer();
      return classIdOf(schoolId, input.schoolYear, input.name);
    },
    saveAssignments: async (classId, assignments) => {
      sent.push({ kind: 'assignments', classId, assignments });
      answer();
    },
  };
  return { server, sent, refuseWith: (message: string | undefined) => (refusal = message) };
}

async function setUp() {
  const { database, school } = await seededDatabase(harness, 40);
  const remote = provinceServer(school.school.id);
  const principal: WriteContext = { ...contextAs(school, 'user:hieutruong'), schoolServer: remote.server };
  return { database, school, remote, principal };
}

async function snapshotOf(database: HocbaDatabase) {
  const [schools, classes, assignments, events] = await Promise.all([
    database.schools.find().exec(),
    database.classes.find().exec(),
    database.assignments.find().exec(),
    database.auditEvents.find({ selector: { deviceId: testDeviceId } }).exec(),
  ]);
  return JSON.stringify([schools, classes, assignments, events.length].map((list) => list));
}

describe('school setup with a real account: the province server first', () => {
  it('adds a class on the server under the same id, and nothing here when the server refuses', async () => {
    const { database, school, remote, principal } = await setUp();
    const added = await addClass(database, principal, { grade: 3, name: ' 3Z ', homeroomTeacherId: null });
    expect(remote.sent).toEqual([{ kind: 'class', schoolYear: school.schoolYear, grade: 3, name: '3Z' }]);
    expect(await database.classes.findOne(added.id).exec()).not.toBeNull();

    const before = await snapshotOf(database);
    remote.refuseWith('Không kết nối được tới máy chủ của Sở. Hãy kiểm tra mạng rồi thử lại.');
    await expect(
      addClass(database, principal, { grade: 3, name: '3Y', homeroomTeacherId: null }),
    ).rejects.toThrow('Không kết nối được tới máy chủ của Sở');
    expect(await snapshotOf(database)).toBe(before);
  });

  it('refuses a class the server names otherwise, and asks the server nothing for what the desktop refuses', async () => {
    const { database, school, remote, principal } = await setUp();
    const naming: SchoolServerWrites = {
      ...remote.server,
      saveClass: async () => 'class:KHAC:2025-2026:3Z' as ClassId,
    };
    const before = await snapshotOf(database);
    await expect(
      addClass(
        database,
        { ...principal, schoolServer: naming },
        { grade: 3, name: '3Z', homeroomTeacherId: null },
      ),
    ).rejects.toThrow(setupWriteStrings.classIdDiffers('3Z'));
    const existing = school.classes[0];
    if (!existing) throw new Error('the sample school has no class');
    await expect(
      addClass(database, principal, { grade: existing.grade, name: existing.name, homeroomTeacherId: null }),
    ).rejects.toThrow(setupWriteStrings.classExists(existing.name, school.schoolYear));
    await expect(
      addClass(database, principal, { grade: 2, name: '5Z', homeroomTeacherId: null }),
    ).rejects.toThrow(setupWriteStrings.classGradeMismatch('5Z', 2));
    expect(remote.sent).toEqual([]);
    expect(await snapshotOf(database)).toBe(before);
  });

  it('sends each teacher whose assignment changes, only them, and keeps the desktop as it was on a refusal', async () => {
    const { database, school, remote, principal } = await setUp();
    const schoolClass = school.classes.find((candidate) => candidate.grade === 4);
    const homeroom = school.assignments.find((a) => a.classId === schoolClass?.id && a.homeroom);
    if (!schoolClass || !homeroom) throw new Error('sample school incomplete');
    const other = school.assignments.find(
      (a) => a.classId === schoolClass.id && a.teacherId !== homeroom.teacherId && a.subjects.length > 0,
    );
    const given = other?.subjects[0];
    if (!other || given === undefined) throw new Error('sample class without a subject teacher');
    const subjectTeachers = Object.fromEntries(
      school.assignments
        .filter((a) => a.classId === schoolClass.id)
        .flatMap((a) => a.subjects.map((subject) => [subject, a.teacherId as string])),
    );

    // The homeroom teacher takes one subject from another teacher: only those two change.
    const changed = {
      homeroomTeacherId: homeroom.teacherId,
      subjectTeachers: { ...subjectTeachers, [given]: homeroom.teacherId },
    };
    await setClassAssignments(database, principal, schoolClass.id, changed);
    expect(remote.sent).toHaveLength(1);
    const [first] = remote.sent;
    if (first?.kind !== 'assignments') throw new Error('no assignments sent');
    expect(first.classId).toBe(schoolClass.id);
    const byTeacher = new Map(first.assignments.map((a) => [a.teacherId, a]));
    expect([...byTeacher.keys()].sort()).toEqual([homeroom.teacherId, other.teacherId].sort());
    expect(byTeacher.get(homeroom.teacherId)).toMatchObject({ homeroom: true });
    expect(byTeacher.get(homeroom.teacherId)?.subjects).toContain(given);
    expect(byTeacher.get(other.teacherId)?.subjects).not.toContain(given);

    // The same again changes nothing, and asks nothing.
    remote.sent.length = 0;
    await setClassAssignments(database, principal, schoolClass.id, changed);
    expect(remote.sent).toEqual([]);

    // The server refuses taking the class from everyone: nothing changes here.
    const before = await snapshotOf(database);
    remote.refuseWith('Tài khoản của bạn không có quyền thực hiện thao tác này.');
    await expect(
      setClassAssignments(database, principal, schoolClass.id, {
        homeroomTeacherId: null,
        subjectTeachers: {},
      }),
    ).rejects.toThrow('không có quyền');
    expect(await snapshotOf(database)).toBe(before);
    const refused = remote.sent.at(-1);
    expect(
      refused?.kind === 'assignments'
        ? refused.assignments.every((a) => !a.homeroom && a.subjects.length === 0)
        : false,
    ).toBe(true);
  });

  it('disables and enables a staff account, renames it, and never changes a principal’s role', async () => {
    const { database, school, remote, principal } = await setUp();
    const someone = school.staff.find((member) => member.role === 'teacher');
    if (!someone) throw new Error('no teacher');
    await updateStaffMember(database, principal, someone.userId, { active: false, fullName: ' Tên  Mới ' });
    await updateStaffMember(database, principal, someone.userId, { active: true });
    await updateStaffMember(database, principal, userIdOf('phohieutruong'), { role: 'teacher' });
    expect(remote.sent).toEqual([
      { kind: 'staff', userId: someone.userId, changes: { fullName: 'Tên Mới', disabled: true } },
      { kind: 'staff', userId: someone.userId, changes: { disabled: false } },
      { kind: 'staff', userId: 'user:phohieutruong', changes: { role: 'teacher' } },
    ]);

    remote.sent.length = 0;
    const before = await snapshotOf(database);
    await expect(
      updateStaffMember(database, principal, someone.userId, { role: 'principal' }),
    ).rejects.toThrow(setupWriteStrings.principalRoleIsProvinces);
    const vice = { ...contextAs(school, 'user:phohieutruong'), schoolServer: remote.server };
    await expect(
      updateStaffMember(database, vice, userIdOf('hieutruong'), { role: 'teacher' }),
    ).rejects.toThrow(setupWriteStrings.lastPrincipal);
    expect(remote.sent).toEqual([]);
    remote.refuseWith('Không kết nối được tới máy chủ của Sở. Hãy kiểm tra mạng rồi thử lại.');
    await expect(updateStaffMember(database, principal, someone.userId, { active: false })).rejects.toThrow(
      'Không kết nối được',
    );
    expect(await snapshotOf(database)).toBe(before);
  });

  it('takes a removed class from its teachers on the server first', async () => {
    const { database, remote, principal } = await setUp();
    const extra = await addClass(database, principal, {
      grade: 1,
      name: '1Z',
      homeroomTeacherId: 'user:phohieutruong',
    });
    remote.sent.length = 0;
    remote.refuseWith('Không kết nối được tới máy chủ của Sở. Hãy kiểm tra mạng rồi thử lại.');
    await expect(removeClass(database, principal, extra.id)).rejects.toThrow('Không kết nối được');
    expect(await database.classes.findOne(extra.id).exec()).not.toBeNull();
    remote.refuseWith(undefined);
    await removeClass(database, principal, extra.id);
    expect(await database.classes.findOne(extra.id).exec()).toBeNull();
    expect(remote.sent.at(-1)).toEqual({
      kind: 'assignments',
      classId: extra.id,
      assignments: [{ teacherId: 'user:phohieutruong', homeroom: false, subjects: [] }],
    });
  });
});
