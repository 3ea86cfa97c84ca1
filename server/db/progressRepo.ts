import { z } from 'zod';
import type { SchoolId } from '../../shared/domain/ids';
import type { RowResultCount } from '../../shared/sync/schoolProgress';
import type { SyncedCollection } from '../../shared/sync/syncWire';
import type { Queryable } from './database';
import { nullableTimestamp, parseRows } from './rows';

/**
 * What the province's progress page reads of one school (its own shard only): the documents the
 * rule needs whole, and SQL counts of the rest, so a school's year of results is never shipped to
 * Node to be counted.
 */
export async function liveBodies(
  db: Queryable,
  schoolId: SchoolId,
  collection: SyncedCollection,
): Promise<unknown[]> {
  const rows = await db.query(
    'select body from synced_documents where school_id = $1 and collection = $2 and not deleted',
    [schoolId, collection],
  );
  return rows.map((row) => row.body);
}

const levelCount = z.number().int().min(0);
const rowCount = z.object({
  class_id: z.string(),
  row_key: z.string(),
  gk1: levelCount,
  ck1: levelCount,
  gk2: levelCount,
  cn: levelCount,
});

/** Subject result documents per class and row, with how many hold a level in each period. */
export async function subjectLevelCounts(db: Queryable, schoolId: SchoolId): Promise<RowResultCount[]> {
  const level = (period: string) =>
    `count(*) filter (where jsonb_typeof(body->'${period}'->'level') = 'string')::int`;
  const rows = await db.query(
    `select body->>'classId' as class_id, body->>'rowKey' as row_key,
       ${level('GK1')} as gk1, ${level('CK1')} as ck1, ${level('GK2')} as gk2, ${level('CN')} as cn
     from synced_documents
     where school_id = $1 and collection = 'subjectResults' and not deleted
     group by 1, 2`,
    [schoolId],
  );
  return parseRows(rowCount, rows).map((row) => ({
    classId: row.class_id,
    rowKey: row.row_key,
    levels: { GK1: row.gk1, CK1: row.ck1, GK2: row.gk2, CN: row.cn },
  }));
}

/** Year results the homeroom teacher confirmed, per class. */
export async function confirmedYearResults(db: Queryable, schoolId: SchoolId): Promise<Map<string, number>> {
  const rows = await db.query(
    `select body->>'classId' as class_id, count(*)::int as n from synced_documents
     where school_id = $1 and collection = 'yearResults' and not deleted
       and jsonb_typeof(body->'confirmation') = 'object'
     group by 1`,
    [schoolId],
  );
  return new Map(
    parseRows(z.object({ class_id: z.string(), n: z.number() }), rows).map((r) => [r.class_id, r.n]),
  );
}

/** The latest version the server keeps of each signed record. */
export async function latestSignedRecords(
  db: Queryable,
  schoolId: SchoolId,
): Promise<{ schoolYear: string; verdict: 'complete' | 'partial' }[]> {
  const rows = await db.query(
    `select distinct on (record_id) school_year, verdict from signed_record_versions
     where school_id = $1 order by record_id, version desc`,
    [schoolId],
  );
  return parseRows(z.object({ school_year: z.string(), verdict: z.enum(['complete', 'partial']) }), rows).map(
    (row) => ({ schoolYear: row.school_year, verdict: row.verdict }),
  );
}

/** What moves whenever the school's progress may have: its sync head, and the records kept. */
export type ProgressKey = {
  /** The school's sync head: moves whenever a desktop's push (documents or audit events) is taken. */
  readonly headSeq: number;
  /** How many signed-record versions the server keeps (an upload does not move the head). */
  readonly recordVersions: number;
};

export async function progressKey(db: Queryable, schoolId: SchoolId): Promise<ProgressKey> {
  const rows = await db.query(
    `select coalesce((select seq from sync_heads where school_id = $1), 0)::int as head_seq,
       (select count(*) from signed_record_versions where school_id = $1)::int as record_versions`,
    [schoolId],
  );
  const [row] = parseRows(z.object({ head_seq: z.number(), record_versions: z.number() }), rows);
  return { headSeq: row?.head_seq ?? 0, recordVersions: row?.record_versions ?? 0 };
}

export type SchoolSyncState = {
  /** When the school's last change reached the server. */
  readonly lastChangeAt: Date | null;
  /** Desktops whose audit chain reached the server. */
  readonly devices: number;
};

export async function schoolSyncState(db: Queryable, schoolId: SchoolId): Promise<SchoolSyncState> {
  const rows = await db.query(
    `select
       (select max(written_at) from synced_documents where school_id = $1) as last_change_at,
       (select max(received_at) from audit_events where school_id = $1) as last_audit_at,
       (select count(distinct device_id) from audit_events where school_id = $1)::int as devices`,
    [schoolId],
  );
  const [row] = parseRows(
    z.object({ last_change_at: nullableTimestamp, last_audit_at: nullableTimestamp, devices: z.number() }),
    rows,
  );
  const times = [row?.last_change_at, row?.last_audit_at].filter((at): at is Date => at instanceof Date);
  return {
    lastChangeAt: times.length === 0 ? null : new Date(Math.max(...times.map((at) => at.getTime()))),
    devices: row?.devices ?? 0,
  };
}
