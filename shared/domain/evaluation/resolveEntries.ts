import type { PeriodCode } from './catalogueSchema';
import {
  subjectPhrase,
  type CompiledCatalogue,
  type EvaluatedRow,
  type GradePlan,
} from './compiledCatalogue';
import { evaluationStrings as strings } from './evaluationStrings';
import type { StudentYearInput, SubjectEntry } from './studentYearInput';

/** Why a subject entry belongs to no row of the student's grade. */
export type RowProblem = { readonly field: 'subject' | 'part'; readonly message: string };

/** Where a subject entry belongs (its row), or why it belongs nowhere. */
export type RowResolution = EvaluatedRow | RowProblem;

export function isRowProblem(resolution: RowResolution): resolution is RowProblem {
  return 'message' in resolution;
}

/** The electives a student takes, as catalogue rows' subject codes. */
export function takenElectives(input: Pick<StudentYearInput, 'electives'>): ReadonlySet<string> {
  return new Set(input.electives);
}

export function resolveRow(
  compiled: CompiledCatalogue,
  plan: GradePlan,
  entry: Pick<SubjectEntry, 'subject' | 'part'>,
  electives: ReadonlySet<string>,
): RowResolution {
  const subject = compiled.subjectsByCode.get(entry.subject);
  if (!subject) return { field: 'subject', message: strings.unknownSubject(entry.subject) };
  const parts = subject.parts;
  if (parts && entry.part === undefined) {
    return {
      field: 'part',
      message: strings.partRequired(subject.name, parts.map((part) => part.name).join(', ')),
    };
  }
  if (!parts && entry.part !== undefined)
    return { field: 'part', message: strings.partNotAllowed(subject.name) };
  if (parts && !parts.some((part) => part.code === entry.part)) {
    return { field: 'part', message: strings.unknownPart(subject.name, entry.part ?? '') };
  }
  const row = plan.rowsBySubject.get(entry.subject)?.get(entry.part ?? '');
  if (!row)
    return {
      field: 'subject',
      message: strings.subjectNotInGrade(plan.grade, subjectPhrase(subject.kind, subject.name)),
    };
  if (row.status === 'elective' && !electives.has(row.subject.code)) {
    return { field: 'subject', message: strings.electiveNotTaken(subject.name) };
  }
  return row;
}

/** Whether a row counts for this student: compulsory, or an elective the student takes. */
export function rowApplies(row: EvaluatedRow, electives: ReadonlySet<string>): boolean {
  return row.status === 'compulsory' || electives.has(row.subject.code);
}

/**
 * A test may be taken again only when the end-of-term result is out of line with the teacher's
 * ongoing evaluation: the tests at the end of term I and of the year (TT27 Điều 7 khoản 1 điểm d).
 */
export function allowsRetest(period: string): boolean {
  return period === 'CK1' || period === 'CN';
}

export function isValidScore(compiled: CompiledCatalogue, value: number): boolean {
  const { minimum, maximum } = compiled.catalogue.score;
  return Number.isInteger(value) && value >= minimum && value <= maximum;
}

export type PeriodIndex<T> = {
  readonly entries: ReadonlyMap<string, T>;
  /** Keys entered more than once for this period. */
  readonly duplicates: ReadonlySet<string>;
};

/** Indexes one period's subject entries by row key (entries that belong nowhere are skipped). */
export function indexSubjectPeriod(
  compiled: CompiledCatalogue,
  plan: GradePlan,
  input: StudentYearInput,
  period: PeriodCode,
  electives: ReadonlySet<string>,
): PeriodIndex<SubjectEntry> {
  const entries = new Map<string, SubjectEntry>();
  const duplicates = new Set<string>();
  for (const entry of input.subjects) {
    if (entry.period !== period) continue;
    const row = resolveRow(compiled, plan, entry, electives);
    if (isRowProblem(row)) continue;
    if (entries.has(row.key)) duplicates.add(row.key);
    else entries.set(row.key, entry);
  }
  return { entries, duplicates };
}

export type TraitEntryLike = {
  readonly period: PeriodCode;
  readonly level?: 'T' | 'Đ' | 'C' | null | undefined;
};

/** Indexes one period's quality and competency entries by trait code (unknown codes are skipped). */
export function indexTraitPeriod(
  plan: GradePlan,
  input: StudentYearInput,
  period: PeriodCode,
): PeriodIndex<TraitEntryLike> {
  const entries = new Map<string, TraitEntryLike>();
  const duplicates = new Set<string>();
  for (const entry of input.qualities) {
    if (entry.period !== period || plan.traitsByCode.get(entry.quality)?.kind !== 'quality') continue;
    if (entries.has(entry.quality)) duplicates.add(entry.quality);
    else entries.set(entry.quality, entry);
  }
  for (const entry of input.competencies) {
    if (entry.period !== period || plan.traitsByCode.get(entry.competency)?.kind !== 'competency') continue;
    if (entries.has(entry.competency)) duplicates.add(entry.competency);
    else entries.set(entry.competency, entry);
  }
  return { entries, duplicates };
}
