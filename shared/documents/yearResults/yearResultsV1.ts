import { rxJsonSchemaOf } from '../rxJsonSchemaOf';
import { yearResultsV0, type YearResultDocV0 } from './yearResultsV0';

/**
 * `yearResults` version 1 (current): the documents of v0, with the confirmation, awards, supplementary evaluation, the principal's decision and the note sealed at rest
 * (docs/decisions.md, "Children's data is sealed in the local database"). The migration from v0
 * keeps every document as it is; only its storage changes.
 */
export const yearResultsV1 = yearResultsV0;
export type YearResultDocV1 = YearResultDocV0;
export const yearResultsV1Sealed = [
  'confirmation',
  'awards',
  'supplementaryEvaluation',
  'principalDecision',
  'note',
] as const;
export const yearResultsV1Json = rxJsonSchemaOf(yearResultsV1, {
  title: 'yearResults',
  version: 1,
  primaryKey: 'id',
  indexes: ['classId'],
  encrypted: yearResultsV1Sealed,
});
