import { z } from 'zod';
import { userIdSchema } from './ids';
import { cleanPersonName } from './personName';

/** Vai trò — what a person does in the school; rights in a class come from assignments. */
export const staffRoles = ['principal', 'vicePrincipal', 'teacher'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staffRoleNames: Record<StaffRole, string> = {
  principal: 'Hiệu trưởng',
  vicePrincipal: 'Phó hiệu trưởng',
  teacher: 'Giáo viên',
};

/** Mã định danh cá nhân: the 12 digits a CCCD carries (and a Vietnamese CA writes as `CCCD:…`). */
export const staffPersonalIdSchema = z
  .string()
  .regex(/^\d{12}$/, 'Mã định danh cá nhân (số CCCD) gồm đúng 12 chữ số');

/** The older identity card number (CMND: 9 digits, or 12 on the last cards), for older certificates. */
export const formerIdNumberSchema = z.string().regex(/^(\d{9}|\d{12})$/, 'Số CMND gồm 9 hoặc 12 chữ số');

/**
 * A certificate setup pinned (of a staff member, or the school's seal): its issuer (canonical
 * name, as `certificateIdentity` writes it) and serial number identify it; the holder's name and
 * validity are kept so the principal sees what is pinned without the file.
 */
export const certificatePinSchema = z.object({
  issuer: z.string().min(1).max(500),
  serialNumberHex: z.string().regex(/^[0-9a-f]{1,64}$/),
  holderName: z.string().max(200),
  notBefore: z.iso.datetime(),
  notAfter: z.iso.datetime(),
});
export type CertificatePin = z.output<typeof certificatePinSchema>;

/** A staff member known on this desktop (the province server becomes the authority with sync). */
export const staffMemberSchema = z.object({
  userId: userIdSchema,
  /** Tên đăng nhập. */
  login: z
    .string()
    .regex(/^[a-z0-9._-]{3,40}$/, 'Tên đăng nhập gồm 3–40 chữ thường không dấu, số, dấu chấm hoặc gạch'),
  fullName: z.string().transform(cleanPersonName).pipe(z.string().min(1).max(120)),
  role: z.enum(staffRoles),
  active: z.boolean(),
  /**
   * What tells this person's certificate from a namesake's (absent or null: not recorded). A
   * certificate carrying a CCCD or CMND number signs only if it is one of these; one pinned here
   * is the only certificate this person signs with. Personal data: shown masked, never logged.
   */
  personalId: staffPersonalIdSchema.nullish(),
  formerIdNumber: formerIdNumberSchema.nullish(),
  certificate: certificatePinSchema.nullish(),
});
export type StaffMember = z.output<typeof staffMemberSchema>;

/** Whether a role runs the school (sets up years, classes, assignments; reads everything). */
export function isLeadership(role: StaffRole): boolean {
  return role === 'principal' || role === 'vicePrincipal';
}

/** "001234567890" → "0012••••••90": enough to tell two people apart on screen, not to copy the number. */
export function maskedIdNumber(value: string): string {
  if (value.length <= 6) return '•'.repeat(value.length);
  return `${value.slice(0, 4)}${'•'.repeat(value.length - 6)}${value.slice(-2)}`;
}

/** The identifiers a certificate carries, for a label: personal numbers masked, an organisation's codes whole. */
export function certificateIdentifiersLabel(identity: {
  readonly citizenIds: readonly string[];
  readonly formerIds: readonly string[];
  readonly taxCodes: readonly string[];
  readonly budgetCodes: readonly string[];
}): string {
  return [
    ...identity.citizenIds.map((id) => `CCCD ${maskedIdNumber(id)}`),
    ...identity.formerIds.map((id) => `CMND ${maskedIdNumber(id)}`),
    ...identity.taxCodes.map((code) => `MST ${code}`),
    ...identity.budgetCodes.map((code) => `MNS ${code}`),
  ].join(', ');
}
