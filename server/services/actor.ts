import type { AccountRole } from '../../shared/auth/accountRoles';
import type { SchoolId, UserId } from '../../shared/domain/ids';

/** The signed-in account a request acts for, as the database holds it now (not as the token said). */
export type Actor = {
  readonly userId: UserId;
  readonly schoolId: SchoolId | null;
  readonly role: AccountRole;
  readonly familyId: string;
  readonly mustChangePassword: boolean;
};
