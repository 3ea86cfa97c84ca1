import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleSchoolFileSchema } from '../../shared/sample/sampleSchoolFile';
import { runCli } from './cli';
import { captureCliIo } from '../../tests/support/captureCliIo';

function captureIo(cwd: string) {
  const captured = captureCliIo('', cwd);
  return Object.assign(captured.io, { out: captured.out, err: captured.err });
}

describe('hocba CLI', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('prints its commands with --help and exits 0', async () => {
    const io = captureIo('/');
    await expect(runCli(['--help'], io)).resolves.toBe(0);
    expect(io.out()).toContain('seed');
    expect(io.out()).toContain('Cách dùng: hocba <lệnh>');
  });

  it('exits 2 on an unknown command and says so in Vietnamese', async () => {
    const io = captureIo('/');
    await expect(runCli(['ky-so'], io)).resolves.toBe(2);
    expect(io.err()).toContain('Không có lệnh "ky-so"');
  });

  it('seeds a school of the requested size into a file, deterministically', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hocba-cli-'));
    dirs.push(dir);
    const io = captureIo(dir);
    await expect(
      runCli(['seed', '--students', '2000', '--seed', '9', '--out', 'school.json'], io),
    ).resolves.toBe(0);
    const text = await readFile(join(dir, 'school.json'), 'utf8');
    const parsed = sampleSchoolFileSchema.parse(JSON.parse(text));
    expect(parsed.students).toHaveLength(2000);
    expect(io.err()).toContain('2000 học sinh');

    const again = captureIo(dir);
    await runCli(['seed', '--students', '2000', '--seed', '9'], again);
    expect(again.out()).toBe(text);
  });

  it.each([
    [['seed', '--students', 'nhiều'], '--students phải là số nguyên'],
    [['seed', '--students', '0'], '--students phải từ 1 đến 5000'],
    [['seed', '--school-year', '2025-2027'], 'Năm học phải có dạng 2025-2026'],
    [['seed', '--region', 'sao-hoa'], 'Vùng không hợp lệ'],
    [['seed', '--colour', 'red'], "Unknown option '--colour'"],
  ])('refuses %j with exit code 2 and a clear message', async (args, message) => {
    const io = captureIo('/');
    await expect(runCli(args, io)).resolves.toBe(2);
    expect(io.err()).toContain(message);
    expect(io.err()).toContain('hocba seed --help');
  });
});
