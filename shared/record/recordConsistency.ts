import { recordRowLabels } from '../domain/foreignLanguages';
import {
  defaultCompiledCatalogue,
  type CompiledCatalogue,
  type GradePlan,
} from '../domain/evaluation/compiledCatalogue';
import {
  computeYearResult,
  gatherYearValues,
  reasonsAgainst,
  satisfiesRule,
  type YearValues,
} from '../domain/evaluation/computeYearResult';
import { evaluationStrings } from '../domain/evaluation/evaluationStrings';
import type { StudentYearInput, SubjectEntry } from '../domain/evaluation/studentYearInput';
import { validateStudentYear } from '../domain/evaluation/validateStudentYear';
import type { YearOutcome } from '../domain/evaluation/yearResultTypes';
import { isGrade } from '../domain/grade';
import { searchKeyOf } from '../domain/text';
import { exemplaryAwardShortName, recordConsistencyStrings as text } from './recordConsistencyStrings';
import type { RecordTraitRow, RecordYearResult, StudyRecord } from './studyRecord';

/**
 * Whether a học bạ's printed result, awards and completion follow from its own values.
 * `unknownCatalogue`: the record was evaluated with a catalogue edition the caller does not have,
 * so nothing could be recomputed (never a guess with another edition's rules).
 */
export type RecordConsistency =
  | { readonly ok: true; readonly catalogueVersion: string }
  | {
      readonly ok: false;
      readonly reason: 'unknownCatalogue' | 'disagrees';
      /** Vietnamese sentences for a principal, the result's first. */
      readonly problems: readonly string[];
    };

/** The engine's input rebuilt from the record, and what in the record the catalogue does not know. */
type Rebuilt = { readonly input: StudentYearInput; readonly problems: readonly string[] };

const recordPeriods = ['CK1', 'CN'] as const;
const maxReasonsShown = 3;

/** Printed texts compare as the reader sees them: NFC on both sides (a province file may be NFD). */
const same = (a: string, b: string) => a.normalize('NFC') === b.normalize('NFC');

/** "hocsinhxuatsac": case, diacritics, spacing and punctuation do not hide a reserved award name. */
const folded = (value: string) => searchKeyOf(value.normalize('NFKC')).replace(/[^a-z0-9]/g, '');

function listed(messages: readonly string[]): string {
  const shown = messages.slice(0, maxReasonsShown);
  const rest = messages.length - shown.length;
  return rest > 0 ? [...shown, text.andMore(rest)].join(' ') : shown.join(' ');
}

function traitKindOf(trait: GradePlan['qualities'][number]): RecordTraitRow['kind'] {
  if (trait.kind === 'quality') return 'quality';
  return trait.competencyKind === 'general' ? 'generalCompetency' : 'specificCompetency';
}

/**
 * The year as the engine reads it, from what the record prints: each row's CK1 and CN level and
 * score (the score shown is already the retest's where there was one), the qualities and
 * competencies, the electives (an elective row is one the student takes; one absent is one not
 * taken), the supplementary evaluation and the principal's decision. Rows and traits the
 * catalogue does not have for the grade, or names that are not the catalogue's, are problems:
 * the PDF prints the record's labels, so a relabelled row would mislead its reader.
 */
function rebuildYearInput(compiled: CompiledCatalogue, plan: GradePlan, record: StudyRecord): Rebuilt {
  const { year } = record;
  const version = compiled.catalogue.version;
  const problems: string[] = [];
  const electives = new Set<string>();
  const subjects: SubjectEntry[] = [];
  const seenRows = new Set<string>();
  for (const row of year.subjects) {
    const planned = plan.rowsByKey.get(row.key);
    if (!planned) {
      problems.push(text.rowNotInCatalogue(row.label, row.key, year.grade, version));
      continue;
    }
    if (seenRows.has(row.key)) {
      problems.push(text.rowTwice(planned.label));
      continue;
    }
    seenRows.add(row.key);
    if (!recordRowLabels(planned.subject.code, planned.label).some((label) => same(row.label, label)))
      problems.push(text.rowLabelWrong(row.label, planned.label));
    if (row.kind !== planned.subject.kind) problems.push(text.rowKindWrong(planned.label));
    if (row.status !== planned.status)
      problems.push(
        row.status === 'elective'
          ? text.rowMarkedElective(planned.label)
          : text.rowMarkedCompulsory(planned.label),
      );
    if (row.tested !== (planned.testPeriods.has('CN') || planned.testPeriods.has('CK1')))
      problems.push(text.rowTestedWrong(planned.label));
    if (planned.status === 'elective') electives.add(planned.subject.code);
    for (const period of recordPeriods) {
      const { level, score } = row[period];
      if (level === null && score === null) continue;
      subjects.push({
        subject: planned.subject.code,
        ...(planned.partCode === undefined ? {} : { part: planned.partCode }),
        period,
        ...(level === null ? {} : { level }),
        ...(score === null ? {} : { score }),
      });
    }
  }

  const qualities: StudentYearInput['qualities'] = [];
  const competencies: StudentYearInput['competencies'] = [];
  const seenTraits = new Set<string>();
  const traitRows = [
    ...year.qualities.map((row) => ({ row, list: 'quality' as const })),
    ...year.competencies.map((row) => ({ row, list: 'competency' as const })),
  ];
  for (const { row, list } of traitRows) {
    const trait = plan.traitsByCode.get(row.code);
    if (!trait) {
      problems.push(text.traitNotInCatalogue(row.name, row.code, year.grade, version));
      continue;
    }
    if (seenTraits.has(row.code)) {
      problems.push(text.traitTwice(trait.name));
      continue;
    }
    seenTraits.add(row.code);
    if (!same(row.name, trait.name)) problems.push(text.traitNameWrong(row.name, trait.name));
    if (row.kind !== traitKindOf(trait) || list !== trait.kind)
      problems.push(text.traitKindWrong(trait.name));
    for (const period of recordPeriods) {
      const level = row[period];
      if (level === null) continue;
      if (trait.kind === 'quality') qualities.push({ quality: trait.code, period, level });
      else competencies.push({ competency: trait.code, period, level });
    }
  }

  const supplementary = year.supplementaryEvaluation;
  return {
    problems,
    input: {
      grade: year.grade,
      electives: [...electives],
      subjects,
      qualities,
      competencies,
      individualEducationPlan: year.result.status === 'individualPlan',
      supplementaryEvaluation: supplementary
        ? { outcome: supplementary.outcome, date: supplementary.date, note: supplementary.note }
        : null,
      principalDecision: year.principalDecision
        ? { decision: year.principalDecision.decision, date: year.principalDecision.date }
        : null,
    },
  };
}

/** Why the values give `computed` and not the printed result: the engine's own reasons. */
function whyNot(
  compiled: CompiledCatalogue,
  printed: Extract<RecordYearResult, { status: 'computed' }>,
  computedName: string,
  values: YearValues,
): string {
  const rule = compiled.catalogue.classification.find((candidate) => candidate.result === printed.code);
  if (rule && !satisfiesRule(rule, values))
    return listed(reasonsAgainst(compiled, rule, values).map((reason) => reason.message));
  // The printed result is lower than the values give.
  return evaluationStrings.meetsAll(computedName);
}

/**
 * The printed result against the one recomputed (TT27 Điều 9 khoản 2), and the record's status.
 * `full` is what buildStudyRecord prints (completion steps included: steps a result does not allow
 * leave it without one); `fromValues` is the result of the values alone.
 */
function checkResult(
  compiled: CompiledCatalogue,
  record: StudyRecord,
  input: StudentYearInput,
  outcomes: { readonly full: YearOutcome; readonly fromValues: YearOutcome },
): string[] {
  const { full, fromValues } = outcomes;
  const printed = record.year.result;
  const problems: string[] = [];
  if (record.status === 'final' && printed.status === 'incomplete') problems.push(text.finalWithoutResult);
  if (printed.status === 'incomplete') {
    if (full.status !== 'incomplete') problems.push(text.incompleteButComputes(full.resultName));
    else {
      const expected = full.missing.map((missing) => missing.message);
      const differs =
        expected.length !== printed.missing.length ||
        expected.some((message) => !printed.missing.some((candidate) => same(candidate, message)));
      if (differs) problems.push(text.missingListDiffers(listed(expected)));
    }
    return problems;
  }
  // Evaluated against an individual education plan (TT27 Điều 8): no level to recompute; the
  // record's own claim, held to the engine's wording (completion and awards are judged apart).
  if (printed.status === 'individualPlan') {
    if (!same(printed.name, evaluationStrings.individualPlanResult))
      problems.push(text.resultNameWrong(printed.name, evaluationStrings.individualPlanResult));
    return problems;
  }
  // The result follows from the values alone; the completion steps are judged with completion.
  if (fromValues.status === 'incomplete') {
    const missing = listed(fromValues.missing.map((value) => value.message));
    problems.push(text.resultWithMissingValues(printed.name, missing));
    return problems;
  }
  const gathered = gatherYearValues(compiled, input);
  if (fromValues.status !== 'computed') return problems;
  if (printed.code !== fromValues.result && 'values' in gathered)
    problems.push(
      text.resultDisagrees(
        printed.name,
        fromValues.resultName,
        whyNot(compiled, printed, fromValues.resultName, gathered.values),
      ),
    );
  else if (!same(printed.name, compiled.yearResultName(printed.code)))
    problems.push(text.resultNameWrong(printed.name, compiled.yearResultName(printed.code)));
  return problems;
}

/**
 * The awards against the result (TT27 Điều 13): "Học sinh Xuất sắc" exactly for the result the
 * catalogue names; "Học sinh Tiêu biểu" only for its candidates' result (the teacher confirms it,
 * and its evidence may lie in mid-term values a record does not carry, so its absence, or its
 * presence at that result, is not judged); other awards are free text, but not the engine's names.
 */
function checkAwards(compiled: CompiledCatalogue, record: StudyRecord, fromValues: YearOutcome): string[] {
  const rules = compiled.catalogue.awards;
  // A record that prints no result claims no award; one that prints a result is held to the
  // recomputed one (a result that cannot be recomputed is reported with the result).
  const printedResult = record.year.result.status === 'computed';
  const result = printedResult && fromValues.status === 'computed' ? fromValues.result : undefined;
  const resultName = fromValues.status === 'computed' ? fromValues.resultName : '';
  const titles = { excellent: evaluationStrings.excellentAward, exemplary: evaluationStrings.exemplaryAward };
  const allowedFor = { excellent: rules.excellentFor, exemplary: rules.exemplaryCandidatesFrom };
  const reserved = [titles.excellent, exemplaryAwardShortName];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const award of record.year.awards) {
    if (award.kind === 'other') {
      const phrase = reserved.find((name) => folded(award.title).includes(folded(name)));
      if (phrase !== undefined) problems.push(text.reservedAwardTitle(award.title, phrase));
      continue;
    }
    const title = titles[award.kind];
    if (seen.has(award.kind)) {
      problems.push(text.awardTwice(title));
      continue;
    }
    seen.add(award.kind);
    if (!same(award.title, title)) problems.push(text.awardTitleWrong(award.title, title));
    if (!printedResult) problems.push(text.awardWithoutResult(title));
    else if (result !== undefined && result !== allowedFor[award.kind])
      problems.push(text.awardNotAllowed(title, compiled.yearResultName(allowedFor[award.kind]), resultName));
  }
  if (result === rules.excellentFor && !seen.has('excellent'))
    problems.push(text.excellentMissing(resultName, titles.excellent));
  return problems;
}

/**
 * Completion (TT27 Điều 11) as the engine gives it from the result, the supplementary evaluation
 * and the principal's decision the record carries.
 */
function checkCompletion(record: StudyRecord, full: YearOutcome): string[] {
  const printed = record.year.completion;
  // A record that prints no result claims no completion either.
  if (record.year.result.status === 'incomplete')
    return printed === null ? [] : [text.completionWithoutResult(printed.label)];
  if (full.status !== 'incomplete') {
    if (printed === null) return [text.completionMissing(full.completion.label)];
    if (printed.status !== full.completion.status || !same(printed.label, full.completion.label))
      return [text.completionDisagrees(printed.label, full.completion.label)];
    // Final with a step still to come would let a CHT record be signed before its evaluation.
    if (record.status === 'final' && full.completion.status === 'pending')
      return [text.finalWithCompletionPending(full.completion.label)];
    return [];
  }
  // Complete values with steps that contradict their result: the engine says what is wrong.
  return full.missing
    .filter((missing) => missing.kind === 'completionStep')
    .map((missing) => missing.message);
}

/** The known catalogue of the record's edition, the first given winning over a later one. */
function catalogueOf(
  record: StudyRecord,
  catalogues: readonly CompiledCatalogue[],
): CompiledCatalogue | undefined {
  return catalogues.find((compiled) => compiled.catalogue.version === record.catalogueVersion);
}

/**
 * Recomputes a học bạ's year result, awards and completion from the values it prints, with the
 * evaluation engine the app builds records with (computeYearResult, validateStudentYear), and
 * says where the printed ones disagree: a record edited to say "Hoàn thành xuất sắc" while its
 * scores give "Hoàn thành" is refused, whatever its signatures. A final record must have a result;
 * a draft may still lack one. Pass the catalogue editions you have (a province's corrected one
 * first); the record's `catalogueVersion` picks one, and an edition not among them gives
 * `unknownCatalogue` rather than a verdict from another edition's rules.
 */
export function checkRecordConsistency(
  record: StudyRecord,
  catalogues: CompiledCatalogue | readonly CompiledCatalogue[] = defaultCompiledCatalogue(),
): RecordConsistency {
  const known = 'catalogue' in catalogues ? [catalogues] : catalogues;
  const compiled = catalogueOf(record, known);
  if (!compiled)
    return {
      ok: false,
      reason: 'unknownCatalogue',
      problems: [
        text.unknownCatalogue(
          record.catalogueVersion,
          text.versionList([...new Set(known.map((candidate) => candidate.catalogue.version))]),
        ),
      ],
    };
  if (!isGrade(record.year.grade))
    return { ok: false, reason: 'disagrees', problems: [text.badGrade(record.year.grade)] };
  const { input, problems: structure } = rebuildYearInput(compiled, compiled.plan(record.year.grade), record);
  const entered = validateStudentYear(compiled, input).map((problem) => problem.message);
  const full = computeYearResult(compiled, input);
  const fromValues = computeYearResult(compiled, {
    ...input,
    supplementaryEvaluation: null,
    principalDecision: null,
  });
  const problems = [
    ...checkResult(compiled, record, input, { full, fromValues }),
    ...checkAwards(compiled, record, fromValues),
    ...checkCompletion(record, full),
    ...structure,
    ...entered,
  ];
  const unique = [...new Set(problems)];
  return unique.length === 0
    ? { ok: true, catalogueVersion: compiled.catalogue.version }
    : { ok: false, reason: 'disagrees', problems: unique };
}
