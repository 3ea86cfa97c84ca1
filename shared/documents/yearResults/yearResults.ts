/** `yearResults`, current version: its document schema, RxDB schema and type. */
export {
  yearResultsV0 as yearResultDocumentSchema,
  yearResultsV0Json as yearResultsJsonSchema,
} from './yearResultsV0';
export type { Stamp, YearResultDocV0 as YearResultDoc } from './yearResultsV0';
