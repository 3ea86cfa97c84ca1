/** `auditEvents`, current version: its document schema, RxDB schema and type. */
export {
  auditEventsV0 as auditEventDocumentSchema,
  auditEventsV0Json as auditEventsJsonSchema,
} from './auditEventsV0';
export type { AuditEventDocV0 as AuditEventDoc } from './auditEventsV0';

/** An event's id: its device and its place in that device's chain, zero-padded so ids sort in order. */
export function auditEventIdOf(deviceId: string, seq: number): string {
  return `audit:${deviceId}:${String(seq).padStart(12, '0')}`;
}
