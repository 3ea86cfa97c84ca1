/** `auditEvents`, current version: its document schema, RxDB schema and type. */
export {
  auditEventsV1 as auditEventDocumentSchema,
  auditEventsV1Json as auditEventsJsonSchema,
} from './auditEventsV1';
export type { AuditEventDocV1 as AuditEventDoc } from './auditEventsV1';

/** An event's id: its device and its place in that device's chain, zero-padded so ids sort in order. */
export function auditEventIdOf(deviceId: string, seq: number): string {
  return `audit:${deviceId}:${String(seq).padStart(12, '0')}`;
}
