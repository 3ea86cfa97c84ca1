import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../shared/domain/dates';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import { canonicalRecordJson } from '../../shared/record/recordHash';
import { readAttachedRecord, readRecordPdfMarkers } from '../../shared/record/render/recordPdfMarkers';
import { parseRecordQrPayload, recordQrPayload } from '../../shared/record/render/recordQr';
import {
  renderStudyRecordPdf,
  type RenderedStudyRecord,
} from '../../shared/record/render/renderStudyRecordPdf';
import { sampleStudyRecords } from '../../shared/record/sampleStudyRecords';
import type { StudyRecord } from '../../shared/record/studyRecord';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../shared/sample/generateYearResults';
import { artifactsDir, repoRoot } from '../support/paths';

const run = promisify(execFile);
const fontDir = join(repoRoot, 'node_modules', '@expo-google-fonts', 'be-vietnam-pro');

/** A small PNG (RGB gradient) built by hand, standing in for a scanned 3×4 photo. */
function samplePhoto(width = 90, height = 120): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const offset = y * (width * 3 + 1) + 1 + x * 3;
      rows.set([120 + (x % 100), 150, 200 - (y % 120)], offset);
    }
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(rows)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** Every text of the record a reader sees on paper, as the record holds it. */
function vietnameseStrings(record: StudyRecord): string[] {
  const { student, school, year } = record;
  const texts = [
    student.fullName,
    student.ethnicity,
    student.nationality,
    student.birthPlace,
    student.hometown,
    student.address,
    student.fatherName,
    student.motherName,
    student.guardianName,
    student.studentCode,
    student.personalId,
    formatDate(student.birthDate),
    student.gender === 'male' ? 'Nam' : 'Nữ',
    school.name,
    school.commune,
    school.province,
    ...record.studyHistory.flatMap((entry) => [entry.className, entry.schoolName, entry.registerNumber]),
    year.className,
    year.homeroomTeacherName,
    year.principalName,
    ...year.subjects.flatMap((row) => [row.label, row.comment]),
    ...[...year.qualities, ...year.competencies].flatMap((row) => [row.name, row.comment]),
    ...(year.result.status === 'incomplete' ? year.result.missing : [year.result.name]),
    ...year.awards.map((award) => award.title),
    ...(year.completion ? [year.completion.label] : []),
  ];
  return [...new Set(texts.filter((text) => text !== ''))];
}

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('sample record missing');
  return value;
}

const squash = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ');

async function pdftotext(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);
  return squash(stdout);
}

describe('the học bạ PDF', () => {
  const compiled = defaultCompiledCatalogue();
  const school = generateSampleSchool({ seed: 5, students: 150 });
  const records = sampleStudyRecords(compiled, school, generateYearResults(compiled, school, 5));
  const grade5 = records.find((record) => record.year.grade === 5);
  const [draft] = sampleStudyRecords(compiled, school, generateYearResults(compiled, school, 5, 'CK1'), 1);
  const photo = samplePhoto();
  let fonts: { regular: Uint8Array; bold: Uint8Array };
  let final: RenderedStudyRecord;
  let finalRecord: StudyRecord;
  let draftRendered: RenderedStudyRecord;
  let work: string;
  const finalFile = join(artifactsDir, 'record-final.pdf');
  const draftFile = join(artifactsDir, 'record-draft.pdf');

  beforeAll(async () => {
    if (!grade5 || !draft) throw new Error('the sample school has no grade-5 record');
    fonts = {
      regular: new Uint8Array(await readFile(join(fontDir, '400Regular', 'BeVietnamPro_400Regular.ttf'))),
      bold: new Uint8Array(await readFile(join(fontDir, '700Bold', 'BeVietnamPro_700Bold.ttf'))),
    };
    finalRecord = {
      ...grade5,
      student: { ...grade5.student, photoSha256: createHash('sha256').update(photo).digest('hex') },
    };
    final = await renderStudyRecordPdf({ record: finalRecord, fonts, photo });
    draftRendered = await renderStudyRecordPdf({ record: draft, fonts });
    await mkdir(artifactsDir, { recursive: true });
    await writeFile(finalFile, final.pdf);
    await writeFile(draftFile, draftRendered.pdf);
    work = await mkdtemp(join(tmpdir(), 'hocba-record-pdf-'));
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('holds every Vietnamese text of the record exactly (pdftotext)', async () => {
    const text = await pdftotext(finalFile);
    const expected = vietnameseStrings(finalRecord);
    expect(expected.length).toBeGreaterThan(40);
    const missing = expected.filter((value) => !text.includes(squash(value)));
    expect(missing).toEqual([]);
    for (const heading of [
      'HỌC BẠ',
      'QUÁ TRÌNH HỌC TẬP',
      'Những phẩm chất chủ yếu',
      'Giáo viên chủ nhiệm',
      'Hiệu trưởng',
    ])
      expect(text).toContain(heading);
    expect(text.replace(/ /g, '')).not.toContain('BẢNNHÁP');
    // The place-and-date line above the signatures (the Ministry's template): the school's
    // commune and the day the year's result was confirmed, in Viet Nam.
    const place = finalRecord.school.commune || finalRecord.school.province;
    const [year, month, day] = (finalRecord.year.resultConfirmedAt ?? '').slice(0, 10).split('-');
    expect(text).toContain(`${place}, ngày ${day ?? ''} tháng ${month ?? ''} năm ${year ?? ''}`);
  });

  it('follows the Ministry’s template (issue 10, point 13)', async () => {
    const text = await pdftotext(finalFile);
    // Every year the student has, in the study history: a grade-5 student, five years here.
    expect(finalRecord.studyHistory).toHaveLength(5);
    for (const entry of finalRecord.studyHistory)
      expect(text).toContain(`${entry.schoolYear} ${entry.className}`);
    // The subject line names the language taught.
    expect(text).toContain('Ngoại ngữ 1: Tiếng Anh');
    // Year-end values only: no mid-year column.
    expect(text).not.toMatch(/\bCKI\b/);
    expect(text).toContain('Môn học và hoạt động giáo dục Mức đạt được Điểm KTĐK Nhận xét');
    // The principal confirms the identity page, under the place and date.
    const identityPage = text.slice(0, text.indexOf('QUÁ TRÌNH HỌC TẬP'));
    expect(identityPage).toContain('HIỆU TRƯỞNG');
    expect(identityPage).toContain(finalRecord.year.principalName);
    expect(identityPage).toContain('(Ký số tại ô Hiệu trưởng cuối học bạ)');
  });

  it('holds the draft texts too, with the watermark', async () => {
    const text = await pdftotext(draftFile);
    // Rotated text comes out letter by letter.
    expect(text.replace(/ /g, '')).toContain('BẢNNHÁP');
    const missing = vietnameseStrings(defined(draft)).filter((value) => !text.includes(squash(value)));
    expect(missing).toEqual([]);
  });

  it('renders every page to PNG (artefacts to look at)', async () => {
    for (const [file, prefix] of [
      [finalFile, 'record-final'],
      [draftFile, 'record-draft'],
    ] as const) {
      await run('pdftoppm', ['-png', '-r', '60', file, join(artifactsDir, prefix)]);
      for (
        let page = 1;
        page <= (prefix === 'record-final' ? final.pageCount : draftRendered.pageCount);
        page += 1
      ) {
        const png = await readFile(join(artifactsDir, `${prefix}-${page}.png`));
        expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
        expect(png.length).toBeGreaterThan(5_000);
      }
    }
  });

  it('is A4 with the fonts embedded, and small', async () => {
    const { stdout: info } = await run('pdfinfo', [finalFile]);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const { stdout: fontList } = await run('pdffonts', [finalFile]);
    const fontRows = fontList.split('\n').filter((line) => line.includes('BeVietnamPro'));
    expect(fontRows).toHaveLength(2);
    for (const row of fontRows) expect(row).toMatch(/Identity-H\s+yes\s+\w+\s+yes/);
    expect(final.pdf.length).toBeLessThan(60 * 1024 + photo.length);
    expect(draftRendered.pdf.length).toBeLessThan(60 * 1024);
  });

  it('carries the canonical record JSON as an attachment, matching the content hash', async () => {
    const { stdout } = await run('pdfdetach', ['-list', finalFile]);
    expect(stdout).toContain('hocba-record.json');
    const saved = join(work, 'record.json');
    await run('pdfdetach', ['-save', '1', '-o', saved, finalFile]);
    const json = await readFile(saved, 'utf8');
    expect(json).toBe(canonicalRecordJson(finalRecord));
    const attached = await readAttachedRecord(final.pdf);
    expect(attached.ok && attached.contentHash).toBe(final.contentHash);
  });

  it('marks drafts so that signers can refuse them, and names who signs in each box', async () => {
    expect(await readRecordPdfMarkers(final.pdf)).toEqual({
      recordId: finalRecord.id,
      contentHash: final.contentHash,
      version: 1,
      status: 'final',
      signatureBoxes: final.signatureBoxes,
      signers: finalRecord.signers,
    });
    expect((await readRecordPdfMarkers(draftRendered.pdf))?.status).toBe('draft');
    expect(draftRendered.status).toBe('draft');
    const { stdout } = await run('pdfinfo', [draftFile]);
    expect(stdout).toMatch(/Keywords:.*draft/);
  });

  it('writes the boxes’ marker as every file signed so far carries it (the seal’s box spelt `seal`)', async () => {
    const { stdout } = await run('pdfinfo', ['-custom', finalFile]);
    const line = stdout.split('\n').find((entry) => entry.startsWith('HocbaSignatureBoxes:'));
    const marker = JSON.parse(line?.slice('HocbaSignatureBoxes:'.length).trim() ?? 'null') as unknown;
    expect(Object.keys(marker ?? {})).toEqual(['homeroomTeacher', 'principal', 'seal']);
    expect(marker).toEqual({
      homeroomTeacher: final.signatureBoxes.homeroomTeacher,
      principal: final.signatureBoxes.principal,
      seal: final.signatureBoxes.schoolSeal,
    });
  });

  it('returns three signature boxes on the last page, side by side, inside the page', () => {
    const boxes = Object.values(final.signatureBoxes);
    expect(Object.keys(final.signatureBoxes)).toEqual(['homeroomTeacher', 'principal', 'schoolSeal']);
    for (const box of boxes) {
      expect(box.pageIndex).toBe(final.pageCount - 1);
      expect(box.x).toBeGreaterThan(0);
      expect(box.y).toBeGreaterThan(0);
      expect(box.x + box.width).toBeLessThan(595.28);
      expect(box.y + box.height).toBeLessThan(841.89);
      expect(box.width * box.height).toBeGreaterThan(100 * 50);
    }
    const [teacher, principal, seal] = boxes;
    expect(teacher && principal && teacher.x + teacher.width).toBeLessThanOrEqual(principal?.x ?? 0);
    expect(principal && seal && principal.x + principal.width).toBeLessThanOrEqual(seal?.x ?? 0);
  });

  it('refuses a photo that is not the one the record names', async () => {
    await expect(
      renderStudyRecordPdf({ record: finalRecord, fonts, photo: samplePhoto(60, 80) }),
    ).rejects.toThrow(/không khớp/);
  });

  it('has a QR payload that leads back to the record', () => {
    const payload = recordQrPayload({
      recordId: final.recordId,
      version: 1,
      contentHash: final.contentHash,
    });
    expect(parseRecordQrPayload(payload)).toEqual({
      recordId: finalRecord.id,
      version: 1,
      contentHash: final.contentHash,
    });
  });
});
