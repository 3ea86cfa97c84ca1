import { z } from 'zod';
import { characterLevelCodes } from '../../domain/evaluation/catalogueSchema';
import type { ClassId, StudentId } from '../../domain/ids';
import { documentMetaShape } from '../documentMeta';
import { storedId, text, type StoredDocument } from '../fields';
import { rxJsonSchemaOf } from '../rxJsonSchemaOf';

/** A period: trait code → level and comment (codes come from the catalogue, which a province may change). */
const periodTraits = z.record(
  z.string(),
  z.strictObject({ level: z.enum(characterLevelCodes).nullable(), comment: text(2000) }),
);

/**
 * `characterResults` version 0, frozen: student × school year, qualities and competencies per
 * period, written by the homeroom teacher.
 */
export const characterResultsV0 = z.strictObject({
  id: text(120),
  studentId: storedId<StudentId>(40),
  classId: storedId<ClassId>(80),
  GK1: periodTraits,
  CK1: periodTraits,
  GK2: periodTraits,
  CN: periodTraits,
  ...documentMetaShape,
});
export type CharacterResultDocV0 = StoredDocument<typeof characterResultsV0>;
export const characterResultsV0Json = rxJsonSchemaOf(characterResultsV0, {
  title: 'characterResults',
  version: 0,
  primaryKey: 'id',
  indexes: ['classId'],
});
