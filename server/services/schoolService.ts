import type { SchoolSummary } from '../../shared/auth/schoolAdminWire';
import { schoolIdOf, type SchoolId } from '../../shared/domain/ids';
import { listSchoolAccounts } from '../db/accountsRepo';
import { isUniqueViolation } from '../db/rows';
import { countSchool, getSchool, insertSchool, listSchools, type SchoolRecord } from '../db/schoolsRepo';
import { serverStrings } from '../strings';
import { staffAccountWireOf } from './accountView';
import type { Actor } from './actor';
import { failures } from './apiFailure';
import type { ServiceContext } from './context';
import { requireProvinceAdmin, requireSchoolOverview } from './permissions';

/** A school with its principals and counts, each read on that school's own shard. */
async function summaryOf(ctx: ServiceContext, school: SchoolRecord): Promise<SchoolSummary> {
  const accounts = await listSchoolAccounts(ctx.db, school.schoolId);
  return {
    ...school,
    principals: accounts.filter((account) => account.role === 'principal').map(staffAccountWireOf),
    counts: await countSchool(ctx.db, school.schoolId),
  };
}

/** POST /schools: the province admin's call. */
export async function createSchool(
  ctx: ServiceContext,
  actor: Actor,
  input: { code: string; name: string; district: string },
): Promise<SchoolSummary> {
  requireProvinceAdmin(actor);
  return addSchool(ctx, input);
}

/** Adds a school to the province list (after the caller's permission check, or from provisioning). */
export async function addSchool(
  ctx: ServiceContext,
  input: { code: string; name: string; district: string },
): Promise<SchoolSummary> {
  const school: SchoolRecord = { schoolId: schoolIdOf(input.code), ...input };
  try {
    await insertSchool(ctx.db, school, ctx.clock());
  } catch (error) {
    if (isUniqueViolation(error)) throw failures.conflict(serverStrings.schoolExists);
    throw error;
  }
  return summaryOf(ctx, school);
}

export async function listSchoolSummaries(ctx: ServiceContext, actor: Actor): Promise<SchoolSummary[]> {
  requireProvinceAdmin(actor);
  const schools = await listSchools(ctx.db);
  const summaries: SchoolSummary[] = [];
  for (const school of schools) summaries.push(await summaryOf(ctx, school));
  return summaries;
}

export async function getSchoolSummary(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
): Promise<SchoolSummary> {
  requireSchoolOverview(actor, schoolId);
  const school = await getSchool(ctx.db, schoolId);
  if (school === null) throw failures.notFound(serverStrings.schoolNotFound);
  return summaryOf(ctx, school);
}
