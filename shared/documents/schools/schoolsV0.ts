import { z } from 'zod';
import { documentMetaShape } from '../documentMeta';
import { text, type StoredDocument } from '../fields';
import { rxJsonSchemaOf } from '../rxJsonSchemaOf';

/** `schools` version 0, frozen: the school's profile. Never edit a released version; add the next. */
export const schoolsV0Shape = {
  id: text(40),
  code: text(20),
  name: text(200),
  province: text(100),
  commune: text(100),
  address: text(300),
  principalName: text(120),
  phone: text(30),
  email: text(120),
} as const;

export const schoolsV0 = z.strictObject({ ...schoolsV0Shape, ...documentMetaShape });
export type SchoolDocV0 = StoredDocument<typeof schoolsV0>;
export const schoolsV0Json = rxJsonSchemaOf(schoolsV0, { title: 'schools', version: 0, primaryKey: 'id' });
