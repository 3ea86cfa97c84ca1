import type { RxJsonSchema } from 'rxdb';
import type { UserId } from '../../../../shared/domain/ids';
import type { CertificatePin, StaffMember } from '../../../../shared/domain/staff';
import { documentMetaProperties, documentMetaRequired } from '../../documentMeta';
import { schoolProfileProperties, schoolProfileRequired } from './schoolSchemaV0';
import { staffMemberV1Properties, type SchoolDocV1 } from './schoolSchemaV1';

/**
 * `schools` version 2, frozen: v1 plus what tells the signers' certificates from namesakes' (each
 * staff member's `personalId`, `formerIdNumber` and pinned `certificate`; the school's `taxCode`,
 * `budgetCode` and pinned `sealCertificate`). Never edit a released schema version; add the next.
 */
export type SchoolDocV2 = Omit<SchoolDocV1, 'staff'> & {
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

export const schoolSchemaV2: RxJsonSchema<SchoolDocV2> = {
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

// Nothing was recorded before v2: the staff keep no IDs (unknown), the school no codes.
export function migrateSchoolV1toV2(old: SchoolDocV1): SchoolDocV2 {
  return {
    ...old,
    // The same stored ids, typed: this app wrote them with userIdOf.
    staff: old.staff.map((member) => ({ ...member, userId: member.userId as UserId })),
    taxCode: null,
    budgetCode: null,
    sealCertificate: null,
  };
}
