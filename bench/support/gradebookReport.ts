import type { SchoolRun } from './schoolRun';
import {
  integer,
  latencies,
  ms,
  perSecond,
  percentile,
  ratio,
  seconds,
  summarizeLongTasks,
  type LongTaskSummary,
} from './stats';

/** `raw over aim`: the raw limit itself misses the absolute aim in this run, so it does not apply. */
export type Verdict = 'met' | 'NOT met' | 'not measured' | 'raw over aim' | '—';

/** One line of the final table: a figure per school, the aim, and whether each school meets it. */
type Row = {
  readonly figure: string;
  readonly cells: readonly string[];
  readonly aim: string;
  readonly verdicts: readonly Verdict[];
};

const typingLimitMs = 50;
const trialLimitMs = 200;
const frameMs = 16;

const mb = (value: number | undefined): string =>
  value !== undefined && Number.isFinite(value) ? `${value.toFixed(0)} MB` : 'n/a';

const judge = (measured: boolean, ok: boolean): Verdict =>
  !measured ? 'not measured' : ok ? 'met' : 'NOT met';

const longTaskText = (summary: LongTaskSummary, supported: boolean): string =>
  supported
    ? `${summary.over} over ${summary.limit} ms (longest ${ms(summary.longest, 0)}, ${summary.count} long tasks, ${ms(summary.blocked, 0)} blocked)`
    : 'long tasks not reported by this browser';

/** Figures of one school derived from its run. */
export function figuresOf(run: SchoolRun) {
  const rawBulkRate = perSecond(run.rawBulk.pairs, run.rawBulk.milliseconds);
  const seedRate = perSecond(run.seedDocuments, run.seedMs);
  const rawTimeForSeed = (run.seedDocuments / rawBulkRate) * 1000;
  return {
    rawPaced: latencies(run.rawPaced),
    rawFast: latencies(run.rawFast),
    rawBulkRate,
    storedPaced: latencies(run.paced.stored),
    storedFast: latencies(run.fast.stored),
    paintPaced: latencies(run.paced.paint),
    paintFast: latencies(run.fast.paint),
    seedRate,
    rawTimeForSeed,
    typingPacedTasks: summarizeLongTasks(run.paced.longTasks, typingLimitMs),
    typingFastTasks: summarizeLongTasks(run.fast.longTasks, typingLimitMs),
    trialTasks: summarizeLongTasks(run.trialLongTasks, trialLimitMs),
    openMedian: percentile(run.opens, 50),
  };
}

/** The detailed report of one school, as lines. */
export function schoolLines(run: SchoolRun, paceMs: number): string[] {
  const f = figuresOf(run);
  const rawRatio = (app: number, raw: number) => `${ratio(app / raw)} raw`;
  const lines = [
    `## ${run.students.toLocaleString('en-US')} students (${run.chromium})`,
    `stored school read back raw: ${integer(run.stored.documents)} documents in ${Object.keys(run.stored.collections).length} collections (${Object.entries(
      run.stored.collections,
    )
      .map(([name, count]) => `${name} ${integer(count)}`)
      .join(
        ', ',
      )}), ${integer(run.stored.auditEvents)} audit events${run.stored.unpaired > 0 ? `, ${run.stored.unpaired} documents without their creation event` : ''}`,
    `raw IndexedDB, bulk (${integer(run.rawBulk.pairs)} document+event pairs, ${integer(run.rawBulk.batchSize)} a transaction, durability "${run.rawBulk.durability}"): ${seconds(run.rawBulk.milliseconds)} → ${integer(f.rawBulkRate)} pairs/s`,
    `raw IndexedDB, one transaction per pair, one every ${paceMs} ms (${f.rawPaced.count}): p50 ${ms(f.rawPaced.p50)}, p95 ${ms(f.rawPaced.p95)}, max ${ms(f.rawPaced.max)}`,
    `raw IndexedDB, one transaction per pair, back to back (${f.rawFast.count}): p50 ${ms(f.rawFast.p50)}, p95 ${ms(f.rawFast.p95)}, max ${ms(f.rawFast.max)}`,
    `raw throwaway database deleted: ${run.rawDropped ? 'yes' : 'NO'}`,
    `app, sample trial seeding (hocba:seed): ${integer(run.seedDocuments)} documents, each with its audit event, in ${seconds(run.seedMs)} → ${integer(f.seedRate)} pairs/s = ${rawRatio(f.seedRate, f.rawBulkRate)} bulk (aim ≥ 0.50×)`,
    `app, trial click → home screen with classes (hocba:trial-home): ${run.trialHomeMs === undefined ? 'not measured (the app does not emit it)' : `${seconds(run.trialHomeMs)} (aim ≤ 3 s)`}`,
    `app, trial click → whole school written: ${seconds(run.trialTotalMs)}; raw bulk time for the same ${integer(run.seedDocuments)} pairs ${seconds(f.rawTimeForSeed)} → ${ratio(run.trialTotalMs / f.rawTimeForSeed)} (aim ≤ 1.5×)`,
    `app, long tasks during the trial: ${longTaskText(f.trialTasks, run.longTasksSupported)} (aim: none over ${trialLimitMs} ms)`,
    `app, open a ${run.gradebookSize}-student grade book: ${run.opens.map((open) => ms(open, 0)).join(', ')} (median ${ms(f.openMedian, 0)}; earlier target < 150 ms)`,
    `app, key → stored (hocba:edit), one key every ${paceMs} ms (${f.storedPaced.count}): p50 ${ms(f.storedPaced.p50)}, p95 ${ms(f.storedPaced.p95)} = ${rawRatio(f.storedPaced.p95, f.rawPaced.p95)} p95, max ${ms(f.storedPaced.max)} (aim p95 ≤ 2× raw and ≤ ${frameMs} ms)`,
    `app, key → stored (hocba:edit), typed without pause (${f.storedFast.count}): p50 ${ms(f.storedFast.p50)}, p95 ${ms(f.storedFast.p95)} = ${rawRatio(f.storedFast.p95, f.rawFast.p95)} p95, max ${ms(f.storedFast.max)}`,
    f.paintPaced.count === 0
      ? 'app, key → paint (hocba:edit-paint): not measured (the app does not emit it)'
      : `app, key → paint (hocba:edit-paint), one key every ${paceMs} ms (${f.paintPaced.count}): p50 ${ms(f.paintPaced.p50)}, p95 ${ms(f.paintPaced.p95)}, max ${ms(f.paintPaced.max)}; without pause (${f.paintFast.count}): p95 ${ms(f.paintFast.p95)} (aim p95 ≤ ${frameMs} ms)`,
    `app, long tasks while typing one key every ${paceMs} ms: ${longTaskText(f.typingPacedTasks, run.longTasksSupported)} (aim: none over ${typingLimitMs} ms)`,
    `app, long tasks while typing without pause: ${longTaskText(f.typingFastTasks, run.longTasksSupported)}`,
    `renderer memory with the school open: page renderer VmRSS ${mb(run.memory.page?.rssMb)}, of which ${mb(run.memory.page?.anonMb)} private (pid ${run.memory.page?.pid ?? '?'}, ${(run.memory.page?.cpuSeconds ?? Number.NaN).toFixed(1)} s CPU; aim ≤ 300 MB); all renderers of this browser: ${run.memory.renderers.map((renderer) => `pid ${renderer.pid}${renderer.browserUi ? ' (browser UI)' : ''} ${mb(renderer.rssMb)} (${renderer.cpuSeconds.toFixed(1)} s CPU)`).join(', ')}; JS heap ${mb(run.memory.jsHeapUsedMb)} used of ${mb(run.memory.jsHeapTotalMb)}, ${mb(run.memory.jsHeapUsedAfterGcMb)} after a GC`,
  ];
  if (run.problems.length > 0) lines.push(`page problems: ${run.problems.slice(0, 5).join(' | ')}`);
  return lines;
}

function rows(runs: readonly SchoolRun[], paceMs: number): Row[] {
  const all = runs.map((run) => ({ run, f: figuresOf(run) }));
  const row = (
    figure: string,
    aim: string,
    cell: (entry: (typeof all)[number]) => string,
    verdict: (entry: (typeof all)[number]) => Verdict = () => '—',
  ): Row => ({ figure, aim, cells: all.map(cell), verdicts: all.map(verdict) });
  const result: Row[] = [
    row(
      'raw IndexedDB: 1 transaction (doc + event), paced',
      '—',
      ({ f }) => `p50 ${ms(f.rawPaced.p50)}, p95 ${ms(f.rawPaced.p95)}`,
    ),
    row(
      'raw IndexedDB: 1 transaction (doc + event), unpaced',
      '—',
      ({ f }) => `p50 ${ms(f.rawFast.p50)}, p95 ${ms(f.rawFast.p95)}`,
    ),
    row(
      'raw IndexedDB: bulk, pairs/s (pairs a transaction)',
      '—',
      ({ run, f }) => `${integer(f.rawBulkRate)} (${integer(run.rawBulk.batchSize)})`,
    ),
    row(
      `key → stored, 1 key / ${paceMs} ms (p50, p95, ratio of p95 to raw)`,
      'p95 ≤ 2× raw',
      ({ f }) =>
        `${ms(f.storedPaced.p50)}, ${ms(f.storedPaced.p95)} (${ratio(f.storedPaced.p95 / f.rawPaced.p95)})`,
      ({ f }) => judge(f.storedPaced.count > 0, f.storedPaced.p95 <= 2 * f.rawPaced.p95),
    ),
    row(
      `key → stored, 1 key / ${paceMs} ms, p95`,
      `≤ ${frameMs} ms where raw p95 ≤ ${frameMs} ms`,
      ({ f }) => ms(f.storedPaced.p95),
      ({ f }) =>
        f.rawPaced.p95 > frameMs
          ? 'raw over aim'
          : judge(f.storedPaced.count > 0, f.storedPaced.p95 <= frameMs),
    ),
    row(
      'key → stored, typed without pause (p50, p95, ratio)',
      '—',
      ({ f }) =>
        `${ms(f.storedFast.p50)}, ${ms(f.storedFast.p95)} (${ratio(f.storedFast.p95 / f.rawFast.p95)})`,
    ),
    row(
      `key → paint, 1 key / ${paceMs} ms (p50, p95)`,
      `p95 ≤ ${frameMs} ms`,
      ({ f }) =>
        f.paintPaced.count === 0 ? 'not measured' : `${ms(f.paintPaced.p50)}, ${ms(f.paintPaced.p95)}`,
      ({ f }) => judge(f.paintPaced.count > 0, f.paintPaced.p95 <= frameMs),
    ),
    row(
      'trial seeding, doc + event pairs/s (ratio to raw bulk)',
      '≥ 0.5× raw bulk',
      ({ f }) => `${integer(f.seedRate)} (${ratio(f.seedRate / f.rawBulkRate)})`,
      ({ f }) => judge(f.seedRate > 0, f.seedRate >= 0.5 * f.rawBulkRate),
    ),
    row(
      'trial: click → home screen with classes',
      '≤ 3 s',
      ({ run }) => (run.trialHomeMs === undefined ? 'not measured' : seconds(run.trialHomeMs)),
      ({ run }) => judge(run.trialHomeMs !== undefined, (run.trialHomeMs ?? Infinity) <= 3000),
    ),
    row(
      'trial: click → all written (ratio to raw bulk time)',
      '≤ 1.5× raw',
      ({ run, f }) => `${seconds(run.trialTotalMs)} (${ratio(run.trialTotalMs / f.rawTimeForSeed)})`,
      ({ run, f }) => judge(Number.isFinite(run.trialTotalMs), run.trialTotalMs <= 1.5 * f.rawTimeForSeed),
    ),
    row(
      `long tasks typing 1 key / ${paceMs} ms: > 50 ms, longest`,
      'none > 50 ms',
      ({ run, f }) =>
        run.longTasksSupported
          ? `${f.typingPacedTasks.over}, ${ms(f.typingPacedTasks.longest, 0)}`
          : 'not measured',
      ({ run, f }) => judge(run.longTasksSupported, f.typingPacedTasks.over === 0),
    ),
    row('long tasks typing without pause: > 50 ms, longest', '—', ({ run, f }) =>
      run.longTasksSupported
        ? `${f.typingFastTasks.over}, ${ms(f.typingFastTasks.longest, 0)}`
        : 'not measured',
    ),
    row(
      'long tasks during the trial: > 200 ms, longest',
      'none > 200 ms',
      ({ run, f }) =>
        run.longTasksSupported ? `${f.trialTasks.over}, ${ms(f.trialTasks.longest, 0)}` : 'not measured',
      ({ run, f }) => judge(run.longTasksSupported, f.trialTasks.over === 0),
    ),
    row(
      'renderer RSS, school open',
      '≤ 300 MB',
      ({ run }) => mb(run.memory.page?.rssMb),
      ({ run }) => judge(run.memory.page !== undefined, (run.memory.page?.rssMb ?? Infinity) <= 300),
    ),
    row(
      'JS heap used (after GC)',
      '—',
      ({ run }) =>
        `${run.memory.jsHeapUsedMb.toFixed(0)} MB (${run.memory.jsHeapUsedAfterGcMb.toFixed(0)} MB)`,
    ),
    row('open the grade book (median of 4)', '—', ({ f }) => ms(f.openMedian, 0)),
  ];
  const smallest = all[0];
  const largest = all[all.length - 1];
  if (smallest && largest && all.length > 1) {
    const growth = largest.f.storedPaced.p95 / smallest.f.storedPaced.p95;
    result.push({
      figure: `flat with size: key → stored p95, ${integer(largest.run.students)} ÷ ${integer(smallest.run.students)} students`,
      aim: '≤ 1.5×',
      cells: all.map((_, index) => (index === all.length - 1 ? ratio(growth) : '')),
      verdicts: all.map((_, index) =>
        index === all.length - 1 ? judge(Number.isFinite(growth), growth <= 1.5) : '—',
      ),
    });
  }
  return result;
}

/** "aim met / NOT met" lines, one per aim and school. */
export function aimLines(runs: readonly SchoolRun[], paceMs: number): string[] {
  return rows(runs, paceMs)
    .filter((row) => row.aim !== '—')
    .flatMap((row) =>
      row.verdicts.flatMap((verdict, index) => {
        if (verdict === '—') return [];
        const run = runs[index];
        const text =
          verdict === 'not measured'
            ? 'not measured'
            : verdict === 'raw over aim'
              ? 'aim does not apply (the raw limit misses it here)'
              : `aim ${verdict}`;
        return [
          `${text}: ${row.figure} (${integer(run?.students ?? 0)} students) = ${row.cells[index]}; aim ${row.aim}`,
        ];
      }),
    );
}

/** All figures as one markdown table, for a closing note. */
export function markdownTable(runs: readonly SchoolRun[], paceMs: number): string {
  const header = ['Figure', ...runs.map((run) => `${integer(run.students)} students`), 'Aim', 'Verdict'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`];
  for (const row of rows(runs, paceMs)) {
    const judged = row.verdicts
      .map((verdict, index) => ({ verdict, students: runs[index]?.students ?? 0 }))
      .filter(({ verdict }) => verdict !== '—');
    const verdict =
      judged.length === 0
        ? '—'
        : judged.length === 1 || new Set(judged.map(({ verdict: v }) => v)).size === 1
          ? (judged[0]?.verdict ?? '—')
          : judged.map(({ verdict: v, students }) => `${integer(students)}: ${v}`).join('; ');
    lines.push(`| ${[row.figure, ...row.cells, row.aim, verdict].join(' | ')} |`);
  }
  return lines.join('\n');
}
