import type { AssignmentWire } from '../../shared/auth/authWire';
import type { ClassWire } from '../../shared/auth/schoolAdminWire';
import { classIdOf, type ClassId, type SchoolId, type UserId } from '../../shared/domain/ids';
import { getAccount } from '../db/accountsRepo';
import {
  deleteAssignment,
  getClass,
  insertClass,
  listClassAssignments,
  listClasses,
  putAssignment,
  updateClassGrade,
  type AssignmentRecord,
} from '../db/classesRepo';
import { isUniqueViolation } from '../db/rows';
import { serverStrings } from '../strings';
import type { Actor } from './actor';
import { failures } from './apiFailure';
import type { ServiceContext } from './context';
import { requireClassListReader, requireClassReader, requireSchoolLeadership } from './permissions';

const wireOfAssignment = (assignment: AssignmentRecord): AssignmentWire => ({ ...assignment });

export async function createClass(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  input: { schoolYear: string; grade: number; name: string },
): Promise<ClassWire> {
  requireSchoolLeadership(actor, schoolId);
  const record = { classId: classIdOf(schoolId, input.schoolYear, input.name), ...input };
  try {
    await insertClass(ctx.db, schoolId, record, ctx.clock());
  } catch (error) {
    if (isUniqueViolation(error)) throw failures.conflict(serverStrings.classExists);
    throw error;
  }
  return record;
}

export async function listSchoolClasses(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
): Promise<ClassWire[]> {
  requireClassListReader(actor, schoolId);
  return listClasses(ctx.db, schoolId);
}

async function existingClass(ctx: ServiceContext, schoolId: SchoolId, classId: ClassId): Promise<ClassWire> {
  const found = await getClass(ctx.db, schoolId, classId);
  if (found === null) throw failures.notFound(serverStrings.classNotFound);
  return found;
}

export async function getClassDetails(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  classId: ClassId,
): Promise<ClassWire & { assignments: AssignmentWire[] }> {
  await requireClassReader(ctx.db, actor, schoolId, classId);
  const found = await existingClass(ctx, schoolId, classId);
  return {
    ...found,
    assignments: (await listClassAssignments(ctx.db, schoolId, classId)).map(wireOfAssignment),
  };
}

export async function updateClass(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  classId: ClassId,
  grade: number,
): Promise<ClassWire> {
  requireSchoolLeadership(actor, schoolId);
  if (!(await updateClassGrade(ctx.db, schoolId, classId, grade))) {
    throw failures.notFound(serverStrings.classNotFound);
  }
  return existingClass(ctx, schoolId, classId);
}

export async function getClassAssignments(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  classId: ClassId,
): Promise<AssignmentWire[]> {
  await requireClassReader(ctx.db, actor, schoolId, classId);
  await existingClass(ctx, schoolId, classId);
  return (await listClassAssignments(ctx.db, schoolId, classId)).map(wireOfAssignment);
}

/** PUT …/assignments/:teacherId: creates or replaces the teacher's assignment to the class. */
export async function assignTeacher(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  classId: ClassId,
  teacherId: UserId,
  input: { homeroom: boolean; subjects: string[] },
): Promise<AssignmentWire> {
  requireSchoolLeadership(actor, schoolId);
  await existingClass(ctx, schoolId, classId);
  const teacher = await getAccount(ctx.db, { schoolId, userId: teacherId });
  if (teacher === null || teacher.disabled) throw failures.badRequest(serverStrings.notATeacher);
  const assignment: AssignmentRecord = { teacherId, classId, ...input };
  await putAssignment(ctx.db, schoolId, assignment, ctx.clock());
  return wireOfAssignment(assignment);
}

/** DELETE …/assignments/:teacherId (idempotent: removing what is not there succeeds). */
export async function unassignTeacher(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  classId: ClassId,
  teacherId: UserId,
): Promise<void> {
  requireSchoolLeadership(actor, schoolId);
  await existingClass(ctx, schoolId, classId);
  await deleteAssignment(ctx.db, schoolId, classId, teacherId);
}
