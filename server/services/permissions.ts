import { isSchoolLeadership } from '../../shared/auth/accountRoles';
import type { ClassId, SchoolId } from '../../shared/domain/ids';
import { listTeacherAssignments } from '../db/classesRepo';
import type { Queryable } from '../db/database';
import { serverStrings } from '../strings';
import type { Actor } from './actor';
import { failures } from './apiFailure';

/**
 * Who may do what. School data is open only to that school's own accounts (and, read-only for
 * accounts and counts, to the province admin); within a school, leadership writes, a group head
 * reads every class, and a teacher reads only the classes an assignment gives them.
 */
export function requireProvinceAdmin(actor: Actor): void {
  if (actor.role !== 'provinceAdmin') throw failures.forbidden();
}

function requireOwnSchool(actor: Actor, schoolId: SchoolId): void {
  if (actor.schoolId !== schoolId) throw failures.forbidden(serverStrings.otherSchool);
}

/** The school's accounts and counts: the province admin, or the school's leadership. */
export function requireSchoolOverview(actor: Actor, schoolId: SchoolId): void {
  if (actor.role === 'provinceAdmin') return;
  requireOwnSchool(actor, schoolId);
  if (!isSchoolLeadership(actor.role)) throw failures.forbidden();
}

/** Creating accounts, classes and assignments: the school's own leadership only. */
export function requireSchoolLeadership(actor: Actor, schoolId: SchoolId): void {
  requireOwnSchool(actor, schoolId);
  if (!isSchoolLeadership(actor.role)) throw failures.forbidden();
}

/** The school's list of classes: leadership and group heads of that school. */
export function requireClassListReader(actor: Actor, schoolId: SchoolId): void {
  requireOwnSchool(actor, schoolId);
  if (!isSchoolLeadership(actor.role) && actor.role !== 'groupHead') throw failures.forbidden();
}

/** One class's details and assignments: as the list, plus a teacher assigned to that class. */
export async function requireClassReader(
  db: Queryable,
  actor: Actor,
  schoolId: SchoolId,
  classId: ClassId,
): Promise<void> {
  requireOwnSchool(actor, schoolId);
  if (isSchoolLeadership(actor.role) || actor.role === 'groupHead') return;
  const own = await listTeacherAssignments(db, schoolId, actor.userId);
  if (!own.some((assignment) => assignment.classId === classId)) throw failures.forbidden();
}

/** Sync of a school's documents: any account of that school (what each may write, the shared rules decide per row). */
export function requireSchoolMember(actor: Actor, schoolId: SchoolId): void {
  if (actor.role === 'provinceAdmin') throw failures.forbidden();
  requireOwnSchool(actor, schoolId);
}
