import type { RxJsonSchema } from 'rxdb';
import type { SchoolProfile } from '../../../../shared/domain/school';
import { documentMetaProperties, documentMetaRequired, type DocumentMeta } from '../../documentMeta';

/** `schools` version 0, frozen (kept to test migrations from it). */
export type SchoolDocV0 = SchoolProfile & DocumentMeta & { readonly id: string };

export const schoolProfileProperties = {
  id: { type: 'string', maxLength: 40 },
  code: { type: 'string', maxLength: 20 },
  name: { type: 'string', maxLength: 200 },
  province: { type: 'string', maxLength: 100 },
  commune: { type: 'string', maxLength: 100 },
  address: { type: 'string', maxLength: 300 },
  principalName: { type: 'string', maxLength: 120 },
  phone: { type: 'string', maxLength: 30 },
  email: { type: 'string', maxLength: 120 },
} as const;

export const schoolProfileRequired = [
  'id',
  'code',
  'name',
  'province',
  'commune',
  'address',
  'principalName',
  'phone',
  'email',
] as const;

export const schoolSchemaV0: RxJsonSchema<SchoolDocV0> = {
  title: 'schools',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: { ...schoolProfileProperties, ...documentMetaProperties },
  required: [...schoolProfileRequired, ...documentMetaRequired],
};
