import type { RxCollection, RxCollectionCreator, RxJsonSchema } from 'rxdb';
import type { SchoolProfile } from '../../../shared/domain/school';
import { documentMetaProperties, documentMetaRequired, type DocumentMeta } from '../documentMeta';

/** `schools`: one document per school, written by the principal. */
export type SchoolDoc = SchoolProfile & DocumentMeta & { readonly id: string };

export const schoolSchema: RxJsonSchema<SchoolDoc> = {
  title: 'schools',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', maxLength: 40 },
    code: { type: 'string', maxLength: 20 },
    name: { type: 'string', maxLength: 200 },
    province: { type: 'string', maxLength: 100 },
    commune: { type: 'string', maxLength: 100 },
    address: { type: 'string', maxLength: 300 },
    principalName: { type: 'string', maxLength: 120 },
    phone: { type: 'string', maxLength: 30 },
    email: { type: 'string', maxLength: 120 },
    ...documentMetaProperties,
  },
  required: [
    'id',
    'code',
    'name',
    'province',
    'commune',
    'address',
    'principalName',
    'phone',
    'email',
    ...documentMetaRequired,
  ],
};

export type SchoolsCollection = RxCollection<SchoolDoc>;

export const schoolsCollection = { schema: schoolSchema } satisfies RxCollectionCreator<SchoolDoc>;
