import { z } from 'zod';
import type { ClassId, StudentId } from '../../domain/ids';
import { documentMetaShape } from '../documentMeta';
import { storedId, text, type StoredDocument } from '../fields';
import { rxJsonSchemaOf } from '../rxJsonSchemaOf';

/** Who did something, when. */
const stamp = { at: text(30), by: text(60) } as const;

/**
 * `yearResults` version 0, frozen: student × school year — what people decided about the year,
 * beside what the engine computes: the homeroom teacher's confirmation of the computed result
 * (with a fingerprint of the values it came from), confirmed awards, the supplementary evaluation
 * and the principal's decision.
 */
export const yearResultsV0 = z.strictObject({
  id: text(120),
  studentId: storedId<StudentId>(40),
  classId: storedId<ClassId>(80),
  confirmation: z.strictObject({ ...stamp, result: text(10), fingerprint: text(64) }).nullable(),
  awards: z
    .array(z.strictObject({ ...stamp, kind: z.enum(['excellent', 'exemplary', 'other']), title: text(300) }))
    .max(20),
  supplementaryEvaluation: z
    .strictObject({ ...stamp, outcome: z.enum(['completed', 'notCompleted']), date: text(10) })
    .nullable(),
  principalDecision: z
    .strictObject({ ...stamp, decision: z.enum(['promoted', 'retained']), date: text(10) })
    .nullable(),
  note: text(1000),
  ...documentMetaShape,
});
export type YearResultDocV0 = StoredDocument<typeof yearResultsV0>;
export type Stamp = { readonly at: string; readonly by: string };
export const yearResultsV0Json = rxJsonSchemaOf(yearResultsV0, {
  title: 'yearResults',
  version: 0,
  primaryKey: 'id',
  indexes: ['classId'],
});
