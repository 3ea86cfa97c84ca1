import { verifyAuditChain, type AuditEvent, type ChainProblem } from '../../shared/audit/auditChain';
import type { JsonValue as Json } from '../../shared/encoding/canonicalJson';

type JsonObject = Exclude<Json, null | boolean | number | string | readonly Json[]>;

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `value` with the dotted `path` set to `leaf` (objects along the way made as needed). */
function withPath(value: Json | undefined, path: readonly string[], leaf: Json): Json {
  const [head, ...rest] = path;
  if (head === undefined) return leaf;
  const object = isObject(value) ? value : {};
  return { ...object, [head]: withPath(object[head], rest, leaf) };
}

/**
 * A document as its audit events tell it: every event on `collectionName`/`docId`, in chain
 * order, applied from nothing (`*` is the whole document, a dotted field one leaf). What the
 * history says the document holds, to set beside what the database holds.
 */
export function auditedDocument(
  events: readonly AuditEvent[],
  collectionName: string,
  docId: string,
): Json | undefined {
  let document: Json | undefined;
  const ordered = events
    .filter((event) => event.collectionName === collectionName && event.docId === docId)
    .sort((a, b) => a.deviceId.localeCompare(b.deviceId) || a.seq - b.seq);
  for (const event of ordered) {
    const next = JSON.parse(event.new) as Json;
    document = event.field === '*' ? next : withPath(document, event.field.split('.'), next);
  }
  return document;
}

/** A leaf of a document by dotted path, or undefined. */
export function valueAt(document: unknown, path: string): unknown {
  let value: unknown = document;
  for (const key of path.split('.'))
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** Every device's chain among `events`, checked link by link (`verifyAuditChain`). */
export function chainProblems(events: readonly AuditEvent[]): ChainProblem[] {
  const byDevice = new Map<string, AuditEvent[]>();
  for (const event of events) byDevice.set(event.deviceId, [...(byDevice.get(event.deviceId) ?? []), event]);
  return [...byDevice].flatMap(([deviceId, chain]) =>
    verifyAuditChain(
      deviceId,
      chain.sort((a, b) => a.seq - b.seq),
    ),
  );
}
