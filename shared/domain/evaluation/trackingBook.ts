import type { StudentId } from '../ids';
import { periodCodes } from './catalogueSchema';
import type { CompiledCatalogue, EvaluatedRow, EvaluatedTrait, GradePlan } from './compiledCatalogue';
import { indexSubjectPeriod, rowApplies, takenElectives } from './resolveEntries';
import type { StudentYearInput } from './studentYearInput';
import type { TrackingBookCell, TrackingBookColumn, TrackingBookSection } from './trackingBookExport';
import { trackingBookStrings as s } from './trackingBookStrings';

export type TrackingBookStudent = {
  readonly id: StudentId;
  readonly fullName: string;
  readonly year: StudentYearInput;
};

/** Which tables a person gets: the subject rows by key, and whether the qualities and competencies. */
export type TrackingBookScope = { readonly rowKeys: readonly string[]; readonly traits: boolean };

const identityColumns: readonly TrackingBookColumn[] = [
  { key: 'no', group: '', label: s.no, kind: 'no' },
  { key: 'name', group: '', label: s.name, kind: 'name' },
];

/** Keeps only the non-empty comments, each named: "Giữa học kỳ I: Em đọc to, rõ ràng." */
function joinComments(parts: readonly (readonly [string, string | undefined])[]): string {
  return parts
    .filter((part): part is readonly [string, string] => (part[1] ?? '').trim() !== '')
    .map(([name, comment]) => s.commentLine(name, comment.trim()))
    .join('\n');
}

/** A part is named alone ("Tin học", "Âm nhạc"): Excel caps sheet names at 31 characters. */
function sheetNameOf(row: EvaluatedRow): string {
  const part = row.subject.parts?.find((candidate) => candidate.code === row.partCode);
  return (part?.name ?? row.subject.name).slice(0, 31);
}

/**
 * A subject row's table: per period its level (TT27 Điều 6, Điều 7) and, where the grade has a
 * periodic test that period, its score — the retest's when there was one, as the học bạ shows
 * (Điều 7 khoản 1 điểm d) — then the period comments. Students who do not take an elective are
 * left out; everyone keeps the number of the class list.
 */
function subjectSection(
  compiled: CompiledCatalogue,
  plan: GradePlan,
  row: EvaluatedRow,
  students: readonly TrackingBookStudent[],
): TrackingBookSection {
  const columns: TrackingBookColumn[] = [...identityColumns];
  for (const period of periodCodes) {
    const group = compiled.periodName(period);
    columns.push({ key: `${period}:level`, group, label: s.level, kind: 'level' });
    if (row.testPeriods.has(period))
      columns.push({ key: `${period}:score`, group, label: s.score, kind: 'score' });
  }
  columns.push({ key: 'comment', group: '', label: s.comment, kind: 'comment' });
  const rows: { cells: TrackingBookCell[] }[] = [];
  students.forEach((student, index) => {
    const electives = takenElectives(student.year);
    if (!rowApplies(row, electives)) return;
    const cells: TrackingBookCell[] = [index + 1, student.fullName.normalize('NFC')];
    const comments: (readonly [string, string | undefined])[] = [];
    for (const period of periodCodes) {
      const entry = indexSubjectPeriod(compiled, plan, student.year, period, electives).entries.get(row.key);
      cells.push(entry?.level ?? null);
      if (row.testPeriods.has(period)) cells.push(entry?.retestScore ?? entry?.score ?? null);
      comments.push([compiled.periodName(period), entry?.comment]);
    }
    cells.push(joinComments(comments));
    rows.push({ cells });
  });
  return {
    key: row.key,
    sheet: sheetNameOf(row),
    title: s.subjectTitle(row.label, row.subject.kind === 'activity'),
    legend: row.testPeriods.size > 0 ? s.scoredSubjectLegend : s.subjectLegend,
    columns,
    rows,
  };
}

const traitGroup = (trait: EvaluatedTrait): string =>
  trait.kind === 'quality'
    ? s.qualities
    : trait.competencyKind === 'general'
      ? s.generalCompetencies
      : s.specificCompetencies;

type TraitValue = { readonly level: string | null; readonly comment: string | undefined };

function traitValues(student: TrackingBookStudent, period: string): Map<string, TraitValue> {
  const values = new Map<string, TraitValue>();
  for (const entry of student.year.competencies)
    if (entry.period === period && !values.has(entry.competency))
      values.set(entry.competency, { level: entry.level ?? null, comment: entry.comment });
  for (const entry of student.year.qualities)
    if (entry.period === period && !values.has(entry.quality))
      values.set(entry.quality, { level: entry.level ?? null, comment: entry.comment });
  return values;
}

/**
 * One period's qualities and competencies table (TT27 Điều 6 khoản 2, Điều 7 khoản 2): the 3 + 7
 * competencies and the 5 qualities in the summary table's order, then the trait comments.
 */
function traitSection(
  compiled: CompiledCatalogue,
  plan: GradePlan,
  period: (typeof periodCodes)[number],
  students: readonly TrackingBookStudent[],
): TrackingBookSection {
  const traits = [...plan.competencies, ...plan.qualities];
  const columns: TrackingBookColumn[] = [
    ...identityColumns,
    ...traits.map((trait) => ({
      key: `trait:${trait.code}`,
      group: traitGroup(trait),
      label: trait.name,
      kind: 'level' as const,
    })),
    { key: 'comment', group: '', label: s.comment, kind: 'comment' },
  ];
  const rows = students.map((student, index) => {
    const values = traitValues(student, period);
    const cells: TrackingBookCell[] = [index + 1, student.fullName.normalize('NFC')];
    for (const trait of traits) cells.push(values.get(trait.code)?.level ?? null);
    cells.push(joinComments(traits.map((trait) => [trait.name, values.get(trait.code)?.comment])));
    return { cells };
  });
  return {
    key: `traits:${period}`,
    sheet: s.traitsSheet,
    title: s.traitsTitle(compiled.periodName(period)),
    legend: s.traitLegend,
    columns,
    rows,
  };
}

/**
 * The Sổ theo dõi chất lượng giáo dục of a class (TT27 Điều 9 khoản 1 keeps the results the
 * teacher records through the year): one table per subject row in the scope, in the catalogue's
 * order, then one table of qualities and competencies per period when the scope has them.
 */
export function buildTrackingBook(
  compiled: CompiledCatalogue,
  grade: number,
  students: readonly TrackingBookStudent[],
  scope: TrackingBookScope,
): TrackingBookSection[] {
  const plan = compiled.plan(grade);
  const wanted = new Set(scope.rowKeys);
  const sections: TrackingBookSection[] = [];
  for (const row of plan.rows) {
    if (!wanted.has(row.key)) continue;
    const section = subjectSection(compiled, plan, row, students);
    // An elective nobody in the class takes has no table; a compulsory subject always has one.
    if (row.status === 'compulsory' || section.rows.length > 0) sections.push(section);
  }
  if (scope.traits)
    for (const period of periodCodes) sections.push(traitSection(compiled, plan, period, students));
  return sections;
}
