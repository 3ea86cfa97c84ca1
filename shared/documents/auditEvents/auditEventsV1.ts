import { rxJsonSchemaOf } from '../rxJsonSchemaOf';
import { auditEventsV0, type AuditEventDocV0 } from './auditEventsV0';

/**
 * `auditEvents` version 1 (current): the documents of v0, with the values before and after each change sealed at rest
 * (docs/decisions.md, "Children's data is sealed in the local database"). The migration from v0
 * keeps every document as it is; only its storage changes.
 */
export const auditEventsV1 = auditEventsV0;
export type AuditEventDocV1 = AuditEventDocV0;
export const auditEventsV1Sealed = ['old', 'new'] as const;
export const auditEventsV1Json = rxJsonSchemaOf(auditEventsV1, {
  title: 'auditEvents',
  version: 1,
  primaryKey: 'id',
  indexes: [
    ['deviceId', 'seq'],
    ['studentId', 'at'],
    ['classId', 'at'],
  ],
  encrypted: auditEventsV1Sealed,
});
