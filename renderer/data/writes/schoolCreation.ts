import type { AccountWire } from '../../../shared/auth/authWire';
import { staffRoleOfAccount } from '../../../shared/auth/accountRoles';
import { defaultForeignLanguage1 } from '../../../shared/domain/foreignLanguages';
import { schoolProfileSchema } from '../../../shared/domain/school';
import type { SchoolYear } from '../../../shared/domain/schoolYear';
import { isLeadership } from '../../../shared/domain/staff';
import type { SchoolDoc } from '../collections/schools/schoolsCollection';
import type { HocbaDatabase } from '../database';
import { metaFor } from '../documentMeta';
import { auditedBulkInsert } from './auditedWrite';
import { WriteRefused, type WriteContext } from './writeContext';

export type NewSchoolOnDesktop = {
  readonly province: string;
  readonly commune: string;
  readonly schoolYear: SchoolYear;
};

/**
 * Lập hồ sơ trường trên máy này: the first time a principal (or vice-principal) of a real account
 * works on a desktop with no data of the school yet, the school document is made from what the
 * province server says of the account (the school's code and name, this person) and what they
 * type (province, commune, year). Its id is the school's (`school:<mã trường>`), so the school the
 * server sends with sync meets it in one document.
 */
export async function createSchoolOnDesktop(
  database: HocbaDatabase,
  context: WriteContext,
  account: AccountWire,
  input: NewSchoolOnDesktop,
): Promise<void> {
  if (account.role === 'provinceAdmin' || account.schoolId === null)
    throw new WriteRefused('Tài khoản này không thuộc trường nào.');
  const role = staffRoleOfAccount(account.role);
  if (!isLeadership(role) || account.userId !== context.actor.userId)
    throw new WriteRefused('Chỉ hiệu trưởng hoặc phó hiệu trưởng mới lập hồ sơ trường trên máy này.');
  const profile = schoolProfileSchema.safeParse({
    code: account.schoolId.slice('school:'.length),
    name: account.schoolName ?? '',
    province: input.province,
    commune: input.commune,
    address: '',
    principalName: role === 'principal' ? account.fullName : '',
    phone: '',
    email: '',
  });
  if (!profile.success)
    throw new WriteRefused(profile.error.issues[0]?.message ?? 'Thông tin trường chưa hợp lệ.');
  const school: SchoolDoc = {
    id: account.schoolId,
    ...profile.data,
    staff: [{ userId: account.userId, login: account.login, fullName: account.fullName, role, active: true }],
    schoolYears: [input.schoolYear],
    foreignLanguage1: defaultForeignLanguage1,
    ...metaFor(account.schoolId, input.schoolYear, account.userId, context.now()),
  };
  await auditedBulkInsert(database, context, 'schools', [{ doc: school, studentId: '', classId: '' }], {
    skipExisting: true,
  });
}
