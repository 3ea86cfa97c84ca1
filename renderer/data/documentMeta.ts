/**
 * Fields every synced document carries (architecture.md): its school and year for scoping,
 * who changed it last and when, and the revision the province server checks.
 */
export type DocumentMeta = {
  readonly schoolId: string;
  /** `2025-2026`. */
  readonly schoolYear: string;
  /** ISO-8601 UTC instant. */
  readonly updatedAt: string;
  /** The user id of the last writer. */
  readonly updatedBy: string;
  /** Server-checked revision; 0 until the server has seen the document. Not RxDB's internal `_rev`. */
  readonly rev: number;
};

export const documentMetaProperties = {
  schoolId: { type: 'string', maxLength: 40 },
  schoolYear: { type: 'string', maxLength: 9, pattern: '^\\d{4}-\\d{4}$' },
  updatedAt: { type: 'string', maxLength: 30, format: 'date-time' },
  updatedBy: { type: 'string', maxLength: 80 },
  rev: { type: 'integer', minimum: 0, maximum: 1_000_000_000, multipleOf: 1 },
} as const;

export const documentMetaRequired = ['schoolId', 'schoolYear', 'updatedAt', 'updatedBy', 'rev'] as const;

export function metaFor(schoolId: string, schoolYear: string, actor: string, now: Date): DocumentMeta {
  return { schoolId, schoolYear, updatedAt: now.toISOString(), updatedBy: actor, rev: 0 };
}
