/**
 * `npm run bench:gradebook`: the local write path in Debian's Chromium, through the real app and
 * bridge, beside the raw IndexedDB limit measured in the same page on the same data (issue 9).
 *
 * For each school size (`BENCH_SIZES`, default 300 and 2,000 students; each in a fresh browser
 * profile, since the trial's database name is fixed):
 * - the sample trial with a year of results: seeding rate (`hocba:seed`), click → home screen
 *   (`hocba:trial-home`, when the app emits it), click → everything written, long tasks meanwhile;
 * - the largest class's grade book opened (`hocba:gradebook-open`), then `BENCH_EDITS` values typed
 *   without pause and `BENCH_PACED_EDITS` at a typist's pace (`BENCH_PACE_MS`): key → stored
 *   (`hocba:edit`), key → paint (`hocba:edit-paint`, when the app emits it), long tasks meanwhile;
 * - the renderer's memory with the school open (VmRSS of the renderer process, V8 heap via CDP);
 * - the raw limit: the stored documents and audit events read back raw and written to a throwaway
 *   IndexedDB database, in bulk (`BENCH_RAW_BATCH` pairs a transaction, default 1,000) and one
 *   transaction per document+event pair, paced as the typing was and back to back.
 * Then every aim of the issue, met or not, and one markdown table of all figures.
 */
import { execFileSync } from 'node:child_process';
import { sampleTrialSizes } from '../renderer/features/signin/sampleTrialRequest';
import { startAppBridge } from '../tests/support/appBridge';
import { repoRoot } from '../tests/support/paths';
import { aimLines, markdownTable, schoolLines } from './support/gradebookReport';
import { pageProbeScript } from './support/pageProbeScript';
import { runSchool, type SchoolRun } from './support/schoolRun';

function numberFrom(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number, got ${process.env[name]}`);
  return value;
}

function sizesFrom(): number[] {
  const given = process.env.BENCH_SIZES ?? process.env.BENCH_STUDENTS ?? '300,2000';
  const sizes = given.split(',').map((size) => Number(size.trim()));
  for (const size of sizes)
    if (!(sampleTrialSizes as readonly number[]).includes(size))
      throw new Error(`BENCH_SIZES: the trial offers ${sampleTrialSizes.join(', ')} students, not ${size}`);
  return [...new Set(sizes)].sort((a, b) => a - b);
}

const sizes = sizesFrom();
const edits = numberFrom('BENCH_EDITS', 500);
/** A quick typist: about 8 keys a second. */
const paceMs = numberFrom('BENCH_PACE_MS', 120);
const pacedEdits = numberFrom('BENCH_PACED_EDITS', 100);
const rawBatch = numberFrom('BENCH_RAW_BATCH', 1000);

execFileSync('npm', ['run', '-s', 'build:renderer'], { cwd: repoRoot, stdio: 'inherit' });
const probeScript = await pageProbeScript();
const runs: SchoolRun[] = [];
for (const students of sizes) {
  const app = await startAppBridge();
  try {
    runs.push(
      await runSchool({
        pageUrl: app.bridge.pageUrl,
        probeScript,
        students,
        edits,
        pacedEdits,
        paceMs,
        rawBatch,
        log: (line) => console.error(line),
      }),
    );
  } finally {
    await app.close();
  }
}

console.log(`# Grade book and local write path benchmark (${sizes.join(', ')} students)`);
for (const run of runs) console.log(['', ...schoolLines(run, paceMs)].join('\n'));
console.log(['', '## Aims (issue 9)', ...aimLines(runs, paceMs)].join('\n'));
console.log(['', '## Table', '', markdownTable(runs, paceMs)].join('\n'));
