import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths';

const run = promisify(execFile);
const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');

async function compile(project: string, outDir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [
      tsc,
      '-p',
      project,
      '--outDir',
      outDir,
      '--tsBuildInfoFile',
      join(outDir, 'build.tsbuildinfo'),
      '--pretty',
      'false',
    ]);
    return { code: 0, output: stdout };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string };
    return { code: failure.code ?? 1, output: failure.stdout ?? '' };
  }
}

describe('shared/ is platform-neutral', () => {
  const temp: string[] = [];
  beforeAll(async () => {
    await mkdir(join(repoRoot, '.tsbuild'), { recursive: true });
  });
  afterAll(async () => {
    for (const dir of temp) await rm(dir, { recursive: true, force: true });
  });

  it('compiles with no DOM and no Node types', async () => {
    const outDir = await mkdtemp(join(repoRoot, '.tsbuild', 'shared-check-'));
    temp.push(outDir);
    const result = await compile(join(repoRoot, 'shared', 'tsconfig.json'), outDir);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('would refuse code in shared/ that touches window, document or Buffer', async () => {
    // The probe lives outside shared/ but compiles with exactly shared/'s compiler settings.
    const probeDir = await mkdtemp(join(repoRoot, '.tsbuild', 'shared-probe-src-'));
    temp.push(probeDir);
    await writeFile(
      join(probeDir, 'probe.ts'),
      'export const a = window.location.href;\nexport const b = document.title;\nexport const c = Buffer.from("x");\n',
    );
    await writeFile(
      join(probeDir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(repoRoot, 'shared', 'tsconfig.json'),
        compilerOptions: { rootDir: '.', composite: false },
        include: ['probe.ts'],
      }),
    );
    const outDir = await mkdtemp(join(repoRoot, '.tsbuild', 'shared-probe-'));
    temp.push(outDir);
    const result = await compile(join(probeDir, 'tsconfig.json'), outDir);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/Cannot find name 'window'/);
    expect(result.output).toMatch(/Cannot find name 'document'/);
    expect(result.output).toMatch(/Cannot find name 'Buffer'/);
  });
});
