import { z } from 'zod';
import type { SchoolId } from '../../shared/domain/ids';
import type { SignedRecordVersion } from '../../shared/sync/signedRecordWire';
import type { Queryable } from './database';
import { parseRows, timestamp } from './rows';

/** Uploads of signed records and the versions kept (0006_signed_records.sql); every statement names its school. */
export type OpenUpload = {
  readonly uploadId: string;
  readonly recordId: string;
  readonly sha256: string;
  readonly totalBytes: number;
  readonly receivedBytes: number;
  readonly uploadedBy: string;
};

const uploadRow = z
  .object({
    upload_id: z.string(),
    record_id: z.string(),
    sha256: z.string(),
    total_bytes: z.number(),
    received_bytes: z.number(),
    uploaded_by: z.string(),
  })
  .transform((row): OpenUpload => ({
    uploadId: row.upload_id,
    recordId: row.record_id,
    sha256: row.sha256,
    totalBytes: row.total_bytes,
    receivedBytes: row.received_bytes,
    uploadedBy: row.uploaded_by,
  }));
const uploadColumns = 'upload_id, record_id, sha256, total_bytes, received_bytes, uploaded_by';

/** The stored bytes, whichever engine read them (pg: Buffer, PGlite: Uint8Array). */
const byteaColumn = z.instanceof(Uint8Array);

export async function findUpload(
  db: Queryable,
  schoolId: SchoolId,
  uploadId: string,
): Promise<OpenUpload | null> {
  const rows = await db.query(
    `select ${uploadColumns} from record_uploads where school_id = $1 and upload_id = $2`,
    [schoolId, uploadId],
  );
  return parseRows(uploadRow, rows)[0] ?? null;
}

/** The upload this account already opened for this very file, if any. */
export async function findUploadOfFile(
  db: Queryable,
  schoolId: SchoolId,
  uploadedBy: string,
  recordId: string,
  sha256: string,
): Promise<OpenUpload | null> {
  const rows = await db.query(
    `select ${uploadColumns} from record_uploads
     where school_id = $1 and uploaded_by = $2 and record_id = $3 and sha256 = $4`,
    [schoolId, uploadedBy, recordId, sha256],
  );
  return parseRows(uploadRow, rows)[0] ?? null;
}

/** Opens an upload; when the same account opened one for the same file meanwhile, that one. */
export async function openUpload(
  db: Queryable,
  schoolId: SchoolId,
  upload: Omit<OpenUpload, 'receivedBytes'>,
  now: Date,
): Promise<OpenUpload> {
  await db.query(
    `insert into record_uploads (school_id, upload_id, record_id, sha256, total_bytes, received_bytes, uploaded_by, started_at)
     values ($1, $2, $3, $4, $5, 0, $6, $7)
     on conflict (school_id, uploaded_by, record_id, sha256) do nothing`,
    [schoolId, upload.uploadId, upload.recordId, upload.sha256, upload.totalBytes, upload.uploadedBy, now],
  );
  const open = await findUploadOfFile(db, schoolId, upload.uploadedBy, upload.recordId, upload.sha256);
  if (open === null) throw new Error('the upload just opened is not there');
  return open;
}

/**
 * Stores a chunk at `offset` if the upload stands exactly there (checked and moved in one
 * statement, so two requests racing with the same chunk store it once). Returns whether it was taken.
 */
export async function appendChunk(
  tx: Queryable,
  schoolId: SchoolId,
  uploadId: string,
  offset: number,
  bytes: Uint8Array,
): Promise<boolean> {
  const moved = await tx.query(
    `update record_uploads set received_bytes = received_bytes + $4
     where school_id = $1 and upload_id = $2 and received_bytes = $3 and received_bytes + $4 <= total_bytes
     returning received_bytes`,
    [schoolId, uploadId, offset, bytes.length],
  );
  if (moved.length === 0) return false;
  await tx.query(
    'insert into record_upload_chunks (school_id, upload_id, start_byte, bytes) values ($1, $2, $3, $4)',
    [schoolId, uploadId, offset, bytes],
  );
  return true;
}

/** The upload's chunks, in order. */
export async function uploadChunks(
  db: Queryable,
  schoolId: SchoolId,
  uploadId: string,
): Promise<Uint8Array[]> {
  const rows = await db.query(
    `select bytes from record_upload_chunks where school_id = $1 and upload_id = $2 order by start_byte`,
    [schoolId, uploadId],
  );
  return parseRows(z.object({ bytes: byteaColumn }), rows).map((row) => row.bytes);
}

/** How many uploads this account has open in the school, and the bytes they announced. */
export async function openUploadsOf(
  db: Queryable,
  schoolId: SchoolId,
  uploadedBy: string,
): Promise<{ readonly count: number; readonly bytes: number }> {
  const rows = await db.query(
    `select count(*)::int as count, coalesce(sum(total_bytes), 0)::bigint::text as bytes
     from record_uploads where school_id = $1 and uploaded_by = $2`,
    [schoolId, uploadedBy],
  );
  const [row] = parseRows(z.object({ count: z.number(), bytes: z.string() }), rows);
  return { count: row?.count ?? 0, bytes: Number(row?.bytes ?? '0') };
}

/** Forgets the school's uploads begun before `before` that never completed, with their chunks. */
export async function dropStaleUploads(db: Queryable, schoolId: SchoolId, before: Date): Promise<number> {
  await db.query(
    `delete from record_upload_chunks c using record_uploads u
     where u.school_id = $1 and u.started_at < $2 and c.school_id = u.school_id and c.upload_id = u.upload_id`,
    [schoolId, before],
  );
  const dropped = await db.query(
    'delete from record_uploads where school_id = $1 and started_at < $2 returning upload_id',
    [schoolId, before],
  );
  return dropped.length;
}

/** Forgets an upload and its chunks (kept as a version, or refused). */
export async function dropUpload(db: Queryable, schoolId: SchoolId, uploadId: string): Promise<void> {
  await db.query('delete from record_upload_chunks where school_id = $1 and upload_id = $2', [
    schoolId,
    uploadId,
  ]);
  await db.query('delete from record_uploads where school_id = $1 and upload_id = $2', [schoolId, uploadId]);
}

const versionRow = z
  .object({
    record_id: z.string(),
    version: z.number(),
    sha256: z.string(),
    bytes: z.number(),
    verdict: z.enum(['complete', 'partial']),
    record_version: z.number(),
    signers: z.union([z.array(z.string()), z.string().transform((text): unknown => JSON.parse(text))]),
    uploaded_by: z.string(),
    uploaded_at: timestamp,
  })
  .transform((row): SignedRecordVersion => ({
    recordId: row.record_id,
    version: row.version,
    sha256: row.sha256,
    bytes: row.bytes,
    verdict: row.verdict,
    recordVersion: row.record_version,
    signers: z.array(z.string()).parse(row.signers),
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at.toISOString(),
  }));
const versionColumns =
  'record_id, version, sha256, length(pdf) as bytes, verdict, record_version, signers, uploaded_by, uploaded_at';

export async function recordVersions(
  db: Queryable,
  schoolId: SchoolId,
  recordId: string,
): Promise<SignedRecordVersion[]> {
  const rows = await db.query(
    `select ${versionColumns} from signed_record_versions where school_id = $1 and record_id = $2 order by version`,
    [schoolId, recordId],
  );
  return parseRows(versionRow, rows);
}

export async function versionOfFile(
  db: Queryable,
  schoolId: SchoolId,
  recordId: string,
  sha256: string,
): Promise<SignedRecordVersion | null> {
  const rows = await db.query(
    `select ${versionColumns} from signed_record_versions where school_id = $1 and record_id = $2 and sha256 = $3`,
    [schoolId, recordId, sha256],
  );
  return parseRows(versionRow, rows)[0] ?? null;
}

export async function versionFile(
  db: Queryable,
  schoolId: SchoolId,
  recordId: string,
  version: number,
): Promise<Uint8Array | null> {
  const rows = await db.query(
    'select pdf from signed_record_versions where school_id = $1 and record_id = $2 and version = $3',
    [schoolId, recordId, version],
  );
  return parseRows(z.object({ pdf: byteaColumn }), rows)[0]?.pdf ?? null;
}

export type NewVersion = {
  readonly recordId: string;
  readonly sha256: string;
  readonly pdf: Uint8Array;
  readonly verdict: 'complete' | 'partial';
  readonly recordVersion: number;
  readonly schoolYear: string;
  readonly className: string;
  readonly signers: readonly string[];
  readonly uploadedBy: string;
};

/**
 * Keeps a file as the record's next version. Runs in a transaction that holds the school's row,
 * so two uploads of one school number their versions one after the other.
 */
export async function appendVersion(
  tx: Queryable,
  schoolId: SchoolId,
  next: NewVersion,
  now: Date,
): Promise<SignedRecordVersion> {
  await tx.query('select 1 from schools where school_id = $1 for update', [schoolId]);
  const held = await versionOfFile(tx, schoolId, next.recordId, next.sha256);
  if (held !== null) return held;
  await tx.query(
    `insert into signed_record_versions (school_id, record_id, version, sha256, pdf, verdict, record_version,
       school_year, class_name, signers, uploaded_by, uploaded_at)
     select $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11
     from signed_record_versions where school_id = $1 and record_id = $2`,
    [
      schoolId,
      next.recordId,
      next.sha256,
      next.pdf,
      next.verdict,
      next.recordVersion,
      next.schoolYear,
      next.className,
      JSON.stringify(next.signers),
      next.uploadedBy,
      now,
    ],
  );
  const stored = await versionOfFile(tx, schoolId, next.recordId, next.sha256);
  if (stored === null) throw new Error('the version just kept is not there');
  return stored;
}

/** The class a record's kept versions name (the latest's), for who may read them. */
export async function recordClassOf(
  db: Queryable,
  schoolId: SchoolId,
  recordId: string,
): Promise<{ readonly schoolYear: string; readonly className: string } | null> {
  const rows = await db.query(
    `select school_year, class_name from signed_record_versions
     where school_id = $1 and record_id = $2 order by version desc limit 1`,
    [schoolId, recordId],
  );
  const row = parseRows(z.object({ school_year: z.string(), class_name: z.string() }), rows)[0];
  return row === undefined ? null : { schoolYear: row.school_year, className: row.class_name };
}
