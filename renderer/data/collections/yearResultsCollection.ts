import type { RxCollection, RxCollectionCreator } from 'rxdb';
import {
  yearResultsJsonSchema,
  type Stamp,
  type YearResultDoc,
} from '../../../shared/documents/yearResults/yearResults';
import { rxSchemaOf } from './rxSchemaOf';

export type { Stamp, YearResultDoc };

/**
 * `yearResults`: student × school year — what people decided about the year, beside what the
 * engine computes (shared/documents/yearResults).
 */
export const yearResultSchema = rxSchemaOf<YearResultDoc>(yearResultsJsonSchema);

export type YearResultsCollection = RxCollection<YearResultDoc>;
export const yearResultsCollection = {
  schema: yearResultSchema,
} satisfies RxCollectionCreator<YearResultDoc>;
