import ExcelJS from 'exceljs';
import type {
  TrackingBookColumn,
  TrackingBookExportRequest,
  TrackingBookSection,
} from '../../../shared/domain/evaluation/trackingBookExport';
import { trackingBookStrings as s } from '../../../shared/domain/evaluation/trackingBookStrings';

type Sheet = ExcelJS.Worksheet;
type Value = string | number | null | undefined;

const fontName = 'Times New Roman';
const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
// prettier-ignore
const widthByKind: Readonly<Record<TrackingBookColumn['kind'], number>> = { no: 5, name: 26, level: 6, score: 6, comment: 60 };
const centred: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
const leftWrapped: Partial<ExcelJS.Alignment> = { horizontal: 'left', vertical: 'middle', wrapText: true };
/** Heading rows above each table: school, title, class line, section title, a blank. */
const headingRows = 5;

const nfc = (value: string): string => value.normalize('NFC');
// Times New Roman 11 fits about 1.1 characters per width unit (units are Calibri digits).
const linesOf = (text: string): number =>
  text
    .split('\n')
    .reduce(
      (sum, paragraph) => sum + Math.max(1, Math.ceil(paragraph.length / (widthByKind.comment * 1.1))),
      0,
    );

function put(sheet: Sheet, row: number, col: number, value: Value, style: Partial<ExcelJS.Style> = {}): void {
  const cell = sheet.getCell(row, col);
  if (value !== null && value !== undefined) cell.value = typeof value === 'string' ? nfc(value) : value;
  cell.font = { name: fontName, size: 11, ...style.font };
  if (style.alignment) cell.alignment = style.alignment;
  if (style.border) cell.border = style.border;
}

function block(
  sheet: Sheet,
  row: number,
  c1: number,
  c2: number,
  value: Value,
  style: Partial<ExcelJS.Style>,
) {
  for (let col = c1; col <= c2; col += 1) put(sheet, row, col, col === c1 ? value : null, style);
  if (c2 > c1) sheet.mergeCells(row, c1, row, c2);
}

const headerStyle: Partial<ExcelJS.Style> = { font: { bold: true }, alignment: centred, border: thin };

/** Two header rows: an ungrouped column spans both, a run of one group shares its upper cell. */
function writeHeader(sheet: Sheet, columns: readonly TrackingBookColumn[], top: number): void {
  let index = 0;
  while (index < columns.length) {
    const first = columns[index];
    if (!first) break;
    if (first.group === '') {
      put(sheet, top, index + 1, first.label, headerStyle);
      put(sheet, top + 1, index + 1, null, headerStyle);
      sheet.mergeCells(top, index + 1, top + 1, index + 1);
      index += 1;
      continue;
    }
    let end = index;
    while (columns[end + 1]?.group === first.group) end += 1;
    block(sheet, top, index + 1, end + 1, first.group, headerStyle);
    for (let col = index; col <= end; col += 1)
      put(sheet, top + 1, col + 1, columns[col]?.label, headerStyle);
    index = end + 1;
  }
  sheet.getRow(top).height = 30;
  sheet.getRow(top + 1).height = columns.some((column) => column.key.startsWith('trait:')) ? 48 : 18;
}

/** Writes one section from `top`; returns the first row after it. */
function writeSection(
  sheet: Sheet,
  request: TrackingBookExportRequest,
  section: TrackingBookSection,
  top: number,
) {
  const last = section.columns.length;
  const school = nfc(request.school.name).toLocaleUpperCase('vi-VN');
  block(sheet, top, 1, Math.min(last, 3), school === '' ? '' : s.school(school), { font: { bold: true } });
  const title = { font: { bold: true, size: 13 }, alignment: centred };
  block(sheet, top + 1, 1, last, s.bookTitle, title);
  const line = s.classLine(request.className, request.schoolYear, request.homeroomTeacherName);
  block(sheet, top + 2, 1, last, line, { alignment: centred });
  block(sheet, top + 3, 1, last, section.title, { font: { bold: true, size: 12 }, alignment: centred });
  const headerTop = top + headingRows;
  writeHeader(sheet, section.columns, headerTop);
  section.rows.forEach((row, offset) => {
    const rowNumber = headerTop + 2 + offset;
    let lines = 1;
    section.columns.forEach((column, index) => {
      const value = row.cells[index];
      const wide = column.kind === 'comment' || column.kind === 'name';
      put(sheet, rowNumber, index + 1, value, { alignment: wide ? leftWrapped : centred, border: thin });
      if (column.kind === 'comment' && typeof value === 'string') lines = Math.max(lines, linesOf(value));
    });
    if (lines > 1) sheet.getRow(rowNumber).height = Math.min(409, lines * 15);
  });
  const legendRow = headerTop + 2 + section.rows.length;
  block(sheet, legendRow, 1, last, section.legend, { font: { italic: true, size: 10 } });
  return legendRow + 1;
}

/** Excel keeps sheet names unique (case-insensitively): a repeat gets " (2)". */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLocaleLowerCase('vi-VN')); n += 1)
    candidate = `${name.slice(0, 31 - ` (${n})`.length)} (${n})`;
  taken.add(candidate.toLocaleLowerCase('vi-VN'));
  return candidate;
}

/**
 * The Sổ theo dõi chất lượng giáo dục as an .xlsx workbook: a sheet per subject row (heading,
 * two header rows, one row per student, the legend), and the qualities and competencies on one
 * sheet, a table per period, each printing from a new page. A4 landscape, fitted to the width.
 */
export async function createTrackingBookWorkbook(request: TrackingBookExportRequest): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Học bạ số';
  workbook.created = new Date();
  const bySheet = new Map<string, TrackingBookSection[]>();
  for (const section of request.sections)
    bySheet.set(section.sheet, [...(bySheet.get(section.sheet) ?? []), section]);
  const taken = new Set<string>();
  for (const [name, sections] of bySheet) {
    const stacked = sections.length > 1;
    const sheet = workbook.addWorksheet(uniqueName(nfc(name), taken), {
      pageSetup: {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- exceljs's PaperSize is an ambient const enum isolatedModules cannot read; 9 is its A4
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
        // One table per sheet repeats its header rows on every printed page.
        ...(stacked ? {} : { printTitlesRow: `${headingRows + 1}:${headingRows + 2}` }),
      },
      views: stacked ? [] : [{ state: 'frozen', xSplit: 2, ySplit: headingRows + 2 }],
    });
    const widest = sections.reduce((best, section) =>
      section.columns.length > best.columns.length ? section : best,
    );
    widest.columns.forEach((column, index) => {
      sheet.getColumn(index + 1).width = widthByKind[column.kind];
    });
    let top = 1;
    sections.forEach((section, index) => {
      if (index > 0) {
        sheet.getRow(top).addPageBreak();
        top += 1;
      }
      top = writeSection(sheet, request, section, top) + 1;
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
