import { spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { repoRoot } from './paths';

/**
 * `npm test`: everything CI runs, in order — typecheck, lint, build, then the desktop's vitest
 * projects (unit, browser, integration together; then e2e on its own), then the province server's project twice: once against
 * PostgreSQL (HOCBA_TEST_DB=postgres), once against embedded PGlite. Ends with one line:
 * `N passed, M failed[, K skipped]`. Typecheck, lint and build count as one check each.
 */
type Tally = { passed: number; failed: number; skipped: number };

function step(
  title: string,
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  process.stdout.write(`\n▶ ${title}\n`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', env });
    child.on('close', (code) => resolve(code === 0));
    child.on('error', () => resolve(false));
  });
}

const vitestReport = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
  numTodoTests: z.number(),
  numTotalTestSuites: z.number(),
  numFailedTestSuites: z.number(),
  testResults: z.array(
    z.object({
      name: z.string(),
      status: z.string(),
      message: z.string().optional(),
      assertionResults: z.array(
        z.object({
          status: z.string(),
          fullName: z.string(),
          failureMessages: z.array(z.string()).nullish(),
        }),
      ),
    }),
  ),
});

/** One failure, told again at the very end: CI keeps only the tail of a long log. */
type FailureLine = { where: string; what: string };

function firstLines(text: string, lines: number): string {
  return text.split('\n').slice(0, lines).join('\n    ');
}

async function main(): Promise<number> {
  const started = Date.now();
  const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
  const failures: FailureLine[] = [];
  const count = (ok: boolean): void => {
    if (ok) tally.passed += 1;
    else tally.failed += 1;
  };

  const bin = (name: string) => join(repoRoot, 'node_modules', '.bin', name);
  count(await step('Typecheck (tsc -b)', bin('tsc'), ['-b']));
  count(await step('Lint (eslint, zero warnings)', bin('eslint'), ['--max-warnings', '0', '.']));
  count(await step('Build (main, preload, CLI, renderer)', 'npm', ['run', '-s', 'build']));

  const reportDir = join(repoRoot, 'tests', 'artifacts');
  await mkdir(reportDir, { recursive: true });
  const vitest = async (title: string, reportName: string, args: readonly string[], env = process.env) => {
    const reportPath = join(reportDir, reportName);
    await rm(reportPath, { force: true });
    const vitestOk = await step(
      title,
      bin('vitest'),
      ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${reportPath}`],
      env,
    );
    try {
      const report = vitestReport.parse(JSON.parse(await readFile(reportPath, 'utf8')));
      tally.passed += report.numPassedTests;
      tally.failed += report.numFailedTests;
      tally.skipped += report.numPendingTests + report.numTodoTests;
      // A file that fails to load has no test results of its own: count it, so it cannot hide.
      const brokenFiles = report.testResults.filter(
        (file) => file.status === 'failed' && file.assertionResults.length === 0,
      );
      tally.failed += brokenFiles.length;
      for (const file of report.testResults) {
        const where = file.name.startsWith(repoRoot) ? file.name.slice(repoRoot.length + 1) : file.name;
        if (file.status === 'failed' && file.assertionResults.length === 0) {
          failures.push({ where, what: firstLines(file.message ?? 'the file did not load', 6) });
        }
        for (const test of file.assertionResults) {
          if (test.status !== 'failed') continue;
          const message = (test.failureMessages ?? []).join('\n') || 'no message';
          failures.push({ where: `${where} > ${test.fullName}`, what: firstLines(message, 6) });
        }
      }
      if (!vitestOk && report.numFailedTests === 0 && brokenFiles.length === 0) {
        tally.failed += 1;
        failures.push({
          where: title,
          what: 'vitest failed outside any test (an unhandled error: see above)',
        });
      }
    } catch {
      tally.failed += 1;
      failures.push({ where: title, what: `no readable report at ${reportPath}` });
    }
  };
  const desktopProjects = ['unit', 'browser', 'integration'].flatMap((name) => ['--project', name]);
  await vitest('Tests (unit, browser, integration)', 'vitest-report.json', desktopProjects);
  // The journeys kill and restart main and the browser and drive the page in real time: on their
  // own, so two cores busy with the other projects do not stand between a click and its answer.
  await vitest('End-to-end journeys (e2e)', 'vitest-e2e.json', ['--project', 'e2e']);
  for (const engine of ['postgres', 'pglite'] as const) {
    await vitest(`Server tests on ${engine}`, `vitest-server-${engine}.json`, ['--project', 'server'], {
      ...process.env,
      HOCBA_TEST_DB: engine,
    });
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`\nnpm test took ${seconds} s\n`);
  for (const failure of failures) {
    process.stdout.write(`\n✗ ${failure.where}\n    ${failure.what}\n`);
  }
  const skipped = tally.skipped > 0 ? `, ${tally.skipped} skipped` : '';
  process.stdout.write(`${tally.passed} passed, ${tally.failed} failed${skipped}\n`);
  return tally.failed === 0 ? 0 : 1;
}

process.exitCode = await main();
