import { z } from 'zod';

/** Row-level helpers: every row read from SQL is parsed, as any other boundary. */
export const timestamp = z.union([z.date(), z.string().transform((value) => new Date(value))]);
export const nullableTimestamp = timestamp.nullable();

export function parseRows<T>(schema: z.ZodType<T>, rows: readonly Record<string, unknown>[]): T[] {
  return rows.map((row) => schema.parse(row));
}

/** PostgreSQL's unique_violation, as both pg and PGlite report it. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

/** The shard key under which province-level accounts and sessions live (no school id looks like it). */
export const provinceScope = 'province';
