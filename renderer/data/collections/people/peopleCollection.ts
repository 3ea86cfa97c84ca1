import type { RxCollection, RxCollectionCreator, RxJsonSchema } from 'rxdb';
import { searchKeyOf } from '../../../../shared/domain/text';
import { documentMetaProperties, documentMetaRequired } from '../../documentMeta';
import { identityProperties, identityRequired, type PersonDocV0 } from './peopleSchemaV0';

/**
 * `people`: one document per student (identity, identifiers), written by the homeroom teacher.
 *
 * Version history (append-only):
 * - v0: identity fields and class.
 * - v1: `searchName`, the name without diacritics and in lower case, so typing "nguyen van duc"
 *   finds "Nguyễn Văn Đức" without re-normalising every name on every keystroke.
 */
export type PersonDoc = PersonDocV0 & { readonly searchName: string };

export const peopleSchema: RxJsonSchema<PersonDoc> = {
  title: 'people',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', maxLength: 40 },
    classId: { type: 'string', maxLength: 80 },
    ...identityProperties,
    searchName: { type: 'string', maxLength: 120 },
    ...documentMetaProperties,
  },
  required: ['id', 'classId', ...identityRequired, 'searchName', ...documentMetaRequired],
  indexes: ['classId'],
};

/** Each step takes a document of the previous version and returns it in the next. */
export const peopleMigrationStrategies = {
  1: (old: PersonDocV0): PersonDoc => ({ ...old, searchName: searchKeyOf(old.fullName) }),
};

export type PeopleCollection = RxCollection<PersonDoc>;

export const peopleCollection = {
  schema: peopleSchema,
  migrationStrategies: peopleMigrationStrategies,
} satisfies RxCollectionCreator<PersonDoc>;
