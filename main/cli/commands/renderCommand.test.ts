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
import { canonicalRecordJson, studyRecordHash } from '../../../shared/record/recordHash';
import { readRecordPdfMarkers } from '../../../shared/record/render/recordPdfMarkers';
import { sampleStudyRecords } from '../../../shared/record/sampleStudyRecords';
import { generateSampleSchool } from '../../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../../shared/sample/generateYearResults';
import { captureCliIo } from '../../../tests/support/captureCliIo';
import { runCli } from '../cli';

const compiled = defaultCompiledCatalogue();
const school = generateSampleSchool({ seed: 3, students: 40 });
const records = sampleStudyRecords(compiled, school, generateYearResults(compiled, school, 3));
const [record] = records;
/** A province's edition: the shipped rules under another version. */
const provinceCatalogue = { ...defaultCatalogue, version: '2026.1' };
const province = compileCatalogue(catalogueSchema.parse(provinceCatalogue));
let dir: string;

/** The attack of issue 8 item 9: a record whose values give HT, edited to print HTXS. */
function forgedRecord() {
  const honest = records.find(
    (candidate) => candidate.year.result.status === 'computed' && candidate.year.result.code === 'HT',
  );
  if (!honest) throw new Error('no HT sample record');
  return {
    ...honest,
    year: {
      ...honest.year,
      result: { status: 'computed', code: 'HTXS', name: 'Hoàn thành xuất sắc' } as const,
      awards: [{ kind: 'excellent', title: 'Học sinh Xuất sắc' } as const],
    },
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hocba-render-'));
  if (!record) throw new Error('no sample record');
  await writeFile(join(dir, 'record.json'), canonicalRecordJson(record));
  await writeFile(join(dir, 'bad.json'), JSON.stringify({ ...record, status: 'signed' }));
  await writeFile(join(dir, 'forged.json'), canonicalRecordJson(forgedRecord()));
  const provincial = sampleStudyRecords(province, school, generateYearResults(province, school, 3), 1)[0];
  if (!provincial) throw new Error('no provincial record');
  await writeFile(join(dir, 'provincial.json'), canonicalRecordJson(provincial));
  await writeFile(join(dir, 'province-catalogue.json'), JSON.stringify(provinceCatalogue));
  await writeFile(join(dir, 'broken-catalogue.json'), JSON.stringify({ ...provinceCatalogue, version: 'x' }));
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

  it('refuses a record whose printed result its own values do not give, with the reasons', async () => {
    const run = captureCliIo('', dir);
    await expect(runCli(['render', '--record', 'forged.json', '--out', 'forged.pdf'], run.io)).resolves.toBe(
      1,
    );
    const err = run.err();
    expect(err).toContain('không khớp với chính các điểm và mức đạt được trong học bạ; chưa tạo tệp PDF nào');
    expect(err).toContain(
      '  Học bạ ghi kết quả «Hoàn thành xuất sắc» nhưng các điểm và mức đạt được trong học bạ cho kết quả «Hoàn thành»: ',
    );
    expect(err).toContain('  Học bạ ghi khen thưởng «Học sinh Xuất sắc» nhưng khen thưởng này chỉ dành cho');
    expect(run.out()).toBe('');
    await expect(readFile(join(dir, 'forged.pdf'))).rejects.toThrow();
  });

  it('says when the record’s catalogue edition is not known, and renders it with the province’s file', async () => {
    const unknown = captureCliIo('', dir);
    await expect(
      runCli(['render', '--record', 'provincial.json', '--out', 'provincial.pdf'], unknown.io),
    ).resolves.toBe(1);
    expect(unknown.err()).toContain(
      'danh mục đánh giá phiên bản «2026.1», nhưng ở đây chỉ có danh mục phiên bản «2025.1»',
    );
    expect(unknown.err()).toContain('hocba render --catalogue TỆP.json');
    await expect(readFile(join(dir, 'provincial.pdf'))).rejects.toThrow();

    const known = captureCliIo('', dir);
    const args = ['render', '--record', 'provincial.json', '--out', 'provincial.pdf'];
    await expect(runCli([...args, '--catalogue', 'province-catalogue.json'], known.io)).resolves.toBe(0);
    expect(known.err()).toContain('Đã tạo học bạ');
    // The shipped edition is still known beside the province's.
    const shipped = captureCliIo('', dir);
    await expect(
      runCli(
        [
          'render',
          '--record',
          'record.json',
          '--out',
          'shipped.pdf',
          '--catalogue',
          'province-catalogue.json',
        ],
        shipped.io,
      ),
    ).resolves.toBe(0);
  });

  it('refuses a catalogue file that is not a valid catalogue', async () => {
    const run = captureCliIo('', dir);
    const args = [
      'render',
      '--record',
      'record.json',
      '--out',
      'x.pdf',
      '--catalogue',
      'broken-catalogue.json',
    ];
    await expect(runCli(args, run.io)).resolves.toBe(1);
    expect(run.err()).toContain('Danh mục không hợp lệ');
    await expect(readFile(join(dir, 'x.pdf'))).rejects.toThrow();
  });

  it('asks for both files', async () => {
    const run = captureCliIo('', dir);
    await expect(runCli(['render', '--record', 'record.json'], run.io)).resolves.toBe(2);
    expect(run.err()).toContain('--out');
  });
});
