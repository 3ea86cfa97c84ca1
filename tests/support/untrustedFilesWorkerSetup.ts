import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { untrustedFilesWorkerEnv } from '../../main/services/isolation/untrustedFilesWorkerPath';
import { bundleWorker, untrustedFilesWorkerSource } from '../../main/workers/bundleWorker';
import { repoRoot } from './paths';

/** Set by the setup that built this run's bundle, so the other projects' setups reuse it. */
const builtBy = 'HOCBA_UNTRUSTED_FILES_WORKER_BUILT_BY';

/**
 * Vitest global setup: bundles the untrusted-files worker from the source under test into a
 * fresh temporary folder and points main at it (HOCBA_UNTRUSTED_FILES_WORKER, inherited by the
 * test processes), so tests never load a stale dist/ bundle, and concurrent runs never share one.
 */
export async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env[builtBy] === String(process.pid)) return undefined;
  const dir = await mkdtemp(join(tmpdir(), 'hocba-test-worker-'));
  const outfile = join(dir, 'untrustedFilesWorker.cjs');
  await bundleWorker(join(repoRoot, untrustedFilesWorkerSource), outfile);
  process.env[untrustedFilesWorkerEnv] = outfile;
  process.env[builtBy] = String(process.pid);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
