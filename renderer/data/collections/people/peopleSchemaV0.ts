import type { RxJsonSchema } from 'rxdb';
import type { StudentIdentity } from '../../../../shared/domain/student';
import { documentMetaProperties, documentMetaRequired, type DocumentMeta } from '../../documentMeta';

/**
 * `people` version 0, frozen: kept so the migration to each later version can be tested
 * against real v0 data. Never edit a released schema version; add the next one.
 */
export type PersonDocV0 = StudentIdentity & DocumentMeta & { readonly id: string; readonly classId: string };

export const identityProperties = {
  studentCode: { type: 'string', maxLength: 10 },
  personalId: { type: 'string', maxLength: 12 },
  fullName: { type: 'string', maxLength: 120 },
  gender: { type: 'string', enum: ['male', 'female'], maxLength: 6 },
  birthDate: { type: 'string', maxLength: 10 },
  ethnicity: { type: 'string', maxLength: 300 },
  nationality: { type: 'string', maxLength: 300 },
  birthPlace: { type: 'string', maxLength: 300 },
  hometown: { type: 'string', maxLength: 300 },
  address: { type: 'string', maxLength: 300 },
  fatherName: { type: 'string', maxLength: 300 },
  motherName: { type: 'string', maxLength: 300 },
  guardianName: { type: 'string', maxLength: 300 },
} as const;

export const identityRequired = Object.keys(identityProperties) as (keyof typeof identityProperties)[];

export const peopleSchemaV0: RxJsonSchema<PersonDocV0> = {
  title: 'people',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', maxLength: 40 },
    classId: { type: 'string', maxLength: 80 },
    ...identityProperties,
    ...documentMetaProperties,
  },
  required: ['id', 'classId', ...identityRequired, ...documentMetaRequired],
  indexes: ['classId'],
};
