import type { RxCollection, RxCollectionCreator } from 'rxdb';
import { auditEventsJsonSchema, type AuditEventDoc } from '../../../shared/documents/auditEvents/auditEvents';
import { rxSchemaOf, sameDocument } from './rxSchemaOf';

export { auditEventIdOf } from '../../../shared/documents/auditEvents/auditEvents';
export type { AuditEventDoc };

/**
 * `auditEvents`: one change to one field, insert-only, hash-chained per device. The app has no
 * code path that updates or removes one; the chain shows if anything else did.
 */
export const auditEventSchema = rxSchemaOf<AuditEventDoc>(auditEventsJsonSchema);

export type AuditEventsCollection = RxCollection<AuditEventDoc>;
export const auditEventsCollection = {
  schema: auditEventSchema,
  // v1 seals fields at rest; the documents are the same.
  migrationStrategies: { 1: sameDocument },
} satisfies RxCollectionCreator<AuditEventDoc>;
