import { rxJsonSchemaOf } from '../rxJsonSchemaOf';
import { identityV0Overrides } from './peopleV0';
import { peopleV4, type PersonDocV4 } from './peopleV4';

/**
 * `people` version 5 (current): the documents of v4, with everything that says who a child is
 * sealed at rest (docs/decisions.md, "Children's data is sealed in the local database"). What
 * stays readable: the ids (`id`, `classId`, `studentCode`, which the id carries anyway), the
 * place in the class list and the document meta. The migration from v4 keeps every document as
 * it is; only its storage changes.
 */
export const peopleV5 = peopleV4;
export type PersonDocV5 = PersonDocV4;
export const peopleV5Sealed = [
  'personalId',
  'fullName',
  'searchName',
  'gender',
  'birthDate',
  'ethnicity',
  'nationality',
  'birthPlace',
  'hometown',
  'address',
  'fatherName',
  'motherName',
  'guardianName',
  'electives',
  'photo',
  'birthCertificateCheck',
  'parentsConfirmation',
  'registerNumber',
  'entryDate',
  'priorYears',
  'individualEducationPlan',
  'departure',
] as const;
export const peopleV5Json = rxJsonSchemaOf(peopleV5, {
  title: 'people',
  version: 5,
  primaryKey: 'id',
  indexes: ['classId'],
  overrides: identityV0Overrides,
  encrypted: peopleV5Sealed,
});
