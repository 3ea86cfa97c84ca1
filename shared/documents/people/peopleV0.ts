import { z } from 'zod';
import { genders } from '../../domain/student';
import { documentMetaShape } from '../documentMeta';
import { text, type StoredDocument } from '../fields';
import { rxJsonSchemaOf } from '../rxJsonSchemaOf';

/** The identity fields of the học bạ's identity page, as `people` v0 stored them. */
export const identityV0Shape = {
  studentCode: text(10),
  personalId: text(12),
  fullName: text(120),
  gender: z.enum(genders),
  birthDate: text(10),
  ethnicity: text(300),
  nationality: text(300),
  birthPlace: text(300),
  hometown: text(300),
  address: text(300),
  fatherName: text(300),
  motherName: text(300),
  guardianName: text(300),
} as const;

/** v0 stored `gender` with a maximum length beside its enum, which zod does not say. */
export const identityV0Overrides = { gender: { maxLength: 6 } } as const;

/** `people` version 0, frozen: identity fields and class. Never edit a released version; add the next. */
export const peopleV0Shape = { id: text(40), classId: text(80), ...identityV0Shape } as const;

export const peopleV0 = z.strictObject({ ...peopleV0Shape, ...documentMetaShape });
export type PersonDocV0 = StoredDocument<typeof peopleV0>;
export const peopleV0Json = rxJsonSchemaOf(peopleV0, {
  title: 'people',
  version: 0,
  primaryKey: 'id',
  indexes: ['classId'],
  overrides: identityV0Overrides,
});
