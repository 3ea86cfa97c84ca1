import type { RxCollection, RxCollectionCreator, RxJsonSchema } from 'rxdb';
import type { ClassId, StudentId } from '../../../shared/domain/ids';
import { documentMetaProperties, documentMetaRequired, type DocumentMeta } from '../documentMeta';

/** Who did something, when. */
export type Stamp = { readonly at: string; readonly by: string };

/**
 * `yearResults`: student × school year — what people decided about the year, beside what the
 * engine computes: the homeroom teacher's confirmation of the computed result (with a fingerprint
 * of the values it was computed from, so a later change asks for a new confirmation), confirmed
 * awards, the supplementary evaluation and the principal's decision.
 */
export type YearResultDoc = DocumentMeta & {
  readonly id: string;
  readonly studentId: StudentId;
  readonly classId: ClassId;
  readonly confirmation: (Stamp & { readonly result: string; readonly fingerprint: string }) | null;
  readonly awards: readonly (Stamp & {
    readonly kind: 'excellent' | 'exemplary' | 'other';
    readonly title: string;
  })[];
  readonly supplementaryEvaluation:
    (Stamp & { readonly outcome: 'completed' | 'notCompleted'; readonly date: string }) | null;
  readonly principalDecision:
    (Stamp & { readonly decision: 'promoted' | 'retained'; readonly date: string }) | null;
  readonly note: string;
};

const stamp = { at: { type: 'string', maxLength: 30 }, by: { type: 'string', maxLength: 60 } } as const;

export const yearResultSchema: RxJsonSchema<YearResultDoc> = {
  title: 'yearResults',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', maxLength: 120 },
    studentId: { type: 'string', maxLength: 40 },
    classId: { type: 'string', maxLength: 80 },
    confirmation: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        ...stamp,
        result: { type: 'string', maxLength: 10 },
        fingerprint: { type: 'string', maxLength: 64 },
      },
      required: ['at', 'by', 'result', 'fingerprint'],
    },
    awards: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          ...stamp,
          kind: { type: 'string', enum: ['excellent', 'exemplary', 'other'] },
          title: { type: 'string', maxLength: 300 },
        },
        required: ['at', 'by', 'kind', 'title'],
      },
    },
    supplementaryEvaluation: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        ...stamp,
        outcome: { type: 'string', enum: ['completed', 'notCompleted'] },
        date: { type: 'string', maxLength: 10 },
      },
      required: ['at', 'by', 'outcome', 'date'],
    },
    principalDecision: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        ...stamp,
        decision: { type: 'string', enum: ['promoted', 'retained'] },
        date: { type: 'string', maxLength: 10 },
      },
      required: ['at', 'by', 'decision', 'date'],
    },
    note: { type: 'string', maxLength: 1000 },
    ...documentMetaProperties,
  },
  required: [
    'id',
    'studentId',
    'classId',
    'confirmation',
    'awards',
    'supplementaryEvaluation',
    'principalDecision',
    'note',
    ...documentMetaRequired,
  ],
  indexes: ['classId'],
};

export type YearResultsCollection = RxCollection<YearResultDoc>;
export const yearResultsCollection = {
  schema: yearResultSchema,
} satisfies RxCollectionCreator<YearResultDoc>;
