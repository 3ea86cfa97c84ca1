import type { z } from 'zod';

/**
 * A value kept as JSON in the page's storage, checked against `schema` on the way in: anything
 * missing, unreadable or not of that shape reads as undefined.
 */
export function readStoredJson<S extends z.ZodType>(
  storage: Storage,
  key: string,
  schema: S,
): z.output<S> | undefined {
  const raw = storage.getItem(key);
  if (raw === null) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
