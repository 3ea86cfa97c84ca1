import type { ClassId, StudentId } from '../../domain/ids';
import { searchKeyOf } from '../../domain/text';
import type { PersonDocV0 } from './peopleV0';
import type { PersonDocV1 } from './peopleV1';
import type { PersonDocV2 } from './peopleV2';
import type { PersonDocV3 } from './peopleV3';
import type { PersonDocV4 } from './peopleV4';
import type { PersonDocV5 } from './peopleV5';

/**
 * Each step takes a `people` document of one version and returns it in the next (RxDB's
 * migration strategies, and the import of an older backup). Append-only, like the versions.
 */
export function migratePersonV0toV1(old: PersonDocV0): PersonDocV1 {
  return { ...old, searchName: searchKeyOf(old.fullName) };
}

export function migratePersonV1toV2(old: PersonDocV1): PersonDocV2 {
  return { ...old, electives: [], photo: null, birthCertificateCheck: null, parentsConfirmation: null };
}

/** What v3 adds, as a student has it before anyone enters it. */
export const newInV3 = {
  listNumber: null,
  registerNumber: '',
  entryDate: null,
  priorYears: [],
  individualEducationPlan: false,
} as const satisfies Partial<PersonDocV3>;

export function migratePersonV2toV3(old: PersonDocV2): PersonDocV3 {
  // The same stored ids, typed: this app wrote them with studentIdOf and classIdOf.
  return { ...old, id: old.id as StudentId, classId: old.classId as ClassId, ...newInV3 };
}

/** What v4 adds, as a student who studies here has it. */
export const newInV4 = { departure: null } as const satisfies Partial<PersonDocV4>;

export function migratePersonV3toV4(old: PersonDocV3): PersonDocV4 {
  return { ...old, ...newInV4 };
}

/** Everything added since v2, as a new student has it before anyone enters it. */
export const newStudentFields = { ...newInV3, ...newInV4 } as const;

/** v5 only seals fields at rest: the document is the same. */
export function migratePersonV4toV5(old: PersonDocV4): PersonDocV5 {
  return old;
}
