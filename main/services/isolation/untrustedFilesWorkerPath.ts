import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundleWorker, untrustedFilesWorkerSource } from '../../workers/bundleWorker';

/** Where the worker bundle is when main runs from source (the tests' global setup sets it). */
export const untrustedFilesWorkerEnv = 'HOCBA_UNTRUSTED_FILES_WORKER';

const bundleName = 'untrustedFilesWorker.cjs';

/**
 * Next to a bundle: Electron's main (dist/main/main.cjs) and the CLI (dist/cli/hocba.cjs) are
 * CommonJS bundles with `__filename`, and the worker is built beside them in dist/workers/.
 * Packaged, the app's files sit inside app.asar, from which a worker cannot be loaded:
 * electron-builder unpacks dist/workers/ to app.asar.unpacked (asarUnpack).
 */
export function bundledUntrustedFilesWorker(): string | undefined {
  if (typeof __filename !== 'string' || !__filename.endsWith('.cjs')) return undefined;
  const path = join(dirname(__filename), '..', 'workers', bundleName);
  return path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

/** The repository this code runs from: the folder above `main/workers/untrustedFilesWorker.ts`. */
function sourceRoot(): string | undefined {
  const starts = [process.argv[1], process.cwd()].filter((start): start is string => start !== undefined);
  for (const start of starts) {
    let dir = start;
    for (let depth = 0; depth < 8; depth += 1) {
      if (existsSync(join(dir, untrustedFilesWorkerSource))) return dir;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return undefined;
}

let fromSource: Promise<string> | undefined;

/**
 * Running from source (the bridge under tsx, benchmarks): bundles the worker from this tree now,
 * once per process, into a temporary folder removed at exit, so it always matches the source.
 */
function buildFromSource(): Promise<string> {
  fromSource ??= (async () => {
    const root = sourceRoot();
    if (root === undefined)
      throw new Error('the untrusted-files worker is neither bundled nor in a source tree');
    const dir = mkdtempSync(join(tmpdir(), 'hocba-worker-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const outfile = join(dir, bundleName);
    await bundleWorker(join(root, untrustedFilesWorkerSource), outfile);
    return outfile;
  })();
  fromSource.catch(() => {
    fromSource = undefined;
  });
  return fromSource;
}

/**
 * Where the untrusted-files worker script is: beside the bundle when main or the CLI runs from
 * one; otherwise (from source) `HOCBA_UNTRUSTED_FILES_WORKER` when set (the tests' fresh bundle),
 * or a fresh bundle of this tree. A bundled app never takes the variable: it would let whoever
 * sets the app's environment run a script of their choosing in main's process.
 */
export async function resolveUntrustedFilesWorker(): Promise<string> {
  const bundled = bundledUntrustedFilesWorker();
  if (bundled !== undefined) return bundled;
  const override = process.env[untrustedFilesWorkerEnv];
  if (override !== undefined && override !== '') return override;
  return buildFromSource();
}
