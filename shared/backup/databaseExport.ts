import { z } from 'zod';
import { verifyAuditChain, type AuditEvent } from '../audit/auditChain';

/**
 * Everything a desktop's local database holds, as the renderer exports it into a backup: each
 * collection's documents (the audit events among them, exactly as stored, so their hash chain
 * verifies after a restore).
 */
export const databaseExportSchema = z.object({
  format: z.literal('hocba.database'),
  version: z.literal(1),
  exportedAt: z.string().max(40),
  databaseName: z.string().min(1).max(120),
  deviceId: z.string().min(1).max(80),
  collections: z.record(
    z.string().regex(/^[a-zA-Z]{1,40}$/),
    z.array(z.record(z.string(), z.unknown())).max(2_000_000),
  ),
});
export type DatabaseExport = z.output<typeof databaseExportSchema>;

const auditEventSchema = z.object({
  deviceId: z.string(),
  seq: z.number().int().min(1),
  prevHash: z.string(),
  actor: z.string(),
  at: z.string(),
  collectionName: z.string(),
  docId: z.string(),
  field: z.string(),
  old: z.string(),
  new: z.string(),
  studentId: z.string(),
  classId: z.string(),
  amendmentId: z.string(),
  hash: z.string(),
});

export type ExportChainCheck = {
  readonly events: number;
  readonly devices: readonly {
    readonly deviceId: string;
    readonly events: number;
    readonly problems: number;
  }[];
};

/** Verifies every device's audit chain in an export, as the integrity check does on the desktop. */
export function checkExportChains(database: DatabaseExport): ExportChainCheck {
  const events: AuditEvent[] = (database.collections.auditEvents ?? []).map((raw) =>
    auditEventSchema.parse(raw),
  );
  const byDevice = new Map<string, AuditEvent[]>();
  for (const event of events) {
    const chain = byDevice.get(event.deviceId) ?? [];
    chain.push(event);
    byDevice.set(event.deviceId, chain);
  }
  return {
    events: events.length,
    devices: [...byDevice].map(([deviceId, chain]) => ({
      deviceId,
      events: chain.length,
      problems: verifyAuditChain(
        deviceId,
        [...chain].sort((a, b) => a.seq - b.seq),
      ).length,
    })),
  };
}
