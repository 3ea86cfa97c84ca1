import type { Gender } from '../student';
import type { CharacterLevel, PeriodCode, SubjectLevel, YearResultCode } from './catalogueSchema';
import { indexSubjectPeriod, indexTraitPeriod, rowApplies, takenElectives } from './resolveEntries';
import type { CompiledCatalogue, GradePlan } from './compiledCatalogue';
import type { StudentYearInput } from './studentYearInput';
import type { YearOutcome } from './yearResultTypes';

/** A count of students, and how many of them are girls (school reports give "Tổng số / Nữ"). */
export type HeadCount = { total: number; female: number };

export type SummaryStatistics = {
  readonly period: PeriodCode;
  readonly students: HeadCount;
  /** Per row key (`toan`, `nghe-thuat/am-nhac`): students at each level, and those not yet evaluated. */
  readonly subjects: Record<
    string,
    { label: string; levels: Record<SubjectLevel, HeadCount>; notEvaluated: number }
  >;
  /** Per quality or competency code. */
  readonly traits: Record<
    string,
    { label: string; levels: Record<CharacterLevel, HeadCount>; notEvaluated: number }
  >;
  /** At CN only: each education result, and students whose result cannot be computed yet. */
  readonly results: Record<YearResultCode, HeadCount> & { incomplete: number };
};

const zero = (): HeadCount => ({ total: 0, female: 0 });
const bump = (count: HeadCount, gender: Gender): void => {
  count.total += 1;
  if (gender === 'female') count.female += 1;
};

export type StatisticsStudent = {
  readonly gender: Gender;
  readonly year: StudentYearInput;
  readonly outcome?: YearOutcome;
};

/** Counts per subject, trait and (at CN) result, by gender, for one class and period. */
export function countSummary(
  compiled: CompiledCatalogue,
  plan: GradePlan,
  period: PeriodCode,
  students: readonly StatisticsStudent[],
): SummaryStatistics {
  const statistics: SummaryStatistics = {
    period,
    students: zero(),
    subjects: Object.fromEntries(
      plan.rows.map((row) => [
        row.key,
        { label: row.label, levels: { T: zero(), H: zero(), C: zero() }, notEvaluated: 0 },
      ]),
    ),
    traits: Object.fromEntries(
      [...plan.competencies, ...plan.qualities].map((trait) => [
        trait.code,
        { label: trait.label, levels: { T: zero(), Đ: zero(), C: zero() }, notEvaluated: 0 },
      ]),
    ),
    results: { HTXS: zero(), HTT: zero(), HT: zero(), CHT: zero(), incomplete: 0 },
  };
  for (const student of students) {
    bump(statistics.students, student.gender);
    const electives = takenElectives(student.year);
    const subjects = indexSubjectPeriod(compiled, plan, student.year, period, electives).entries;
    for (const row of plan.rows) {
      if (!rowApplies(row, electives)) continue;
      const counts = statistics.subjects[row.key];
      const level = subjects.get(row.key)?.level;
      if (!counts) continue;
      if (level) bump(counts.levels[level], student.gender);
      else counts.notEvaluated += 1;
    }
    const traits = indexTraitPeriod(plan, student.year, period).entries;
    for (const [code, counts] of Object.entries(statistics.traits)) {
      const level = traits.get(code)?.level;
      if (level) bump(counts.levels[level], student.gender);
      else counts.notEvaluated += 1;
    }
    if (period === 'CN' && student.outcome) {
      if (student.outcome.status === 'computed')
        bump(statistics.results[student.outcome.result], student.gender);
      else statistics.results.incomplete += 1;
    }
  }
  return statistics;
}

function addHeadCounts(into: HeadCount, from: HeadCount): void {
  into.total += from.total;
  into.female += from.female;
}

/** Adds class statistics of the same period into grade or school totals. */
export function sumStatistics(period: PeriodCode, parts: readonly SummaryStatistics[]): SummaryStatistics {
  const total: SummaryStatistics = {
    period,
    students: zero(),
    subjects: {},
    traits: {},
    results: { HTXS: zero(), HTT: zero(), HT: zero(), CHT: zero(), incomplete: 0 },
  };
  for (const part of parts) {
    if (part.period !== period) throw new RangeError(`cannot add ${part.period} statistics into ${period}`);
    addHeadCounts(total.students, part.students);
    for (const [key, counts] of Object.entries(part.subjects)) {
      const into = (total.subjects[key] ??= {
        label: counts.label,
        levels: { T: zero(), H: zero(), C: zero() },
        notEvaluated: 0,
      });
      for (const level of ['T', 'H', 'C'] as const) addHeadCounts(into.levels[level], counts.levels[level]);
      into.notEvaluated += counts.notEvaluated;
    }
    for (const [key, counts] of Object.entries(part.traits)) {
      const into = (total.traits[key] ??= {
        label: counts.label,
        levels: { T: zero(), Đ: zero(), C: zero() },
        notEvaluated: 0,
      });
      for (const level of ['T', 'Đ', 'C'] as const) addHeadCounts(into.levels[level], counts.levels[level]);
      into.notEvaluated += counts.notEvaluated;
    }
    for (const result of ['HTXS', 'HTT', 'HT', 'CHT'] as const)
      addHeadCounts(total.results[result], part.results[result]);
    total.results.incomplete += part.results.incomplete;
  }
  return total;
}
