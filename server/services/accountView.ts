import type { AccountWire, AssignmentWire } from '../../shared/auth/authWire';
import type { StaffAccountWire } from '../../shared/auth/schoolAdminWire';
import type { AccountRecord } from '../db/accountsRepo';
import { listTeacherAssignments } from '../db/classesRepo';
import type { Queryable } from '../db/database';
import { getSchool } from '../db/schoolsRepo';

/** What GET /me and a token pair carry: the account, its school and its own assignments. */
export async function accountWireOf(db: Queryable, account: AccountRecord): Promise<AccountWire> {
  let schoolName: string | null = null;
  let assignments: AssignmentWire[] = [];
  if (account.schoolId !== null) {
    schoolName = (await getSchool(db, account.schoolId))?.name ?? null;
    assignments = (await listTeacherAssignments(db, account.schoolId, account.userId)).map((assignment) => ({
      teacherId: assignment.teacherId,
      classId: assignment.classId,
      homeroom: assignment.homeroom,
      subjects: assignment.subjects,
    }));
  }
  return {
    userId: account.userId,
    login: account.login,
    fullName: account.fullName,
    role: account.role,
    schoolId: account.schoolId,
    schoolName,
    assignments,
    mustChangePassword: account.mustChangePassword,
  };
}

export function staffAccountWireOf(account: AccountRecord): StaffAccountWire {
  return {
    userId: account.userId,
    login: account.login,
    fullName: account.fullName,
    role: account.role,
    disabled: account.disabled,
    mustChangePassword: account.mustChangePassword,
  };
}
