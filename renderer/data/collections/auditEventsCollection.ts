import type { RxCollection, RxCollectionCreator, RxJsonSchema } from 'rxdb';
import type { AuditEvent } from '../../../shared/audit/auditChain';

/**
 * `auditEvents`: one change to one field, insert-only, hash-chained per device. The app has no
 * code path that updates or removes one; the chain shows if anything else did.
 */
export type AuditEventDoc = AuditEvent & { readonly id: string };

export function auditEventIdOf(deviceId: string, seq: number): string {
  return `audit:${deviceId}:${String(seq).padStart(12, '0')}`;
}

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;

export const auditEventSchema: RxJsonSchema<AuditEventDoc> = {
  title: 'auditEvents',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: text(80),
    deviceId: text(60),
    seq: { type: 'integer', minimum: 1, maximum: 1_000_000_000_000, multipleOf: 1 },
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
  },
  required: [
    'id',
    'deviceId',
    'seq',
    'prevHash',
    'hash',
    'actor',
    'at',
    'collectionName',
    'docId',
    'field',
    'old',
    'new',
    'studentId',
    'classId',
    'amendmentId',
  ],
  indexes: [
    ['deviceId', 'seq'],
    ['studentId', 'at'],
    ['classId', 'at'],
  ],
};

export type AuditEventsCollection = RxCollection<AuditEventDoc>;
export const auditEventsCollection = {
  schema: auditEventSchema,
} satisfies RxCollectionCreator<AuditEventDoc>;
