import { z } from 'zod';
import { documentMetaShape } from '../documentMeta';
import { text, type StoredDocument } from '../fields';
import { rxJsonSchemaOf } from '../rxJsonSchemaOf';
import { identityV0Overrides, peopleV0Shape } from './peopleV0';

/**
 * `people` version 1, frozen: v0 plus `searchName`, the name without diacritics and in lower case,
 * so typing "nguyen van duc" finds "Nguyễn Văn Đức".
 */
export const peopleV1Shape = { ...peopleV0Shape, searchName: text(120) } as const;

export const peopleV1 = z.strictObject({ ...peopleV1Shape, ...documentMetaShape });
export type PersonDocV1 = StoredDocument<typeof peopleV1>;
export const peopleV1Json = rxJsonSchemaOf(peopleV1, {
  title: 'people',
  version: 1,
  primaryKey: 'id',
  indexes: ['classId'],
  overrides: identityV0Overrides,
});
