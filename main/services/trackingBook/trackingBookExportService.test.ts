import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { trackingBookExportRequestSchema } from '../../../shared/domain/evaluation/trackingBookExport';
import {
  trackingBookClass,
  trackingBookComments,
  trackingBookRequest,
} from '../../../tests/support/trackingBookFixture';
import { loadRecordFonts } from '../recordFonts';
import { createTrackingBookExportService, trackingBookFileName } from './trackingBookExportService';

const service = createTrackingBookExportService({ fonts: loadRecordFonts });
const request = trackingBookRequest(35);
const { students } = trackingBookClass(35);
const names = students.map((student) => student.fullName.normalize('NFC'));
const workDir = mkdtempSync(join(tmpdir(), 'hocba-tracking-book-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const bytesOf = (base64: string): Buffer => Buffer.from(base64, 'base64');

/** Text of a cell; merged slaves read as empty so a search finds each block once. */
function text(sheet: ExcelJS.Worksheet, row: number, col: number): string {
  const cell = sheet.getCell(row, col);
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  const { value } = cell;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** The rows of a sheet as tab-joined text, for finding a line by content. */
function linesOf(sheet: ExcelJS.Worksheet): string[] {
  const lines: string[] = [];
  for (let row = 1; row <= sheet.rowCount; row += 1) {
    const cells: string[] = [];
    for (let col = 1; col <= sheet.columnCount; col += 1) cells.push(text(sheet, row, col));
    lines.push(cells.join('\t'));
  }
  return lines;
}

describe('Sổ theo dõi chất lượng giáo dục as Excel', () => {
  it('has a sheet per subject row and one for qualities and competencies, with every student and value', async () => {
    const file = await service.exportXlsx(request);
    expect(file.fileName).toBe('So-theo-doi-4A-2025-2026.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(bytesOf(file.bytesBase64)).buffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      'Tiếng Việt',
      'Toán',
      'Ngoại ngữ 1',
      'Đạo đức',
      'Lịch sử và Địa lí',
      'Khoa học',
      'Tin học',
      'Công nghệ',
      'Giáo dục thể chất',
      'Âm nhạc',
      'Mĩ thuật',
      'Hoạt động trải nghiệm',
      'Phẩm chất, năng lực',
    ]);
    const toan = book.getWorksheet('Toán');
    if (!toan) throw new Error('no Toán sheet');
    expect(text(toan, 2, 1)).toBe('SỔ THEO DÕI CHẤT LƯỢNG GIÁO DỤC');
    expect(text(toan, 4, 1)).toBe('Môn Toán');
    expect([1, 2, 3, 4, 5, 11].map((col) => text(toan, 6, col))).toEqual([
      'STT',
      'Họ và tên',
      'Giữa học kỳ I',
      '',
      'Cuối học kỳ I',
      'Nhận xét',
    ]);
    expect([3, 4, 9, 10].map((col) => text(toan, 7, col))).toEqual(['Mức', 'Điểm', 'Mức', 'Điểm']);
    // Row 8 is the first student; the NFD name (7th) comes out in NFC; the 3rd has C and 4 in Toán at GK1.
    expect(text(toan, 8, 2)).toBe(names[0]);
    expect(text(toan, 14, 2)).toBe(names[6]);
    expect([1, 2, 3, 4].map((col) => text(toan, 10, col))).toEqual(['3', names[2], 'C', '4']);
    // The retest replaces the CN score (4 → 6).
    expect(text(toan, 9, 10)).toBe('6');
    expect(text(toan, 8, 11)).toBe(
      `Giữa học kỳ I: ${trackingBookComments.toanGK1}\nCuối năm học: ${trackingBookComments.toanCN}`,
    );
    expect(text(toan, 8 + 35, 1)).toMatch(/^Mức: T — Hoàn thành tốt/);
    expect(toan.pageSetup.orientation).toBe('landscape');
    expect(toan.pageSetup.printTitlesRow).toBe('6:7');

    const traits = book.getWorksheet('Phẩm chất, năng lực');
    if (!traits) throw new Error('no traits sheet');
    const lines = linesOf(traits);
    const titles = lines.filter((line) => line.startsWith('Phẩm chất và năng lực — '));
    expect(titles.map((line) => line.trim())).toEqual([
      'Phẩm chất và năng lực — Giữa học kỳ I',
      'Phẩm chất và năng lực — Cuối học kỳ I',
      'Phẩm chất và năng lực — Giữa học kỳ II',
      'Phẩm chất và năng lực — Cuối năm học',
    ]);
    expect(lines.filter((line) => line.includes(`\t${names[1] ?? ''}\t`))).toHaveLength(4);
    // Student 2 is Đạt in Trung thực; student 1's Chăm chỉ comment at CK1.
    expect(lines.find((line) => line.includes(`\t${names[1] ?? ''}\t`))?.split('\t')).toContain('Đ');
    expect(lines.some((line) => line.endsWith(`Chăm chỉ: ${trackingBookComments.chamChiCK1}`))).toBe(true);
    // Each period's table prints from a new page (exceljs writes the breaks but does not read them back).
    const parts = unzipSync(bytesOf(file.bytesBase64));
    const traitsXml = strFromU8(
      parts[`xl/worksheets/sheet${book.worksheets.length}.xml`] ?? new Uint8Array(),
    );
    expect(traitsXml.match(/<brk id="\d+"/g)).toHaveLength(3);
  });

  it('keeps sheet names unique the way Excel compares them (ignoring case)', async () => {
    const [first, second] = request.sections;
    if (!first || !second) throw new Error('the fixture has too few sections');
    const clash = trackingBookExportRequestSchema.parse({
      ...request,
      sections: [
        { ...first, sheet: 'Toán' },
        { ...second, sheet: 'TOÁN' },
      ],
    });
    const file = await service.exportXlsx(clash);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(bytesOf(file.bytesBase64)).buffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Toán', 'TOÁN (2)']);
  });

  it('names a one-subject book after its subject', () => {
    const toan = request.sections.filter((section) => section.key === 'toan');
    expect(trackingBookFileName({ ...request, sections: toan }, 'pdf')).toBe(
      'So-theo-doi-4A-2025-2026-Toan.pdf',
    );
    const traits = request.sections.filter((section) => section.key === 'traits:CN');
    expect(trackingBookFileName({ ...request, sections: traits }, 'xlsx')).toBe(
      'So-theo-doi-4A-2025-2026.xlsx',
    );
  });
});

function pdfText(pdf: Buffer, name: string): { text: string; info: string } {
  const path = join(workDir, name);
  writeFileSync(path, pdf);
  return {
    text: execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }),
    info: execFileSync('pdfinfo', [path], { encoding: 'utf8' }),
  };
}

describe('Sổ theo dõi chất lượng giáo dục as PDF', () => {
  it('prints on A4 landscape every student in Vietnamese, the levels, scores and comments', async () => {
    const started = performance.now();
    const file = await service.exportPdf(request);
    const elapsed = performance.now() - started;
    expect(file.fileName).toBe('So-theo-doi-4A-2025-2026.pdf');
    expect(file.mimeType).toBe('application/pdf');
    const { text: content, info } = pdfText(bytesOf(file.bytesBase64), 'book.pdf');
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts/);
    const pages = content.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(request.sections.length);
    const flat = content.replace(/\s+/g, ' ');
    expect(flat).toContain('SỔ THEO DÕI CHẤT LƯỢNG GIÁO DỤC');
    expect(flat).toContain('Lớp 4A — Năm học 2025-2026 — Giáo viên chủ nhiệm:');
    for (const name of names) expect(flat).toContain(name);
    expect(flat).toContain('Môn Toán');
    expect(flat).toContain('Môn Toán (tiếp theo)');
    expect(flat).toContain('Phẩm chất và năng lực — Cuối năm học');
    expect(flat).toContain(`Giữa học kỳ I: ${trackingBookComments.toanGK1}`);
    // A wrapped comment: pdftotext puts its lines around the row's other cells.
    expect(flat).toContain('Chăm chỉ: Em chăm chỉ, tự giác');
    expect(flat).toContain('làm bài tập về nhà.');
    // The Toán table's third student: C and 4 at GK1; the second student's CN retest 6.
    const toanPage = pages.find((page) => page.includes('Môn Toán') && !page.includes('(tiếp theo)')) ?? '';
    const third = toanPage.split('\n').find((line) => line.includes(names[2] ?? '?')) ?? '';
    expect(third.replace(/\s+/g, ' ')).toContain(`3 ${names[2] ?? ''} C 4 T 4 T 4 T 4`);
    const second = toanPage.split('\n').find((line) => line.includes(names[1] ?? '?')) ?? '';
    expect(second.trim().split(/\s+/).at(-1)).toBe('6');
    const traitsPage =
      pages.find(
        (page) => page.includes('Phẩm chất và năng lực — Giữa học kỳ I') && !page.includes('(tiếp theo)'),
      ) ?? '';
    expect(traitsPage.split('\n').find((line) => line.includes(names[1] ?? '?'))).toMatch(/Đ/);
    expect(flat).toContain(`Trang 1/${pages.length}`);
    console.info(
      `Sổ theo dõi, 35 students, ${request.sections.length} tables: ${pages.length} pages in ${elapsed.toFixed(0)} ms`,
    );
  });

  it('cuts a comment too long for one page instead of running off the paper', async () => {
    const toan = request.sections.find((section) => section.key === 'toan');
    if (!toan) throw new Error('no Toán section');
    const long = Array.from({ length: 1200 }, (_, index) => `từ${index}`)
      .join(' ')
      .slice(0, 9_990);
    const rows = toan.rows.slice(0, 3).map((row) => ({ cells: [...row.cells.slice(0, -1), long] }));
    const hostile = trackingBookExportRequestSchema.parse({ ...request, sections: [{ ...toan, rows }] });
    const file = await service.exportPdf(hostile);
    const { text: content } = pdfText(bytesOf(file.bytesBase64), 'long.pdf');
    const pages = content.split('\f').filter((page) => page.trim() !== '');
    expect(pages).toHaveLength(3);
    expect(content).toContain('…');
    expect(content).not.toContain('từ1199');
    for (const page of pages) expect(page).toMatch(/Trang \d\/3/);
  });

  it('keeps unbroken names, a long level, a long comment word and long headings inside the page and their cells', async () => {
    const toan = request.sections.find((section) => section.key === 'toan');
    if (!toan) throw new Error('no Toán section');
    const row = toan.rows[0]?.cells ?? [];
    const cells = [1, 'Nguyễn'.repeat(40), 'HoànThànhTốt', ...row.slice(3, -1), 'Đ'.repeat(3_000)];
    const columns = toan.columns.map((column, index) =>
      index === 2 ? { ...column, label: 'Mức'.repeat(33) } : column,
    );
    const hostile = trackingBookExportRequestSchema.parse({
      ...request,
      school: { ...request.school, name: 'Trường'.repeat(33) },
      homeroomTeacherName: 'Nguyễn'.repeat(20),
      sections: [
        {
          ...toan,
          title: `Môn ${'Toán'.repeat(49)}`,
          legend: 'Đ'.repeat(300),
          columns,
          rows: Array.from({ length: 30 }, () => ({ cells })),
        },
      ],
    });
    const file = await service.exportPdf(hostile);
    const path = join(workDir, 'wide.pdf');
    writeFileSync(path, bytesOf(file.bytesBase64));
    const boxes = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
    const rights = [...boxes.matchAll(/xMax="([\d.]+)"/g)].map((match) => Number(match[1]));
    const lefts = [...boxes.matchAll(/xMin="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(rights.length).toBeGreaterThan(10);
    // The margins of A4 landscape are at 42 pt and 841.89 − 42 pt.
    expect(Math.max(...rights)).toBeLessThanOrEqual(800);
    expect(Math.min(...lefts)).toBeGreaterThanOrEqual(41);
    // The second page of the table (a continuation) repeats the header, cut to the page too.
    expect(boxes.match(/<page /g)?.length).toBeGreaterThan(1);
    expect(boxes).toMatch(/>Ho[^<]*…</);
    expect(boxes).toContain('…');
  });
});
