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

/**
 * The year-end result a sample student is made to reach (TT27 Điều 9 khoản 2), and how strong
 * they are in the earlier periods (values follow the tier with a few slips, growing over the year).
 */
type Target = 'HTXS' | 'HTT' | 'HT' | 'CHT';
type Tier = { readonly top: number; readonly low: number; readonly scores: readonly [number, number] };
const tierOf: Readonly<Record<Target, Tier>> = {
  HTXS: { top: 0.97, low: 0, scores: [9, 10] },
  HTT: { top: 0.9, low: 0, scores: [7, 10] },
  HT: { top: 0.55, low: 0.01, scores: [5, 9] },
  CHT: { top: 0.3, low: 0.15, scores: [3, 7] },
};
const targets: readonly (readonly [Target, number])[] = [
  ['HTXS', 0.3],
  ['HTT', 0.3],
  ['HT', 0.36],
  ['CHT', 0.04],
];
/**
 * The first students of every class are made to reach each result once, so a class opened in a
 * trial shows all four and both awards: an HTT student with a 10 (a Học sinh Tiêu biểu
 * candidate), an HTXS student (Học sinh Xuất sắc), a CHT student and an HT student.
 */
const firstOfClass: readonly Target[] = ['HTT', 'HTXS', 'CHT', 'HT'];

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
  const seenInClass = new Map<string, number>();
  for (const student of school.students) {
    const subjectResults: SampleYearResults['subjectResults'] = [];
    const characterResults: SampleYearResults['characterResults'] = [];
    const grade = gradeOf.get(student.classId) ?? 1;
    const plan = compiled.plan(grade);
    const place = seenInClass.get(student.classId) ?? 0;
    seenInClass.set(student.classId, place + 1);
    const drawn = random.weighted(targets);
    const target = firstOfClass[place] ?? drawn;
    const tier = tierOf[target];
    const electives = new Set(student.electives);
    const rows = plan.rows.filter((row) => rowApplies(row, electives));
    const year = yearEndShape(random, target, rows, place === 0);
    for (const row of rows) {
      const values: Partial<Record<PeriodCode, PeriodSubjectValue | null>> = {};
      periodCodes.forEach((period, periodIndex) => {
        if (!periods.includes(period)) {
          values[period] = null;
          return;
        }
        const atYearEnd = period === 'CN';
        const level: SubjectLevel = atYearEnd
          ? year.subjectLevel(row.key)
          : pickLevel(random, tier, periodIndex, ['T', 'H', 'C']);
        const score = !row.testPeriods.has(period)
          ? null
          : atYearEnd
            ? year.score(row.key)
            : random.int(tier.scores[0], tier.scores[1]);
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
        const level: CharacterLevel =
          period === 'CN' ? year.traitLevel(random) : pickLevel(random, tier, periodIndex, ['T', 'Đ', 'C']);
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

type YearEndShape = {
  readonly subjectLevel: (rowKey: string) => SubjectLevel;
  readonly score: (rowKey: string) => number;
  readonly traitLevel: (random: Random) => CharacterLevel;
};

/**
 * End-of-year values that give exactly `target` under TT27's four results: HTXS every subject T,
 * every trait T, every test 9–10; HTT the same with a test at 7 or 8 (and, for a Tiêu biểu
 * candidate, another at 10); HT at least one subject at H; CHT at least one subject at C.
 */
function yearEndShape(
  random: Random,
  target: Target,
  rows: readonly { readonly key: string; readonly testPeriods: ReadonlySet<string> }[],
  exemplary: boolean,
): YearEndShape {
  const tested = rows.filter((row) => row.testPeriods.has('CN')).map((row) => row.key);
  const marked = rows[random.int(0, Math.max(0, rows.length - 1))]?.key;
  const [lowTest, highTest] = tested;
  const scoreRange: Readonly<Record<Target, readonly [number, number]>> = {
    HTXS: [9, 10],
    HTT: [7, 10],
    HT: [5, 10],
    CHT: [3, 8],
  };
  return {
    subjectLevel: (rowKey) => {
      if (target === 'HTXS' || target === 'HTT') return 'T';
      if (rowKey === marked) return target === 'HT' ? 'H' : 'C';
      return random.chance(0.7) ? 'T' : 'H';
    },
    score: (rowKey) => {
      if (target === 'HTT' && rowKey === lowTest) return random.int(7, 8);
      if (target === 'HTT' && exemplary && rowKey === highTest) return 10;
      const [low, high] = scoreRange[target];
      return random.int(low, high);
    },
    traitLevel: (draw) =>
      target === 'HTXS' || target === 'HTT' ? 'T' : draw.chance(target === 'HT' ? 0.7 : 0.5) ? 'T' : 'Đ',
  };
}
