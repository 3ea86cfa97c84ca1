import type { RxCollection, RxCollectionCreator, RxJsonSchema } from 'rxdb';
import type { SubjectResultValues } from '../../../shared/domain/evaluation/resultDocuments';
import { documentMetaProperties, documentMetaRequired, type DocumentMeta } from '../documentMeta';

/** `subjectResults`: student × subject row × school year, written by that subject's teacher. */
export type SubjectResultDoc = SubjectResultValues & DocumentMeta & { readonly id: string };

const periodValue = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: {
    level: { type: ['string', 'null'], enum: ['T', 'H', 'C', null] },
    score: { type: ['integer', 'null'], minimum: 0, maximum: 10 },
    retestScore: { type: ['integer', 'null'], minimum: 0, maximum: 10 },
    comment: { type: 'string', maxLength: 2000 },
  },
  required: ['level', 'score', 'retestScore', 'comment'],
} as const;

export const subjectResultSchema: RxJsonSchema<SubjectResultDoc> = {
  title: 'subjectResults',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', maxLength: 160 },
    studentId: { type: 'string', maxLength: 40 },
    classId: { type: 'string', maxLength: 80 },
    subject: { type: 'string', maxLength: 40 },
    part: { type: 'string', maxLength: 40 },
    rowKey: { type: 'string', maxLength: 80 },
    GK1: periodValue,
    CK1: periodValue,
    GK2: periodValue,
    CN: periodValue,
    ...documentMetaProperties,
  },
  required: [
    'id',
    'studentId',
    'classId',
    'subject',
    'part',
    'rowKey',
    'GK1',
    'CK1',
    'GK2',
    'CN',
    ...documentMetaRequired,
  ],
  indexes: [['classId', 'rowKey'], 'studentId'],
};

export type SubjectResultsCollection = RxCollection<SubjectResultDoc>;
export const subjectResultsCollection = {
  schema: subjectResultSchema,
} satisfies RxCollectionCreator<SubjectResultDoc>;
