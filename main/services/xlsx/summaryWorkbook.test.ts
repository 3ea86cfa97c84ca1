import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildStudentYear, topStudentYear } from '../../../shared/domain/evaluation/buildStudentYear';
import { buildClassSummary, type SummaryStudent } from '../../../shared/domain/evaluation/classSummary';
import { defaultCompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import type { PeriodCode } from '../../../shared/domain/evaluation/catalogueSchema';
import {
  summaryExportRequestSchema,
  type SummaryExportRequest,
} from '../../../shared/domain/evaluation/summaryExport';
import { generateSampleSchool } from '../../../shared/sample/generateSampleSchool';
import { createSummaryExportService } from '../summaryExportService';
import { createSummaryWorkbook } from './summaryWorkbook';

const compiled = defaultCompiledCatalogue();
const sample = generateSampleSchool({ seed: 2025, students: 180, region: 'ha-noi' });
const classA = sample.classes.find((candidate) => candidate.grade === 4);
if (!classA) throw new Error('the sample school has no grade 4 class');
const pupils = sample.students.filter((student) => student.classId === classA.id).slice(0, 35);
/** One name sent decomposed (NFD), as text pasted from some Mac sources arrives. */
const decomposedIndex = 6;

/** Five kinds of student in turn: HTXS, HTT (scores 7–8), HT (Đạo đức H, Trung thực Đ), CHT (Toán C, 4), HT (scores 5–6). */
const kindOf = (index: number): number => index % 5;
const incompleteIndex = 34;

function yearOf(index: number): SummaryStudent['year'] {
  const kind = kindOf(index);
  if (kind === 0) return topStudentYear(compiled, 4);
  const year = buildStudentYear(compiled, {
    grade: 4,
    subjectLevel: (row) =>
      kind === 3 && row.key === 'toan' ? 'C' : kind === 2 && row.key === 'dao-duc' ? 'H' : 'T',
    score: (row) => (kind === 1 ? 7 + (index % 2) : kind === 3 && row.key === 'toan' ? 4 : 5 + (index % 2)),
    traitLevel: (trait) => (kind === 2 && trait.code === 'trung-thuc' ? 'Đ' : 'T'),
  });
  if (index !== incompleteIndex) return year;
  return { ...year, competencies: year.competencies.filter((entry) => entry.period !== 'CN') };
}

const students: SummaryStudent[] = pupils.map((pupil, index) => ({
  id: pupil.id,
  fullName: index === decomposedIndex ? pupil.fullName.normalize('NFD') : pupil.fullName,
  birthDate: pupil.birthDate,
  gender: pupil.gender,
  studentCode: pupil.studentCode,
  year: yearOf(index),
  ...(index === 1 ? { note: 'Chuyển đến từ Trường Tiểu học Đống Đa' } : {}),
}));

function requestFor(period: PeriodCode): SummaryExportRequest {
  return summaryExportRequestSchema.parse({
    school: sample.school,
    className: classA?.name,
    schoolYear: sample.schoolYear,
    homeroomTeacherName: classA?.homeroomTeacherName,
    principalName: sample.school.principalName,
    summary: buildClassSummary(compiled, 4, period, students),
  });
}

async function readBack(bytes: Uint8Array): Promise<{ book: ExcelJS.Workbook; sheet: ExcelJS.Worksheet }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(bytes).buffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  return { book, sheet };
}

/** Text of a cell; merged slaves read as empty so a search finds each block once. */
function text(sheet: ExcelJS.Worksheet, row: number, col: number): string {
  const cell = sheet.getCell(row, col);
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  const { value } = cell;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function find(sheet: ExcelJS.Worksheet, wanted: string, fromRow = 1): { row: number; col: number } {
  for (let row = fromRow; row <= sheet.rowCount; row += 1)
    for (let col = 1; col <= sheet.columnCount; col += 1)
      if (text(sheet, row, col) === wanted) return { row, col };
  throw new Error(`"${wanted}" is not on the sheet`);
}

const headerTop = 7;
const firstDataRow = 9;
const colOf = (request: SummaryExportRequest, key: string): number =>
  request.summary.columns.findIndex((column) => column.key === key) + 1;
const girls = (indices: readonly number[]): number =>
  indices.filter((index) => pupils[index]?.gender === 'female').length;
const indicesWhere = (test: (index: number) => boolean): number[] =>
  pupils.map((_, index) => index).filter(test);

describe('class summary workbook', () => {
  it('lays out the GK1 table of a grade 4 class: heading, two header rows, every student', async () => {
    const request = requestFor('GK1');
    const { book, sheet } = await readBack(await createSummaryWorkbook(request));
    expect(book.creator).toBe('Học bạ số');
    expect(sheet.name).toBe('Tổng hợp GK1');
    expect(text(sheet, 1, 1)).toBe('Phường Láng');
    expect(text(sheet, 2, 1)).toBe('TRƯỜNG TIỂU HỌC CHU VĂN AN');
    expect(find(sheet, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').row).toBe(1);
    expect(find(sheet, 'Độc lập - Tự do - Hạnh phúc').row).toBe(2);
    expect(text(sheet, 4, 1)).toBe('BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ GIÁO DỤC');
    expect(sheet.getCell(4, 1).font).toMatchObject({ name: 'Times New Roman', size: 13, bold: true });
    expect(text(sheet, 5, 1)).toBe('Lớp 4A — Năm học 2025-2026 — Giữa học kỳ I');

    // STT, Họ và tên… span both header rows; a subject's group spans its level and GK score.
    const merges = sheet.model.merges;
    expect(merges).toEqual(expect.arrayContaining(['A7:A8', 'B7:B8', 'E7:E8', 'F7:G7', 'H7:I7']));
    expect([text(sheet, 7, 1), text(sheet, 7, 2), text(sheet, 7, 6), text(sheet, 7, 8)]).toEqual([
      'STT',
      'Họ và tên',
      'Tiếng Việt',
      'Toán',
    ]);
    expect([text(sheet, 8, 6), text(sheet, 8, 7)]).toEqual(['Mức đạt được', 'Điểm KTĐK']);
    const general = colOf(request, 'trait:tu-chu-tu-hoc');
    expect(general).toBeGreaterThan(0);
    expect(sheet.getCell(headerTop, general + 2).master.address).toBe(
      sheet.getCell(headerTop, general).address,
    );
    expect(text(sheet, headerTop, general)).toBe('Năng lực chung');
    expect(sheet.getCell(headerTop + 1, general).alignment.textRotation).toBe(90);

    expect(students[decomposedIndex]?.fullName).not.toBe(pupils[decomposedIndex]?.fullName);
    pupils.forEach((pupil, index) => {
      const row = firstDataRow + index;
      expect(text(sheet, row, 1)).toBe(String(index + 1));
      expect(text(sheet, row, 2)).toBe(pupil.fullName);
      expect(text(sheet, row, 2)).toBe(text(sheet, row, 2).normalize('NFC'));
    });
    expect(sheet.getCell(firstDataRow, 2).font).toMatchObject({ name: 'Times New Roman', size: 11 });
    expect(sheet.getCell(firstDataRow, 3).border.top?.style).toBe('thin');
    expect(text(sheet, firstDataRow + 3, colOf(request, 'toan:level'))).toBe('C');
    expect(sheet.getCell(firstDataRow + 3, colOf(request, 'toan:score')).value).toBe(4);
    expect(sheet.getCell(firstDataRow, colOf(request, 'toan:score')).value).toBe(10);
    expect(text(sheet, firstDataRow + 2, colOf(request, 'dao-duc:level'))).toBe('H');
    expect(text(sheet, firstDataRow + 2, colOf(request, 'trait:trung-thuc'))).toBe('Đ');
    expect(colOf(request, 'khoa-hoc:score')).toBe(0);
    expect(colOf(request, 'result')).toBe(0);

    expect(sheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 8 });
  });

  it('adds results, statistics by gender and the signature blocks at the end of the year', async () => {
    const request = requestFor('CN');
    const { sheet } = await readBack(await createSummaryWorkbook(request));
    expect(sheet.name).toBe('Tổng hợp CN');
    expect(sheet.pageSetup.printTitlesRow).toBe('7:8');
    expect(text(sheet, 5, 1)).toBe('Lớp 4A — Năm học 2025-2026 — Cuối năm học');
    const result = colOf(request, 'result');
    expect(text(sheet, headerTop, result)).toBe('Kết quả giáo dục');
    expect(sheet.model.merges).toContain(
      `${sheet.getCell(7, result).address}:${sheet.getCell(8, result).address}`,
    );
    expect(text(sheet, firstDataRow, result)).toBe('HTXS');
    expect(text(sheet, firstDataRow + 1, result)).toBe('HTT');
    expect(text(sheet, firstDataRow + 3, result)).toBe('CHT');
    expect(text(sheet, firstDataRow + incompleteIndex, result)).toBe('');
    expect(text(sheet, firstDataRow + 1, colOf(request, 'note'))).toBe(
      'Chuyển đến từ Trường Tiểu học Đống Đa',
    );
    expect(text(sheet, firstDataRow + incompleteIndex, colOf(request, 'note'))).toMatch(/^Chưa đủ dữ liệu/);
    expect(sheet.getCell(firstDataRow + 1, colOf(request, 'khoa-hoc:score')).value).toBe(8);

    // Statistics, counted here from the policy, not from the summary being exported.
    const lastDataRow = firstDataRow + pupils.length - 1;
    const total = pupils.length;
    expect(
      find(sheet, `Sĩ số: ${total} học sinh, trong đó nữ: ${girls(indicesWhere(() => true))}`).row,
    ).toBeGreaterThan(lastDataRow);
    const numbers = (row: number, from: number, count: number): unknown[] =>
      Array.from({ length: count }, (_, offset) => sheet.getCell(row, from + offset).value);
    const toanC = indicesWhere((index) => kindOf(index) === 3);
    const toanT = indicesWhere((index) => kindOf(index) !== 3);
    const toan = find(sheet, 'Toán', lastDataRow + 1).row;
    expect(numbers(toan, 6, 7)).toEqual([toanT.length, girls(toanT), 0, 0, toanC.length, girls(toanC), 0]);
    const ethics = find(sheet, 'Đạo đức', lastDataRow + 1).row;
    const ethicsH = indicesWhere((index) => kindOf(index) === 2);
    expect(numbers(ethics, 8, 2)).toEqual([ethicsH.length, girls(ethicsH)]);
    const honesty = find(sheet, 'Phẩm chất Trung thực', lastDataRow + 1).row;
    expect(numbers(honesty, 8, 2)).toEqual([ethicsH.length, girls(ethicsH)]);
    const selfStudy = find(sheet, 'Năng lực Tự chủ và tự học', lastDataRow + 1).row;
    expect(sheet.getCell(selfStudy, 12).value).toBe(1);
    const resultsRow = find(sheet, 'Số học sinh', lastDataRow + 1).row;
    const htxs = indicesWhere((index) => kindOf(index) === 0);
    const htt = indicesWhere((index) => kindOf(index) === 1);
    const ht = indicesWhere((index) => [2, 4].includes(kindOf(index)) && index !== incompleteIndex);
    expect(numbers(resultsRow, 6, 9)).toEqual([
      htxs.length,
      girls(htxs),
      htt.length,
      girls(htt),
      ht.length,
      girls(ht),
      toanC.length,
      girls(toanC),
      1,
    ]);
    expect(text(sheet, resultsRow - 2, 6)).toBe('Hoàn thành xuất sắc (HTXS)');
    expect(text(sheet, resultsRow - 1, 7)).toBe('Nữ');
    expect(text(sheet, resultsRow - 2, 14)).toBe('Chưa đủ dữ liệu');

    const teacher = find(sheet, 'GIÁO VIÊN CHỦ NHIỆM', resultsRow);
    const principal = find(sheet, 'HIỆU TRƯỞNG', resultsRow);
    expect(principal.row).toBe(teacher.row);
    expect(principal.col).toBeGreaterThan(teacher.col + 10);
    expect(find(sheet, 'Phường Láng, ngày … tháng … năm …', resultsRow)).toEqual({
      row: principal.row - 1,
      col: principal.col,
    });
    expect(find(sheet, '(Ký và ghi rõ họ tên)', resultsRow)).toEqual({
      row: teacher.row + 1,
      col: teacher.col,
    });
    expect(find(sheet, '(Ký tên, đóng dấu)', resultsRow)).toEqual({
      row: principal.row + 1,
      col: principal.col,
    });
    const teacherName = find(sheet, classA.homeroomTeacherName, resultsRow);
    expect(teacherName.col).toBe(teacher.col);
    expect(find(sheet, sample.school.principalName, resultsRow)).toEqual({
      row: teacherName.row,
      col: principal.col,
    });

    renderPdfIfLibreOfficeExists(await createSummaryWorkbook(request));
  });

  it('hands the file to the renderer as base64 with an ASCII name', async () => {
    const request = { ...requestFor('CN'), className: '4Đ Hoa Sen' };
    const file = await createSummaryExportService().exportXlsx(request);
    expect(file.fileName).toBe('Tong-hop-4D-Hoa-Sen-2025-2026-CN.xlsx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const { sheet } = await readBack(new Uint8Array(Buffer.from(file.bytesBase64, 'base64')));
    expect(text(sheet, 5, 1)).toBe('Lớp 4Đ Hoa Sen — Năm học 2025-2026 — Cuối năm học');
  });
});

/** A visual check where LibreOffice is installed; CI machines usually lack it, and then this does nothing. */
function renderPdfIfLibreOfficeExists(bytes: Uint8Array): void {
  const office = (process.env.PATH ?? '')
    .split(delimiter)
    .map((folder) => join(folder, 'libreoffice'))
    .find((path) => existsSync(path));
  if (!office) return;
  const folder = mkdtempSync(join(tmpdir(), 'summary-pdf-'));
  try {
    writeFileSync(join(folder, 'summary.xlsx'), bytes);
    execFileSync(
      office,
      ['--headless', '--convert-to', 'pdf', '--outdir', folder, join(folder, 'summary.xlsx')],
      {
        timeout: 60_000,
      },
    );
    expect(readFileSync(join(folder, 'summary.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
