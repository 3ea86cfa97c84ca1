import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStudentYear } from '../domain/evaluation/buildStudentYear';
import { yearResultCodes, type PeriodCode } from '../domain/evaluation/catalogueSchema';
import { defaultCompiledCatalogue } from '../domain/evaluation/compiledCatalogue';
import { computeYearResult } from '../domain/evaluation/computeYearResult';
import { evaluationStrings } from '../domain/evaluation/evaluationStrings';
import type { StudentYearInput } from '../domain/evaluation/studentYearInput';
import { studentIdentityOf } from '../domain/student';
import { generateSampleSchool } from '../sample/generateSampleSchool';
import { generateYearResults } from '../sample/generateYearResults';
import { buildStudyRecord, type StudyRecordSource } from './buildStudyRecord';
import { checkRecordConsistency } from './recordConsistency';
import { sampleStudyRecords } from './sampleStudyRecords';
import type { RecordAward, StudyRecord } from './studyRecord';

const compiled = defaultCompiledCatalogue();
const school = generateSampleSchool({ seed: 31, students: 60 });
const confirmedAt = '2026-05-25T03:00:00.000Z';

/** Every completion text the engine can print, for replacing one by another. */
const completionLabels = [
  ...[evaluationStrings.gradeProgramme, evaluationStrings.primaryProgramme].flatMap((programme) => [
    evaluationStrings.completed(programme),
    evaluationStrings.awaitingSupplementary(programme),
    evaluationStrings.awaitingDecision(programme),
  ]),
  evaluationStrings.promoted,
  evaluationStrings.retained,
  evaluationStrings.primaryByDecision,
  evaluationStrings.primaryRetained,
];
const completionStatuses = ['completed', 'pending', 'decided'] as const;
const excellent: RecordAward = { kind: 'excellent', title: evaluationStrings.excellentAward };
const exemplary: RecordAward = { kind: 'exemplary', title: evaluationStrings.exemplaryAward };

type Mutation = { readonly change: string; readonly record: StudyRecord };

/**
 * Every single change of what a record prints as its result, awards, completion or status to
 * another value. Two changes are left out because they are allowed: removing a "Học sinh Tiêu
 * biểu" award (the teacher may not confirm it) and adding one at HTT (its evidence may lie in
 * mid-term values the record does not carry).
 */
function mutations(record: StudyRecord): Mutation[] {
  const { year } = record;
  const out: Mutation[] = [];
  const set = (change: string, changes: Partial<StudyRecord['year']>) =>
    out.push({ change, record: { ...record, year: { ...year, ...changes } } });
  const printed = year.result;

  for (const code of yearResultCodes) {
    const name = compiled.yearResultName(code);
    if (printed.status !== 'computed' || printed.code !== code)
      set(`result ${code}`, { result: { status: 'computed', code, name } });
    if (printed.status === 'computed' && printed.code !== code)
      set(`result name «${name}»`, { result: { ...printed, name } });
  }
  if (printed.status === 'computed')
    set('result incomplete', {
      result: { status: 'incomplete', missing: ['Chưa có mức đạt được của môn Toán, cuối năm học.'] },
    });
  else if (printed.status === 'incomplete') {
    const [first = '', ...rest] = printed.missing;
    set('missing list changed', {
      result: { status: 'incomplete', missing: [`${first} (đã nhập)`, ...rest] },
    });
    if (rest.length > 0) set('missing list shortened', { result: { status: 'incomplete', missing: rest } });
    if (record.status === 'draft')
      out.push({ change: 'status final', record: { ...record, status: 'final' } });
  }

  const completion = year.completion;
  if (completion === null)
    for (const status of completionStatuses)
      set(`completion ${status}`, { completion: { status, label: completionLabels[0] ?? '' } });
  else {
    set('completion removed', { completion: null });
    for (const status of completionStatuses)
      if (status !== completion.status)
        set(`completion ${status}`, { completion: { ...completion, status } });
    for (const label of completionLabels)
      if (label !== completion.label) set(`completion «${label}»`, { completion: { ...completion, label } });
  }

  const awards = year.awards;
  const replaced = (index: number, award: RecordAward) =>
    awards.map((old, at) => (at === index ? award : old));
  awards.forEach((award, index) => {
    if (award.kind === 'other') {
      set('other award named excellent', {
        awards: replaced(index, { kind: 'other', title: excellent.title }),
      });
      return;
    }
    set(`${award.kind} award renamed`, {
      awards: replaced(index, { ...award, title: `${award.title} (sửa)` }),
    });
    set(`${award.kind} award made other`, { awards: replaced(index, { ...award, kind: 'other' }) });
    if (award.kind === 'excellent')
      set('excellent award removed', { awards: awards.filter((_, at) => at !== index) });
    else set('exemplary award made excellent', { awards: replaced(index, { ...award, kind: 'excellent' }) });
  });
  if (!awards.some((award) => award.kind === 'excellent'))
    set('excellent award added', { awards: [...awards, excellent] });
  if (printed.status !== 'computed' || printed.code !== 'HTT') {
    if (!awards.some((award) => award.kind === 'exemplary'))
      set('exemplary award added', { awards: [...awards, exemplary] });
  }
  set('other award «Học sinh tiêu biểu»', {
    awards: [...awards, { kind: 'other', title: 'Học sinh tiêu biểu' }],
  });
  return out;
}

function expectConsistent(record: StudyRecord): void {
  expect(checkRecordConsistency(record)).toEqual({ ok: true, catalogueVersion: compiled.catalogue.version });
}

function expectEveryMutationRefused(record: StudyRecord): void {
  for (const { change, record: changed } of mutations(record)) {
    const checked = checkRecordConsistency(changed);
    expect({ change, ok: checked.ok }).toEqual({ change, ok: false });
    if (!checked.ok) {
      expect(checked.reason).toBe('disagrees');
      expect(checked.problems.length).toBeGreaterThan(0);
      for (const problem of checked.problems) expect(problem).toMatch(/^[A-ZĐÀ-Ỹ].*\S$/u);
    }
  }
}

type YearShape = {
  readonly grade: number;
  /** 0: every value at the top; 1: nearly; 2: mixed. Each result must be common, not only CHT. */
  readonly tier: 0 | 1 | 2;
  readonly english: boolean;
  readonly minority: boolean;
  readonly seed: readonly number[];
  readonly gaps: boolean;
  readonly steps: 'none' | 'supplementaryCompleted' | 'supplementaryFailed' | 'promoted' | 'retained';
  readonly stepsEvenIfNotNeeded: boolean;
  readonly confirmExemplary: boolean;
  readonly otherAward: boolean;
  readonly unconfirmed: boolean;
};

/** A year from any values (mid-term ones too, for the award evidence), gaps and completion steps. */
function yearOf(shape: YearShape): StudentYearInput {
  let cursor = 0;
  const next = () => shape.seed[cursor++ % shape.seed.length] ?? 0;
  const pick = <L>([top, middle, low]: readonly [L, L, L]): L => {
    const percent = next() % 100;
    const topChance = [100, 97, 85][shape.tier] ?? 85;
    return percent < topChance ? top : percent < 97 ? middle : low;
  };
  const scores = [
    [10, 9],
    [10, 9, 8, 7],
    [10, 9, 9, 8, 7, 6, 5, 4],
  ][shape.tier] ?? [10];
  const gap = (period: PeriodCode) => shape.gaps && period === 'CN' && next() % 40 === 0;
  const year = buildStudentYear(compiled, {
    grade: shape.grade,
    electives: [
      ...(shape.english && shape.grade <= 2 ? ['ngoai-ngu-1'] : []),
      ...(shape.minority ? ['tieng-dan-toc'] : []),
    ],
    subjectLevel: (_, period) => (gap(period) ? undefined : pick(['T', 'H', 'C'] as const)),
    score: (_, period) => (gap(period) ? undefined : scores[next() % scores.length]),
    traitLevel: (_, period) => (gap(period) ? undefined : pick(['T', 'Đ', 'C'] as const)),
  });
  const outcome = computeYearResult(compiled, year);
  const needsSteps = outcome.status === 'computed' && outcome.result === 'CHT';
  if (shape.steps === 'none' || (!needsSteps && !shape.stepsEvenIfNotNeeded)) return year;
  const completed = shape.steps === 'supplementaryCompleted';
  return {
    ...year,
    supplementaryEvaluation: {
      outcome: completed ? 'completed' : 'notCompleted',
      date: '2026-08-01',
      note: 'Đánh giá lại môn Toán.',
    },
    principalDecision:
      shape.steps === 'promoted' || shape.steps === 'retained'
        ? { decision: shape.steps, date: '2026-08-10' }
        : null,
  };
}

/** The record the app builds for that year: awards as the teacher confirms them, final once confirmed. */
function recordOf(shape: YearShape): StudyRecord {
  const year = yearOf(shape);
  const schoolClass = school.classes.find((candidate) => candidate.grade === year.grade);
  const student = school.students.find((candidate) => candidate.classId === schoolClass?.id);
  if (!schoolClass || !student) throw new Error(`no sample student in grade ${year.grade}`);
  const outcome = computeYearResult(compiled, year);
  const confirmed = outcome.status === 'computed' && !shape.unconfirmed;
  const confirmedAwards: RecordAward[] | undefined =
    outcome.status === 'computed'
      ? [
          ...outcome.awards
            .filter((award) => !award.requiresConfirmation || shape.confirmExemplary)
            .map((award) => ({ kind: award.award, title: award.title })),
          ...(shape.otherAward ? [{ kind: 'other' as const, title: 'Giải Nhì vẽ tranh cấp xã' }] : []),
        ]
      : undefined;
  const source: StudyRecordSource = {
    school: school.school,
    schoolClass,
    principalName: school.school.principalName,
    student: studentIdentityOf(student),
    year,
    status: confirmed ? 'final' : 'draft',
    resultConfirmedAt: confirmed ? confirmedAt : null,
    ...(confirmedAwards === undefined ? {} : { confirmedAwards }),
  };
  return buildStudyRecord(compiled, source);
}

const anyYearShape: fc.Arbitrary<YearShape> = fc.record({
  grade: fc.integer({ min: 1, max: 5 }),
  tier: fc.constantFrom(0, 1, 2),
  english: fc.boolean(),
  minority: fc.boolean(),
  seed: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 97, maxLength: 97 }),
  gaps: fc.boolean(),
  steps: fc.constantFrom('none', 'supplementaryCompleted', 'supplementaryFailed', 'promoted', 'retained'),
  stepsEvenIfNotNeeded: fc.boolean(),
  confirmExemplary: fc.boolean(),
  otherAward: fc.boolean(),
  unconfirmed: fc.boolean(),
});

describe('recomputing a record built by buildStudyRecord (property)', () => {
  it('agrees with any year the engine can be given, and refuses every single change of what it prints', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(anyYearShape, (shape) => {
        const record = recordOf(shape);
        const { result, completion } = record.year;
        seen.add(result.status === 'computed' ? `${result.code}/${completion?.status ?? ''}` : 'incomplete');
        expectConsistent(record);
        expectEveryMutationRefused(record);
      }),
      { numRuns: 300 },
    );
    // The generator reaches every result and every completion state, so the property says something.
    for (const reached of [
      'HTXS/completed',
      'HTT/completed',
      'HT/completed',
      'CHT/pending',
      'CHT/completed',
      'CHT/decided',
      'incomplete',
    ])
      expect(seen).toContain(reached);
  });

  it('agrees with the sample school’s records at any point of the year, and refuses every single change', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom<PeriodCode>('GK2', 'CN', 'CN'),
        (seed, through) => {
          const sample = generateSampleSchool({ seed, students: 25 });
          const records = sampleStudyRecords(
            compiled,
            sample,
            generateYearResults(compiled, sample, seed, through),
          );
          for (const record of records) expectConsistent(record);
          for (const record of records.slice(0, 4)) expectEveryMutationRefused(record);
        },
      ),
      { numRuns: 12 },
    );
  });
});
