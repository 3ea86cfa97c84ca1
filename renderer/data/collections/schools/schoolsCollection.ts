import type { RxCollection, RxCollectionCreator, RxJsonSchema } from 'rxdb';
import { defaultForeignLanguage1 } from '../../../../shared/domain/foreignLanguages';
import { documentMetaProperties, documentMetaRequired } from '../../documentMeta';
import { schoolProfileProperties, schoolProfileRequired } from './schoolSchemaV0';
import { migrateSchoolV0toV1, staffMemberV1Properties } from './schoolSchemaV1';
import { migrateSchoolV1toV2, type SchoolDocV2 } from './schoolSchemaV2';

/**
 * `schools`: one document per school, written by the principal.
 *
 * Version history (append-only):
 * - v0: the school's profile.
 * - v1: `staff` (people known on this desktop, with their role) and `schoolYears` (years set up).
 * - v2: what tells the signers' certificates from namesakes': each staff member's `personalId`
 *   (CCCD), `formerIdNumber` (CMND) and pinned `certificate`; the school's `taxCode` (MST),
 *   `budgetCode` (MNS) and pinned `sealCertificate`. Absent or null means not recorded.
 * - v3: `foreignLanguage1`, the language the school teaches as Ngoại ngữ 1 ("Tiếng Anh"), which
 *   the học bạ names beside the subject ("Ngoại ngữ 1: Tiếng Anh").
 */
export type SchoolDoc = SchoolDocV2 & { readonly foreignLanguage1: string };

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
  version: 3,
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
    foreignLanguage1: { type: 'string', maxLength: 40 },
    ...documentMetaProperties,
  },
  required: [...schoolProfileRequired, 'staff', 'schoolYears', 'foreignLanguage1', ...documentMetaRequired],
};

/** Each step takes a document of the previous version and returns it in the next. */
export const schoolMigrationStrategies = {
  1: migrateSchoolV0toV1,
  2: migrateSchoolV1toV2,
  // Nearly every primary school teaches English as Ngoại ngữ 1; the principal changes it in setup.
  3: (old: SchoolDocV2): SchoolDoc => ({ ...old, foreignLanguage1: defaultForeignLanguage1 }),
};

export type SchoolsCollection = RxCollection<SchoolDoc>;

export const schoolsCollection = {
  schema: schoolSchema,
  migrationStrategies: schoolMigrationStrategies,
} satisfies RxCollectionCreator<SchoolDoc>;
