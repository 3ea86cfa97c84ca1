import { isLeadership, type StaffRole } from '../domain/staff';

/**
 * Vai trò tài khoản: the roles an account on the province server holds. The province admin (cán bộ
 * Sở/Phòng) belongs to no school; every other role belongs to exactly one school, and a teacher's
 * rights in a class come from assignments (phân công), never from the role alone.
 */
export const accountRoles = ['provinceAdmin', 'principal', 'vicePrincipal', 'groupHead', 'teacher'] as const;
export type AccountRole = (typeof accountRoles)[number];

/** The roles that belong to a school (everything but the province admin). */
export const schoolAccountRoles = ['principal', 'vicePrincipal', 'groupHead', 'teacher'] as const;
export type SchoolAccountRole = (typeof schoolAccountRoles)[number];

export const accountRoleNames: Record<AccountRole, string> = {
  provinceAdmin: 'Quản trị cấp Sở',
  principal: 'Hiệu trưởng',
  vicePrincipal: 'Phó hiệu trưởng',
  groupHead: 'Tổ trưởng chuyên môn',
  teacher: 'Giáo viên',
};

/** Ban giám hiệu: the accounts that run a school (create staff, classes, assignments; read everything). */
export function isSchoolLeadership(role: AccountRole): boolean {
  return role !== 'provinceAdmin' && role !== 'groupHead' && isLeadership(staffRoleOfAccount(role));
}

/**
 * The role the desktop's school documents know for an account. A group head (tổ trưởng) teaches
 * like any teacher; what the role adds (reviewing a class summary) arrives with review controls.
 */
export function staffRoleOfAccount(role: SchoolAccountRole): StaffRole {
  return role === 'groupHead' ? 'teacher' : role;
}
