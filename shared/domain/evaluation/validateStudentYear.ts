import { isGrade } from '../grade';
import type { CompiledCatalogue } from './compiledCatalogue';
import { evaluationStrings as strings } from './evaluationStrings';
import { allowsRetest, isRowProblem, isValidScore, resolveRow, takenElectives } from './resolveEntries';
import type { StudentYearInput } from './studentYearInput';

/** A value that breaks a rule, with the field it is in (`subjects.3.score`) and what is wrong. */
export type EntryProblem = { readonly path: string; readonly message: string };

/**
 * Checks every entered value against the catalogue: subject taught in this grade, part named
 * where needed, a score only where a test exists and only integers 0–10, a retest only at CK1 or
 * CN, no value entered twice, qualities and competencies that exist. Missing values are not problems (see computeYearResult).
 */
export function validateStudentYear(compiled: CompiledCatalogue, input: StudentYearInput): EntryProblem[] {
  if (!isGrade(input.grade)) return [{ path: 'grade', message: strings.badGrade }];
  const plan = compiled.plan(input.grade);
  const electives = takenElectives(input);
  const problems: EntryProblem[] = [];
  const { minimum, maximum } = compiled.catalogue.score;

  input.electives.forEach((code, index) => {
    const offered = plan.rows.some((row) => row.subject.code === code && row.status === 'elective');
    if (!offered)
      problems.push({ path: `electives.${index}`, message: strings.unknownElective(code, plan.grade) });
  });

  // Which (row, period) pairs were seen, to catch a value entered twice.
  const seenRows = new Map<string, Set<string>>();
  input.subjects.forEach((entry, index) => {
    const at = `subjects.${index}.`;
    const row = resolveRow(compiled, plan, entry, electives);
    if (isRowProblem(row)) {
      problems.push({ path: at + row.field, message: row.message });
      return;
    }
    const seen = seenRows.get(row.key) ?? new Set<string>();
    seenRows.set(row.key, seen);
    if (seen.has(entry.period)) {
      problems.push({
        path: `${at}period`,
        message: strings.duplicateSubject(row.phrase, compiled.periodShortName(entry.period)),
      });
    }
    seen.add(entry.period);
    const hasTest = row.testPeriods.has(entry.period);
    for (const field of ['score', 'retestScore'] as const) {
      const value = entry[field];
      if (value === null || value === undefined) continue;
      const period = compiled.periodShortName(entry.period);
      if (!hasTest)
        problems.push({ path: at + field, message: strings.noTest(plan.grade, period, row.phrase) });
      else if (!isValidScore(compiled, value)) {
        problems.push({
          path: at + field,
          message: strings.badScore(row.phrase, period, value, minimum, maximum),
        });
      }
    }
    const hasRetest = entry.retestScore !== null && entry.retestScore !== undefined;
    if (hasTest && hasRetest && !allowsRetest(entry.period)) {
      problems.push({
        path: `${at}retestScore`,
        message: strings.retestOutsideTermEnd(row.phrase, compiled.periodShortName(entry.period)),
      });
    } else if (hasTest && hasRetest && (entry.score === null || entry.score === undefined)) {
      problems.push({
        path: `${at}retestScore`,
        message: strings.retestWithoutScore(row.phrase, compiled.periodShortName(entry.period)),
      });
    }
  });

  const seenTraits = new Map<string, Set<string>>();
  const checkTrait = (
    list: 'qualities' | 'competencies',
    index: number,
    code: string,
    period: StudentYearInput['subjects'][number]['period'],
  ) => {
    const kind = list === 'qualities' ? 'quality' : 'competency';
    const trait = plan.traitsByCode.get(code);
    if (trait?.kind !== kind) {
      const known = list === 'qualities' ? compiled.catalogue.qualities : compiled.catalogue.competencies;
      const definition = known.find((candidate) => candidate.code === code);
      const label = list === 'qualities' ? strings.qualityLabel : strings.competencyLabel;
      const message = definition
        ? strings.traitNotInGrade(plan.grade, label(definition.name))
        : list === 'qualities'
          ? strings.unknownQuality(code)
          : strings.unknownCompetency(code);
      problems.push({ path: `${list}.${index}.${kind}`, message });
      return;
    }
    const seen = seenTraits.get(code) ?? new Set<string>();
    seenTraits.set(code, seen);
    if (seen.has(period)) {
      problems.push({
        path: `${list}.${index}.period`,
        message: strings.duplicateTrait(trait.label, compiled.periodShortName(period)),
      });
    }
    seen.add(period);
  };
  // TT27 Điều 11 khoản 3: a decision follows an unsuccessful supplementary evaluation, never
  // replaces it; for a student on an individual education plan (Điều 8) it is the only step.
  const decision = input.principalDecision;
  const supplementary = input.supplementaryEvaluation;
  if (decision && !supplementary && input.individualEducationPlan !== true)
    problems.push({ path: 'principalDecision', message: strings.decisionWithoutSupplementary });
  if (decision && supplementary?.outcome === 'completed')
    problems.push({ path: 'principalDecision', message: strings.decisionAfterCompletion });

  input.qualities.forEach((entry, index) => checkTrait('qualities', index, entry.quality, entry.period));
  input.competencies.forEach((entry, index) =>
    checkTrait('competencies', index, entry.competency, entry.period),
  );
  return problems;
}
