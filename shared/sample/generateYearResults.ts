import type { CharacterLevel, PeriodCode, SubjectLevel } from '../domain/evaluation/catalogueSchema';
import { periodCodes } from '../domain/evaluation/catalogueSchema';
import { subjectCommentSuggestions, traitCommentSuggestions } from '../domain/evaluation/commentBank';
import type { CompiledCatalogue } from '../domain/evaluation/compiledCatalogue';
import {
  characterResultIdOf,
  subjectResultIdOf,
  type CharacterResultValues,
  type PeriodSubjectValue,
  type SubjectResultValues,
  type TraitValue,
} from '../domain/evaluation/resultDocuments';
import { rowApplies } from '../domain/evaluation/resolveEntries';
import { createRandom, type Random } from './random';
import type { SampleSchoolFile } from './sampleSchoolFile';

export type SampleYearResults = {
  readonly subjectResults: (SubjectResultValues & { readonly id: string })[];
  readonly characterResults: (CharacterResultValues & { readonly id: string })[];
};

/** How strong a student is across the year; values follow the tier with a few slips. */
type Tier = { readonly top: number; readonly low: number; readonly scores: readonly [number, number] };
const tiers: readonly (readonly [Tier, number])[] = [
  [{ top: 0.97, low: 0, scores: [9, 10] }, 0.38],
  [{ top: 0.9, low: 0, scores: [7, 10] }, 0.27],
  [{ top: 0.55, low: 0.01, scores: [5, 9] }, 0.32],
  [{ top: 0.3, low: 0.15, scores: [3, 7] }, 0.03],
];

function pickLevel<L>(
  random: Random,
  tier: Tier,
  periodIndex: number,
  [top, middle, low]: readonly [L, L, L],
): L {
  // Children grow over the year: earlier periods are a little weaker.
  const topChance = Math.max(0, tier.top - (3 - periodIndex) * 0.04);
  const roll = random.next();
  return roll < topChance ? top : roll < 1 - tier.low ? middle : low;
}

/** A comment where teachers usually write one: at the end of each term. */
function commentFor(random: Random, period: PeriodCode, suggestions: readonly string[]): string {
  if (period !== 'CK1' && period !== 'CN') return '';
  return suggestions.length > 0 ? random.pick(suggestions) : '';
}

/**
 * A year of evaluations for every student of a sample school, up to and including `through`:
 * levels, scores where the grade has a test, comments at the end of terms, qualities and
 * competencies. Deterministic from the seed. For trials, demos and benchmarks only.
 */
export function generateYearResults(
  compiled: CompiledCatalogue,
  school: SampleSchoolFile,
  seed: number,
  through: PeriodCode = 'CN',
): SampleYearResults {
  const subjectResults: SampleYearResults['subjectResults'] = [];
  const characterResults: SampleYearResults['characterResults'] = [];
  for (const student of yearResultsByStudent(compiled, school, seed, through)) {
    subjectResults.push(...student.subjectResults);
    characterResults.push(...student.characterResults);
  }
  return { subjectResults, characterResults };
}

/**
 * The same year of results, one student at a time (the same values in the same order), so a
 * caller can generate a large school in slices between which the page stays responsive.
 */
export function* yearResultsByStudent(
  compiled: CompiledCatalogue,
  school: SampleSchoolFile,
  seed: number,
  through: PeriodCode = 'CN',
): Generator<SampleYearResults, void, undefined> {
  const random = createRandom(seed);
  const periods = periodCodes.slice(0, periodCodes.indexOf(through) + 1);
  const gradeOf = new Map(school.classes.map((schoolClass) => [schoolClass.id, schoolClass.grade]));
  for (const student of school.students) {
    const subjectResults: SampleYearResults['subjectResults'] = [];
    const characterResults: SampleYearResults['characterResults'] = [];
    const grade = gradeOf.get(student.classId) ?? 1;
    const plan = compiled.plan(grade);
    const tier = random.weighted(tiers);
    const electives = new Set(student.electives);
    for (const row of plan.rows) {
      if (!rowApplies(row, electives)) continue;
      const values: Partial<Record<PeriodCode, PeriodSubjectValue | null>> = {};
      periodCodes.forEach((period, periodIndex) => {
        if (!periods.includes(period)) {
          values[period] = null;
          return;
        }
        const level: SubjectLevel = pickLevel(random, tier, periodIndex, ['T', 'H', 'C']);
        const score = row.testPeriods.has(period) ? random.int(tier.scores[0], tier.scores[1]) : null;
        values[period] = {
          level,
          score,
          retestScore: null,
          comment: commentFor(random, period, subjectCommentSuggestions(row.key, level)),
        };
      });
      subjectResults.push({
        id: subjectResultIdOf(student.id, row.key, school.schoolYear),
        studentId: student.id,
        classId: student.classId,
        subject: row.subject.code,
        part: row.partCode ?? '',
        rowKey: row.key,
        GK1: values.GK1 ?? null,
        CK1: values.CK1 ?? null,
        GK2: values.GK2 ?? null,
        CN: values.CN ?? null,
      });
    }
    const traitsByPeriod: Record<PeriodCode, Record<string, TraitValue>> = {
      GK1: {},
      CK1: {},
      GK2: {},
      CN: {},
    };
    periods.forEach((period, periodIndex) => {
      for (const trait of [...plan.competencies, ...plan.qualities]) {
        const level: CharacterLevel = pickLevel(random, tier, periodIndex, ['T', 'Đ', 'C']);
        traitsByPeriod[period][trait.code] = {
          level,
          comment: commentFor(random, period, traitCommentSuggestions(trait.code, level)),
        };
      }
    });
    characterResults.push({
      id: characterResultIdOf(student.id, school.schoolYear),
      studentId: student.id,
      classId: student.classId,
      ...traitsByPeriod,
    });
    yield { subjectResults, characterResults };
  }
}
