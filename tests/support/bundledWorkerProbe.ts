import { readFileSync } from 'node:fs';
import { createIsolationRunner } from '../../main/services/isolation/isolationRunner';
import { transferableBytes } from '../../main/services/isolation/transferableBytes';
import { resolveUntrustedFilesWorker } from '../../main/services/isolation/untrustedFilesWorkerPath';
import type { UntrustedFileTasks } from '../../main/workers/untrustedFileTasks';

/**
 * Bundled by a test the way main and the CLI are (CommonJS, in dist/<name>/): finds the worker
 * as they do and reads the class list named on the command line. Prints the path and the rows.
 */
void (async () => {
  const workerPath = await resolveUntrustedFilesWorker();
  const runner = createIsolationRunner<UntrustedFileTasks>({ workerPath });
  const bytes = transferableBytes(readFileSync(process.argv[2] ?? ''));
  const outcome = await runner.run('readClassList', { bytes }, { transfer: [bytes] });
  const rows = outcome.ok && outcome.value.ok ? outcome.value.table.rows.length : -1;
  process.stdout.write(`${JSON.stringify({ workerPath, rows })}\n`);
})();
