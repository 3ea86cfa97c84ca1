import type { RxCollection, RxCollectionCreator } from 'rxdb';
import {
  subjectResultsJsonSchema,
  type SubjectResultDoc,
} from '../../../shared/documents/subjectResults/subjectResults';
import { rxSchemaOf, sameDocument } from './rxSchemaOf';

export type { SubjectResultDoc };

/** `subjectResults`: student × subject row × school year, written by that subject's teacher. */
export const subjectResultSchema = rxSchemaOf<SubjectResultDoc>(subjectResultsJsonSchema);

export type SubjectResultsCollection = RxCollection<SubjectResultDoc>;
export const subjectResultsCollection = {
  schema: subjectResultSchema,
  // v1 seals fields at rest; the documents are the same.
  migrationStrategies: { 1: sameDocument },
} satisfies RxCollectionCreator<SubjectResultDoc>;
