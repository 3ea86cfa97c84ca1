import { z } from 'zod';
import { pushRefusalCodes, syncedCollectionSchema } from '../../../shared/sync/syncWire';
import type { HocbaDatabase } from '../database';
import { databaseKeyOf } from '../storage/databaseKeys';
import { openJson, sealJson } from '../storage/fieldSeal';

/**
 * The conflict log (nhật ký xung đột): every pushed document the province server did not take, as
 * it was on this desktop and as the server holds it, with the server's reason. Kept on this desktop
 * only (an RxDB local document), newest first, the two versions sealed under the database key as
 * the documents themselves are: they hold children's results.
 */
const conflictLogId = 'sync-conflict-log';
/** The newest entries kept; older ones go (each was shown when it happened). */
export const maxConflictLogEntries = 1000;

const storedEntrySchema = z.object({
  /** Unique within the log: when and which document. */
  key: z.string().min(1).max(300),
  at: z.iso.datetime(),
  collection: syncedCollectionSchema,
  docId: z.string().min(1).max(200),
  code: z.enum(pushRefusalCodes),
  /** The server's words (Vietnamese). */
  reason: z.string().max(2000),
  /** Field paths where the server's value stayed over this desktop's. */
  serverKept: z.array(z.string().max(200)).max(200),
  /** Field paths where this desktop's value was kept on top of the server's state. */
  mineKept: z.array(z.string().max(200)).max(200),
  /** `{ mine, master }`, sealed. */
  sealed: z.string(),
  /**
   * What the teacher chose, when they did: `mine`, their value written again over the server's;
   * `server`, the server's value kept. Absent while the entry waits for a choice.
   */
  resolved: z.object({ choice: z.enum(['mine', 'server']), at: z.iso.datetime() }).optional(),
});
const storedLogSchema = z.object({ entries: z.array(storedEntrySchema).max(maxConflictLogEntries) });
type StoredEntry = z.output<typeof storedEntrySchema>;

export type ConflictLogEntry = Omit<StoredEntry, 'sealed'> & {
  /** This desktop's version, as it was pushed. */
  readonly mine: Readonly<Record<string, unknown>>;
  /** The server's version, which the desktop now holds (null: the server has none). */
  readonly master: Readonly<Record<string, unknown>> | null;
};

export type NewConflictLogEntry = Omit<ConflictLogEntry, 'key' | 'at'>;

const versionsSchema = z.object({
  mine: z.record(z.string(), z.unknown()),
  master: z.record(z.string(), z.unknown()).nullable(),
});

const bindingOf = (database: HocbaDatabase, key: string) => `${database.name}/${conflictLogId}/${key}`;

async function storedEntries(database: HocbaDatabase): Promise<StoredEntry[]> {
  const doc = await database.getLocal<Record<string, unknown>>(conflictLogId);
  if (doc === null) return [];
  const parsed = storedLogSchema.safeParse(doc.toJSON().data);
  return parsed.success ? parsed.data.entries : [];
}

/** Local writes of one database, one after another (a read, then the whole log written back). */
const queues = new WeakMap<HocbaDatabase, Promise<unknown>>();

/** Adds entries at the top of the log. */
export function appendConflicts(
  database: HocbaDatabase,
  entries: readonly NewConflictLogEntry[],
  now: Date,
): Promise<void> {
  if (entries.length === 0) return Promise.resolve();
  const key = databaseKeyOf(database);
  const at = now.toISOString();
  const write = async () => {
    const fresh = entries.map((entry, index): StoredEntry => {
      const entryKey = `${at}#${String(index)}#${entry.collection}/${entry.docId}`;
      const { mine, master, ...rest } = entry;
      return {
        ...rest,
        key: entryKey,
        at,
        sealed: sealJson(key, { mine, master }, bindingOf(database, entryKey)),
      };
    });
    const kept = [...fresh.reverse(), ...(await storedEntries(database))].slice(0, maxConflictLogEntries);
    await database.upsertLocal(conflictLogId, { entries: kept });
  };
  return queued(database, write);
}

function queued(database: HocbaDatabase, write: () => Promise<void>): Promise<void> {
  const next = (queues.get(database) ?? Promise.resolve()).then(write, write);
  queues.set(database, next);
  return next;
}

/** Records the teacher's choice on one entry (the values themselves are written by the caller). */
export function resolveConflict(
  database: HocbaDatabase,
  key: string,
  choice: 'mine' | 'server',
  now: Date,
): Promise<void> {
  return queued(database, async () => {
    const entries = (await storedEntries(database)).map((entry) =>
      entry.key === key ? { ...entry, resolved: { choice, at: now.toISOString() } } : entry,
    );
    await database.upsertLocal(conflictLogId, { entries });
  });
}

/** The log, newest first, each entry's versions opened. An entry that does not open is left out. */
export async function readConflictLog(database: HocbaDatabase): Promise<ConflictLogEntry[]> {
  const key = databaseKeyOf(database);
  const entries: ConflictLogEntry[] = [];
  for (const { sealed, ...entry } of await storedEntries(database)) {
    try {
      const versions = versionsSchema.parse(openJson(key, sealed, bindingOf(database, entry.key)));
      entries.push({ ...entry, ...versions });
    } catch {
      // Sealed under another key or changed at rest: not this database's to show.
    }
  }
  return entries;
}

/** Emits whenever the log changes (the panel reads it again then). */
export function conflictLogChanges$(database: HocbaDatabase) {
  return database.getLocal$(conflictLogId);
}
