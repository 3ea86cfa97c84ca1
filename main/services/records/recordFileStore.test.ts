import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueSchema } from '../../../shared/domain/evaluation/catalogueSchema';
import {
  compileCatalogue,
  defaultCompiledCatalogue,
} from '../../../shared/domain/evaluation/compiledCatalogue';
import { defaultCatalogue } from '../../../shared/domain/evaluation/defaultCatalogue';
import { sampleStudyRecords } from '../../../shared/record/sampleStudyRecords';
import type { StudyRecord } from '../../../shared/record/studyRecord';
import { generateSampleSchool } from '../../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../../shared/sample/generateYearResults';
import { createSealedFiles, type SealedFiles } from '../files/sealedFiles';
import { createLogger, memoryLogSink } from '../logger';
import { createPhotoStore } from '../photoStore';
import { loadRecordFonts } from '../recordFonts';
import { createRecordFileStore, type RecordFileStore } from './recordFileStore';

/**
 * Main recomputes before it renders (issue 8, item 9): a page that sends a record whose printed
 * result its own values do not give (a compromised renderer) gets a per-record refusal, and
 * nothing is written or replaced.
 */
const compiled = defaultCompiledCatalogue();
const school = generateSampleSchool({ seed: 12, students: 40 });
const records = sampleStudyRecords(compiled, school, generateYearResults(compiled, school, 12));

/** Records whose values give less than HTXS, so printing HTXS over them is a forgery. */
const belowTop = records.filter(
  (record) => record.year.result.status === 'computed' && record.year.result.code !== 'HTXS',
);

function honestOf(index: number): StudyRecord {
  const found = belowTop[index];
  if (!found) throw new Error(`no sample record below HTXS at ${String(index)}`);
  return found;
}

/** The attack: lower values, HTXS printed, with the award that goes with it. */
function forgedFrom(honest: StudyRecord): StudyRecord {
  return {
    ...honest,
    year: {
      ...honest.year,
      result: { status: 'computed', code: 'HTXS', name: 'Hoàn thành xuất sắc' },
      awards: [{ kind: 'excellent', title: 'Học sinh Xuất sắc' }],
    },
  };
}

let dataDir: string;
let store: RecordFileStore;
let files: SealedFiles;
const logLines: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hocba-record-store-'));
  files = createSealedFiles({ dataDir, key: randomBytes(32) });
  store = createRecordFileStore({
    dataDir,
    files,
    photos: createPhotoStore(dataDir, 512 * 1024, files),
    fonts: loadRecordFonts,
    logger: createLogger(memoryLogSink(logLines), 'debug'),
  });
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the record store refuses a record whose printed result disagrees with its values', () => {
  it('refuses the forged record of a batch and writes the honest ones', async () => {
    const honest = honestOf(0);
    const forged = forgedFrom(honestOf(1));
    const produced = await store.produce([honest, forged]);
    expect(produced.map((entry) => entry.outcome)).toEqual(['written', 'inconsistent']);
    const refusal = produced[1];
    expect(refusal?.file.state).toBe('missing');
    expect(refusal?.message).toContain(`Không lập học bạ của ${forged.student.fullName}`);
    expect(refusal?.message).toContain(
      'Học bạ ghi kết quả «Hoàn thành xuất sắc» nhưng các điểm và mức đạt được trong học bạ cho kết quả «',
    );
    await expect(readFile(store.pathOf(forged.id))).rejects.toThrow();
    // The log says what happened without the student's name or the reasons.
    const logged = logLines.find((line) => line.includes('records.inconsistent')) ?? '';
    expect(logged).toContain(forged.id);
    expect(logged).not.toContain(forged.student.fullName);
  });

  it('never replaces a good file by a forged version of the same record', async () => {
    const honest = honestOf(0);
    const before = await files.read(store.pathOf(honest.id));
    const forged: StudyRecord = {
      ...honest,
      year: { ...honest.year, result: { status: 'computed', code: 'HTXS', name: 'Hoàn thành xuất sắc' } },
    };
    const [produced] = await store.produce([forged]);
    expect(produced).toMatchObject({ outcome: 'inconsistent', file: { state: 'final' } });
    expect(Buffer.compare(await files.read(store.pathOf(honest.id)), before)).toBe(0);
  });

  it('refuses a record from a catalogue edition main does not have, saying so', async () => {
    const province = compileCatalogue(catalogueSchema.parse({ ...defaultCatalogue, version: '2026.1' }));
    const [provincial] = sampleStudyRecords(province, school, generateYearResults(province, school, 12), 1);
    if (!provincial) throw new Error('no record');
    const [produced] = await store.produce([provincial]);
    expect(produced?.outcome).toBe('inconsistent');
    expect(produced?.message).toContain('danh mục đánh giá phiên bản «2026.1»');

    const withProvince = createRecordFileStore({
      dataDir,
      files,
      photos: createPhotoStore(dataDir, 512 * 1024, files),
      fonts: loadRecordFonts,
      catalogues: [province, compiled],
    });
    expect((await withProvince.produce([provincial]))[0]?.outcome).toBe('written');
  });

  it('refuses a forged correction before looking at the signed file', async () => {
    const forged = forgedFrom(honestOf(1));
    await expect(store.amend(forged, 'BB-01/2026')).rejects.toThrow(
      'Học bạ ghi kết quả «Hoàn thành xuất sắc» nhưng các điểm và mức đạt được trong học bạ cho kết quả «',
    );
  });
});

describe('the record store keeps its files sealed (issue 11, point 4)', () => {
  it('writes no %PDF to disk, reads the plaintext back, and keeps a tampered file without rendering over it', async () => {
    const record = honestOf(2);
    const [written] = await store.produce([record]);
    expect(written?.outcome).toBe('written');
    const path = store.pathOf(record.id);
    const raw = await readFile(path);
    expect(raw.includes(Buffer.from('%PDF'))).toBe(false);
    expect(raw.includes(Buffer.from(record.student.studentCode))).toBe(false);
    expect(
      Buffer.from(await store.read(record.id))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const changed = Buffer.from(raw);
    changed[Math.floor(changed.length / 2)] = (changed[Math.floor(changed.length / 2)] ?? 0) ^ 0x04;
    await writeFile(path, changed);
    await expect(store.read(record.id)).rejects.toThrow(
      /^Tệp học bạ trên máy này đã bị thay đổi hoặc hỏng nên không mở được/,
    );
    const [state] = await store.states([record.id]);
    expect(state?.state).toBe('unreadable');
    const [kept] = await store.produce([record]);
    expect(kept?.outcome).toBe('unreadableKept');
    expect((await readFile(path)).equals(changed)).toBe(true);

    // Another record's sealed file copied over this one: refused too, for it names another id.
    const other = honestOf(3);
    await store.produce([other]);
    await writeFile(path, await readFile(store.pathOf(other.id)));
    await expect(store.read(record.id)).rejects.toThrow(/đã bị thay đổi hoặc hỏng/);
    await writeFile(path, raw);
    await expect(store.states([record.id])).resolves.toMatchObject([{ state: record.status }]);
  });

  it('reads a học bạ an earlier build wrote in the clear and seals it in place', async () => {
    const record = honestOf(4);
    await store.produce([record]);
    const path = store.pathOf(record.id);
    const plain = await files.read(path);
    await writeFile(path, plain);
    expect(Buffer.from(await store.read(record.id)).equals(plain)).toBe(true);
    const raw = await readFile(path);
    expect(raw.includes(Buffer.from('%PDF'))).toBe(false);
    await expect(store.produce([record])).resolves.toMatchObject([{ outcome: 'unchanged' }]);
  });
});
