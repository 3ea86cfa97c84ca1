import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import { canonicalRecordJson, parseStudyRecordJson } from '../../../shared/record/recordHash';
import { sampleStudyRecords } from '../../../shared/record/sampleStudyRecords';
import { generateYearResults } from '../../../shared/sample/generateYearResults';
import { sampleSchoolFileSchema } from '../../../shared/sample/sampleSchoolFile';
import { captureCliIo } from '../../../tests/support/captureCliIo';
import { runCli } from '../cli';
import { recordFileName } from './seedCommand';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hocba-seed-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hocba seed --records-out', () => {
  it('names record files by record id without characters Windows refuses', () => {
    expect(recordFileName('studyRecord:student:0123456789:2025-2026')).toBe(
      'studyRecord_student_0123456789_2025-2026.json',
    );
    expect(recordFileName('a/b\\c*?"<>|')).toBe('a_b_c______.json');
  });

  it('writes one canonical, valid record per student with the year filled in, the same for the same seed', async () => {
    const run = captureCliIo('', dir);
    await expect(
      runCli(
        ['seed', '--students', '40', '--seed', '4', '--out', 'school.json', '--records-out', 'records'],
        run.io,
      ),
    ).resolves.toBe(0);
    const school = sampleSchoolFileSchema.parse(JSON.parse(await readFile(join(dir, 'school.json'), 'utf8')));
    const names = (await readdir(join(dir, 'records'))).sort();
    expect(names).toHaveLength(40);
    expect(run.err()).toContain('Đã ghi 40 tệp dữ liệu học bạ');

    const studentCodes = new Set(school.students.map((student) => student.studentCode));
    for (const name of names) {
      const text = await readFile(join(dir, 'records', name), 'utf8');
      const parsed = parseStudyRecordJson(text);
      if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
      expect(name).toBe(recordFileName(parsed.record.id));
      expect(text).toBe(canonicalRecordJson(parsed.record));
      expect(studentCodes.has(parsed.record.student.studentCode)).toBe(true);
      // The generated year is in the record: every subject row has a year-end level.
      expect(parsed.record.year.subjects.every((row) => row.CN.level !== null)).toBe(true);
      expect(parsed.record.status).toBe('final');
    }

    const compiled = defaultCompiledCatalogue();
    const expected = sampleStudyRecords(compiled, school, generateYearResults(compiled, school, 4));
    const first = expected[0];
    if (!first) throw new Error('no expected record');
    expect(await readFile(join(dir, 'records', recordFileName(first.id)), 'utf8')).toBe(
      canonicalRecordJson(first),
    );

    const again = captureCliIo('', dir);
    await runCli(['seed', '--students', '40', '--seed', '4', '--records-out', 'again'], again.io);
    for (const name of names)
      expect(await readFile(join(dir, 'again', name), 'utf8')).toBe(
        await readFile(join(dir, 'records', name), 'utf8'),
      );
    // Without --out the school still goes to stdout.
    expect(sampleSchoolFileSchema.parse(JSON.parse(again.out())).students).toHaveLength(40);
  });

  it('feeds hocba render', async () => {
    const [name] = (await readdir(join(dir, 'records'))).sort();
    if (!name) throw new Error('no record file');
    const run = captureCliIo('', dir);
    await expect(
      runCli(['render', '--record', join('records', name), '--out', 'hb.pdf'], run.io),
    ).resolves.toBe(0);
  });
});
