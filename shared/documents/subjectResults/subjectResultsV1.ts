import { rxJsonSchemaOf } from '../rxJsonSchemaOf';
import { subjectResultsV0, type SubjectResultDocV0 } from './subjectResultsV0';

/**
 * `subjectResults` version 1 (current): the documents of v0, with each period's level, scores and comment sealed at rest
 * (docs/decisions.md, "Children's data is sealed in the local database"). The migration from v0
 * keeps every document as it is; only its storage changes.
 */
export const subjectResultsV1 = subjectResultsV0;
export type SubjectResultDocV1 = SubjectResultDocV0;
export const subjectResultsV1Sealed = ['GK1', 'CK1', 'GK2', 'CN'] as const;
export const subjectResultsV1Json = rxJsonSchemaOf(subjectResultsV1, {
  title: 'subjectResults',
  version: 1,
  primaryKey: 'id',
  indexes: [['classId', 'rowKey'], 'studentId'],
  encrypted: subjectResultsV1Sealed,
});
