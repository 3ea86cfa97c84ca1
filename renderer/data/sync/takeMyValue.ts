import { periodCodes, type PeriodCode } from '../../../shared/domain/evaluation/catalogueSchema';
import { characterResultDocumentSchema } from '../../../shared/documents/characterResults/characterResults';
import { subjectResultDocumentSchema } from '../../../shared/documents/subjectResults/subjectResults';
import type { HocbaDatabase } from '../database';
import {
  writeSubjectCells,
  writeTraitCells,
  type StudentPlace,
  type SubjectCellValue,
  type SubjectCellWrite,
  type TraitCellValue,
  type TraitCellWrite,
} from '../writes/resultWrites';
import { WriteRefused, type WriteContext } from '../writes/writeContext';
import { resolveConflict, type ConflictLogEntry } from './conflictLog';
import { syncStrings } from './syncStrings';

/**
 * "Dùng giá trị của tôi" (issue 12, point 3): where two desktops changed the same field and the
 * server's value stayed, the teacher may take their own value back. This turns a conflict log
 * entry into the grade book's own writes (levels, scores, comments, qualities and competencies),
 * so it is checked by the same rules, audited like any entry and synced as a new change; the
 * server then judges it against its current state.
 */
export type MyValueWrites =
  | { readonly kind: 'subject'; readonly cells: readonly SubjectCellWrite[] }
  | { readonly kind: 'trait'; readonly cells: readonly TraitCellWrite[] };

const subjectFields = ['level', 'score', 'retestScore', 'comment'] as const;
type SubjectField = (typeof subjectFields)[number];
const isPeriod = (value: string | undefined): value is PeriodCode =>
  (periodCodes as readonly string[]).includes(value ?? '');
const isSubjectField = (value: string | undefined): value is SubjectField =>
  (subjectFields as readonly string[]).includes(value ?? '');

/** Whether an entry offers the choice: a conflict of results where the server's value stayed. */
export function offersMyValue(entry: ConflictLogEntry): boolean {
  return (
    entry.code === 'conflict' &&
    entry.resolved === undefined &&
    entry.serverKept.length > 0 &&
    (entry.collection === 'subjectResults' || entry.collection === 'characterResults')
  );
}

function subjectCell(
  place: StudentPlace,
  rowKey: string,
  period: PeriodCode,
  value: SubjectCellValue,
): SubjectCellWrite {
  return { place, rowKey, period, ...value };
}

/**
 * The writes that put this desktop's values back where the server's stayed. `placeOf` finds the
 * student's class, grade and electives as this desktop knows them now; undefined when the student
 * is not in a class here any more (nothing to write).
 */
export function myValueWrites(
  entry: ConflictLogEntry,
  placeOf: (studentId: string, classId: string) => StudentPlace | undefined,
): MyValueWrites | undefined {
  if (!offersMyValue(entry)) return undefined;
  // The version as it was pushed carries replication's own fields (`_deleted`): not the document's.
  const fields = Object.fromEntries(Object.entries(entry.mine).filter(([key]) => !key.startsWith('_')));
  if (entry.collection === 'subjectResults') {
    const mine = subjectResultDocumentSchema.safeParse(fields);
    if (!mine.success) return undefined;
    const doc = mine.data;
    const place = placeOf(doc.studentId, doc.classId);
    if (place === undefined) return undefined;
    const cells: SubjectCellWrite[] = [];
    for (const path of entry.serverKept) {
      const [period, field] = path.split('.');
      if (!isPeriod(period)) continue;
      const value = doc[period];
      const fields = field === undefined ? subjectFields : isSubjectField(field) ? [field] : [];
      for (const name of fields) {
        const cellValue: SubjectCellValue =
          name === 'level'
            ? { field: 'level', value: value?.level ?? null }
            : name === 'comment'
              ? { field: 'comment', value: value?.comment ?? '' }
              : { field: name, value: value?.[name] ?? null };
        cells.push(subjectCell(place, doc.rowKey, period, cellValue));
      }
    }
    return cells.length === 0 ? undefined : { kind: 'subject', cells };
  }
  const mine = characterResultDocumentSchema.safeParse(fields);
  if (!mine.success) return undefined;
  const doc = mine.data;
  const place = placeOf(doc.studentId, doc.classId);
  if (place === undefined) return undefined;
  const cells: TraitCellWrite[] = [];
  for (const path of entry.serverKept) {
    const [period, trait, field] = path.split('.');
    if (!isPeriod(period)) continue;
    const traits = trait === undefined ? Object.keys(doc[period]) : [trait];
    for (const code of traits) {
      const value = doc[period][code];
      const values: TraitCellValue[] = [];
      if (field === undefined || field === 'level')
        values.push({ field: 'level', value: value?.level ?? null });
      if (field === undefined || field === 'comment')
        values.push({ field: 'comment', value: value?.comment ?? '' });
      for (const traitValue of values) cells.push({ place, trait: code, period, ...traitValue });
    }
  }
  return cells.length === 0 ? undefined : { kind: 'trait', cells };
}

/**
 * The teacher's choice on an entry: `mine` writes their values back (through the grade book's
 * checked, audited writes; WriteRefused when the rules no longer allow it), `server` keeps the
 * server's; either way the entry records the choice.
 */
export async function chooseInConflict(
  database: HocbaDatabase,
  context: WriteContext,
  entry: ConflictLogEntry,
  choice: 'mine' | 'server',
  placeOf: (studentId: string, classId: string) => StudentPlace | undefined,
  now: Date,
): Promise<void> {
  if (choice === 'mine') {
    const writes = myValueWrites(entry, placeOf);
    if (writes === undefined) throw new WriteRefused(syncStrings.cannotTakeMine);
    if (writes.kind === 'subject') await writeSubjectCells(database, context, writes.cells);
    else await writeTraitCells(database, context, writes.cells);
  }
  await resolveConflict(database, entry.key, choice, now);
}
