import type { RxCollection, RxCollectionCreator, RxJsonSchema } from 'rxdb';
import type { UserId } from '../../../../shared/domain/ids';
import type { CertificatePin, StaffMember } from '../../../../shared/domain/staff';
import { documentMetaProperties, documentMetaRequired } from '../../documentMeta';
import { schoolProfileProperties, schoolProfileRequired } from './schoolSchemaV0';
import { migrateSchoolV0toV1, staffMemberV1Properties, type SchoolDocV1 } from './schoolSchemaV1';

/**
 * `schools`: one document per school, written by the principal.
 *
 * Version history (append-only):
 * - v0: the school's profile.
 * - v1: `staff` (people known on this desktop, with their role) and `schoolYears` (years set up).
 * - v2: what tells the signers' certificates from namesakes': each staff member's `personalId`
 *   (CCCD), `formerIdNumber` (CMND) and pinned `certificate`; the school's `taxCode` (MST),
 *   `budgetCode` (MNS) and pinned `sealCertificate`. Absent or null means not recorded.
 */
export type SchoolDoc = Omit<SchoolDocV1, 'staff'> & {
  readonly staff: readonly StaffMember[];
  readonly taxCode?: string | null;
  readonly budgetCode?: string | null;
  readonly sealCertificate?: CertificatePin | null;
};

const certificatePinProperty = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: {
    issuer: { type: 'string', maxLength: 500 },
    serialNumberHex: { type: 'string', maxLength: 64 },
    holderName: { type: 'string', maxLength: 200 },
    notBefore: { type: 'string', maxLength: 30 },
    notAfter: { type: 'string', maxLength: 30 },
  },
  required: ['issuer', 'serialNumberHex', 'holderName', 'notBefore', 'notAfter'],
} as const;

export const schoolSchema: RxJsonSchema<SchoolDoc> = {
  title: 'schools',
  version: 2,
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
          ...staffMemberV1Properties,
          personalId: { type: ['string', 'null'], maxLength: 12 },
          formerIdNumber: { type: ['string', 'null'], maxLength: 12 },
          certificate: certificatePinProperty,
        },
        required: ['userId', 'login', 'fullName', 'role', 'active'],
      },
    },
    schoolYears: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 9 } },
    taxCode: { type: ['string', 'null'], maxLength: 14 },
    budgetCode: { type: ['string', 'null'], maxLength: 7 },
    sealCertificate: certificatePinProperty,
    ...documentMetaProperties,
  },
  required: [...schoolProfileRequired, 'staff', 'schoolYears', ...documentMetaRequired],
};

/** Each step takes a document of the previous version and returns it in the next. */
export const schoolMigrationStrategies = {
  1: migrateSchoolV0toV1,
  // Nothing was recorded before v2: the staff keep no IDs (unknown), the school no codes.
  2: (old: SchoolDocV1): SchoolDoc => ({
    ...old,
    // The same stored ids, typed: this app wrote them with userIdOf.
    staff: old.staff.map((member) => ({ ...member, userId: member.userId as UserId })),
    taxCode: null,
    budgetCode: null,
    sealCertificate: null,
  }),
};

export type SchoolsCollection = RxCollection<SchoolDoc>;

export const schoolsCollection = {
  schema: schoolSchema,
  migrationStrategies: schoolMigrationStrategies,
} satisfies RxCollectionCreator<SchoolDoc>;
