import { isForeignLanguage1Name } from '../../../shared/domain/foreignLanguages';
import type { JsonValue } from '../../../shared/encoding/canonicalJson';
import { assignmentIdOf, coversRow } from '../../../shared/domain/assignment';
import type { GradePlan } from '../../../shared/domain/evaluation/compiledCatalogue';
import { classIdOf, userIdOf, type ClassId, type SchoolId, type UserId } from '../../../shared/domain/ids';
import { schoolClassProfileSchema, type SchoolClassProfile } from '../../../shared/domain/school';
import { isSchoolYear, schoolYearStarting, startYearOf } from '../../../shared/domain/schoolYear';
import { staffMemberSchema, type StaffMember } from '../../../shared/domain/staff';
import { cleanText } from '../../../shared/domain/text';
import type { AssignmentDoc } from '../collections/assignmentsCollection';
import type { ClassDoc } from '../collections/classesCollection';
import type { SchoolDoc } from '../collections/schools/schoolsCollection';
import type { HocbaDatabase } from '../database';
import { metaFor } from '../documentMeta';
import { auditedBulkInsert, auditedWriteMany, type WriteResult } from './auditedWrite';
import { applyJournalLocked } from '../journal/writeJournal';
import { appendAuditEvents, withAuditLock, type DocumentChanges } from './auditLog';
import { WriteRefused, type WriteContext } from './writeContext';
import { setupWriteStrings, writeStrings } from './writeStrings';
import { refuseUnlessAllowed } from './sharedWriteRules';

export type NewStaffMember = Pick<StaffMember, 'fullName' | 'login' | 'role'>;
export type StaffChanges = Partial<Pick<StaffMember, 'fullName' | 'role' | 'active'>>;
/**
 * A new class: its grade, its name and its homeroom teacher chosen from the staff (or none yet);
 * the teacher's name on the class follows the homeroom assignment, the one source of it.
 */
export type NewClass = Pick<SchoolClassProfile, 'grade' | 'name'> & {
  readonly homeroomTeacherId: string | null;
};
/** A class's teachers: the homeroom teacher (or none) and, per row key or subject code, a teacher id ('' = none). */
export type ClassAssignments = {
  readonly homeroomTeacherId: string | null;
  readonly subjectTeachers: Readonly<Record<string, string>>;
};

export function requireLeadership(context: WriteContext): void {
  if (!context.permissions.canSetUpSchool) throw new WriteRefused(writeStrings.notLeadership);
}

export async function loadSchool(database: HocbaDatabase): Promise<SchoolDoc> {
  const found = await database.schools.findOne().exec();
  if (!found) throw new WriteRefused(setupWriteStrings.noSchool);
  return found.toMutableJSON();
}

/** One write of the school document (staff list, years); `build` runs under the audit lock. */
export async function writeSchool(
  database: HocbaDatabase,
  context: WriteContext,
  build: (current: SchoolDoc) => SchoolDoc,
): Promise<WriteResult> {
  requireLeadership(context);
  const school = await loadSchool(database);
  return await auditedWriteMany(database, context, 'schools', [
    { target: { docId: school.id, studentId: '', classId: '', blank: school }, build },
  ]);
}

/** Adds a staff member (active) to the school's list; the login must be new. */
export async function addStaffMember(
  database: HocbaDatabase,
  context: WriteContext,
  input: NewStaffMember,
): Promise<WriteResult> {
  requireLeadership(context);
  const login = cleanText(input.login).toLowerCase();
  const parsed = staffMemberSchema.safeParse({ ...input, userId: userIdOf(login), login, active: true });
  if (!parsed.success) {
    const nameIssue = parsed.error.issues.some(({ path }) => path[0] === 'fullName');
    throw new WriteRefused(nameIssue ? setupWriteStrings.badFullName : setupWriteStrings.badLogin);
  }
  const member = parsed.data;
  return await writeSchool(database, context, (current) => {
    if (current.staff.some((other) => other.login === member.login || other.userId === member.userId)) {
      throw new WriteRefused(setupWriteStrings.loginTaken(member.login));
    }
    return { ...current, staff: [...current.staff, member] };
  });
}

/** The staff list after one member's change, or the reason it may not be made. */
function staffAfterChange(current: SchoolDoc, userId: UserId, changes: StaffChanges): SchoolDoc['staff'] {
  const existing = current.staff.find((member) => member.userId === userId);
  if (!existing) throw new WriteRefused(setupWriteStrings.staffNotFound);
  const parsed = staffMemberSchema.safeParse({ ...existing, ...changes });
  if (!parsed.success) throw new WriteRefused(setupWriteStrings.badFullName);
  const staff = current.staff.map((member) => (member.userId === userId ? parsed.data : member));
  if (!staff.some((member) => member.role === 'principal' && member.active)) {
    throw new WriteRefused(setupWriteStrings.lastPrincipal);
  }
  return staff;
}

/**
 * Changes a staff member's name, role or status. Staff are never deleted, only made inactive.
 * With a real account the change is made on the province server first: an inactive member's
 * account is disabled there (it can no longer sign in anywhere), an active one's enabled again.
 */
export async function updateStaffMember(
  database: HocbaDatabase,
  context: WriteContext,
  userId: UserId,
  changes: StaffChanges,
): Promise<WriteResult> {
  requireLeadership(context);
  if (changes.active === false && userId === context.actor.userId)
    throw new WriteRefused(setupWriteStrings.notYourself);
  if (context.schoolServer) {
    const current = await loadSchool(database);
    const before = current.staff.find((member) => member.userId === userId);
    const after = staffAfterChange(current, userId, changes).find((member) => member.userId === userId);
    if (before && after) {
      if (before.role !== after.role && (before.role === 'principal' || after.role === 'principal'))
        throw new WriteRefused(setupWriteStrings.principalRoleIsProvinces);
      const onServer = {
        ...(after.fullName === before.fullName ? {} : { fullName: after.fullName }),
        ...(after.role === before.role || after.role === 'principal' ? {} : { role: after.role }),
        ...(after.active === before.active ? {} : { disabled: !after.active }),
      };
      if (Object.keys(onServer).length > 0) await context.schoolServer.updateStaffAccount(userId, onServer);
    }
  }
  return await writeSchool(database, context, (current) => ({
    ...current,
    staff: staffAfterChange(current, userId, changes),
  }));
}

/** Starts the next school year and makes it the school's current one. */
export async function startSchoolYear(
  database: HocbaDatabase,
  context: WriteContext,
  schoolYear: string,
): Promise<WriteResult> {
  requireLeadership(context);
  if (!isSchoolYear(schoolYear)) throw new WriteRefused(setupWriteStrings.badSchoolYear);
  return await writeSchool(database, context, (current) => {
    const expected = nextSchoolYearOf(current);
    if (schoolYear !== expected) throw new WriteRefused(setupWriteStrings.yearNotNext(expected));
    return { ...current, schoolYears: [...current.schoolYears, schoolYear], schoolYear };
  });
}

/** Sets the language the school teaches as Ngoại ngữ 1, which the học bạ names beside the subject. */
export async function setForeignLanguage1(
  database: HocbaDatabase,
  context: WriteContext,
  language: string,
): Promise<WriteResult> {
  if (!isForeignLanguage1Name(language)) throw new WriteRefused(setupWriteStrings.unknownForeignLanguage);
  return await writeSchool(database, context, (current) => ({ ...current, foreignLanguage1: language }));
}

/** The year after the latest one set up (or the current one, if the list is empty). */
export function nextSchoolYearOf(school: Pick<SchoolDoc, 'schoolYear' | 'schoolYears'>): string {
  const starts = [...school.schoolYears, school.schoolYear].filter(isSchoolYear).map(startYearOf);
  return schoolYearStarting(Math.max(...starts) + 1);
}

/** Adds a class to the school's current year; the name must be new in that year. */
export async function addClass(
  database: HocbaDatabase,
  context: WriteContext,
  input: NewClass,
): Promise<ClassDoc> {
  requireLeadership(context);
  const school = await loadSchool(database);
  const homeroom =
    input.homeroomTeacherId === null
      ? undefined
      : school.staff.find((member) => member.userId === input.homeroomTeacherId && member.active);
  if (input.homeroomTeacherId !== null && !homeroom)
    throw new WriteRefused(setupWriteStrings.teacherUnavailable);
  const parsed = schoolClassProfileSchema.safeParse({
    grade: input.grade,
    name: input.name,
    homeroomTeacherName: homeroom?.fullName ?? '',
    schoolYear: school.schoolYear,
  });
  if (!parsed.success) throw new WriteRefused(setupWriteStrings.badClass);
  const { grade, name, homeroomTeacherName } = parsed.data;
  const leadingGrade = /^\d/.exec(name)?.[0];
  if (leadingGrade && Number(leadingGrade) !== grade)
    throw new WriteRefused(setupWriteStrings.classGradeMismatch(name, grade));
  const sameYear = await database.classes
    .find({ selector: { schoolId: school.id, schoolYear: school.schoolYear } })
    .exec();
  const exists = setupWriteStrings.classExists(name, school.schoolYear);
  if (sameYear.some((other) => other.name.toLocaleUpperCase('vi') === name.toLocaleUpperCase('vi')))
    throw new WriteRefused(exists);
  const id = classIdOf(school.id as SchoolId, school.schoolYear, name);
  const doc: ClassDoc = {
    id,
    grade,
    name,
    homeroomTeacherName,
    ...metaFor(school.id, school.schoolYear, context.actor.userId, context.now()),
  };
  refuseUnlessAllowed(context, 'classes', null, doc);
  // A real account's class is the province server's first: the same id there, or nothing here.
  if (context.schoolServer) {
    const onServer = await context.schoolServer.saveClass({ schoolYear: school.schoolYear, grade, name });
    if (onServer !== id) throw new WriteRefused(setupWriteStrings.classIdDiffers(name));
  }
  try {
    await auditedBulkInsert(database, context, 'classes', [{ doc, studentId: '', classId: id }]);
  } catch (error) {
    // Another window may have added it in between; the insert checks again under the audit lock.
    if (await database.classes.findOne(id).exec()) throw new WriteRefused(exists);
    throw error;
  }
  // The homeroom teacher is an assignment, as in Phân công: the class table and Phân công agree.
  if (homeroom)
    await setClassAssignments(database, context, id, {
      homeroomTeacherId: homeroom.userId,
      subjectTeachers: {},
    });
  return doc;
}

/** The audit record of a removed document: field `*`, its content as the old value. */
function removalOf(collectionName: string, doc: { readonly id: string }, classId: string): DocumentChanges {
  const { updatedAt: _at, updatedBy: _by, rev: _rev, ...old } = doc as unknown as Record<string, JsonValue>;
  return { collectionName, docId: doc.id, studentId: '', classId, changes: [{ field: '*', old, new: null }] };
}

/** Removes a class created by mistake, with its assignments: only while it has no students and no results. */
export async function removeClass(
  database: HocbaDatabase,
  context: WriteContext,
  classId: ClassId,
): Promise<void> {
  requireLeadership(context);
  await withAuditLock(context.deviceId, async () => {
    // Saves still in the journal first, so the checks below see every student and result.
    await applyJournalLocked(database);
    const found = await database.classes.findOne(classId).exec();
    if (!found) throw new WriteRefused(setupWriteStrings.classNotFound);
    const query = { selector: { classId } };
    if (await database.people.findOne(query).exec())
      throw new WriteRefused(setupWriteStrings.classHasStudents(found.name));
    const results = await Promise.all([
      database.subjectResults.findOne(query).exec(),
      database.characterResults.findOne(query).exec(),
      database.yearResults.findOne(query).exec(),
    ]);
    if (results.some((result) => result !== null))
      throw new WriteRefused(setupWriteStrings.classHasResults(found.name));
    const assignments = await database.assignments.find(query).exec();
    // On the province server the class's teachers lose it first, so nobody keeps rights to it.
    await context.schoolServer?.saveAssignments(
      classId,
      assignments
        .filter((doc) => doc.homeroom || doc.subjects.length > 0)
        .map((doc) => ({ teacherId: doc.teacherId, homeroom: false, subjects: [] })),
    );
    await appendAuditEvents(database, context, [
      ...assignments.map((doc) => removalOf('assignments', doc.toMutableJSON(), classId)),
      removalOf('classes', found.toMutableJSON(), classId),
    ]);
    if (assignments.length > 0) await database.assignments.bulkRemove(assignments.map((doc) => doc.id));
    await found.remove();
  });
}

/**
 * A teacher as the assignment form names them (an option's value), typed as the user id it is;
 * whether it is an active member of the staff is checked where it would gain anything, as before.
 */
function chosenTeacher(value: string): UserId {
  return value as UserId;
}

/**
 * Each teacher's rows in a class from a row-key-or-subject-code → teacher map ('' = nobody). A
 * subject code stands for all of its parts; a part's own key, given beside it, decides that part.
 */
function rowsByTeacherOf(
  plan: GradePlan,
  subjectTeachers: Readonly<Record<string, string>>,
): Map<UserId, Set<string>> {
  const isPart = (key: string) => !plan.rowsBySubject.has(key);
  const entries = Object.entries(subjectTeachers).sort(([a], [b]) => Number(isPart(a)) - Number(isPart(b)));
  const teacherOfRow = new Map<string, string>();
  for (const [key, teacherId] of entries) {
    const parts = plan.rowsByKey.has(key)
      ? [key]
      : [...(plan.rowsBySubject.get(key)?.values() ?? [])].map((row) => row.key);
    if (parts.length === 0) throw new WriteRefused(writeStrings.subjectNotInGrade(plan.grade));
    for (const rowKey of parts) teacherOfRow.set(rowKey, teacherId);
  }
  const rowsByTeacher = new Map<UserId, Set<string>>();
  for (const [rowKey, value] of teacherOfRow) {
    if (value === '') continue;
    const teacherId = chosenTeacher(value);
    rowsByTeacher.set(teacherId, (rowsByTeacher.get(teacherId) ?? new Set()).add(rowKey));
  }
  return rowsByTeacher;
}

/** A teacher's rows as stored: a subject code where they take all of its parts, else row keys. */
function subjectListOf(plan: GradePlan, rowKeys: ReadonlySet<string>): string[] {
  return [...plan.rowsBySubject].flatMap(([code, parts]) => {
    const keys = [...parts.values()].map((row) => row.key);
    const taken = keys.filter((key) => rowKeys.has(key));
    return taken.length === keys.length ? [code] : taken;
  });
}

/**
 * Sets who teaches what in one class: one assignment document per teacher (subjects, homeroom).
 * A teacher no longer assigned keeps their document with no subjects and no homeroom, so the
 * change stays on record. The class's homeroom teacher name follows the homeroom assignment.
 */
export async function setClassAssignments(
  database: HocbaDatabase,
  context: WriteContext,
  classId: ClassId,
  input: ClassAssignments,
): Promise<WriteResult> {
  requireLeadership(context);
  const school = await loadSchool(database);
  const schoolClass = (await database.classes.findOne(classId).exec())?.toMutableJSON();
  if (!schoolClass) throw new WriteRefused(setupWriteStrings.classNotFound);
  const plan = context.catalogue.plan(schoolClass.grade);
  const rowsByTeacher = rowsByTeacherOf(plan, input.subjectTeachers);
  const homeroomId =
    input.homeroomTeacherId === '' || input.homeroomTeacherId === null
      ? null
      : chosenTeacher(input.homeroomTeacherId);
  const existing = await database.assignments.find({ selector: { classId } }).exec();
  const teacherIds = new Set([
    ...existing.map((doc) => doc.teacherId),
    ...rowsByTeacher.keys(),
    ...(homeroomId ? [homeroomId] : []),
  ]);
  const staffById = new Map(school.staff.map((member) => [member.userId, member]));
  const meta = metaFor(schoolClass.schoolId, schoolClass.schoolYear, context.actor.userId, context.now());
  const blankOf = (teacherId: UserId): AssignmentDoc => ({
    id: assignmentIdOf(teacherId, classId),
    teacherId,
    classId,
    homeroom: false,
    subjects: [],
    ...meta,
  });
  /** A teacher's assignment as this change leaves it. */
  const assignmentAfter = (teacherId: UserId, current: AssignmentDoc): AssignmentDoc => {
    const rows = rowsByTeacher.get(teacherId) ?? new Set<string>();
    const homeroom = teacherId === homeroomId;
    const gains =
      (homeroom && !current.homeroom) || [...rows].some((row) => !coversRow(current.subjects, row));
    // A teacher who left keeps what they had; nobody inactive or unknown gets anything new.
    if (gains && staffById.get(teacherId)?.active !== true)
      throw new WriteRefused(setupWriteStrings.teacherUnavailable);
    return { ...current, homeroom, subjects: subjectListOf(plan, rows) };
  };

  if (context.schoolServer) {
    // The province server first, with what changes: a refusal there leaves this desktop as it was.
    const existingById = new Map(existing.map((doc) => [doc.teacherId, doc.toMutableJSON()]));
    const changed = [...teacherIds].flatMap((teacherId) => {
      const before = existingById.get(teacherId) ?? blankOf(teacherId);
      const after = assignmentAfter(teacherId, before);
      const same =
        existingById.has(teacherId) &&
        after.homeroom === before.homeroom &&
        after.subjects.join('\n') === before.subjects.join('\n');
      return same ? [] : [{ teacherId, homeroom: after.homeroom, subjects: [...after.subjects] }];
    });
    if (changed.length > 0) await context.schoolServer.saveAssignments(classId, changed);
  }

  const writes = [...teacherIds].map((teacherId) => {
    const blank = blankOf(teacherId);
    return {
      target: { docId: blank.id, studentId: '', classId, blank },
      build: (current: AssignmentDoc) => assignmentAfter(teacherId, current),
    };
  });
  const result = await auditedWriteMany(database, context, 'assignments', writes);
  // The name on the class follows the assignment, emptied when the class has no homeroom teacher.
  const homeroomName = homeroomId ? (staffById.get(homeroomId)?.fullName ?? '') : '';
  if (homeroomName === schoolClass.homeroomTeacherName) return result;
  const named = await auditedWriteMany(database, context, 'classes', [
    {
      target: { docId: classId, studentId: '', classId, blank: schoolClass },
      build: (current) => ({ ...current, homeroomTeacherName: homeroomName }),
    },
  ]);
  return { changes: [...result.changes, ...named.changes] };
}
