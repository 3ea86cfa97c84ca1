import { formatDate } from '../dates';
import type { StudentId } from '../ids';
import type { Gender } from '../student';
import type { PeriodCode } from './catalogueSchema';
import type { CompiledCatalogue } from './compiledCatalogue';
import { computeYearResult, confirmableResultOf } from './computeYearResult';
import { indexSubjectPeriod, indexTraitPeriod, rowApplies, takenElectives } from './resolveEntries';
import type { StudentYearInput } from './studentYearInput';
import { evaluationStrings as strings } from './evaluationStrings';
import { countSummary, type SummaryStatistics } from './summaryStatistics';
import { validateStudentYear } from './validateStudentYear';
import type { YearOutcome } from './yearResultTypes';

export type SummaryStudent = {
  readonly id: StudentId;
  readonly fullName: string;
  readonly birthDate: string;
  readonly gender: Gender;
  readonly studentCode: string;
  readonly year: StudentYearInput;
  /** Awards the teacher has confirmed (CN); proposals are shown until then. */
  readonly confirmedAwards?: readonly string[];
  readonly note?: string;
};

export type SummaryColumn = {
  readonly key: string;
  /** Upper header row: the subject, "Năng lực chung", "Phẩm chất chủ yếu"…; empty for columns spanning both rows. */
  readonly group: string;
  readonly label: string;
  readonly kind: 'text' | 'subjectLevel' | 'score' | 'traitLevel' | 'result';
};

export type SummaryCell = string | number | null;

export type ClassSummary = {
  readonly grade: number;
  readonly period: PeriodCode;
  /** "Bảng tổng hợp kết quả đánh giá giáo dục — Cuối năm học". */
  readonly title: string;
  readonly columns: readonly SummaryColumn[];
  readonly rows: readonly {
    readonly studentId: StudentId;
    readonly cells: Readonly<Record<string, SummaryCell>>;
    readonly outcome?: YearOutcome;
  }[];
  readonly statistics: SummaryStatistics;
};

function columnsFor(compiled: CompiledCatalogue, grade: number, period: PeriodCode): SummaryColumn[] {
  const plan = compiled.plan(grade);
  const columns: SummaryColumn[] = [
    { key: 'no', group: '', label: 'STT', kind: 'text' },
    { key: 'fullName', group: '', label: 'Họ và tên', kind: 'text' },
    { key: 'birthDate', group: '', label: 'Ngày sinh', kind: 'text' },
    { key: 'gender', group: '', label: 'Giới tính', kind: 'text' },
    { key: 'studentCode', group: '', label: 'Mã học sinh', kind: 'text' },
  ];
  for (const row of plan.rows) {
    columns.push({ key: `${row.key}:level`, group: row.label, label: 'Mức đạt được', kind: 'subjectLevel' });
    if (row.testPeriods.has(period))
      columns.push({ key: `${row.key}:score`, group: row.label, label: 'Điểm KTĐK', kind: 'score' });
  }
  for (const trait of plan.competencies) {
    const group = trait.competencyKind === 'general' ? 'Năng lực chung' : 'Năng lực đặc thù';
    columns.push({ key: `trait:${trait.code}`, group, label: trait.name, kind: 'traitLevel' });
  }
  for (const trait of plan.qualities)
    columns.push({
      key: `trait:${trait.code}`,
      group: 'Phẩm chất chủ yếu',
      label: trait.name,
      kind: 'traitLevel',
    });
  if (period === 'CN') {
    columns.push(
      { key: 'result', group: '', label: 'Kết quả giáo dục', kind: 'result' },
      { key: 'awards', group: '', label: 'Khen thưởng', kind: 'text' },
      {
        key: 'completion',
        group: '',
        label: grade === 5 ? 'Hoàn thành chương trình tiểu học' : 'Hoàn thành chương trình lớp học',
        kind: 'text',
      },
    );
  }
  columns.push({ key: 'note', group: '', label: 'Ghi chú', kind: 'text' });
  return columns;
}

function awardsCell(student: SummaryStudent, outcome: YearOutcome): string {
  if (student.confirmedAwards) return student.confirmedAwards.join('; ');
  if (outcome.status !== 'computed') return '';
  return outcome.awards
    .map((award) => (award.requiresConfirmation ? strings.proposedAward(award.title) : award.title))
    .join('; ');
}

/**
 * The Bảng tổng hợp kết quả đánh giá giáo dục of a class for one period (TT27 Điều 9 khoản 1):
 * identity columns; per subject the level and, where this grade has a test this period, the score;
 * the 3 + 7 competencies; the 5 qualities; at CN the result, awards, completion and notes.
 * Mid-term tables therefore carry levels only, plus GK scores in grades 4–5.
 */
export function buildClassSummary(
  compiled: CompiledCatalogue,
  grade: number,
  period: PeriodCode,
  students: readonly SummaryStudent[],
): ClassSummary {
  const plan = compiled.plan(grade);
  const columns = columnsFor(compiled, grade, period);
  const outcomes = new Map<StudentId, YearOutcome>();
  const rows = students.map((student, index) => {
    const electives = takenElectives(student.year);
    const subjects = indexSubjectPeriod(compiled, plan, student.year, period, electives).entries;
    const traits = indexTraitPeriod(plan, student.year, period).entries;
    const cells: Record<string, SummaryCell> = {
      no: index + 1,
      fullName: student.fullName,
      birthDate: formatDate(student.birthDate),
      gender: student.gender === 'female' ? 'Nữ' : 'Nam',
      studentCode: student.studentCode,
    };
    for (const row of plan.rows) {
      const entry = rowApplies(row, electives) ? subjects.get(row.key) : undefined;
      cells[`${row.key}:level`] = entry?.level ?? null;
      if (row.testPeriods.has(period))
        cells[`${row.key}:score`] = entry ? (entry.retestScore ?? entry.score ?? null) : null;
    }
    for (const trait of [...plan.competencies, ...plan.qualities])
      cells[`trait:${trait.code}`] = traits.get(trait.code)?.level ?? null;
    // Values that break a rule are shown as entered; the note says how many need correcting.
    const notes = [student.note ?? ''];
    if (student.year.grade !== grade) notes.push(strings.gradeMismatchNote(student.year.grade, grade));
    const problems = validateStudentYear(compiled, { ...student.year, grade }).length;
    if (problems > 0) notes.push(strings.invalidNote(problems));
    if (period !== 'CN') {
      cells.note = notes.filter(Boolean).join('; ');
      return { studentId: student.id, cells };
    }
    const outcome = computeYearResult(compiled, { ...student.year, grade });
    outcomes.set(student.id, outcome);
    cells.result = confirmableResultOf(outcome) ?? null;
    cells.awards = awardsCell(student, outcome);
    cells.completion = outcome.status === 'incomplete' ? null : outcome.completion.label;
    if (outcome.status === 'individualPlan') notes.push(outcome.resultName);
    if (outcome.status === 'incomplete') notes.push(strings.incompleteNote(outcome.missing.length));
    cells.note = notes.filter(Boolean).join('; ');
    return { studentId: student.id, cells, outcome };
  });
  const statistics = countSummary(
    compiled,
    plan,
    period,
    students.map((student) => {
      const outcome = outcomes.get(student.id);
      return { gender: student.gender, year: student.year, ...(outcome ? { outcome } : {}) };
    }),
  );
  return {
    grade,
    period,
    title: `Bảng tổng hợp kết quả đánh giá giáo dục — ${compiled.periodName(period)}`,
    columns,
    rows,
    statistics,
  };
}
