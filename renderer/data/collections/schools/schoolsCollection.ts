import type { RxCollection, RxCollectionCreator, RxJsonSchema } from 'rxdb';
import type { StaffMember } from '../../../../shared/domain/staff';
import { staffRoles } from '../../../../shared/domain/staff';
import { documentMetaProperties, documentMetaRequired } from '../../documentMeta';
import { schoolProfileProperties, schoolProfileRequired, type SchoolDocV0 } from './schoolSchemaV0';

/**
 * `schools`: one document per school, written by the principal.
 *
 * Version history (append-only):
 * - v0: the school's profile.
 * - v1: `staff` (people known on this desktop, with their role) and `schoolYears` (years set up).
 */
export type SchoolDoc = SchoolDocV0 & {
  readonly staff: readonly StaffMember[];
  readonly schoolYears: readonly string[];
};

export const schoolSchema: RxJsonSchema<SchoolDoc> = {
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
        properties: {
          userId: { type: 'string', maxLength: 60 },
          login: { type: 'string', maxLength: 40 },
          fullName: { type: 'string', maxLength: 120 },
          role: { type: 'string', enum: [...staffRoles] },
          active: { type: 'boolean' },
        },
        required: ['userId', 'login', 'fullName', 'role', 'active'],
      },
    },
    schoolYears: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 9 } },
    ...documentMetaProperties,
  },
  required: [...schoolProfileRequired, 'staff', 'schoolYears', ...documentMetaRequired],
};

export const schoolMigrationStrategies = {
  1: (old: SchoolDocV0): SchoolDoc => ({ ...old, staff: [], schoolYears: [old.schoolYear] }),
};

export type SchoolsCollection = RxCollection<SchoolDoc>;

export const schoolsCollection = {
  schema: schoolSchema,
  migrationStrategies: schoolMigrationStrategies,
} satisfies RxCollectionCreator<SchoolDoc>;
