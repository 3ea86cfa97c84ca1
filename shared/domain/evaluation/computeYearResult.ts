import { isGrade } from '../grade';
import type { CharacterLevel, SubjectLevel } from './catalogueSchema';
import type { CompiledCatalogue, EvaluatedRow, EvaluatedTrait } from './compiledCatalogue';
import { proposeAwards } from './awards';
import { completionOf, individualPlanCompletion } from './completion';
import { evaluationStrings as strings } from './evaluationStrings';
import {
  indexSubjectPeriod,
  indexTraitPeriod,
  isValidScore,
  rowApplies,
  takenElectives,
} from './resolveEntries';
import type { StudentYearInput } from './studentYearInput';
import type { MissingValue, Reason, YearOutcome } from './yearResultTypes';

/** The end-of-year values the classification looks at, complete and valid. */
export type YearValues = {
  readonly subjects: readonly {
    readonly row: EvaluatedRow;
    readonly level: SubjectLevel;
    readonly score: number | undefined;
  }[];
  readonly traits: readonly { readonly trait: EvaluatedTrait; readonly level: CharacterLevel }[];
};

/**
 * Gathers the CN values every applicable row and trait needs: a level for each subject, activity,
 * quality and competency, and the effective test score (the retest's, if any) where the grade has
 * a CN test. Returns what is missing instead when anything is.
 */
export function gatherYearValues(
  compiled: CompiledCatalogue,
  input: StudentYearInput,
): { readonly values: YearValues } | { readonly missing: MissingValue[] } {
  const plan = compiled.plan(input.grade);
  const electives = takenElectives(input);
  const subjectIndex = indexSubjectPeriod(compiled, plan, input, 'CN', electives);
  const traitIndex = indexTraitPeriod(plan, input, 'CN');
  const period = compiled.periodShortName('CN');
  const missing: MissingValue[] = [];
  const subjects: YearValues['subjects'][number][] = [];
  const traits: YearValues['traits'][number][] = [];

  for (const row of plan.rows) {
    if (!rowApplies(row, electives)) continue;
    const base = { key: row.key, label: row.label, period: 'CN' as const };
    if (subjectIndex.duplicates.has(row.key)) {
      missing.push({
        ...base,
        kind: 'subjectLevel',
        reason: 'duplicate',
        message: strings.duplicateSubject(row.phrase, period),
      });
      continue;
    }
    const entry = subjectIndex.entries.get(row.key);
    const level = entry?.level ?? undefined;
    if (level === undefined)
      missing.push({
        ...base,
        kind: 'subjectLevel',
        reason: 'missing',
        message: strings.missingSubjectLevel(row.phrase, period),
      });
    let score: number | undefined;
    if (row.testPeriods.has('CN')) {
      const given = entry?.retestScore ?? entry?.score ?? undefined;
      if (given === undefined)
        missing.push({
          ...base,
          kind: 'score',
          reason: 'missing',
          message: strings.missingScore(row.phrase, period),
        });
      else if (!isValidScore(compiled, given))
        missing.push({
          ...base,
          kind: 'score',
          reason: 'invalid',
          message: strings.invalidScore(row.phrase, period),
        });
      else score = given;
    }
    if (level !== undefined) subjects.push({ row, level, score });
  }

  for (const trait of [...plan.competencies, ...plan.qualities]) {
    const base = { key: trait.code, label: trait.label, period: 'CN' as const };
    if (traitIndex.duplicates.has(trait.code)) {
      missing.push({
        ...base,
        kind: 'traitLevel',
        reason: 'duplicate',
        message: strings.duplicateTrait(trait.label, period),
      });
      continue;
    }
    const level = traitIndex.entries.get(trait.code)?.level ?? undefined;
    if (level === undefined)
      missing.push({
        ...base,
        kind: 'traitLevel',
        reason: 'missing',
        message: strings.missingTraitLevel(trait.label, period),
      });
    else traits.push({ trait, level });
  }
  return missing.length > 0 ? { missing } : { values: { subjects, traits } };
}

type Rule = CompiledCatalogue['catalogue']['classification'][number];

/** Whether every value meets a rule; the hot path of a province run, so no messages are built. */
export function satisfiesRule(rule: Rule, values: YearValues): boolean {
  for (const { level, score } of values.subjects) {
    if (!rule.subjectLevels.includes(level)) return false;
    if (score !== undefined && score < rule.minimumScore) return false;
  }
  for (const { level } of values.traits) if (!rule.characterLevels.includes(level)) return false;
  return true;
}

/** The values that break a rule, in catalogue order: subjects, then scores, then traits. */
export function reasonsAgainst(compiled: CompiledCatalogue, rule: Rule, values: YearValues): Reason[] {
  const target = compiled.yearResultName(rule.result);
  const reasons: Reason[] = [];
  const neededSubject = strings.levelList(
    rule.subjectLevels.map((level) => compiled.subjectLevelName(level)),
  );
  const neededTrait = strings.levelList(
    rule.characterLevels.map((level) => compiled.characterLevelName(level)),
  );
  for (const { row, level } of values.subjects) {
    if (!rule.subjectLevels.includes(level)) {
      const message = strings.blockedBySubjectLevel(
        row.phrase,
        compiled.subjectLevelName(level),
        target,
        neededSubject,
      );
      reasons.push({
        kind: 'subjectLevel',
        row: row.key,
        label: row.label,
        level,
        needed: rule.subjectLevels,
        message,
      });
    }
  }
  for (const { row, score } of values.subjects) {
    if (score !== undefined && score < rule.minimumScore) {
      const message = strings.blockedByScore(
        row.phrase,
        compiled.periodShortName('CN'),
        score,
        target,
        rule.minimumScore,
      );
      reasons.push({
        kind: 'score',
        row: row.key,
        label: row.label,
        score,
        minimum: rule.minimumScore,
        message,
      });
    }
  }
  for (const { trait, level } of values.traits) {
    if (!rule.characterLevels.includes(level)) {
      const message = strings.blockedByTraitLevel(
        trait.label,
        compiled.characterLevelName(level),
        target,
        neededTrait,
      );
      reasons.push({
        kind: 'traitLevel',
        trait: trait.code,
        label: trait.label,
        level,
        needed: rule.characterLevels,
        message,
      });
    }
  }
  return reasons;
}

/**
 * What a confirmation records as the result of a student evaluated against an individual
 * education plan (kế hoạch giáo dục cá nhân): not one of the catalogue's levels.
 */
export const individualPlanResultCode = 'KHGDCN';

/** The result a homeroom teacher confirms: the level's code, or the individual plan's. */
export function confirmableResultOf(outcome: YearOutcome): string | undefined {
  if (outcome.status === 'computed') return outcome.result;
  if (outcome.status === 'individualPlan') return individualPlanResultCode;
  return undefined;
}

/**
 * A student evaluated against an individual education plan (TT27 Điều 8): no level, no award
 * proposal; only the principal's decision completes the year. A supplementary evaluation does not
 * belong to this path and is refused as a contradiction.
 */
function individualPlanOutcome(input: StudentYearInput, id: { id?: string }): YearOutcome {
  if (input.supplementaryEvaluation)
    return {
      status: 'incomplete',
      ...id,
      missing: [
        {
          kind: 'completionStep',
          key: 'completion',
          label: strings.completionStepsLabel,
          period: 'CN',
          reason: 'invalid',
          message: strings.supplementaryNotForPlan,
        },
      ],
    };
  return {
    status: 'individualPlan',
    ...id,
    resultName: strings.individualPlanResult,
    explanation: strings.individualPlanExplanation,
    completion: individualPlanCompletion(input),
  };
}

/**
 * The year's education result (kết quả giáo dục, TT27 Điều 9 khoản 2): the first classification
 * rule, from the highest, that every CN value satisfies; none gives the fallback (CHT). Electives
 * the student does not take are left out; a retest score replaces the original. When a value is
 * missing there is no result, only the list of what is missing — never a guess.
 */
export function computeYearResult(compiled: CompiledCatalogue, input: StudentYearInput): YearOutcome {
  const id = input.id === undefined ? {} : { id: input.id };
  if (!isGrade(input.grade)) {
    return {
      status: 'incomplete',
      ...id,
      missing: [
        {
          kind: 'grade',
          key: 'grade',
          label: 'Khối lớp',
          period: 'CN',
          reason: 'invalid',
          message: strings.badGrade,
        },
      ],
    };
  }
  if (input.individualEducationPlan === true) return individualPlanOutcome(input, id);
  const gathered = gatherYearValues(compiled, input);
  if ('missing' in gathered) return { status: 'incomplete', ...id, missing: gathered.missing };
  const { values } = gathered;
  const rules = compiled.catalogue.classification;
  const index = rules.findIndex((rule) => satisfiesRule(rule, values));
  const result =
    index === -1
      ? compiled.catalogue.fallbackResult
      : (rules[index]?.result ?? compiled.catalogue.fallbackResult);
  // The reasons are what the rule just above the result asks and the student does not have.
  const above = index === -1 ? rules[rules.length - 1] : rules[index - 1];
  const reasons = above ? reasonsAgainst(compiled, above, values) : [];
  const resultName = compiled.yearResultName(result);
  // Supplementary evaluation and the principal's decision exist only for the fallback result.
  if (
    result !== compiled.catalogue.fallbackResult &&
    (input.supplementaryEvaluation || input.principalDecision)
  ) {
    const message = strings.stepNotNeeded(resultName);
    return {
      status: 'incomplete',
      ...id,
      missing: [
        {
          kind: 'completionStep',
          key: 'completion',
          label: strings.completionStepsLabel,
          period: 'CN',
          reason: 'invalid',
          message,
        },
      ],
    };
  }
  const explanation =
    reasons.length === 0 || !above
      ? strings.meetsAll(resultName)
      : strings.explainShortfall(
          resultName,
          compiled.yearResultName(above.result),
          reasons.map((reason) => reason.message),
        );
  return {
    status: 'computed',
    ...id,
    result,
    resultName,
    reasons,
    explanation,
    awards: proposeAwards(compiled, input, result, values),
    completion: completionOf(compiled, input, result),
  };
}
