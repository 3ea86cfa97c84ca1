/**
 * `npm run bench:hostile-files`: reading hostile spreadsheets (tests/support/hostileXlsx.ts) and
 * a normal 2,000-row class list, the way the app reads them now (the bounded reader in the
 * isolated worker: time for the first read, which starts the worker, and for a second read with
 * it warm) and the way it read them before (exceljs loading the whole workbook on main's thread,
 * then every row and cell visited, as the old reader did). Each measurement runs in a fresh Node
 * process, so its peak memory (max RSS, the worker's included) is its own.
 *
 * BENCH_OLD=0 skips the old reader; BENCH_OLD_TIMEOUT_S (default 120) stops an old read that
 * does not end (reported as such).
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIsolationRunner } from '../main/services/isolation/isolationRunner';
import { transferableBytes } from '../main/services/isolation/transferableBytes';
import {
  resolveUntrustedFilesWorker,
  untrustedFilesWorkerEnv,
} from '../main/services/isolation/untrustedFilesWorkerPath';
import type { UntrustedFileTasks } from '../main/workers/untrustedFileTasks';
import * as hostile from '../tests/support/hostileXlsx';
import { classListXlsx } from '../tests/support/xlsxBuilder';

type Measure = {
  readonly outcome: string;
  readonly ms: number;
  readonly warmMs?: number;
  readonly maxRssMb: number;
};

/** The files, and whether running the old reader on them tells anything. */
const files: readonly { name: string; make: () => Uint8Array; old: boolean }[] = [
  { name: 'normal list, 2,000 rows', make: () => classListXlsx(2000), old: true },
  { name: 'exceljs choker (1.25 MB)', make: () => hostile.exceljsChoker(), old: true },
  { name: 'zip bomb, sheet → 1 GiB', make: () => hostile.sheetZipBomb(), old: true },
  { name: 'declared size lie', make: () => hostile.declaredSizeLie(), old: true },
  { name: '60 sheets × 60 MiB', make: () => hostile.manySheetBombs(), old: false },
  { name: 'shared strings 1.2 M', make: () => hostile.sharedStringsBomb(), old: true },
  { name: 'shared string 10 MiB', make: () => hostile.giantSharedString(10), old: false },
  { name: '1,000,000 tiny cells', make: () => hostile.millionTinyCells(), old: true },
  { name: '1,000,000 wide cells', make: () => hostile.millionWideCells(), old: false },
  { name: 'XFD1048576 jumps', make: () => hostile.farJumps(), old: true },
  { name: 'XML nested 100,000 deep', make: () => hostile.deepNesting(), old: true },
  { name: 'billion laughs', make: () => hostile.billionLaughs(), old: false },
  { name: 'styles bomb', make: () => hostile.stylesBomb(), old: false },
  { name: 'overlapping merges', make: () => hostile.overlappingMerges(), old: true },
  { name: 'text flood', make: () => hostile.textFlood(), old: false },
];

/** The reason of a refusal, without the advice every refusal ends with. */
function short(text: string): string {
  const reason = /(?:chủ đích|không đọc được): (.+?)\. Hãy mở/.exec(text)?.[1] ?? text;
  return reason.length > 70 ? `${reason.slice(0, 67)}…` : reason;
}

async function readNew(path: string): Promise<Measure> {
  const runner = createIsolationRunner<UntrustedFileTasks>({ workerPath: resolveUntrustedFilesWorker });
  const once = async () => {
    const bytes = transferableBytes(await readFile(path));
    const started = performance.now();
    const answer = await runner.run('readClassList', { bytes }, { transfer: [bytes] });
    const ms = performance.now() - started;
    if (!answer.ok) return { outcome: `refused by the runner: ${answer.refusal.kind}`, ms };
    return {
      outcome: answer.value.ok ? `read ${answer.value.table.rows.length} rows` : short(answer.value.message),
      ms,
    };
  };
  const cold = await once();
  const warm = await once();
  await runner.close();
  return { ...cold, warmMs: warm.ms, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

async function readOld(path: string): Promise<Measure> {
  const bytes = await readFile(path);
  const started = performance.now();
  let outcome: string;
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    let cells = 0;
    for (const sheet of workbook.worksheets) {
      sheet.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, () => (cells += 1)),
      );
    }
    outcome = `loaded, ${cells.toLocaleString('en-US')} cells`;
  } catch (error) {
    outcome = `failed: ${error instanceof Error ? error.message.slice(0, 50) : String(error)}`;
  }
  return { outcome, ms: performance.now() - started, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

/** One measurement in a fresh process: this script again, with `--child`. */
function measure(kind: 'new' | 'old', path: string, timeoutS: number): Measure {
  const args = [...process.execArgv, process.argv[1] ?? '', '--child', kind, path];
  if (kind === 'old') args.unshift('--max-old-space-size=8192');
  const started = performance.now();
  const child = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    timeout: timeoutS * 1000,
    env: process.env,
  });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status === 0 && line.startsWith('{')) return JSON.parse(line) as Measure;
  const ms = performance.now() - started;
  const why =
    child.signal === 'SIGTERM'
      ? `stopped after ${timeoutS} s`
      : `crashed (${child.signal ?? `exit ${child.status}`})`;
  return { outcome: why, ms, maxRssMb: Number.NaN };
}

const mode = process.argv[2];
if (mode === '--child') {
  const kind = process.argv[3];
  const path = process.argv[4] ?? '';
  const result = kind === 'new' ? await readNew(path) : await readOld(path);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const runOld = process.env.BENCH_OLD !== '0';
  const oldTimeoutS = Number(process.env.BENCH_OLD_TIMEOUT_S ?? 120);
  // Built once from source, then shared by every child.
  process.env[untrustedFilesWorkerEnv] = await resolveUntrustedFilesWorker();
  const workDir = await mkdtemp(join(tmpdir(), 'hocba-bench-hostile-'));
  const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(9);
  const mb = (value: number) => (Number.isNaN(value) ? '—' : `${value.toFixed(0)} MB`).padStart(8);
  try {
    console.log(
      'Hostile spreadsheets: new = bounded reader in the isolated worker (first read / warm), old = exceljs on main',
    );
    console.log(
      `${'file'.padEnd(26)} ${'size'.padStart(8)} | ${'new: first'.padStart(10)} ${'warm'.padStart(9)} ${'peak'.padStart(8)}  outcome | old: time, peak, outcome`,
    );
    for (const file of files) {
      const path = join(workDir, `${file.name.replace(/[^a-z0-9]+/gi, '-')}.xlsx`);
      const bytes = file.make();
      await writeFile(path, bytes);
      const fresh = measure('new', path, 120);
      let old = 'not run';
      if (runOld && file.old) {
        const before = measure('old', path, oldTimeoutS);
        old = `${ms(before.ms)} ${mb(before.maxRssMb)}  ${before.outcome}`;
      }
      console.log(
        `${file.name.padEnd(26)} ${`${(bytes.length / 1024).toFixed(0)} KB`.padStart(8)} | ${ms(fresh.ms)} ${ms(fresh.warmMs ?? Number.NaN)} ${mb(fresh.maxRssMb)}  ${fresh.outcome} | ${old}`,
      );
    }
    console.log('Peak = max RSS of the whole process (Node itself is about 50 MB; the worker is inside it).');
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
