import { z } from 'zod';
import { verifyDeviceChains, type AuditEvent } from '../audit/auditChain';

/**
 * Everything a desktop's local database holds, as the renderer exports it into a backup: each
 * collection's documents (the audit events among them, exactly as stored, so their hash chain
 * verifies after a restore).
 */
export const databaseExportSchema = z.object({
  format: z.literal('hocba.database'),
  /** 1: without `schemaVersions` (written before 2026-12-05); 2: with them. */
  version: z.union([z.literal(1), z.literal(2)]),
  exportedAt: z.string().max(40),
  databaseName: z.string().min(1).max(120),
  deviceId: z.string().min(1).max(80),
  collections: z.record(
    z.string().regex(/^[a-zA-Z]{1,40}$/),
    z.array(z.record(z.string(), z.unknown())).max(2_000_000),
  ),
  /** Each collection's schema version when exported, so a newer app migrates its documents. */
  schemaVersions: z
    .record(z.string().regex(/^[a-zA-Z]{1,40}$/), z.number().int().min(0).max(1000))
    .optional(),
});
export type DatabaseExport = z.output<typeof databaseExportSchema>;

/**
 * The schema version of each collection's documents in an export. Version 2 says so; a version 1
 * export (written before it did) is read by what its documents hold: the two collections that
 * had moved past version 2 by then (people and schools) gained fields in version 3, so a document
 * without them is version 2; every other collection was still at version 0.
 */
export function schemaVersionsOf(database: DatabaseExport): Readonly<Record<string, number>> {
  if (database.schemaVersions) return database.schemaVersions;
  const hasField = (collection: string, field: string) =>
    (database.collections[collection] ?? []).some((doc) => field in doc);
  return Object.fromEntries(
    Object.keys(database.collections).map((name) => {
      if (name === 'people') return [name, hasField(name, 'priorYears') ? 3 : 2];
      if (name === 'schools') return [name, hasField(name, 'foreignLanguage1') ? 3 : 2];
      return [name, 0];
    }),
  );
}

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

const eventsOf = (database: DatabaseExport): AuditEvent[] =>
  (database.collections.auditEvents ?? []).map((raw) => auditEventSchema.parse(raw));

/** Verifies every device's audit chain in an export, as the integrity check does on the desktop. */
export function checkExportChains(database: DatabaseExport): ExportChainCheck {
  const devices = verifyDeviceChains(eventsOf(database));
  return {
    events: devices.reduce((sum, device) => sum + device.events, 0),
    devices: devices.map(({ deviceId, events, problems }) => ({
      deviceId,
      events,
      problems: problems.length,
    })),
  };
}

/** Each device's event hashes in an export, by sequence from 1 (for main's record after a restore). */
export function chainHashesOf(
  database: DatabaseExport,
): { readonly deviceId: string; readonly hashes: readonly string[] }[] {
  const byDevice = new Map<string, AuditEvent[]>();
  for (const event of eventsOf(database))
    byDevice.set(event.deviceId, [...(byDevice.get(event.deviceId) ?? []), event]);
  return [...byDevice].map(([deviceId, chain]) => ({
    deviceId,
    hashes: [...chain].sort((a, b) => a.seq - b.seq).map((event) => event.hash),
  }));
}
