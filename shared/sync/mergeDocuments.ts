import { canonicalJson, type JsonValue } from '../encoding/canonicalJson';

/** A document's state as replication carries it: its fields and `_deleted`. */
export type DocumentState = { readonly id: string; readonly _deleted: boolean } & Readonly<
  Record<string, unknown>
>;

/** Fields that say who wrote last: they follow the values, never decide a conflict. */
const writerFields: ReadonlySet<string> = new Set(['updatedAt', 'updatedBy', 'rev']);

export type MergeOutcome = {
  /** The state the desktop keeps (and pushes again when it differs from the server's). */
  readonly document: DocumentState;
  /** Field paths ("CK1.comment") both sides changed, each to something else: the server's value stays. */
  readonly serverKept: readonly string[];
  /** Field paths only this desktop changed: its values are kept on top of the server's state. */
  readonly mineKept: readonly string[];
};

const same = (a: unknown, b: unknown): boolean =>
  canonicalJson((a ?? null) as JsonValue) === canonicalJson((b ?? null) as JsonValue);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Three-way merge of a document two writers changed (architecture.md "Sync", issue 12 point 3):
 * starting from the server's state, each field this desktop changed since the state it started
 * from (`assumed`) is taken where the server's did not change; where both changed it (to
 * different values) the server's value stays. Objects (a period's level, score and comment) merge
 * field by field; arrays and values are whole. A deletion on either side is not merged: the
 * server's state stays. Pure, deterministic, and the same on every desktop.
 */
export function mergeDocumentStates(input: {
  readonly assumed: DocumentState | undefined;
  readonly master: DocumentState;
  readonly mine: DocumentState;
}): MergeOutcome {
  const { assumed, master, mine } = input;
  const serverKept: string[] = [];
  const mineKept: string[] = [];
  if (master._deleted || mine._deleted) {
    if (!same(master, mine)) serverKept.push('_deleted');
    return { document: master, serverKept, mineKept };
  }
  const merge = (
    base: Readonly<Record<string, unknown>> | undefined,
    server: Readonly<Record<string, unknown>>,
    own: Readonly<Record<string, unknown>>,
    path: string,
    top: boolean,
  ): Record<string, unknown> => {
    const merged: Record<string, unknown> = { ...server };
    const keys = new Set([...Object.keys(server), ...Object.keys(own)]);
    for (const key of [...keys].sort()) {
      if (top && (writerFields.has(key) || key === 'id' || key === '_deleted')) continue;
      const before = base?.[key];
      const theirs = server[key];
      const ours = own[key];
      const at = path === '' ? key : `${path}.${key}`;
      if (same(ours, theirs) || same(ours, before)) continue; // nothing of ours to bring
      if (same(theirs, before)) {
        merged[key] = ours;
        mineKept.push(at);
        continue;
      }
      if (isRecord(theirs) && isRecord(ours)) {
        merged[key] = merge(isRecord(before) ? before : undefined, theirs, ours, at, false);
        continue;
      }
      serverKept.push(at);
    }
    return merged;
  };
  const merged = merge(assumed, master, mine, '', true);
  if (mineKept.length === 0) return { document: master, serverKept, mineKept };
  // What this desktop brings is its writer's: the merged state is theirs to push.
  for (const field of writerFields) if (field in mine) merged[field] = mine[field];
  return { document: { ...merged, id: master.id, _deleted: false }, serverKept, mineKept };
}

/**
 * Whether the server's answer refused the change itself rather than met another writer's: the
 * server holds what the desktop started from (or, for a new document, nothing), so there is
 * nothing of another writer's to merge with, and the server's state is taken as it is.
 */
export function isRefusalOfOwnChange(assumed: DocumentState | undefined, master: DocumentState): boolean {
  if (assumed === undefined) return master._deleted;
  return same(assumed, master) || (assumed._deleted && master._deleted);
}
