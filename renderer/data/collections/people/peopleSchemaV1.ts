import type { RxJsonSchema } from 'rxdb';
import { searchKeyOf } from '../../../../shared/domain/text';
import { documentMetaProperties, documentMetaRequired } from '../../documentMeta';
import { identityProperties, identityRequired, type PersonDocV0 } from './peopleSchemaV0';

/** `people` version 1, frozen: v0 plus `searchName`. */
export type PersonDocV1 = PersonDocV0 & { readonly searchName: string };

export const peopleSchemaV1: RxJsonSchema<PersonDocV1> = {
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

export function migratePersonV0toV1(old: PersonDocV0): PersonDocV1 {
  return { ...old, searchName: searchKeyOf(old.fullName) };
}
