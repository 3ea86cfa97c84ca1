import type { RxCollection, RxCollectionCreator, RxJsonSchema } from 'rxdb';
import type { CharacterResultValues } from '../../../shared/domain/evaluation/resultDocuments';
import { documentMetaProperties, documentMetaRequired, type DocumentMeta } from '../documentMeta';

/** `characterResults`: student × school year, qualities and competencies per period, by the homeroom teacher. */
export type CharacterResultDoc = CharacterResultValues & DocumentMeta & { readonly id: string };

/** A period: trait code → level and comment (codes come from the catalogue, which a province may change). */
const periodTraits = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    additionalProperties: false,
    properties: {
      level: { type: ['string', 'null'], enum: ['T', 'Đ', 'C', null] },
      comment: { type: 'string', maxLength: 2000 },
    },
    required: ['level', 'comment'],
  },
} as const;

export const characterResultSchema: RxJsonSchema<CharacterResultDoc> = {
  title: 'characterResults',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', maxLength: 120 },
    studentId: { type: 'string', maxLength: 40 },
    classId: { type: 'string', maxLength: 80 },
    GK1: periodTraits,
    CK1: periodTraits,
    GK2: periodTraits,
    CN: periodTraits,
    ...documentMetaProperties,
  },
  required: ['id', 'studentId', 'classId', 'GK1', 'CK1', 'GK2', 'CN', ...documentMetaRequired],
  indexes: ['classId'],
};

export type CharacterResultsCollection = RxCollection<CharacterResultDoc>;
export const characterResultsCollection = {
  schema: characterResultSchema,
} satisfies RxCollectionCreator<CharacterResultDoc>;
