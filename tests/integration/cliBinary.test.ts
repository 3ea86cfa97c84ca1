import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { topStudentYear } from '../../shared/domain/evaluation/buildStudentYear';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import { repoRoot } from '../support/paths';

const launcher = join(repoRoot, 'main', 'cli', 'launcher.cjs');

/** Runs the installed `hocba` (the launcher npm links as the bin) as a user would, stdin included. */
function hocba(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [launcher, ...args], { cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('the hocba command as built', () => {
  beforeAll(() => {
    expect(existsSync(join(repoRoot, 'dist', 'cli', 'hocba.cjs')), 'run npm run build:node first').toBe(true);
  });

  it('answers --help with its commands', async () => {
    const { code, stdout } = await hocba(['--help']);
    expect(code).toBe(0);
    for (const command of ['seed', 'catalogue', 'classify']) expect(stdout).toContain(command);
  });

  it('classifies students piped on stdin', async () => {
    const compiled = defaultCompiledCatalogue();
    const input = JSON.stringify([{ ...topStudentYear(compiled, 5), id: 'x' }]);
    const { code, stdout } = await hocba(['classify'], input);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject([{ id: 'x', status: 'computed', result: 'HTXS' }]);
  });

  it('exits non-zero with a Vietnamese message on bad input', async () => {
    const { code, stdout, stderr } = await hocba(['classify'], '[{"grade": "bốn"}]');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    // Items are counted from 1, as a teacher or IT officer counts them.
    expect(stderr).toContain('Mục 1, trường grade: Khối lớp phải là số nguyên từ 1 đến 5.');
  });
});
