import ExcelJS from 'exceljs';
import type { SummaryExportRequest } from '../../../shared/domain/evaluation/summaryExport';

type Summary = SummaryExportRequest['summary'];
type Column = Summary['columns'][number];
type HeadCount = { total: number; female: number };
type Sheet = ExcelJS.Worksheet;
type Value = string | number | null | undefined;

/** The sheet's Vietnamese text (the familiar paper layout of the Bảng tổng hợp). */
export const summarySheetStrings = {
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  title: 'BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ GIÁO DỤC',
  school: (upperName: string) => (upperName.startsWith('TRƯỜNG') ? upperName : `TRƯỜNG ${upperName}`),
  subtitle: (className: string, schoolYear: string, periodName: string) =>
    `Lớp ${className} — Năm học ${schoolYear} — ${periodName}`,
  sheetName: (period: string) => `Tổng hợp ${period}`,
  statisticsTitle: 'THỐNG KÊ KẾT QUẢ ĐÁNH GIÁ',
  headCount: (total: number, female: number) => `Sĩ số: ${total} học sinh, trong đó nữ: ${female}`,
  subjects: 'Môn học và hoạt động giáo dục',
  traits: 'Năng lực, phẩm chất',
  result: 'Kết quả giáo dục',
  resultLine: 'Số học sinh',
  total: 'Tổng số',
  female: 'Nữ',
  notEvaluated: 'Chưa đánh giá',
  incomplete: 'Chưa đủ dữ liệu',
  subjectLevels: { T: 'Hoàn thành tốt (T)', H: 'Hoàn thành (H)', C: 'Chưa hoàn thành (C)' },
  traitLevels: { T: 'Tốt (T)', Đ: 'Đạt (Đ)', C: 'Cần cố gắng (C)' },
  results: {
    HTXS: 'Hoàn thành xuất sắc (HTXS)',
    HTT: 'Hoàn thành tốt (HTT)',
    HT: 'Hoàn thành (HT)',
    CHT: 'Chưa hoàn thành (CHT)',
  },
  placeAndDate: (commune: string) => `${commune}, ngày … tháng … năm …`,
  unknownPlace: '……………',
  homeroom: 'GIÁO VIÊN CHỦ NHIỆM',
  homeroomHint: '(Ký và ghi rõ họ tên)',
  principal: 'HIỆU TRƯỞNG',
  principalHint: '(Ký tên, đóng dấu)',
  periods: { GK1: 'Giữa học kỳ I', CK1: 'Cuối học kỳ I', GK2: 'Giữa học kỳ II', CN: 'Cuối năm học' },
} as const;
const s = summarySheetStrings;

const fontName = 'Times New Roman';
const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
/** Rows 1–2 heading, 4 title, 5 class line; the two header rows start at 7. */
const headerTop = 7;
// prettier-ignore
const widthByKey: Readonly<Record<string, number>> = { no: 5, fullName: 26, birthDate: 11, gender: 6, studentCode: 13, awards: 28, completion: 16, note: 24 };
// prettier-ignore
const widthByKind: Readonly<Record<Column['kind'], number>> = { text: 14, subjectLevel: 6, score: 6, traitLevel: 5, result: 8 };
const leftAligned = new Set(['fullName', 'awards', 'note']);

const nfc = (value: string): string => value.normalize('NFC');

function put(sheet: Sheet, row: number, col: number, value: Value, style: Partial<ExcelJS.Style> = {}): void {
  const cell = sheet.getCell(row, col);
  if (value !== null && value !== undefined) cell.value = typeof value === 'string' ? nfc(value) : value;
  cell.font = { name: fontName, size: 11, ...style.font };
  if (style.alignment) cell.alignment = style.alignment;
  if (style.border) cell.border = style.border;
}

/** A rectangle of cells: first row, first column, last row, last column (1-based). */
type Box = readonly [number, number, number, number];

/** Writes into the top-left cell of a box and styles every cell, merging when the box is bigger than one. */
function block(sheet: Sheet, [r1, c1, r2, c2]: Box, value: Value, style: Partial<ExcelJS.Style> = {}): void {
  for (let row = r1; row <= r2; row += 1)
    for (let col = c1; col <= c2; col += 1)
      put(sheet, row, col, row === r1 && col === c1 ? value : null, style);
  if (r2 > r1 || c2 > c1) sheet.mergeCells(r1, c1, r2, c2);
}

const centred: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
const headerStyle: Partial<ExcelJS.Style> = { font: { bold: true }, alignment: centred, border: thin };
const bold = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Style> => ({
  font: { bold: true, ...extra },
  alignment: { horizontal: 'center', vertical: 'middle' },
});
const italic: Partial<ExcelJS.Style> = { font: { italic: true }, alignment: { horizontal: 'center' } };

const widthOf = (column: Column): number => widthByKey[column.key] ?? widthByKind[column.kind];
// Times New Roman fits about 1.15 characters per width unit (units are Calibri digits).
const linesFor = (text: string, width: number): number =>
  Math.ceil(text.length / Math.max(1, width * 1.15 - 1));

/** The period as the title names it ("… — Cuối năm học"), else the Circular's name. */
function periodName(summary: Summary): string {
  const fromTitle = summary.title.split('—').at(-1)?.trim();
  return fromTitle && summary.title.includes('—') ? fromTitle : s.periods[summary.period];
}

function writeHeading(sheet: Sheet, request: SummaryExportRequest, spans: Spans): void {
  const { left, right, last } = spans;
  const upperName = nfc(request.school.name).toLocaleUpperCase('vi-VN');
  block(sheet, [1, 1, 1, left], request.school.commune, bold({ bold: false }));
  block(sheet, [2, 1, 2, left], s.school(upperName), bold());
  block(sheet, [1, right, 1, last], s.nation, bold());
  block(sheet, [2, right, 2, last], s.motto, bold({ underline: true }));
  block(sheet, [4, 1, 4, last], s.title, bold({ size: 13 }));
  const line = s.subtitle(request.className, request.schoolYear, periodName(request.summary));
  block(sheet, [5, 1, 5, last], line, bold());
  sheet.getRow(4).height = 22;
}

/** Two header rows: a column without a group spans both; a run of one group shares its upper cell. */
function writeHeader(sheet: Sheet, columns: readonly Column[]): void {
  let upperLines = 2;
  let index = 0;
  while (index < columns.length) {
    const first = columns[index];
    if (!first) break;
    const col = index + 1;
    if (first.group === '') {
      block(sheet, [headerTop, col, headerTop + 1, col], first.label, headerStyle);
      index += 1;
      continue;
    }
    let end = index;
    while (columns[end + 1]?.group === first.group) end += 1;
    const run = columns.slice(index, end + 1);
    block(sheet, [headerTop, col, headerTop, end + 1], first.group, headerStyle);
    const runWidth = run.reduce((sum, column) => sum + widthOf(column), 0);
    upperLines = Math.max(upperLines, linesFor(first.group, runWidth));
    run.forEach((column, offset) => {
      const rotated = column.kind === 'traitLevel';
      const alignment = rotated ? { ...centred, textRotation: 90 } : centred;
      put(sheet, headerTop + 1, col + offset, column.label, { ...headerStyle, alignment });
    });
    index = end + 1;
  }
  sheet.getRow(headerTop).height = Math.min(120, upperLines * 14 + 4);
  const rotatedLabels = columns.some((column) => column.kind === 'traitLevel');
  sheet.getRow(headerTop + 1).height = rotatedLabels ? 100 : 45;
}

function writeRows(sheet: Sheet, summary: Summary, top: number): number {
  summary.rows.forEach((row, offset) => {
    let lines = 1;
    summary.columns.forEach((column, index) => {
      const value = row.cells[column.key];
      const left = leftAligned.has(column.key);
      const alignment: Partial<ExcelJS.Alignment> = left
        ? { horizontal: 'left', vertical: 'middle', wrapText: true }
        : centred;
      put(sheet, top + offset, index + 1, value, { alignment, border: thin });
      if (typeof value === 'string' && column.key !== 'fullName')
        lines = Math.max(lines, linesFor(value, widthOf(column)));
    });
    if (lines > 1) sheet.getRow(top + offset).height = lines * 15;
  });
  return top + summary.rows.length;
}

/** One line of a statistics table: a count per level, then one plain number (not evaluated, incomplete). */
type StatLine = {
  readonly label: string;
  readonly levels: Readonly<Record<string, HeadCount>>;
  readonly rest: number;
};
type StatTable = {
  readonly heading: string;
  /** Level code → header, in column order. */
  readonly names: Readonly<Record<string, string>>;
  readonly restHeader: string;
  readonly lines: readonly StatLine[];
};

/** A small table under the data: a label block, then two sheet columns per level (Tổng số | Nữ). */
function writeStatTable(sheet: Sheet, top: number, labelEnd: number, table: StatTable): number {
  const codes = Object.keys(table.names);
  const colOf = (index: number): number => labelEnd + 1 + index * 2;
  const restCol = colOf(codes.length);
  block(sheet, [top, 1, top + 1, labelEnd], table.heading, headerStyle);
  Object.values(table.names).forEach((header, index) => {
    block(sheet, [top, colOf(index), top, colOf(index) + 1], header, headerStyle);
    put(sheet, top + 1, colOf(index), s.total, headerStyle);
    put(sheet, top + 1, colOf(index) + 1, s.female, headerStyle);
  });
  block(sheet, [top, restCol, top + 1, restCol + 1], table.restHeader, headerStyle);
  sheet.getRow(top).height = 30;
  const cellStyle = { alignment: centred, border: thin };
  table.lines.forEach((line, offset) => {
    const row = top + 2 + offset;
    block(sheet, [row, 1, row, labelEnd], line.label, { alignment: { vertical: 'middle' }, border: thin });
    codes.forEach((code, index) => {
      put(sheet, row, colOf(index), line.levels[code]?.total ?? 0, cellStyle);
      put(sheet, row, colOf(index) + 1, line.levels[code]?.female ?? 0, cellStyle);
    });
    block(sheet, [row, restCol, row, restCol + 1], line.rest, cellStyle);
  });
  return top + 2 + table.lines.length;
}

/** Statistics lines follow the catalogue's order, which is also the order of the table's columns. */
const levelLines = (counts: Summary['statistics']['subjects']): StatLine[] =>
  Object.values(counts).map(({ label, levels, notEvaluated }) => ({ label, levels, rest: notEvaluated }));

function writeStatistics(sheet: Sheet, summary: Summary, top: number, labelEnd: number): number {
  const { students, subjects, traits, results } = summary.statistics;
  block(sheet, [top, 1, top, labelEnd], s.statisticsTitle, { font: { bold: true } });
  block(sheet, [top + 1, 1, top + 1, labelEnd], s.headCount(students.total, students.female));
  let row = writeStatTable(sheet, top + 3, labelEnd, {
    heading: s.subjects,
    names: s.subjectLevels,
    restHeader: s.notEvaluated,
    lines: levelLines(subjects),
  });
  row = writeStatTable(sheet, row + 1, labelEnd, {
    heading: s.traits,
    names: s.traitLevels,
    restHeader: s.notEvaluated,
    lines: levelLines(traits),
  });
  if (summary.period !== 'CN') return row;
  const { incomplete, ...levels } = results;
  const lines = [{ label: s.resultLine, levels, rest: incomplete }];
  return writeStatTable(sheet, row + 1, labelEnd, {
    heading: s.result,
    names: s.results,
    restHeader: s.incomplete,
    lines,
  });
}

function writeSignatures(sheet: Sheet, request: SummaryExportRequest, top: number, spans: Spans): void {
  const { left, right, last } = spans;
  const place = request.school.commune.trim() || s.unknownPlace;
  block(sheet, [top, right, top, last], s.placeAndDate(place), italic);
  block(sheet, [top + 1, 1, top + 1, left], s.homeroom, bold());
  block(sheet, [top + 1, right, top + 1, last], s.principal, bold());
  block(sheet, [top + 2, 1, top + 2, left], s.homeroomHint, italic);
  block(sheet, [top + 2, right, top + 2, last], s.principalHint, italic);
  block(sheet, [top + 7, 1, top + 7, left], request.homeroomTeacherName, bold());
  block(sheet, [top + 7, right, top + 7, last], request.principalName, bold());
}

/** Where the heading and signature blocks sit: left over the identity columns, right at the end. */
type Spans = { readonly left: number; readonly right: number; readonly last: number };

function spansOf(columns: readonly Column[]): Spans {
  const identity = columns.findIndex((column) => column.group !== '');
  const left = Math.max(2, identity === -1 ? columns.length : identity);
  const last = Math.max(columns.length, left + 12);
  let right = last;
  for (let width = 0; right > left + 1 && width < 45; right -= 1) {
    const column = columns[right - 1];
    width += column ? widthOf(column) : 6;
  }
  return { left, right: right + 1, last };
}

/**
 * The Bảng tổng hợp kết quả đánh giá giáo dục of one class and period as an .xlsx workbook, in the
 * layout teachers know from paper: national heading, title, two header rows, one row per student,
 * the statistics by level and gender, and the homeroom teacher's and principal's signature blocks.
 */
export async function createSummaryWorkbook(request: SummaryExportRequest): Promise<Uint8Array> {
  const { summary } = request;
  const { columns } = summary;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Học bạ số';
  workbook.created = new Date();
  const nameColumn = Math.max(1, columns.findIndex((column) => column.key === 'fullName') + 1);
  const sheet = workbook.addWorksheet(s.sheetName(summary.period), {
    pageSetup: {
      // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- exceljs's PaperSize is an ambient const enum isolatedModules cannot read; 9 is its A4
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerTop}:${headerTop + 1}`,
    },
    views: [{ state: 'frozen', xSplit: nameColumn, ySplit: headerTop + 1 }],
  });
  const spans = spansOf(columns);
  for (let col = 1; col <= spans.last; col += 1) {
    const column = columns[col - 1];
    sheet.getColumn(col).width = column ? widthOf(column) : 6;
  }
  writeHeading(sheet, request, spans);
  writeHeader(sheet, columns);
  const afterRows = writeRows(sheet, summary, headerTop + 2);
  const afterStatistics = writeStatistics(sheet, summary, afterRows + 2, spans.left);
  writeSignatures(sheet, request, afterStatistics + 2, spans);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
