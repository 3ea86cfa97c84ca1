import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topStudentYear } from '../../../shared/domain/evaluation/buildStudentYear';
import { catalogueSchema } from '../../../shared/domain/evaluation/catalogueSchema';
import { defaultCompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import { defaultCatalogue } from '../../../shared/domain/evaluation/defaultCatalogue';
import { applyVietnameseValidationMessages } from '../../../shared/validation/vietnameseMessages';
import { runCli } from '../cli';
import { captureCliIo } from '../../../tests/support/captureCliIo';
import { StdinTooLarge } from '../cliIo';

function io(stdin = '', cwd = '/') {
  const captured = captureCliIo(stdin, cwd);
  return { value: captured.io, out: captured.out, err: captured.err };
}

const compiled = defaultCompiledCatalogue();
let dir: string;
beforeAll(async () => {
  applyVietnameseValidationMessages();
  dir = await mkdtemp(join(tmpdir(), 'hocba-catalogue-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hocba catalogue', () => {
  it('prints the whole catalogue as JSON that validates against its schema', async () => {
    const run = io();
    await expect(runCli(['catalogue'], run.value)).resolves.toBe(0);
    expect(catalogueSchema.safeParse(JSON.parse(run.out())).success).toBe(true);
  });

  it('prints one grade with --grade', async () => {
    const run = io();
    await expect(runCli(['catalogue', '--grade', '3'], run.value)).resolves.toBe(0);
    const view = JSON.parse(run.out()) as {
      grade: number;
      subjects: { key: string; testPeriods: string[]; status: string }[];
    };
    expect(view.grade).toBe(3);
    expect(view.subjects.find((s) => s.key === 'tin-hoc-cong-nghe/cong-nghe')?.testPeriods).toEqual([
      'CK1',
      'CN',
    ]);
    expect(view.subjects.find((s) => s.key === 'ngoai-ngu-1')?.status).toBe('compulsory');
    await expect(runCli(['catalogue', '--grade', '6'], io().value)).resolves.toBe(2);
  });

  it('prints the JSON Schema for provinces, and checks a province catalogue before using it', async () => {
    const schema = io();
    await runCli(['catalogue', '--schema'], schema.value);
    expect(JSON.parse(schema.out())).toMatchObject({
      type: 'object',
      properties: { subjects: { type: 'array' } },
    });

    const broken = join(dir, 'broken.json');
    await writeFile(broken, JSON.stringify({ ...defaultCatalogue, version: 'mới' }));
    const run = io();
    await expect(runCli(['catalogue', '--catalogue', broken], run.value)).resolves.toBe(1);
    expect(run.err()).toContain('Danh mục không hợp lệ');
    expect(run.err()).toContain('version');

    const corrected = join(dir, 'corrected.json');
    await writeFile(corrected, JSON.stringify({ ...defaultCatalogue, version: '2026.1' }));
    const good = io();
    await expect(runCli(['catalogue', '--catalogue', corrected], good.value)).resolves.toBe(0);
    expect((JSON.parse(good.out()) as { version: string }).version).toBe('2026.1');
  });
});

describe('hocba classify', () => {
  it('classifies every student and answers in the same order', async () => {
    const students = [
      { ...topStudentYear(compiled, 5), id: 'a' },
      { ...topStudentYear(compiled, 2), id: 'b', qualities: [] },
      { ...topStudentYear(compiled, 3), id: 'c' },
    ];
    students[2]?.subjects.forEach((entry) => {
      if (entry.subject === 'toan' && entry.period === 'CN') entry.score = 6;
    });
    const run = io(JSON.stringify(students));
    await expect(runCli(['classify'], run.value)).resolves.toBe(0);
    const results = JSON.parse(run.out()) as {
      id: string;
      status: string;
      result?: string;
      missing?: unknown[];
    }[];
    expect(results.map((r) => [r.id, r.status, r.result])).toEqual([
      ['a', 'computed', 'HTXS'],
      ['b', 'incomplete', undefined],
      ['c', 'computed', 'HT'],
    ]);
    expect(results[1]?.missing).toHaveLength(5);
    expect(run.err()).toContain('Đã xếp loại 3 học sinh');
  });

  it('refuses bad input, naming the item and the field, prints no result and exits non-zero', async () => {
    const good = topStudentYear(compiled, 4);
    const decimal = {
      ...good,
      id: 'hs-2',
      subjects: good.subjects.map((e) =>
        e.subject === 'toan' && e.period === 'CN' ? { ...e, score: 7.5 } : e,
      ),
    };
    const wrongLevel = { ...good, qualities: [{ quality: 'yeu-nuoc', period: 'CN', level: 'H' }] };
    const run = io(JSON.stringify([good, decimal, wrongLevel]));
    await expect(runCli(['classify'], run.value)).resolves.toBe(1);
    expect(run.out()).toBe('');
    const index = good.subjects.findIndex((e) => e.subject === 'toan' && e.period === 'CN');
    expect(run.err()).toContain(
      `Mục 2 (id hs-2), trường subjects.${index}.score: Điểm bài kiểm tra môn Toán, cuối năm học, là 7.5`,
    );
    expect(run.err()).toContain('Mục 3, trường qualities.0.level: Phải là một trong: T, Đ, C.');
    expect(run.err()).toContain('Dữ liệu vào có 2 lỗi');
  });

  it.each([
    ['not JSON', '{grade: 4', 'không phải JSON hợp lệ'],
    ['not an array', '{"grade": 4}', 'phải là một mảng JSON'],
    [
      'an unknown field',
      '[{"grade": 4, "lop": "4A"}]',
      'Mục 1, trường (gốc): Có trường không thuộc định dạng: lop.',
    ],
    [
      'a grade that is not a number',
      '[{"grade": "bốn"}]',
      'Mục 1, trường grade: Khối lớp phải là số nguyên từ 1 đến 5.',
    ],
    [
      'a principal’s decision without a supplementary evaluation',
      '[{"grade": 2, "principalDecision": {"decision": "retained", "date": "2026-08-15"}}]',
      'Chưa có đánh giá bổ sung thì chưa thể có quyết định',
    ],
  ])('refuses %s', async (_label, stdin, message) => {
    const run = io(stdin);
    await expect(runCli(['classify'], run.value)).resolves.toBe(1);
    expect(run.err()).toContain(message);
  });

  it('reads a file saved with a byte-order mark (Notepad, Excel)', async () => {
    const run = io(`\ufeff${JSON.stringify([topStudentYear(compiled, 1)])}`);
    await expect(runCli(['classify'], run.value)).resolves.toBe(0);
    expect(JSON.parse(run.out())).toMatchObject([{ status: 'computed', result: 'HTXS' }]);
  });

  it('streams NDJSON line by line, answering a bad line in its place and exiting 1 at the end', async () => {
    const lines = [
      JSON.stringify({ ...topStudentYear(compiled, 2), id: 'a' }),
      '{"grade": 9, "id": "b"}',
      '',
      'không phải json',
      JSON.stringify({ ...topStudentYear(compiled, 3), id: 'c' }),
    ];
    const run = io(`\ufeff${lines.join('\n')}\n`);
    await expect(runCli(['classify', '--ndjson'], run.value)).resolves.toBe(1);
    const results = run
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { status: string; id?: string; line?: number });
    expect(results.map((r) => [r.status, r.id ?? r.line])).toEqual([
      ['computed', 'a'],
      ['invalid', 'b'],
      ['invalid', 4],
      ['computed', 'c'],
    ]);
    expect(run.err()).toContain('Dòng 2, trường grade: Khối lớp phải là số nguyên từ 1 đến 5.');
    expect(run.err()).toContain('Đã xếp loại 2 học sinh');
    expect(run.err()).toContain('2 dòng có lỗi');
  });

  it('asks for NDJSON when a JSON array is too large to read at once', async () => {
    const huge = captureCliIo();
    const tooLarge = { ...huge.io, readStdin: async () => Promise.reject(new StdinTooLarge()) };
    await expect(runCli(['classify'], tooLarge)).resolves.toBe(1);
    expect(huge.err()).toContain('hãy dùng --ndjson');
  });
});
