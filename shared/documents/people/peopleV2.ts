import { z } from 'zod';
import { documentMetaShape } from '../documentMeta';
import { text, type StoredDocument } from '../fields';
import { rxJsonSchemaOf } from '../rxJsonSchemaOf';
import { identityV0Overrides } from './peopleV0';
import { peopleV1Shape } from './peopleV1';

/** A dated check by a named person: "đã đối chiếu giấy khai sinh", "cha mẹ đã xác nhận". */
export const datedCheckV2 = z.strictObject({ date: text(10), by: text(60) });

/** The 3×4 photo kept by main's photo store, by content hash. */
export const photoReferenceV2 = z.strictObject({
  photoId: text(64),
  width: z.int().min(1).max(4000),
  height: z.int().min(1).max(4000),
});

/**
 * `people` version 2, frozen: v1 plus `electives` taken this year, the `photo` reference, and the
 * two checks of the identity page (`birthCertificateCheck`, `parentsConfirmation`).
 */
export const peopleV2Shape = {
  ...peopleV1Shape,
  electives: z.array(text(40)).max(10),
  photo: photoReferenceV2.nullable(),
  birthCertificateCheck: datedCheckV2.nullable(),
  parentsConfirmation: datedCheckV2.nullable(),
} as const;

export const peopleV2 = z.strictObject({ ...peopleV2Shape, ...documentMetaShape });
export type PersonDocV2 = StoredDocument<typeof peopleV2>;
export const peopleV2Json = rxJsonSchemaOf(peopleV2, {
  title: 'people',
  version: 2,
  primaryKey: 'id',
  indexes: ['classId'],
  overrides: identityV0Overrides,
});
