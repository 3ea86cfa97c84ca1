import { staffRoleOfAccount } from '../../shared/auth/accountRoles';
import { assignmentWithId } from '../../shared/domain/assignment';
import type { SchoolId } from '../../shared/domain/ids';
import { documentWriteChecks } from '../../shared/documents/documentWriteRules';
import { noControls, type WriteCheck, type WriteVerdict } from '../../shared/documents/writeRule';
import { permissionsFor, type Actor as SharedActor } from '../../shared/domain/permissions';
import { canonicalJson, type JsonValue } from '../../shared/encoding/canonicalJson';
import {
  syncedDocumentSchemas,
  type PullAnswer,
  type PushAnswer,
  type PushConflict,
  type PushRow,
  type SyncedCollection,
  type WireDocument,
} from '../../shared/sync/syncWire';
import { listTeacherAssignments } from '../db/classesRepo';
import {
  advanceSyncHead,
  getSyncedDocuments,
  lockSyncHead,
  pullSyncedDocuments,
  putSyncedDocuments,
  type StoredSyncedDocument,
} from '../db/syncedDocumentsRepo';
import { serverStrings } from '../strings';
import type { Actor } from './actor';
import { failures } from './apiFailure';
import type { ServiceContext } from './context';
import { requireSchoolMember } from './permissions';
import { judgeAuditEvents, wireOfAuditEvent } from './auditService';
import { auditHeadsOf, pullAuditEvents, type AuditHead } from '../db/auditEventsRepo';

/** GET …/sync/:collection/pull: what the school stored after the checkpoint, oldest first. */
export async function pullDocuments(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  collection: SyncedCollection,
  query: { readonly after: number; readonly limit: number },
): Promise<PullAnswer> {
  requireSchoolMember(actor, schoolId);
  if (collection === 'auditEvents') {
    const events = await pullAuditEvents(ctx.db, schoolId, query.after, query.limit);
    return {
      documents: events.map(wireOfAuditEvent),
      checkpoint: { seq: events.at(-1)?.syncSeq ?? query.after },
    };
  }
  const stored = await pullSyncedDocuments(ctx.db, schoolId, collection, query.after, query.limit);
  return {
    documents: stored.map(wireOf),
    checkpoint: { seq: stored.at(-1)?.seq ?? query.after },
  };
}

function wireOf(stored: StoredSyncedDocument): WireDocument {
  return { ...stored.body, id: stored.docId, _deleted: stored.deleted };
}

const sameDocument = (a: WireDocument, b: WireDocument): boolean =>
  canonicalJson(a as JsonValue) === canonicalJson(b as JsonValue);

/**
 * The document without RxDB's `_deleted`, as it was pushed (what the desktop holds, so the states
 * compare equal later), when the collection's current schema accepts it.
 */
function bodyOf(collection: SyncedCollection, document: WireDocument): Record<string, unknown> | null {
  const { _deleted: _ignored, ...body } = document;
  return syncedDocumentSchemas[collection].safeParse(body).success ? body : null;
}

/**
 * POST …/sync/:collection/push (audit events: auditService.ts). Every row is checked as the
 * desktop checks it: the document's schema, its school, then the server's state against the one
 * the desktop started from, then the shared write rule for this writer with the assignments the
 * server holds. A row not taken comes
 * back with the server's state and the reason; the rows taken are stored in one transaction under
 * new sequence numbers. A row repeated after a lost answer (its new state is already the
 * server's) is taken without a second write and without a false conflict.
 */
export async function pushDocuments(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
  collection: SyncedCollection,
  rows: readonly PushRow[],
): Promise<PushAnswer> {
  requireSchoolMember(actor, schoolId);
  const role = actor.role;
  if (role === 'provinceAdmin') throw failures.forbidden();
  const writerActor: SharedActor = { userId: actor.userId, role: staffRoleOfAccount(role) };
  if (rows.length === 0) return { conflicts: [] };
  const check = documentWriteChecks[collection] as WriteCheck<Record<string, unknown>>;
  return ctx.db.transaction(async (tx) => {
    const head = await lockSyncHead(tx, schoolId);
    const assignments = (await listTeacherAssignments(tx, schoolId, actor.userId)).map(assignmentWithId);
    const writer = { actor: writerActor, permissions: permissionsFor(writerActor, assignments) };
    if (collection === 'auditEvents') {
      let next = head;
      const conflicts = await judgeAuditEvents(tx, schoolId, writer, rows, () => (next += 1), ctx.clock());
      if (next > head) await advanceSyncHead(tx, schoolId, next);
      return { conflicts };
    }
    const masters = await getSyncedDocuments(tx, schoolId, collection, [
      ...new Set(rows.map((row) => row.newDocumentState.id)),
    ]);
    const current = new Map([...masters].map(([id, stored]) => [id, wireOf(stored)]));
    const conflicts: PushConflict[] = [];
    const accepted = new Map<string, StoredSyncedDocument>();
    let seq = head;
    for (const row of rows) {
      const incoming = row.newDocumentState;
      const master = current.get(incoming.id) ?? null;
      const refuse = (code: PushConflict['code'], reason: string) =>
        conflicts.push({ id: incoming.id, master, code, reason });
      const body = bodyOf(collection, incoming);
      if (body === null) {
        refuse('invalid', serverStrings.syncInvalidDocument);
        continue;
      }
      if (body.schoolId !== schoolId) {
        refuse('otherSchool', serverStrings.otherSchool);
        continue;
      }
      if (master !== null && sameDocument(master, incoming)) continue; // a retry: already stored
      const assumed = row.assumedMasterState;
      // A desktop whose document the server refused when it had none holds it as deleted: it
      // starts from nothing, as the server does.
      const startedFromMaster =
        master === null
          ? assumed === null || assumed._deleted
          : assumed !== null && sameDocument(assumed, master);
      if (!startedFromMaster) {
        refuse('conflict', serverStrings.syncConflict);
        continue;
      }
      const before = master === null || master._deleted ? null : bodyOf(collection, master);
      const verdict: WriteVerdict = check(writer, noControls, before, incoming._deleted ? null : body);
      if (!verdict.ok) {
        refuse('refused', verdict.reason);
        continue;
      }
      seq += 1;
      const stored = { docId: incoming.id, seq, deleted: incoming._deleted, body };
      accepted.set(incoming.id, stored);
      current.set(incoming.id, wireOf(stored));
    }
    if (accepted.size > 0) {
      await putSyncedDocuments(tx, schoolId, collection, [...accepted.values()], actor.userId, ctx.clock());
      await advanceSyncHead(tx, schoolId, seq);
    }
    return { conflicts };
  });
}

/**
 * GET …/audit/heads: where each device's chain ends on the server, for a desktop's integrity check
 * to compare with its own head.
 */
export async function auditHeads(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: SchoolId,
): Promise<AuditHead[]> {
  requireSchoolMember(actor, schoolId);
  return auditHeadsOf(ctx.db, schoolId);
}
