import { defaultForeignLanguage1 } from '../../domain/foreignLanguages';
import type { UserId } from '../../domain/ids';
import type { SchoolDocV0 } from './schoolsV0';
import type { SchoolDocV1 } from './schoolsV1';
import type { SchoolDocV2 } from './schoolsV2';
import type { SchoolDocV3 } from './schoolsV3';

/**
 * Each step takes a `schools` document of one version and returns it in the next (RxDB's
 * migration strategies, and the import of an older backup). Append-only, like the versions.
 */
export function migrateSchoolV0toV1(old: SchoolDocV0): SchoolDocV1 {
  return { ...old, staff: [], schoolYears: [old.schoolYear] };
}

// Nothing was recorded before v2: the staff keep no IDs (unknown), the school no codes.
export function migrateSchoolV1toV2(old: SchoolDocV1): SchoolDocV2 {
  return {
    ...old,
    // The same stored ids, typed: this app wrote them with userIdOf.
    staff: old.staff.map((member) => ({ ...member, userId: member.userId as UserId })),
    taxCode: null,
    budgetCode: null,
    sealCertificate: null,
  };
}

// Nearly every primary school teaches English as Ngoại ngữ 1; the principal changes it in setup.
export function migrateSchoolV2toV3(old: SchoolDocV2): SchoolDocV3 {
  return { ...old, foreignLanguage1: defaultForeignLanguage1 };
}
