import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import { sampleStudyRecords } from '../../../shared/record/sampleStudyRecords';
import { generateSampleSchool } from '../../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../../shared/sample/generateYearResults';
import { createSealedFiles } from '../files/sealedFiles';
import { createLogger, memoryLogSink } from '../logger';
import { createPhotoStore } from '../photoStore';
import { loadRecordFonts } from '../recordFonts';
import { createRecordBundles } from './recordBundles';
import { createRecordFileStore, type RecordFileStore } from './recordFileStore';

/**
 * A class's records in one file, from real records the store produced: the PDF holds every
 * record's pages in class order (read back by poppler, which we did not write), the ZIP each file
 * byte for byte.
 */
const compiled = defaultCompiledCatalogue();
const school = generateSampleSchool({ seed: 21, students: 30 });
const records = sampleStudyRecords(compiled, school, generateYearResults(compiled, school, 21)).slice(0, 4);
let dataDir: string;
let store: RecordFileStore;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hocba-bundles-'));
  const files = createSealedFiles({ dataDir, key: randomBytes(32) });
  store = createRecordFileStore({
    dataDir,
    files,
    photos: createPhotoStore(dataDir, 512 * 1024, files),
    fonts: loadRecordFonts,
    logger: createLogger(memoryLogSink([]), 'debug'),
  });
  const produced = await store.produce(records);
  expect(produced.every((entry) => entry.outcome === 'written')).toBe(true);
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const entries = records.map((record, index) => ({
  recordId: record.id,
  fileStem: `${String(index + 1).padStart(2, '0')}-hoc-ba-${record.student.studentCode}`,
}));

describe('a class’s học bạ in one file (issue 10, point 9)', () => {
  it('prints every record’s pages, in class order, in one PDF', async () => {
    const bundles = createRecordBundles(store);
    const id = '1'.repeat(32);
    await bundles.add(id, 'pdf', entries.slice(0, 3));
    await expect(bundles.add(id, 'pdf', entries.slice(3))).resolves.toEqual({ added: 4 });
    const file = await bundles.finish(id, 'Hoc-ba-lop-3A-2025-2026', 'Học bạ lớp 3A năm học 2025-2026');
    expect(file.fileName).toBe('Hoc-ba-lop-3A-2025-2026.pdf');
    const path = join(dataDir, file.fileName);
    await writeFile(path, Buffer.from(file.bytesBase64, 'base64'));
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    const onePages = Number(
      /Pages:\s+(\d+)/.exec(
        execFileSync('pdfinfo', ['-'], {
          input: await store.read(records[0]?.id ?? ''),
          encoding: 'utf8',
        }),
      )?.[1],
    );
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(onePages * 4);
    expect(info).toContain('Học bạ lớp 3A năm học 2025-2026');
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    const positions = records.map((record) => text.indexOf(record.student.fullName));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Finished bundles are forgotten.
    await expect(bundles.finish(id, 'x', 'x')).rejects.toThrow(/Chưa có học bạ nào/);
  });

  it('hands out each record’s own file, byte for byte, in a ZIP', async () => {
    const bundles = createRecordBundles(store);
    const id = '2'.repeat(32);
    await bundles.add(id, 'zip', entries);
    const file = await bundles.finish(id, 'Hoc-ba-lop-3A-2025-2026', 'Học bạ lớp 3A');
    expect(file.mimeType).toBe('application/zip');
    const unzipped = unzipSync(Buffer.from(file.bytesBase64, 'base64'));
    expect(Object.keys(unzipped)).toEqual(entries.map((entry) => `${entry.fileStem}.pdf`));
    for (const [index, entry] of entries.entries())
      expect(
        Buffer.from(unzipped[`${entry.fileStem}.pdf`] ?? []).equals(
          Buffer.from(await store.read(entry.recordId)),
        ),
        String(index),
      ).toBe(true);
  });

  it('refuses a record not produced, a mixed format, too many records and a repeated file name', async () => {
    const bundles = createRecordBundles(store);
    await expect(
      bundles.add('3'.repeat(32), 'zip', [
        { recordId: 'studyRecord:student:9999999999:2025-2026', fileStem: 'x' },
      ]),
    ).rejects.toThrow();
    const id = '4'.repeat(32);
    await bundles.add(id, 'zip', entries.slice(0, 1));
    await expect(bundles.add(id, 'pdf', entries.slice(1, 2))).rejects.toThrow(/không lẫn cả hai/);
    await expect(bundles.add(id, 'zip', entries.slice(0, 1))).rejects.toThrow(/trùng tên/);
    const many = Array.from({ length: 81 }, () => entries[0] ?? { recordId: '', fileStem: '' });
    await expect(bundles.add('5'.repeat(32), 'pdf', many)).rejects.toThrow(/Mỗi lần gộp/);
  });
});
