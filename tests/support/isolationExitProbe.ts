import { createIsolationRunner } from '../../main/services/isolation/isolationRunner';
import type { IsolationTestTasks } from './isolationTestWorker';

/**
 * Runs one task with a warm worker (idle time far longer than the test) and never closes the
 * runner: the process must still exit, as the CLI does after `hocba verify`.
 */
const workerPath = process.argv[2] ?? '';
const runner = createIsolationRunner<IsolationTestTasks>({ workerPath, idleMs: 600_000 });
const outcome = await runner.run('echo', { text: 'echoed' });
process.stdout.write(`${outcome.ok ? outcome.value.text : outcome.refusal.kind}\n`);
