import { sha256 } from '@noble/hashes/sha2.js';
import { canonicalJson, type JsonValue } from '../encoding/canonicalJson';
import { toHex, utf8Encode } from '../encoding/utf8';

/** The hash a device's first event points back to. */
export const genesisHash = '0'.repeat(64);

/**
 * One change to one field of one document (architecture.md: every write appends an event).
 * Events of a device form a hash chain: each names the hash of the one before, so a removed,
 * reordered or rewritten event breaks the chain for every later one.
 */
export type AuditEventBody = {
  readonly deviceId: string;
  /** Per-device sequence, from 1, without gaps. */
  readonly seq: number;
  readonly prevHash: string;
  /** The user id of who made the change. */
  readonly actor: string;
  /** ISO-8601 UTC instant. */
  readonly at: string;
  readonly collectionName: string;
  readonly docId: string;
  /** Dotted path inside the document: `fullName`, `CN.score`. */
  readonly field: string;
  /** Old and new values as canonical JSON text (`null` when absent). */
  readonly old: string;
  readonly new: string;
  /** For history views: the student and class the document belongs to ('' when none). */
  readonly studentId: string;
  readonly classId: string;
  /** The approved amendment that allowed this change, '' when none was needed. */
  readonly amendmentId: string;
};

export type AuditEvent = AuditEventBody & { readonly hash: string };

/**
 * SHA-256 of the event's canonical JSON. Synchronous (a pure-JS hash): a chain is hashed in order,
 * one event after the other, and a bulk import chains thousands of events.
 */
export function hashAuditEvent(body: AuditEventBody): string {
  // Exactly the body's fields: storage may add its own (an id, a revision) around them.
  const fields: Record<keyof AuditEventBody, JsonValue> = {
    deviceId: body.deviceId,
    seq: body.seq,
    prevHash: body.prevHash,
    actor: body.actor,
    at: body.at,
    collectionName: body.collectionName,
    docId: body.docId,
    field: body.field,
    old: body.old,
    new: body.new,
    studentId: body.studentId,
    classId: body.classId,
    amendmentId: body.amendmentId,
  };
  return toHex(sha256(utf8Encode(canonicalJson(fields))));
}

export function sealAuditEvent(body: AuditEventBody): AuditEvent {
  return { ...body, hash: hashAuditEvent(body) };
}

export type ChainProblem = {
  readonly seq: number;
  readonly kind: 'hash' | 'link' | 'gap' | 'device';
  readonly message: string;
};

/**
 * Checks one device's events, ordered by seq: each hash matches its content, each points to the
 * hash before it, and the sequence runs 1, 2, 3… without gaps.
 */
export function verifyAuditChain(deviceId: string, events: readonly AuditEvent[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let expectedSeq = 1;
  let previous = genesisHash;
  for (const event of events) {
    if (event.deviceId !== deviceId) {
      problems.push({ seq: event.seq, kind: 'device', message: `Sự kiện ${event.seq} thuộc máy khác.` });
      continue;
    }
    if (event.seq !== expectedSeq) {
      problems.push({
        seq: event.seq,
        kind: 'gap',
        message: `Thiếu sự kiện ${expectedSeq}${event.seq > expectedSeq + 1 ? `–${event.seq - 1}` : ''} trong lịch sử.`,
      });
    }
    const { hash } = event;
    if (hashAuditEvent(event) !== hash) {
      problems.push({ seq: event.seq, kind: 'hash', message: `Sự kiện ${event.seq} đã bị sửa sau khi ghi.` });
    }
    if (event.prevHash !== previous) {
      problems.push({
        seq: event.seq,
        kind: 'link',
        message: `Sự kiện ${event.seq} không nối đúng vào sự kiện trước.`,
      });
    }
    previous = hash;
    expectedSeq = event.seq + 1;
  }
  return problems;
}

/** One device's chain among events of several devices, checked on its own. */
export type DeviceChainCheck = {
  readonly deviceId: string;
  readonly events: number;
  readonly problems: readonly ChainProblem[];
};

/**
 * Checks every device's chain in a set of events (a database holds this desktop's chain and any
 * restored or synced from other desktops): grouped by device, each ordered by seq and verified.
 */
export function verifyDeviceChains(events: readonly AuditEvent[]): DeviceChainCheck[] {
  const byDevice = new Map<string, AuditEvent[]>();
  for (const event of events) {
    const chain = byDevice.get(event.deviceId) ?? [];
    chain.push(event);
    byDevice.set(event.deviceId, chain);
  }
  return [...byDevice].map(([deviceId, chain]) => {
    const ordered = [...chain].sort((a, b) => a.seq - b.seq);
    return { deviceId, events: ordered.length, problems: verifyAuditChain(deviceId, ordered) };
  });
}
