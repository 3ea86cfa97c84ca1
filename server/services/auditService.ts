import { genesisHash, hashAuditEvent } from '../../shared/audit/auditChain';
import { auditEventDocumentSchema, type AuditEventDoc } from '../../shared/documents/auditEvents/auditEvents';
import { checkAuditEventWrite } from '../../shared/documents/auditEvents/auditEventsWriteRule';
import { noControls, type Writer } from '../../shared/documents/writeRule';
import type { SchoolId } from '../../shared/domain/ids';
import type { PushConflict, PushRow, WireDocument } from '../../shared/sync/syncWire';
import {
  appendAuditEvents,
  auditEventsAt,
  auditHeadsOf,
  type AuditHead,
  type StoredAuditEvent,
} from '../db/auditEventsRepo';
import type { Queryable } from '../db/database';
import { serverStrings } from '../strings';

export function wireOfAuditEvent(stored: StoredAuditEvent): WireDocument {
  return { ...stored.body, id: String(stored.body.id), _deleted: false };
}

type Candidate = { readonly row: PushRow; readonly event: AuditEventDoc };

/**
 * Audit events pushed to the server, judged as a chain per device: an event is taken only where
 * it continues the chain the server holds (the next number, pointing at the head's hash, its own
 * hash right) and names the writer; a gap, a rewrite or a broken link is refused with the reason,
 * and so is every later event of that device in the push, which cannot link any more. An event the
 * server holds already, unchanged, is a retry: taken, not stored twice. Runs inside the push's
 * transaction, under the school's sync head (`nextSyncSeq` gives the numbers pulls go by).
 */
export async function judgeAuditEvents(
  tx: Queryable,
  schoolId: SchoolId,
  writer: Writer,
  rows: readonly PushRow[],
  nextSyncSeq: () => number,
  now: Date,
): Promise<PushConflict[]> {
  const conflicts: PushConflict[] = [];
  const candidates: Candidate[] = [];
  for (const row of rows) {
    const { _deleted: deleted, ...body } = row.newDocumentState;
    const parsed = auditEventDocumentSchema.safeParse(body);
    const refuse = (code: PushConflict['code'], reason: string) =>
      conflicts.push({ id: row.newDocumentState.id, master: null, code, reason });
    if (!parsed.success) refuse('invalid', serverStrings.syncInvalidDocument);
    else if (deleted) refuse('refused', serverStrings.auditAppendOnly);
    else candidates.push({ row, event: parsed.data });
  }
  const byDevice = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const chain = byDevice.get(candidate.event.deviceId) ?? [];
    chain.push(candidate);
    byDevice.set(candidate.event.deviceId, chain);
  }
  const heads = new Map<string, AuditHead>(
    (await auditHeadsOf(tx, schoolId, [...byDevice.keys()])).map((head) => [head.deviceId, head]),
  );
  const appended: StoredAuditEvent[] = [];
  for (const [deviceId, chain] of byDevice) {
    chain.sort((a, b) => a.event.seq - b.event.seq);
    let head = heads.get(deviceId) ?? { deviceId, seq: 0, hash: genesisHash };
    const held = await auditEventsAt(
      tx,
      schoolId,
      deviceId,
      chain.filter(({ event }) => event.seq <= head.seq).map(({ event }) => event.seq),
    );
    let broken = false;
    for (const { row, event } of chain) {
      const stored = held.get(event.seq);
      const refuse = (reason: string) =>
        conflicts.push({
          id: row.newDocumentState.id,
          master: stored ? wireOfAuditEvent(stored) : null,
          code: 'refused',
          reason,
        });
      if (event.seq <= head.seq && stored !== undefined && !broken) {
        // Held already: the same event is a retry; another one would rewrite history.
        if (stored.hash !== event.hash || hashAuditEvent(event) !== event.hash)
          refuse(serverStrings.auditRewrite(event.seq));
        continue;
      }
      const verdict = checkAuditEventWrite(writer, noControls, null, event);
      if (broken) refuse(serverStrings.auditAfterBreak(event.seq));
      else if (!verdict.ok) refuse(verdict.reason);
      else if (event.seq !== head.seq + 1) refuse(serverStrings.auditGap(head.seq + 1, event.seq));
      else if (event.prevHash !== head.hash) refuse(serverStrings.auditBrokenLink(event.seq));
      else if (hashAuditEvent(event) !== event.hash) refuse(serverStrings.auditBadHash(event.seq));
      else {
        appended.push({
          deviceId,
          seq: event.seq,
          hash: event.hash,
          prevHash: event.prevHash,
          syncSeq: nextSyncSeq(),
          body: { ...event },
        });
        head = { deviceId, seq: event.seq, hash: event.hash };
        continue;
      }
      broken = true;
    }
  }
  await appendAuditEvents(tx, schoolId, appended, now);
  return conflicts;
}
