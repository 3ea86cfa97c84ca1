import { z } from 'zod';
import type { UserId } from '../../domain/ids';
import { documentMetaShape } from '../documentMeta';
import { storedId, text, type StoredDocument } from '../fields';
import { rxJsonSchemaOf } from '../rxJsonSchemaOf';
import { schoolsV1Shape, staffMemberV1Shape } from './schoolsV1';

/** A pinned certificate (a staff member's, or the school's seal) as v2 stores it. */
export const certificatePinV2 = z.strictObject({
  issuer: text(500),
  serialNumberHex: text(64),
  holderName: text(200),
  notBefore: text(30),
  notAfter: text(30),
});

/**
 * `schools` version 2, frozen: v1 plus what tells the signers' certificates from namesakes' (each
 * staff member's `personalId`, `formerIdNumber` and pinned `certificate`; the school's `taxCode`,
 * `budgetCode` and pinned `sealCertificate`). Absent or null means not recorded.
 */
export const schoolsV2Shape = {
  ...schoolsV1Shape,
  staff: z
    .array(
      z.strictObject({
        ...staffMemberV1Shape,
        userId: storedId<UserId>(60),
        personalId: text(12).nullable().optional(),
        formerIdNumber: text(12).nullable().optional(),
        certificate: certificatePinV2.nullable().optional(),
      }),
    )
    .max(500),
  taxCode: text(14).nullable().optional(),
  budgetCode: text(7).nullable().optional(),
  sealCertificate: certificatePinV2.nullable().optional(),
} as const;

export const schoolsV2 = z.strictObject({ ...schoolsV2Shape, ...documentMetaShape });
export type SchoolDocV2 = StoredDocument<typeof schoolsV2>;
export const schoolsV2Json = rxJsonSchemaOf(schoolsV2, { title: 'schools', version: 2, primaryKey: 'id' });
