import { z } from 'zod';
import { staffRoleOfAccount } from '../../shared/auth/accountRoles';
import { userIdSchema, type UserId } from '../../shared/domain/ids';
import { staffRoles, type StaffRole } from '../../shared/domain/staff';
import type { DeskSession } from '../../shared/ipc/sessionChannels';
import { readStoredJson } from './storedJson';

/**
 * Who is using the app on this desktop, and which local database they work in: a real account
 * (`account`, signed in by main against the province server or, offline, its local verifier: main
 * holds that session, and the page only mirrors it) or the sample-data trial (`sample`), where one
 * can act as any of the sample school's staff in the trial's own database.
 */
const sessionSchema = z.object({
  databaseName: z.string().regex(/^hocba-[a-z0-9-]+$/),
  userId: userIdSchema,
  displayName: z.string().min(1),
  role: z.enum(staffRoles),
  mode: z.enum(['sample', 'account']),
  /**
   * The audit chain this account's writes on this desktop go to, as main named it; absent for
   * the trial, whose writes go to the desktop's own chain (app:info's device id).
   */
  chainDeviceId: z
    .string()
    .regex(/^device-[0-9a-f-]{36}$/)
    .optional(),
  /** After a reset by the principal: a new password comes before any work. */
  mustChangePassword: z.boolean().optional(),
  /** Main began a new local database: the earlier one is sealed under a password no longer known. */
  startedAfresh: z.literal(true).optional(),
});
export type Session = z.output<typeof sessionSchema>;

const storageKey = 'hocba.session';

export function readSession(storage: Storage): Session | undefined {
  return readStoredJson(storage, storageKey, sessionSchema);
}

export function writeSession(storage: Storage, session: Session): void {
  storage.setItem(storageKey, JSON.stringify(session));
}

export function clearSession(storage: Storage): void {
  storage.removeItem(storageKey);
}

/** The page's view of an account session main holds (main named its database). */
export function accountSessionOf(desk: Extract<DeskSession, { kind: 'account' }>): Session {
  if (desk.account.role === 'provinceAdmin') throw new Error('A province admin has no desktop session');
  return {
    databaseName: desk.databaseName,
    userId: desk.account.userId,
    displayName: desk.account.fullName,
    role: staffRoleOfAccount(desk.account.role),
    mode: 'account',
    chainDeviceId: desk.chainDeviceId,
    mustChangePassword: desk.account.mustChangePassword,
    ...(desk.startedAfresh === true ? { startedAfresh: true as const } : {}),
  };
}

/** The trial's database: one per desktop profile, separate from any real user's data. */
export const sampleDatabaseName = 'hocba-dung-thu';

export function sampleSessionAs(member: {
  readonly userId: UserId;
  readonly fullName: string;
  readonly role: StaffRole;
}): Session {
  return {
    databaseName: sampleDatabaseName,
    userId: member.userId,
    displayName: member.fullName,
    role: member.role,
    mode: 'sample',
  };
}

/**
 * After a restore, the desktop opens as the restored school's principal. Every database restored
 * today is a trial's (real accounts come with the province server), so it keeps the trial's user
 * switch; a real account's restore will sign in as that account instead.
 */
export function restoredSession(
  databaseName: string,
  principal: { readonly userId: UserId; readonly fullName: string; readonly role: StaffRole },
): Session {
  return { ...sampleSessionAs(principal), databaseName };
}
