/** A JSON value (what canonical JSON accepts). */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };

/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, `undefined` members left out,
 * non-finite numbers refused. The same value always gives the same text, so its hash can be
 * signed, chained and compared on any machine.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new RangeError('canonical JSON has no representation for a non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${(value as readonly JsonValue[]).map((item) => canonicalJson(item)).join(',')}]`;
  const record = value as Readonly<Record<string, JsonValue | undefined>>;
  const members = Object.keys(record)
    .sort()
    .flatMap((key) => {
      const member = record[key];
      return member === undefined ? [] : [`${JSON.stringify(key)}:${canonicalJson(member)}`];
    });
  return `{${members.join(',')}}`;
}
