import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { nodeBundleOptions } from '../../main/workers/bundleWorker';
import { repoRoot, requireBuiltRenderer } from './paths';

export type BridgeProcess = {
  readonly pid: number;
  /** The page to open, with this run's secret in the fragment. */
  readonly pageUrl: string;
  /** The port it listens on: a restart on the same data passes it back (same origin, same IndexedDB). */
  readonly port: number;
  /** SIGKILL, as a crash or a power cut would end main; resolves once the process is gone. */
  readonly kill: () => Promise<void>;
  /** SIGTERM: the bridge closes its server and exits; resolves once the process is gone. */
  readonly stop: () => Promise<void>;
};

export type BridgeProcessOptions = {
  readonly dataDir: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
};

export type BridgeLauncher = {
  readonly start: (options: BridgeProcessOptions) => Promise<BridgeProcess>;
  /** Removes the bundle. */
  readonly dispose: () => Promise<void>;
};

const entry = join(repoRoot, 'tests', 'support', 'bridgeProcessMain.ts');

async function ended(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await once(child, 'exit');
}

/**
 * Main's services behind the bridge in a child process of their own, so that a test can kill
 * main as a crash would. `bridgeProcessMain.ts` is bundled once from the source under test (as
 * main/build.ts bundles main: CommonJS, native modules outside, found through NODE_PATH), so each
 * start is one plain Node process, its pid is main's, and a restart costs no TypeScript compile.
 */
export async function bridgeLauncher(): Promise<BridgeLauncher> {
  const rendererDir = requireBuiltRenderer();
  const dir = await mkdtemp(join(tmpdir(), 'hocba-bridge-process-'));
  const script = join(dir, 'bridgeProcess.cjs');
  const { build } = await import('esbuild');
  await build({
    ...nodeBundleOptions,
    entryPoints: [entry],
    outfile: script,
    sourcemap: false,
    external: ['electron', 'pkcs11js', '@node-rs/argon2', 'electron-updater', 'esbuild'],
  });

  const start = async (options: BridgeProcessOptions): Promise<BridgeProcess> => {
    const args = [script, '--data-dir', options.dataDir, '--renderer-dir', rendererDir];
    const child = spawn(process.execPath, [...args, '--port', String(options.port ?? 0)], {
      cwd: repoRoot,
      env: { ...process.env, NODE_PATH: join(repoRoot, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stderr: string[] = [];
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
    const { pid, stdout } = child;
    if (pid === undefined) throw new Error('the bridge process did not start');
    const { pageUrl, port } = await new Promise<{ pageUrl: string; port: string }>((resolve, reject) => {
      createInterface({ input: stdout }).once('line', (line) =>
        resolve(JSON.parse(line) as { pageUrl: string; port: string }),
      );
      child.once('exit', (code, signal) =>
        reject(
          new Error(`the bridge process ended (${code ?? signal}) before listening:\n${stderr.join('')}`),
        ),
      );
    });
    return {
      pid,
      pageUrl,
      port: Number(port),
      kill: async () => {
        child.kill('SIGKILL');
        await ended(child);
      },
      stop: async () => {
        child.kill('SIGTERM');
        await ended(child);
      },
    };
  };

  return { start, dispose: () => rm(dir, { recursive: true, force: true }) };
}
