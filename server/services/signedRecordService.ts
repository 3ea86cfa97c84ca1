import { createHash, randomBytes } from 'node:crypto';
import { isSchoolLeadership } from '../../shared/auth/accountRoles';
import type { SchoolId } from '../../shared/domain/ids';
import type { RecordVerificationReport } from '../../shared/record/verifyRecordPdf';
import {
  maxRecordChunkBytes,
  type SignedRecordVersion,
  type StartUploadAnswer,
  type StartUploadRequest,
} from '../../shared/sync/signedRecordWire';
import { listClasses, listTeacherAssignments } from '../db/classesRepo';
import { getSchool } from '../db/schoolsRepo';
import {
  appendChunk,
  appendVersion,
  dropStaleUploads,
  dropUpload,
  findUpload,
  findUploadOfFile,
  openUpload,
  openUploadsOf,
  recordClassOf,
  recordVersions,
  uploadChunks,
  versionFile,
  versionOfFile,
  type OpenUpload,
} from '../db/signedRecordsRepo';
import { signedRecordStrings as strings } from '../strings';
import type { Actor } from './actor';
import { failures } from './apiFailure';
import type { ServiceContext } from './context';
import { requireSchoolMember } from './permissions';

/**
 * What one account may have open at once: the desktop sends three files at a time and closes each,
 * so this is room for a desktop that lost its link many times, not for filling the server's disk
 * with files announced and never finished.
 */
export const maxOpenUploadsPerAccount = 24;
export const maxOpenUploadBytesPerAccount = 192 * 1024 * 1024;
/** An upload not completed this long after it began is forgotten; the desktop starts it afresh. */
export const staleUploadMs = 2 * 24 * 60 * 60 * 1000;

const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Opens an upload, goes on with the one this account opened for the same file, or says the server keeps it already. */
export async function startRecordUpload(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  request: StartUploadRequest,
): Promise<StartUploadAnswer> {
  requireSchoolMember(actor, schoolId);
  const kept = await versionOfFile(ctx.db, schoolId, request.recordId, request.sha256);
  if (kept !== null) return { state: 'stored', version: kept };
  const now = ctx.clock();
  await dropStaleUploads(ctx.db, schoolId, new Date(now.getTime() - staleUploadMs));
  const resumed = await findUploadOfFile(ctx.db, schoolId, actor.userId, request.recordId, request.sha256);
  if (resumed === null) {
    const open = await openUploadsOf(ctx.db, schoolId, actor.userId);
    if (open.count >= maxOpenUploadsPerAccount || open.bytes + request.bytes > maxOpenUploadBytesPerAccount)
      throw failures.tooManyUploads();
  }
  const open =
    resumed ??
    (await openUpload(
      ctx.db,
      schoolId,
      {
        uploadId: randomBytes(16).toString('hex'),
        recordId: request.recordId,
        sha256: request.sha256,
        totalBytes: request.bytes,
        uploadedBy: actor.userId,
      },
      now,
    ));
  if (open.totalBytes !== request.bytes) throw failures.badRequest(strings.sizeDiffers);
  return {
    state: 'open',
    uploadId: open.uploadId,
    receivedBytes: open.receivedBytes,
    chunkBytes: ctx.recordChunkBytes,
  };
}

/** The account's own open upload (another account's is as good as absent). */
async function ownUpload(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  uploadId: string,
): Promise<OpenUpload> {
  requireSchoolMember(actor, schoolId);
  const upload = await findUpload(ctx.db, schoolId, uploadId);
  if (upload?.uploadedBy !== actor.userId) throw failures.notFound(strings.uploadNotFound);
  return upload;
}

export async function uploadState(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  uploadId: string,
): Promise<{ receivedBytes: number }> {
  const upload = await ownUpload(ctx, actor, schoolId, uploadId);
  return { receivedBytes: upload.receivedBytes };
}

/** Takes the next chunk: only where the upload stands, only when its SHA-256 is the one announced. */
export async function putRecordChunk(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  chunk: {
    readonly uploadId: string;
    readonly offset: number;
    readonly sha256: string;
    readonly bytes: Uint8Array;
  },
): Promise<{ receivedBytes: number }> {
  const upload = await ownUpload(ctx, actor, schoolId, chunk.uploadId);
  if (chunk.bytes.length === 0 || chunk.bytes.length > maxRecordChunkBytes) throw failures.badRequest();
  if (sha256Hex(chunk.bytes) !== chunk.sha256) throw failures.badRequest(strings.chunkChecksum);
  if (chunk.offset + chunk.bytes.length > upload.totalBytes) throw failures.badRequest(strings.chunkPastEnd);
  const taken = await ctx.db.transaction((tx) =>
    appendChunk(tx, schoolId, chunk.uploadId, chunk.offset, chunk.bytes),
  );
  if (!taken) {
    const now = await findUpload(ctx.db, schoolId, chunk.uploadId);
    // The same chunk again (its answer was lost on the way): already there, nothing to do.
    if (now !== null && now.receivedBytes === chunk.offset + chunk.bytes.length)
      return { receivedBytes: now.receivedBytes };
    throw failures.conflict(strings.chunkOutOfPlace(now?.receivedBytes ?? 0));
  }
  return { receivedBytes: chunk.offset + chunk.bytes.length };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}

type NamedClass = { readonly schoolYear: string; readonly className: string };

/** The actor's assignments to the class a record names (its year and class name). */
async function assignmentsToClass(ctx: ServiceContext, actor: Actor, schoolId: SchoolId, named: NamedClass) {
  const classIds = new Set(
    (await listClasses(ctx.db, schoolId))
      .filter((c) => c.schoolYear === named.schoolYear && c.name === named.className)
      .map((c) => c.classId),
  );
  return (await listTeacherAssignments(ctx.db, schoolId, actor.userId)).filter((a) =>
    classIds.has(a.classId),
  );
}

/** Leadership hands in any record of the school; a teacher, only those of a class they are homeroom teacher of. */
async function mayHandIn(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  named: NamedClass,
): Promise<boolean> {
  if (isSchoolLeadership(actor.role)) return true;
  return (await assignmentsToClass(ctx, actor, schoolId, named)).some((assignment) => assignment.homeroom);
}

/**
 * Who reads the kept files: leadership and group heads, every record; a teacher, the records of a
 * class they teach (as they read its results). A record the server does not keep reads as absent.
 */
async function requireRecordReader(ctx: ServiceContext, actor: Actor, schoolId: SchoolId, recordId: string) {
  requireSchoolMember(actor, schoolId);
  if (isSchoolLeadership(actor.role) || actor.role === 'groupHead') return;
  // A teacher learns nothing of a record outside their classes, not even whether the server keeps it.
  const named = await recordClassOf(ctx.db, schoolId, recordId);
  if (named === null || (await assignmentsToClass(ctx, actor, schoolId, named)).length === 0)
    throw failures.forbidden();
}

/** Why the server will not keep this file, or null when it will. */
async function refusalOf(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  upload: OpenUpload,
  report: RecordVerificationReport,
): Promise<{ readonly status: 'refused' | 'forbidden'; readonly reason: string } | null> {
  if (report.status !== 'complete' && report.status !== 'partial')
    return { status: 'refused', reason: strings.notSigned(report.verdict) };
  const record = report.record;
  if (record?.recordId !== upload.recordId) return { status: 'refused', reason: strings.otherRecord };
  const school = await getSchool(ctx.db, schoolId);
  if (school?.code !== record.schoolCode) return { status: 'refused', reason: strings.otherSchool };
  if (!(await mayHandIn(ctx, actor, schoolId, record)))
    return { status: 'forbidden', reason: strings.notHomeroom };
  return null;
}

/**
 * Ends an upload: the whole file's SHA-256, then the shared verifier, then whose record it is and
 * who hands it in. A file that passes becomes the record's next version (the same file twice is
 * one version); one that does not is dropped, and the answer says why.
 */
export async function completeRecordUpload(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  uploadId: string,
): Promise<{ version: SignedRecordVersion }> {
  const upload = await ownUpload(ctx, actor, schoolId, uploadId);
  if (upload.receivedBytes < upload.totalBytes)
    throw failures.conflict(strings.incomplete(upload.receivedBytes, upload.totalBytes));
  const pdf = concat(await uploadChunks(ctx.db, schoolId, uploadId));
  if (pdf.length !== upload.totalBytes || sha256Hex(pdf) !== upload.sha256) {
    await dropUpload(ctx.db, schoolId, uploadId);
    throw failures.refused(strings.fileChecksum);
  }
  const report = await ctx.verifyRecord(pdf);
  const refusal = await refusalOf(ctx, actor, schoolId, upload, report);
  if (refusal !== null) {
    await dropUpload(ctx.db, schoolId, uploadId);
    throw refusal.status === 'forbidden'
      ? failures.forbidden(refusal.reason)
      : failures.refused(refusal.reason);
  }
  const record = report.record;
  if (record === undefined) throw failures.refused(strings.otherRecord);
  const version = await ctx.db.transaction(async (tx) => {
    const kept = await appendVersion(
      tx,
      schoolId,
      {
        recordId: upload.recordId,
        sha256: upload.sha256,
        pdf,
        verdict: report.status === 'complete' ? 'complete' : 'partial',
        recordVersion: record.version,
        schoolYear: record.schoolYear,
        className: record.className,
        signers: report.signers.map((signer) => [signer.roleLabel, signer.name].filter(Boolean).join(': ')),
        uploadedBy: actor.userId,
      },
      ctx.clock(),
    );
    await dropUpload(tx, schoolId, uploadId);
    return kept;
  });
  return { version };
}

/** Every version the server keeps of one record: the school's accounts only. */
export async function listRecordVersions(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  recordId: string,
): Promise<SignedRecordVersion[]> {
  await requireRecordReader(ctx, actor, schoolId, recordId);
  const versions = await recordVersions(ctx.db, schoolId, recordId);
  if (versions.length === 0) throw failures.notFound(strings.versionNotFound);
  return versions;
}

export async function recordVersionFile(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  recordId: string,
  version: number,
): Promise<Uint8Array> {
  await requireRecordReader(ctx, actor, schoolId, recordId);
  const pdf = await versionFile(ctx.db, schoolId, recordId, version);
  if (pdf === null) throw failures.notFound(strings.versionNotFound);
  return pdf;
}
