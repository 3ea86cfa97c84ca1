import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import { canonicalRecordJson, studyRecordHash } from '../../../shared/record/recordHash';
import { readRecordPdfMarkers } from '../../../shared/record/render/recordPdfMarkers';
import { sampleStudyRecords } from '../../../shared/record/sampleStudyRecords';
import { generateSampleSchool } from '../../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../../shared/sample/generateYearResults';
import { captureCliIo } from '../../../tests/support/captureCliIo';
import { runCli } from '../cli';

const compiled = defaultCompiledCatalogue();
const school = generateSampleSchool({ seed: 3, students: 40 });
const [record] = sampleStudyRecords(compiled, school, generateYearResults(compiled, school, 3), 1);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hocba-render-'));
  if (!record) throw new Error('no sample record');
  await writeFile(join(dir, 'record.json'), canonicalRecordJson(record));
  await writeFile(join(dir, 'bad.json'), JSON.stringify({ ...record, status: 'signed' }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hocba render', () => {
  it('writes the PDF of a record file and prints its hash and signature boxes', async () => {
    const run = captureCliIo('', dir);
    await expect(runCli(['render', '--record', 'record.json', '--out', 'out/hb.pdf'], run.io)).resolves.toBe(
      0,
    );
    const summary = JSON.parse(run.out()) as { contentHash: string; signatureBoxes: Record<string, unknown> };
    expect(record && summary.contentHash).toBe(record && studyRecordHash(record));
    expect(Object.keys(summary.signatureBoxes)).toEqual(['homeroomTeacher', 'principal', 'seal']);
    const pdf = new Uint8Array(await readFile(join(dir, 'out', 'hb.pdf')));
    expect((await readRecordPdfMarkers(pdf))?.contentHash).toBe(summary.contentHash);
    expect(run.err()).toContain('Đã tạo học bạ');
  });

  it('refuses an invalid record file without writing a PDF', async () => {
    const run = captureCliIo('', dir);
    await expect(runCli(['render', '--record', 'bad.json', '--out', 'bad.pdf'], run.io)).resolves.toBe(1);
    expect(run.err()).toContain('Tệp dữ liệu học bạ không hợp lệ');
    await expect(readFile(join(dir, 'bad.pdf'))).rejects.toThrow();
  });

  it('asks for both files', async () => {
    const run = captureCliIo('', dir);
    await expect(runCli(['render', '--record', 'record.json'], run.io)).resolves.toBe(2);
    expect(run.err()).toContain('--out');
  });
});
