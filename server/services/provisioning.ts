import type { SchoolAccountRole } from '../../shared/auth/accountRoles';
import { userIdOf, type SchoolId, type UserId } from '../../shared/domain/ids';
import { createAccount } from './accountService';
import type { ServiceContext } from './context';
import { addSchool } from './schoolService';

/**
 * Accounts and schools made without a signed-in actor: the first province admin (CLI) and the
 * schools the desktop's integration tests start from. Real service calls, not mocks.
 */
export async function createProvinceAdmin(
  ctx: ServiceContext,
  input: { login: string; fullName: string; password: string },
): Promise<UserId> {
  const { account } = await createAccount(ctx, { schoolId: null, role: 'provinceAdmin', ...input }, 'cli');
  return account.userId;
}

export type ProvisionedAccount = {
  readonly login: string;
  readonly fullName: string;
  readonly role: SchoolAccountRole;
  readonly password: string;
};

export type ProvisionSchoolInput = {
  readonly school: { readonly code: string; readonly name: string; readonly district: string };
  readonly principal: Omit<ProvisionedAccount, 'role'>;
  readonly staff?: readonly ProvisionedAccount[];
};

/** Creates a school, its principal and staff accounts, each signing in with the given password. */
export async function provisionSchool(
  ctx: ServiceContext,
  input: ProvisionSchoolInput,
): Promise<{ schoolId: SchoolId; principalId: UserId; staffIds: UserId[] }> {
  const { schoolId } = await addSchool(ctx, input.school);
  await createAccount(ctx, { schoolId, role: 'principal', ...input.principal }, 'provisioning');
  const staffIds: UserId[] = [];
  for (const member of input.staff ?? []) {
    await createAccount(ctx, { schoolId, ...member }, 'provisioning');
    staffIds.push(userIdOf(member.login));
  }
  return { schoolId, principalId: userIdOf(input.principal.login), staffIds };
}
