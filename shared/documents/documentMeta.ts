import { z } from 'zod';
import { text, type StoredDocument } from './fields';

/**
 * Fields every synced document carries (architecture.md): its school and year for scoping, who
 * changed it last and when (`updatedAt`: ISO-8601 UTC; `updatedBy`: the user id of the last
 * writer), and the revision the province server checks (`rev`: 0 until the server has seen the
 * document; not RxDB's internal `_rev`). Shared by every released version: changing it changes
 * them all, so it never changes.
 */
export const documentMetaShape = {
  schoolId: text(40),
  schoolYear: text(9).regex(/^\d{4}-\d{4}$/),
  updatedAt: z.iso.datetime({ offset: true }).max(30),
  updatedBy: text(80),
  rev: z.int().min(0).max(1_000_000_000).multipleOf(1),
} as const;

export const documentMetaSchema = z.strictObject(documentMetaShape);
export type DocumentMeta = StoredDocument<typeof documentMetaSchema>;

export function metaFor(schoolId: string, schoolYear: string, actor: string, now: Date): DocumentMeta {
  return { schoolId, schoolYear, updatedAt: now.toISOString(), updatedBy: actor, rev: 0 };
}
