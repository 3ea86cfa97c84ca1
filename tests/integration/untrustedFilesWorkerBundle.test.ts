import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { untrustedFilesWorkerEnv } from '../../main/services/isolation/untrustedFilesWorkerPath';
import { bundleWorker, untrustedFilesWorkerSource } from '../../main/workers/bundleWorker';
import { repoRoot } from '../support/paths';
import { classListXlsx } from '../support/xlsxBuilder';

/**
 * The shipped layout: a CommonJS bundle in dist/cli/ (or dist/main/) finds the worker in
 * dist/workers/ by itself, as Electron's main and the CLI do, and no environment variable can
 * point it at another script.
 */
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hocba-layout-'));
  await mkdir(join(dir, 'dist', 'cli'), { recursive: true });
  await Promise.all([
    bundleWorker(
      join(repoRoot, untrustedFilesWorkerSource),
      join(dir, 'dist', 'workers', 'untrustedFilesWorker.cjs'),
    ),
    build({
      entryPoints: [join(repoRoot, 'tests', 'support', 'bundledWorkerProbe.ts')],
      outfile: join(dir, 'dist', 'cli', 'probe.cjs'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'warning',
      external: ['esbuild'],
    }),
    writeFile(join(dir, 'lop.xlsx'), classListXlsx(35)),
    // What an attacker who sets the app's environment would like main to run.
    writeFile(
      join(dir, 'planted.cjs'),
      `require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'planted-ran'))}, 'yes');`,
    ),
  ]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the untrusted-files worker in the bundled layout', () => {
  it('is found beside the bundle and reads a class list; the environment cannot replace it', async () => {
    const env = { ...process.env, [untrustedFilesWorkerEnv]: join(dir, 'planted.cjs') };
    const child = spawn(process.execPath, [join(dir, 'dist', 'cli', 'probe.cjs'), join(dir, 'lop.xlsx')], {
      env,
      cwd: tmpdir(),
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 30_000,
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      workerPath: join(dir, 'dist', 'workers', 'untrustedFilesWorker.cjs'),
      rows: 35,
    });
    expect(existsSync(join(dir, 'planted-ran'))).toBe(false);
  });
});
