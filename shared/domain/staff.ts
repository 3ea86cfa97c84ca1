import { z } from 'zod';
import { cleanText } from './text';

/** Vai trò — what a person does in the school; rights in a class come from assignments. */
export const staffRoles = ['principal', 'vicePrincipal', 'teacher'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staffRoleNames: Record<StaffRole, string> = {
  principal: 'Hiệu trưởng',
  vicePrincipal: 'Phó hiệu trưởng',
  teacher: 'Giáo viên',
};

/** A staff member known on this desktop (the province server becomes the authority with sync). */
export const staffMemberSchema = z.object({
  userId: z.string().regex(/^user:[a-z0-9._-]+$/),
  /** Tên đăng nhập. */
  login: z
    .string()
    .regex(/^[a-z0-9._-]{3,40}$/, 'Tên đăng nhập gồm 3–40 chữ thường không dấu, số, dấu chấm hoặc gạch'),
  fullName: z.string().transform(cleanText).pipe(z.string().min(1).max(120)),
  role: z.enum(staffRoles),
  active: z.boolean(),
});
export type StaffMember = z.output<typeof staffMemberSchema>;

/** Whether a role runs the school (sets up years, classes, assignments; reads everything). */
export function isLeadership(role: StaffRole): boolean {
  return role === 'principal' || role === 'vicePrincipal';
}
