import type { RxCollection, RxCollectionCreator } from 'rxdb';
import {
  yearResultsJsonSchema,
  type Stamp,
  type YearResultDoc,
} from '../../../shared/documents/yearResults/yearResults';
import { rxSchemaOf, sameDocument } from './rxSchemaOf';

export type { Stamp, YearResultDoc };

/**
 * `yearResults`: student × school year — what people decided about the year, beside what the
 * engine computes (shared/documents/yearResults).
 */
export const yearResultSchema = rxSchemaOf<YearResultDoc>(yearResultsJsonSchema);

export type YearResultsCollection = RxCollection<YearResultDoc>;
export const yearResultsCollection = {
  schema: yearResultSchema,
  // v1 seals fields at rest; the documents are the same.
  migrationStrategies: { 1: sameDocument },
} satisfies RxCollectionCreator<YearResultDoc>;
