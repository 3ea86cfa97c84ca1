import { rxJsonSchemaOf } from '../rxJsonSchemaOf';
import { characterResultsV0, type CharacterResultDocV0 } from './characterResultsV0';

/**
 * `characterResults` version 1 (current): the documents of v0, with each period's qualities and competencies, with comments sealed at rest
 * (docs/decisions.md, "Children's data is sealed in the local database"). The migration from v0
 * keeps every document as it is; only its storage changes.
 */
export const characterResultsV1 = characterResultsV0;
export type CharacterResultDocV1 = CharacterResultDocV0;
export const characterResultsV1Sealed = ['GK1', 'CK1', 'GK2', 'CN'] as const;
export const characterResultsV1Json = rxJsonSchemaOf(characterResultsV1, {
  title: 'characterResults',
  version: 1,
  primaryKey: 'id',
  indexes: ['classId'],
  encrypted: characterResultsV1Sealed,
});
