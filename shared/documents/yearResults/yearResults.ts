/** `yearResults`, current version: its document schema, RxDB schema and type. */
export {
  yearResultsV1 as yearResultDocumentSchema,
  yearResultsV1Json as yearResultsJsonSchema,
} from './yearResultsV1';
export type { Stamp } from './yearResultsV0';
export type { YearResultDocV1 as YearResultDoc } from './yearResultsV1';
