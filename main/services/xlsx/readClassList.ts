import ExcelJS from 'exceljs';
import { headerSearchRows, isHeaderRow } from '../../../shared/classList/matchHeaders';
import type { RawTable } from '../../../shared/classList/rawTable';
import { UserFacingError } from '../../ipc/dispatcher';

/** Vietnamese messages for a class-list file that cannot be read. */
export const readClassListStrings = {
  oldExcel:
    'Tệp này là định dạng Excel cũ (.xls) hoặc có đặt mật khẩu. Hãy mở tệp bằng Excel, bỏ mật khẩu nếu có, rồi chọn Lưu thành… > Sổ làm việc Excel (.xlsx) và chọn lại tệp.',
  notXlsx:
    'Không đọc được tệp: đây không phải tệp Excel .xlsx (có thể là tệp .csv hoặc .xls được đổi tên). Hãy mở tệp bằng Excel, chọn Lưu thành… > Sổ làm việc Excel (.xlsx) và chọn lại tệp.',
  empty: 'Tệp Excel không có dữ liệu: không có trang tính nào đang hiện có chứa danh sách học sinh.',
  tooManyRows: (limit: number) =>
    `Tệp có hơn ${limit.toLocaleString('vi-VN')} dòng dữ liệu. Một danh sách lớp không dài như vậy: hãy kiểm tra lại tệp hoặc tách thành nhiều tệp.`,
} as const;

/** The most data rows and columns a class list may have (rawTableSchema's limits). */
const maxRows = 10_000;
const maxColumns = 200;

type CellText = { readonly text: string; readonly numeric: boolean };
type ReadRow = { readonly rowNumber: number; readonly cells: string[]; readonly numericColumns: number[] };

/** Plain decimal text for a number, never an exponent: 1e21 → "1000000000000000000000". */
export function plainNumber(value: number): string {
  const text = String(value);
  if (!text.includes('e')) return text;
  if (Number.isInteger(value)) return BigInt(value).toString();
  const match = /e-(\d+)$/.exec(text);
  const mantissaDecimals = (/\.(\d+)e/.exec(text)?.[1] ?? '').length;
  return value.toFixed(Math.min(100, Number(match?.[1] ?? 0) + mantissaDecimals));
}

/** The calendar date a date cell shows: exceljs gives the cell's wall-clock time as UTC. */
function isoDate(date: Date): string {
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  return rounded.toISOString().slice(0, 10);
}

/**
 * A number the cell displays with a zero-padded format ("0000000000", as schools do to show a
 * student code's leading zero) is read the way it is shown.
 */
function numberText(value: number, numFmt: string | undefined): string {
  const text = plainNumber(value);
  if (numFmt !== undefined && /^0+$/.test(numFmt) && /^\d+$/.test(text))
    return text.padStart(numFmt.length, '0');
  return text;
}

type ScalarValue = string | number | boolean | Date | { readonly error: string } | null | undefined;

function scalarText(value: ScalarValue, numFmt: string | undefined): CellText {
  if (value === null || value === undefined) return { text: '', numeric: false };
  if (typeof value === 'number') return { text: numberText(value, numFmt), numeric: true };
  if (typeof value === 'string') return { text: value, numeric: false };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', numeric: false };
  if (value instanceof Date) return { text: isoDate(value), numeric: false };
  return { text: value.error, numeric: false };
}

function richText(parts: readonly ExcelJS.RichText[]): string {
  return parts.map((part) => part.text).join('');
}

function looseText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null || !('richText' in value)) return '';
  const parts: unknown = value.richText;
  if (!Array.isArray(parts)) return '';
  return parts
    .map((part: unknown) =>
      typeof part === 'object' && part !== null && 'text' in part ? String(part.text) : '',
    )
    .join('');
}

function cellText(cell: ExcelJS.Cell): CellText {
  // A merged range keeps its value in the top-left cell only; the others would repeat it.
  if (cell.isMerged && cell.master !== cell) return { text: '', numeric: false };
  const value = cell.value;
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) {
    return scalarText(value, cell.numFmt);
  }
  if ('richText' in value) return { text: richText(value.richText), numeric: false };
  // A hyperlink's text is rich text when the link text is formatted, whatever the typings say.
  if ('hyperlink' in value) return { text: looseText(value.text), numeric: false };
  if ('formula' in value || 'sharedFormula' in value) return scalarText(value.result, cell.numFmt);
  return scalarText(value, cell.numFmt);
}

function readRow(row: ExcelJS.Row): ReadRow | undefined {
  const cells: string[] = [];
  const numericColumns: number[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    if (column > maxColumns) return;
    const { text, numeric } = cellText(cell);
    if (text === '') return;
    while (cells.length < column - 1) cells.push('');
    cells[column - 1] = text;
    if (numeric) numericColumns.push(column - 1);
  });
  if (cells.every((text) => text.trim() === '')) return undefined;
  return { rowNumber: row.number, cells, numericColumns };
}

function readRows(sheet: ExcelJS.Worksheet): ReadRow[] {
  const rows: ReadRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const read = readRow(row);
    if (read) rows.push(read);
  });
  return rows;
}

function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Compound File Binary: .xls, and .xlsx files protected with a password. */
function looksLikeOldExcel(bytes: Uint8Array): boolean {
  return [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((byte, index) => bytes[index] === byte);
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (looksLikeOldExcel(bytes)) throw new UserFacingError('invalid-request', readClassListStrings.oldExcel);
  if (!looksLikeZip(bytes)) throw new UserFacingError('invalid-request', readClassListStrings.notXlsx);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type (an ArrayBuffer); JSZip reads either.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    throw new UserFacingError('invalid-request', readClassListStrings.notXlsx);
  }
  return workbook;
}

/**
 * Reads a class list from .xlsx bytes: the first visible worksheet with data, as text, with the
 * header row found among the first rows (a title, the school's name or the class often sit above
 * it). When no row looks like a header, row 1 is the header and every other row is data, so the
 * class-list rules can still say which columns are missing.
 */
export async function readClassListWorkbook(bytes: Uint8Array): Promise<RawTable> {
  const workbook = await loadWorkbook(bytes);
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible' || sheet.actualRowCount === 0) continue;
    if (sheet.actualRowCount > maxRows + headerSearchRows) {
      throw new UserFacingError('invalid-request', readClassListStrings.tooManyRows(maxRows));
    }
    const rows = readRows(sheet);
    if (rows.length === 0) continue;
    const headerIndex = rows.findIndex((row) => row.rowNumber <= headerSearchRows && isHeaderRow(row.cells));
    const header = rows[Math.max(headerIndex, 0)];
    const headerRow = headerIndex >= 0 && header ? header.rowNumber : 1;
    const headers = header?.rowNumber === headerRow ? header.cells : [];
    const data = rows.filter((row) => row.rowNumber > headerRow);
    if (data.length > maxRows) {
      throw new UserFacingError('invalid-request', readClassListStrings.tooManyRows(maxRows));
    }
    return { sheetName: sheet.name, headerRow, headers, rows: data };
  }
  throw new UserFacingError('invalid-request', readClassListStrings.empty);
}
