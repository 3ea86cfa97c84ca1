import { z } from 'zod';
import { documentMetaShape } from '../documentMeta';
import { text, type StoredDocument } from '../fields';
import { rxJsonSchemaOf } from '../rxJsonSchemaOf';
import { identityV0Overrides } from './peopleV0';
import { peopleV3Shape } from './peopleV3';

/**
 * How a student left the school: hoàn thành chương trình tiểu học, chuyển trường (`detail`: the
 * school they go to), thôi học (`detail`: the reason); `schoolYear` is their last year here.
 */
export const studentDepartureV4 = z.strictObject({
  kind: z.enum(['finishedPrimary', 'transferred', 'left']),
  date: text(10),
  schoolYear: text(9),
  detail: text(300),
});

/** `people` version 4, frozen: v3 plus `departure`, written by the year roll-over. */
export const peopleV4Shape = { ...peopleV3Shape, departure: studentDepartureV4.nullable() } as const;

export const peopleV4 = z.strictObject({ ...peopleV4Shape, ...documentMetaShape });
export type PersonDocV4 = StoredDocument<typeof peopleV4>;
export const peopleV4Json = rxJsonSchemaOf(peopleV4, {
  title: 'people',
  version: 4,
  primaryKey: 'id',
  indexes: ['classId'],
  overrides: identityV0Overrides,
});
