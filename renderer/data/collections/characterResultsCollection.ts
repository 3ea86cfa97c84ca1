import type { RxCollection, RxCollectionCreator } from 'rxdb';
import {
  characterResultsJsonSchema,
  type CharacterResultDoc,
} from '../../../shared/documents/characterResults/characterResults';
import { rxSchemaOf, sameDocument } from './rxSchemaOf';

export type { CharacterResultDoc };

/** `characterResults`: student × school year, qualities and competencies per period, by the homeroom teacher. */
export const characterResultSchema = rxSchemaOf<CharacterResultDoc>(characterResultsJsonSchema);

export type CharacterResultsCollection = RxCollection<CharacterResultDoc>;
export const characterResultsCollection = {
  schema: characterResultSchema,
  // v1 seals fields at rest; the documents are the same.
  migrationStrategies: { 1: sameDocument },
} satisfies RxCollectionCreator<CharacterResultDoc>;
