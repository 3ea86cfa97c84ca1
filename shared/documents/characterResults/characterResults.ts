/** `characterResults`, current version: its document schema, RxDB schema and type. */
export {
  characterResultsV1 as characterResultDocumentSchema,
  characterResultsV1Json as characterResultsJsonSchema,
} from './characterResultsV1';
export type { CharacterResultDocV1 as CharacterResultDoc } from './characterResultsV1';
