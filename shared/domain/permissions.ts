import { coversRow, type Assignment } from './assignment';
import type { ClassId, UserId } from './ids';
import { isLeadership, type StaffMember, type StaffRole } from './staff';

/** Who is acting: their user id and role in the school. */
export type Actor = { readonly userId: UserId; readonly role: StaffRole };

/**
 * What a person may do, from their role and assignments (../shared/docs/domain.md: a teacher's rights come from
 * the assignment). Leadership sees everything but edits results only where assigned. The same
 * rules guard the UI and every write; the province server checks them again on sync.
 */
export type Permissions = {
  readonly canSetUpSchool: boolean;
  readonly canSeeClass: (classId: ClassId) => boolean;
  /** Enter levels, scores and comments of one subject row in one class. */
  readonly canEditSubject: (classId: ClassId, rowKey: string) => boolean;
  /** Homeroom work: qualities and competencies, profiles, confirming the year's results. */
  readonly isHomeroomOf: (classId: ClassId) => boolean;
  /** Import a class list: the homeroom teacher, or leadership while setting up the year. */
  readonly canImportClassList: (classId: ClassId) => boolean;
  /** The classes this person is assigned to. */
  readonly assignedClassIds: ReadonlySet<ClassId>;
};

export function permissionsFor(actor: Actor, assignments: readonly Assignment[]): Permissions {
  const own = assignments.filter((assignment) => assignment.teacherId === actor.userId);
  const leader = isLeadership(actor.role);
  const assignedClassIds = new Set(own.map((assignment) => assignment.classId));
  const isHomeroomOf = (classId: ClassId) => own.some((a) => a.classId === classId && a.homeroom);
  return {
    canSetUpSchool: leader,
    canSeeClass: (classId) => leader || assignedClassIds.has(classId),
    canEditSubject: (classId, rowKey) =>
      own.some((a) => a.classId === classId && coversRow(a.subjects, rowKey)),
    isHomeroomOf,
    canImportClassList: (classId) => leader || isHomeroomOf(classId),
    assignedClassIds,
  };
}

/** An unknown or deactivated account (ngừng hoạt động) may neither see nor change anything. */
export const noPermissions: Permissions = {
  canSetUpSchool: false,
  canSeeClass: () => false,
  canEditSubject: () => false,
  isHomeroomOf: () => false,
  canImportClassList: () => false,
  assignedClassIds: new Set(),
};

/**
 * The rights of a signed-in person, checked against the school's staff list: the role recorded
 * there counts, and an account that is missing or no longer active gets no rights at all.
 */
export function permissionsOfStaff(
  staff: readonly StaffMember[],
  userId: UserId,
  assignments: readonly Assignment[],
): Permissions {
  const member = staff.find((candidate) => candidate.userId === userId);
  if (!member?.active) return noPermissions;
  return permissionsFor({ userId, role: member.role }, assignments);
}
