/** `characterResults`, current version: its document schema, RxDB schema and type. */
export {
  characterResultsV0 as characterResultDocumentSchema,
  characterResultsV0Json as characterResultsJsonSchema,
} from './characterResultsV0';
export type { CharacterResultDocV0 as CharacterResultDoc } from './characterResultsV0';
