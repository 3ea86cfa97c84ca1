import { z } from 'zod';
import { text, type StoredDocument } from '../fields';
import { rxJsonSchemaOf } from '../rxJsonSchemaOf';

/**
 * `auditEvents` version 0, frozen: one change to one field, insert-only, hash-chained per
 * device. It carries no document meta: an event is never updated, and its school is its device's.
 */
export const auditEventsV0 = z.strictObject({
  id: text(80),
  deviceId: text(60),
  seq: z.int().min(1).max(1_000_000_000_000).multipleOf(1),
  prevHash: text(64),
  hash: text(64),
  actor: text(60),
  at: text(30),
  collectionName: text(40),
  docId: text(200),
  field: text(120),
  old: text(20_000),
  new: text(20_000),
  studentId: text(40),
  classId: text(80),
  amendmentId: text(120),
});
export type AuditEventDocV0 = StoredDocument<typeof auditEventsV0>;
export const auditEventsV0Json = rxJsonSchemaOf(auditEventsV0, {
  title: 'auditEvents',
  version: 0,
  primaryKey: 'id',
  indexes: [
    ['deviceId', 'seq'],
    ['studentId', 'at'],
    ['classId', 'at'],
  ],
});
