import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStudentYear } from './buildStudentYear';
import type { CharacterLevel, SubjectLevel, YearResultCode } from './catalogueSchema';
import { defaultCompiledCatalogue } from './compiledCatalogue';
import { computeYearResult } from './computeYearResult';
import type { StudentYearInput } from './studentYearInput';

const compiled = defaultCompiledCatalogue();
const rank: Record<YearResultCode, number> = { CHT: 0, HT: 1, HTT: 2, HTXS: 3 };
const subjectUp: Record<SubjectLevel, SubjectLevel> = { C: 'H', H: 'T', T: 'T' };
const traitUp: Record<CharacterLevel, CharacterLevel> = { C: 'Đ', Đ: 'T', T: 'T' };

function pickLevel<L>(roll: number, [top, middle, low]: readonly [L, L, L]): L {
  const percent = roll % 100;
  return percent < 93 ? top : percent < 98 ? middle : low;
}

function pickScore(roll: number): number {
  const percent = roll % 100;
  if (percent < 75) return 9 + (roll % 2);
  if (percent < 95) return 5 + (roll % 4);
  return roll % 5;
}

/** A complete year for any grade and electives, with any level and score at every CN value. */
const completeYear: fc.Arbitrary<StudentYearInput> = fc
  .record({
    grade: fc.integer({ min: 1, max: 5 }),
    english: fc.boolean(),
    minority: fc.boolean(),
    seed: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 64, maxLength: 64 }),
  })
  .map(({ grade, english, minority, seed }) => {
    let cursor = 0;
    const next = () => seed[cursor++ % seed.length] ?? 0;
    const electives = [
      ...(english && grade <= 2 ? ['ngoai-ngu-1'] : []),
      ...(minority ? ['tieng-dan-toc'] : []),
    ];
    return buildStudentYear(compiled, {
      grade,
      electives,
      periods: ['CN'],
      // Biased towards good values, so every result (not only CHT) is common and raising a value matters.
      subjectLevel: () => pickLevel(next(), ['T', 'H', 'C']),
      score: () => pickScore(next()),
      traitLevel: () => pickLevel(next(), ['T', 'Đ', 'C']),
    });
  });

function resultRank(input: StudentYearInput): number {
  const outcome = computeYearResult(compiled, input);
  if (outcome.status !== 'computed') throw new Error('a complete year must have a result');
  return rank[outcome.result];
}

/** Raises one value of the input by one step (a level up, or a score + 1). */
function raiseOne(input: StudentYearInput, pick: number): StudentYearInput {
  const slots = input.subjects.length * 2 + input.qualities.length + input.competencies.length;
  const slot = pick % slots;
  if (slot < input.subjects.length * 2) {
    const index = Math.floor(slot / 2);
    const subjects = input.subjects.map((entry, i) => {
      if (i !== index) return entry;
      if (slot % 2 === 0 && entry.level) return { ...entry, level: subjectUp[entry.level] };
      if (entry.score !== null && entry.score !== undefined)
        return { ...entry, score: Math.min(10, entry.score + 1) };
      return entry;
    });
    return { ...input, subjects };
  }
  const traitSlot = slot - input.subjects.length * 2;
  if (traitSlot < input.qualities.length) {
    return {
      ...input,
      qualities: input.qualities.map((e, i) =>
        i === traitSlot && e.level ? { ...e, level: traitUp[e.level] } : e,
      ),
    };
  }
  const index = traitSlot - input.qualities.length;
  return {
    ...input,
    competencies: input.competencies.map((e, i) =>
      i === index && e.level ? { ...e, level: traitUp[e.level] } : e,
    ),
  };
}

describe('year result properties', () => {
  it('draws years of every result, so the properties below are not trivially true', () => {
    const seen = new Set(fc.sample(completeYear, 400).map((input) => resultRank(input)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });

  it('raising any single value never lowers the result', () => {
    fc.assert(
      fc.property(completeYear, (input) => {
        const before = resultRank(input);
        const slots = input.subjects.length * 2 + input.qualities.length + input.competencies.length;
        for (let slot = 0; slot < slots; slot += 1) {
          expect(resultRank(raiseOne(input, slot))).toBeGreaterThanOrEqual(before);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the result never depends on the order of subjects, qualities or competencies', () => {
    const shuffled = <T>(items: readonly T[]) =>
      fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
    fc.assert(
      fc.property(
        completeYear.chain((input) =>
          fc.tuple(
            fc.constant(input),
            shuffled(input.subjects),
            shuffled(input.qualities),
            shuffled(input.competencies),
          ),
        ),
        ([input, subjects, qualities, competencies]) => {
          expect(computeYearResult(compiled, { ...input, subjects, qualities, competencies })).toEqual(
            computeYearResult(compiled, input),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('every input yields either a result or a non-empty list of what is missing', () => {
    const partialYear = completeYear.chain((input) =>
      fc.record({
        input: fc.constant(input),
        keepSubjects: fc.array(fc.boolean(), {
          minLength: input.subjects.length,
          maxLength: input.subjects.length,
        }),
        keepTraits: fc.array(fc.boolean(), { minLength: 15, maxLength: 15 }),
        dropScores: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(partialYear, ({ input, keepSubjects, keepTraits, dropScores }) => {
        const partial: StudentYearInput = {
          ...input,
          subjects: input.subjects
            .filter((_entry, index) => keepSubjects[index])
            .map((entry) => (dropScores ? { ...entry, score: null } : entry)),
          qualities: input.qualities.filter((_entry, index) => keepTraits[index]),
          competencies: input.competencies.filter((_entry, index) => keepTraits[index + 5]),
        };
        const outcome = computeYearResult(compiled, partial);
        if (outcome.status === 'computed') expect(Object.keys(rank)).toContain(outcome.result);
        else if (outcome.status === 'incomplete') expect(outcome.missing.length).toBeGreaterThan(0);
        else throw new Error('no individual education plan was given');
        const complete =
          keepSubjects.every(Boolean) &&
          keepTraits.every(Boolean) &&
          !(dropScores && input.subjects.some((e) => e.score !== null && e.score !== undefined));
        expect(outcome.status).toBe(complete ? 'computed' : 'incomplete');
      }),
      { numRuns: 800 },
    );
  });
});
