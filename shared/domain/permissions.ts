import { coversRow, type Assignment } from './assignment';
import type { ClassId, UserId } from './ids';
import type { SignerRole } from './signerRole';
import { isLeadership, type StaffMember, type StaffRole } from './staff';

/** Who is acting: their user id and role in the school. */
export type Actor = { readonly userId: UserId; readonly role: StaffRole };

/**
 * What a person may do, from their role and assignments (../shared/docs/domain.md: a teacher's rights come from
 * the assignment). Leadership sees everything but edits results only where assigned. The same
 * rules guard the UI, every write (shared/documents' write rules), main's IPC handlers and the
 * province server's push handler.
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
  /**
   * The boxes of a học bạ this person may sign, in signing order: a teacher the homeroom
   * teacher's (of their own homeroom class only, `canSignAs`), the principal the principal's and
   * the school's seal. A vice-principal signs none.
   */
  readonly signerRoles: readonly SignerRole[];
  /** Sign the records of one class in one box. */
  readonly canSignAs: (role: SignerRole, classId: ClassId) => boolean;
  /** Make (or make again) the học bạ files of a class: its homeroom teacher, or leadership. */
  readonly canProduceRecords: (classId: ClassId) => boolean;
  /** Correct a signed học bạ as a new version with a biên bản: the principal. */
  readonly canAmendSignedRecord: boolean;
  /** Decide that a student who has not completed the programme moves up or stays (TT27 Điều 11 khoản 3). */
  readonly canDecidePromotion: boolean;
  /** Back up this desktop's data to an encrypted file: anyone active (it is their own database). */
  readonly canMakeBackup: boolean;
  /** Restore a backup (the restored school opens as its principal): leadership. */
  readonly canRestoreBackup: boolean;
  /** Export a class's summary (Bảng tổng hợp) to a file: anyone who may see the class. */
  readonly canExportSummary: (classId: ClassId) => boolean;
};

/** The signer boxes each role may sign (architecture.md: homeroom teacher, principal, seal). */
function signerRolesOf(role: StaffRole): readonly SignerRole[] {
  if (role === 'principal') return ['principal', 'schoolSeal'];
  if (role === 'teacher') return ['homeroomTeacher'];
  return [];
}

export function permissionsFor(actor: Actor, assignments: readonly Assignment[]): Permissions {
  const own = assignments.filter((assignment) => assignment.teacherId === actor.userId);
  const leader = isLeadership(actor.role);
  const principal = actor.role === 'principal';
  const assignedClassIds = new Set(own.map((assignment) => assignment.classId));
  const isHomeroomOf = (classId: ClassId) => own.some((a) => a.classId === classId && a.homeroom);
  const canSeeClass = (classId: ClassId) => leader || assignedClassIds.has(classId);
  const signerRoles = signerRolesOf(actor.role);
  return {
    canSetUpSchool: leader,
    canSeeClass,
    canEditSubject: (classId, rowKey) =>
      own.some((a) => a.classId === classId && coversRow(a.subjects, rowKey)),
    isHomeroomOf,
    canImportClassList: (classId) => leader || isHomeroomOf(classId),
    assignedClassIds,
    signerRoles,
    canSignAs: (role, classId) =>
      signerRoles.includes(role) && (role !== 'homeroomTeacher' || isHomeroomOf(classId)),
    canProduceRecords: (classId) => leader || isHomeroomOf(classId),
    canAmendSignedRecord: principal,
    canDecidePromotion: principal,
    canMakeBackup: true,
    canRestoreBackup: leader,
    canExportSummary: canSeeClass,
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
  signerRoles: [],
  canSignAs: () => false,
  canProduceRecords: () => false,
  canAmendSignedRecord: false,
  canDecidePromotion: false,
  canMakeBackup: false,
  canRestoreBackup: false,
  canExportSummary: () => false,
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
