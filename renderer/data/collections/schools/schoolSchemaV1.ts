import type { RxJsonSchema } from 'rxdb';
import { staffRoles } from '../../../../shared/domain/staff';
import { documentMetaProperties, documentMetaRequired } from '../../documentMeta';
import { schoolProfileProperties, schoolProfileRequired, type SchoolDocV0 } from './schoolSchemaV0';

/** A staff member as `schools` v1 stored them (before personal IDs and pinned certificates). */
export type StaffMemberV1 = {
  readonly userId: string;
  readonly login: string;
  readonly fullName: string;
  readonly role: (typeof staffRoles)[number];
  readonly active: boolean;
};

/** `schools` version 1, frozen: v0 plus `staff` and `schoolYears`. Never edit it; add the next version. */
export type SchoolDocV1 = SchoolDocV0 & {
  readonly staff: readonly StaffMemberV1[];
  readonly schoolYears: readonly string[];
};

export const staffMemberV1Properties = {
  userId: { type: 'string', maxLength: 60 },
  login: { type: 'string', maxLength: 40 },
  fullName: { type: 'string', maxLength: 120 },
  role: { type: 'string', enum: [...staffRoles] },
  active: { type: 'boolean' },
} as const;

export const schoolSchemaV1: RxJsonSchema<SchoolDocV1> = {
  title: 'schools',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...schoolProfileProperties,
    staff: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: staffMemberV1Properties,
        required: ['userId', 'login', 'fullName', 'role', 'active'],
      },
    },
    schoolYears: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 9 } },
    ...documentMetaProperties,
  },
  required: [...schoolProfileRequired, 'staff', 'schoolYears', ...documentMetaRequired],
};

export function migrateSchoolV0toV1(old: SchoolDocV0): SchoolDocV1 {
  return { ...old, staff: [], schoolYears: [old.schoolYear] };
}
