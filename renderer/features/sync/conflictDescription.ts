import type { ConflictLogEntry } from '../../data/sync/conflictLog';
import { syncScreenStrings as text } from './syncScreenStrings';

/** A field path ("CK1.comment") in words: "cuối học kì I, nhận xét". */
export function fieldPathInWords(path: string): string {
  return path
    .split('.')
    .map((part) => text.fieldNames[part] ?? part)
    .join(', ');
}

/** A value as a teacher reads it: text as is, an absent or empty value as "(trống)". */
export function valueInWords(value: unknown): string {
  if (value === null || value === undefined || value === '') return text.nothing;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== null && inner !== '')
      .map(([key, inner]) => `${text.fieldNames[key] ?? key}: ${valueInWords(inner)}`)
      .join('; ');
  return text.nothing;
}

const at = (document: Readonly<Record<string, unknown>> | null, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => {
    if (typeof value !== 'object' || value === null) return undefined;
    return (value as Record<string, unknown>)[key];
  }, document);

export type ConflictLine = { readonly field: string; readonly yours: string; readonly onServer: string };

/**
 * What the log tells about one entry: the sentence ("Giá trị của bạn … đã được thay bằng giá trị
 * trên máy chủ vì …"), and, field by field, the desktop's value beside the server's.
 */
export function describeConflict(entry: ConflictLogEntry): {
  readonly sentence: string;
  readonly kept: string | undefined;
  readonly lines: readonly ConflictLine[];
} {
  const kept =
    entry.mineKept.length === 0 ? undefined : text.kept(entry.mineKept.map(fieldPathInWords).join('; '));
  if (entry.master === null)
    return {
      sentence: text.removed(entry.reason),
      kept,
      lines: changedFields(entry.mine).map((field) => ({
        field: fieldPathInWords(field),
        yours: valueInWords(at(entry.mine, field)),
        onServer: text.nothing,
      })),
    };
  const fields = entry.serverKept.length > 0 ? entry.serverKept : differingFields(entry.mine, entry.master);
  return {
    sentence: text.replaced(fields.map(fieldPathInWords).join('; '), entry.reason),
    kept,
    lines: fields.map((field) => ({
      field: fieldPathInWords(field),
      yours: valueInWords(at(entry.mine, field)),
      onServer: valueInWords(at(entry.master, field)),
    })),
  };
}

/** Fields that carry the document's content (not its id, school, year or who wrote it last). */
const metaFields = new Set([
  'id',
  '_deleted',
  'schoolId',
  'schoolYear',
  'updatedAt',
  'updatedBy',
  'rev',
  'studentId',
  'classId',
  'subject',
  'part',
  'rowKey',
]);

function changedFields(document: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(document).filter(
    (key) => !metaFields.has(key) && document[key] !== null && document[key] !== '',
  );
}

function differingFields(
  mine: Readonly<Record<string, unknown>>,
  master: Readonly<Record<string, unknown>>,
): string[] {
  return [...new Set([...Object.keys(mine), ...Object.keys(master)])].filter(
    (key) =>
      !metaFields.has(key) && JSON.stringify(mine[key] ?? null) !== JSON.stringify(master[key] ?? null),
  );
}
