/**
 * `npm run bench:rules`: classifies a province's worth of student-years (300,000) with the
 * evaluation engine and prints students per second. Inputs are generated in chunks from a seed
 * (generation is not timed), with realistic level and score distributions across grades 1–5.
 */
import { spawnSync } from 'node:child_process';
import { buildStudentYear } from '../shared/domain/evaluation/buildStudentYear';
import type { YearResultCode } from '../shared/domain/evaluation/catalogueSchema';
import { defaultCompiledCatalogue } from '../shared/domain/evaluation/compiledCatalogue';
import { computeYearResult } from '../shared/domain/evaluation/computeYearResult';
import type { StudentYearInput } from '../shared/domain/evaluation/studentYearInput';
import { validateStudentYear } from '../shared/domain/evaluation/validateStudentYear';
import { createRandom } from '../shared/sample/random';

const total = Number(process.env.BENCH_STUDENTS ?? 300_000);
const chunkSize = 10_000;
const compiled = defaultCompiledCatalogue();
const random = createRandom(27_2020);

type Tier = {
  readonly subjectT: number;
  readonly subjectC: number;
  readonly scores: readonly [number, number];
  readonly traitT: number;
  readonly traitC: number;
};

/**
 * Students come in tiers roughly like a Vietnamese primary school's year-end results: most values
 * follow the student's tier, a few slip. The printed distribution shows what was classified.
 */
const tiers: readonly (readonly [Tier, number])[] = [
  [{ subjectT: 0.995, subjectC: 0, scores: [9, 10], traitT: 0.995, traitC: 0 }, 0.4],
  [{ subjectT: 0.99, subjectC: 0, scores: [7, 10], traitT: 0.99, traitC: 0 }, 0.25],
  [{ subjectT: 0.6, subjectC: 0.002, scores: [5, 9], traitT: 0.6, traitC: 0.002 }, 0.32],
  [{ subjectT: 0.4, subjectC: 0.15, scores: [3, 7], traitT: 0.4, traitC: 0.1 }, 0.03],
];

function level<L>(tierTop: number, tierLow: number, [top, middle, low]: readonly [L, L, L]): L {
  const roll = random.next();
  return roll < tierTop ? top : roll < 1 - tierLow ? middle : low;
}

function studentYear(index: number): StudentYearInput {
  const grade = (index % 5) + 1;
  const tier = random.weighted(tiers);
  return buildStudentYear(compiled, {
    grade,
    electives: random.chance(0.1) ? ['tieng-dan-toc'] : [],
    subjectLevel: () => level(tier.subjectT, tier.subjectC, ['T', 'H', 'C'] as const),
    score: () => random.int(tier.scores[0], tier.scores[1]),
    traitLevel: () => level(tier.traitT, tier.traitC, ['T', 'Đ', 'C'] as const),
    // A student here and there with a value not entered yet, as at the end of any real term.
    ...(random.chance(0.01) ? { periods: ['GK1', 'CK1', 'GK2'] as const } : {}),
  });
}

/** Runs the real CLI on NDJSON through a pipe, as province IT would, and times it. */
function measureCli(): { students: number; perSecond: number } {
  const students = Number(process.env.BENCH_CLI_STUDENTS ?? 20_000);
  const built = spawnSync('npm', ['run', '-s', 'build:node'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('could not build the CLI');
  const input = Array.from({ length: students }, (_, i) => JSON.stringify(studentYear(i))).join('\n');
  const started = performance.now();
  const run = spawnSync(process.execPath, ['dist/cli/hocba.cjs', 'classify', '--ndjson'], {
    input,
    maxBuffer: 1024 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const lines = run.stdout.toString('utf8').trim().split('\n').length;
  if (lines !== students)
    throw new Error(
      `the CLI answered ${lines} lines for ${students} students: ${run.stderr.toString('utf8')}`,
    );
  return { students, perSecond: Math.round(students / seconds) };
}

function time<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

const counts: Record<YearResultCode | 'incomplete', number> = {
  HTXS: 0,
  HTT: 0,
  HT: 0,
  CHT: 0,
  incomplete: 0,
};
let classifyMs = 0;
let validateMs = 0;
let generateMs = 0;
let entries = 0;

// Warm-up: let the JIT see the code before the clock runs.
for (let i = 0; i < 5_000; i += 1) computeYearResult(compiled, studentYear(i));

for (let done = 0; done < total; done += chunkSize) {
  const size = Math.min(chunkSize, total - done);
  const generated = time(() => Array.from({ length: size }, (_, i) => studentYear(done + i)));
  generateMs += generated.ms;
  const inputs = generated.value;
  for (const input of inputs)
    entries += input.subjects.length + input.qualities.length + input.competencies.length;
  validateMs += time(() => inputs.forEach((input) => validateStudentYear(compiled, input))).ms;
  const classified = time(() => inputs.map((input) => computeYearResult(compiled, input)));
  classifyMs += classified.ms;
  for (const outcome of classified.value)
    counts[outcome.status === 'computed' ? outcome.result : 'incomplete'] += 1;
}

const perSecond = (ms: number) => Math.round((total / ms) * 1000).toLocaleString('en-US');
const micro = (ms: number) => ((ms * 1000) / total).toFixed(2);
console.log(`Evaluation engine benchmark (catalogue ${compiled.catalogue.version}, Node ${process.version})`);
console.log(
  `students:            ${total.toLocaleString('en-US')} (grades 1–5, ${(entries / total).toFixed(1)} entries each on average)`,
);
console.log(
  `classify:            ${(classifyMs / 1000).toFixed(2)} s  →  ${perSecond(classifyMs)} students/s  (${micro(classifyMs)} µs each)`,
);
console.log(
  `validate:            ${(validateMs / 1000).toFixed(2)} s  →  ${perSecond(validateMs)} students/s  (${micro(validateMs)} µs each)`,
);
console.log(`validate + classify: ${perSecond(classifyMs + validateMs)} students/s`);
const cli = measureCli();
console.log(
  `hocba classify --ndjson, end to end (spawned, ${cli.students.toLocaleString('en-US')} students): ${cli.perSecond.toLocaleString('en-US')} students/s` +
    `  →  a province of ${total.toLocaleString('en-US')} in about ${Math.round(total / cli.perSecond)} s`,
);
console.log(`(generating inputs, not timed above: ${(generateMs / 1000).toFixed(2)} s)`);
console.log(
  `results: ${Object.entries(counts)
    .map(([result, count]) => `${result} ${((count / total) * 100).toFixed(1)} %`)
    .join(', ')}`,
);
