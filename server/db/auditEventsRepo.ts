import { z } from 'zod';
import type { SchoolId } from '../../shared/domain/ids';
import type { Queryable } from './database';

/** Where a device's chain ends on the server: its last event's place and hash. */
export type AuditHead = { readonly deviceId: string; readonly seq: number; readonly hash: string };

/** An event as the server keeps it, with the school sync number desktops pull it by. */
export type StoredAuditEvent = {
  readonly deviceId: string;
  readonly seq: number;
  readonly hash: string;
  readonly prevHash: string;
  readonly syncSeq: number;
  readonly body: Record<string, unknown>;
};

const headRow = z.object({ device_id: z.string(), seq: z.coerce.number().int(), hash: z.string() });
const eventRow = z.object({
  device_id: z.string(),
  seq: z.coerce.number().int(),
  hash: z.string(),
  prev_hash: z.string(),
  sync_seq: z.coerce.number().int(),
  body: z.record(z.string(), z.unknown()),
});
const ofEventRow = (row: Record<string, unknown>): StoredAuditEvent => {
  const parsed = eventRow.parse(row);
  return {
    deviceId: parsed.device_id,
    seq: parsed.seq,
    hash: parsed.hash,
    prevHash: parsed.prev_hash,
    syncSeq: parsed.sync_seq,
    body: parsed.body,
  };
};
const eventColumns = 'device_id, seq::text as seq, hash, prev_hash, sync_seq::text as sync_seq, body';

/** The heads of these devices' chains in the school (a device with no event is absent). */
export async function auditHeadsOf(
  db: Queryable,
  schoolId: SchoolId,
  deviceIds?: readonly string[],
): Promise<AuditHead[]> {
  const rows = await db.query(
    // Ordered by the column (a number), not the text the answer carries under the same name.
    `select distinct on (device_id) device_id, seq::text as seq, hash from audit_events
     where school_id = $1 and ($2::text[] is null or device_id = any($2::text[]))
     order by device_id, audit_events.seq desc`,
    [schoolId, deviceIds ?? null],
  );
  return rows.map((row) => {
    const parsed = headRow.parse(row);
    return { deviceId: parsed.device_id, seq: parsed.seq, hash: parsed.hash };
  });
}

/** The stored events of one device at these places in its chain. */
export async function auditEventsAt(
  db: Queryable,
  schoolId: SchoolId,
  deviceId: string,
  seqs: readonly number[],
): Promise<Map<number, StoredAuditEvent>> {
  if (seqs.length === 0) return new Map();
  const rows = await db.query(
    `select ${eventColumns} from audit_events
     where school_id = $1 and device_id = $2 and seq = any($3::bigint[])`,
    [schoolId, deviceId, seqs.map(String)],
  );
  return new Map(rows.map(ofEventRow).map((event) => [event.seq, event]));
}

/** Appends events (never updates: the table refuses it). */
export async function appendAuditEvents(
  tx: Queryable,
  schoolId: SchoolId,
  events: readonly StoredAuditEvent[],
  now: Date,
): Promise<void> {
  if (events.length === 0) return;
  await tx.query(
    `insert into audit_events (school_id, device_id, seq, hash, prev_hash, sync_seq, body, received_at)
     select $1, e.device_id, e.seq, e.hash, e.prev_hash, e.sync_seq, e.body, $8
     from unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::bigint[], $7::jsonb[])
       as e(device_id, seq, hash, prev_hash, sync_seq, body)`,
    [
      schoolId,
      events.map((event) => event.deviceId),
      events.map((event) => String(event.seq)),
      events.map((event) => event.hash),
      events.map((event) => event.prevHash),
      events.map((event) => String(event.syncSeq)),
      events.map((event) => JSON.stringify(event.body)),
      now,
    ],
  );
}

/** The school's events stored after sync number `after`, oldest first (pull). */
export async function pullAuditEvents(
  db: Queryable,
  schoolId: SchoolId,
  after: number,
  limit: number,
): Promise<StoredAuditEvent[]> {
  const rows = await db.query(
    `select ${eventColumns} from audit_events where school_id = $1 and sync_seq > $2 order by audit_events.sync_seq limit $3`,
    [schoolId, String(after), limit],
  );
  return rows.map(ofEventRow);
}
