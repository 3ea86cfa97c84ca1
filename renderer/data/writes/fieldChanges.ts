import { canonicalJson, type JsonValue } from '../../../shared/encoding/canonicalJson';

/** One field that changed, by dotted path (`CN.score`, `staff`), with its old and new values. */
export type FieldChange = { readonly field: string; readonly old: JsonValue; readonly new: JsonValue };

/** Bookkeeping fields that change with every write and are not themselves the change. */
const metaFields = new Set(['updatedAt', 'updatedBy', 'rev', '_rev', '_meta', '_attachments', '_deleted']);

function isEmpty(value: JsonValue): boolean {
  return value === null || value === '';
}

function isPlainObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The leaf-level differences between two versions of a document. Nested objects are walked
 * (`CN.score`); arrays compare as whole values (a staff list, an award list).
 */
export function fieldChanges(
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  path = '',
): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => {
      if (path === '' && metaFields.has(key)) return [];
      return fieldChanges(before[key], after[key], path ? `${path}.${key}` : key);
    });
  }
  const old = before ?? null;
  const next = after ?? null;
  if (isPlainObject(old) && next === null) return fieldChanges(old, {}, path);
  if (old === null && isPlainObject(next)) return fieldChanges({}, next, path);
  // An absent value, null and an empty text all mean "nothing entered".
  if (isEmpty(old) && isEmpty(next)) return [];
  return canonicalJson(old) === canonicalJson(next) ? [] : [{ field: path, old, new: next }];
}
