import type { BuildOptions } from 'esbuild';
import { join } from 'node:path';

/**
 * How a worker script is bundled: one CommonJS file with every dependency inside, as
 * worker_threads loads it in Electron's main, the CLI, the bridge and the tests alike. Used by
 * `npm run build:node` (dist/workers/), by the tests' global setup and by main when it runs from
 * source (a fresh build in a temporary folder, so a stale bundle is never used).
 */
export const untrustedFilesWorkerSource = join('main', 'workers', 'untrustedFilesWorker.ts');
export const untrustedFilesWorkerBundle = join('dist', 'workers', 'untrustedFilesWorker.cjs');

/** How every Node-side bundle is built: main, the CLI and this worker (main/build.ts uses it too). */
export const nodeBundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
} as const satisfies BuildOptions;

export async function bundleWorker(entry: string, outfile: string): Promise<void> {
  // Imported here, not at the top: esbuild is a development tool, never in the shipped app.
  const { build } = await import('esbuild');
  await build({ ...nodeBundleOptions, entryPoints: [entry], outfile, external: ['electron', 'pkcs11js'] });
}
