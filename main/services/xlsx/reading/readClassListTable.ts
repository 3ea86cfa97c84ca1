import { headerSearchRows, isHeaderRow } from '../../../../shared/classList/matchHeaders';
import type { RawTable } from '../../../../shared/classList/rawTable';
import type { CellRange } from './cellReference';
import { readNumberFormats, type NumberFormatOf } from './cellStyles';
import { cellText, type CellContext } from './cellText';
import { readClassListStrings, xlsxHostileReasons, xlsxPartNames } from './readClassListStrings';
import { readSharedStrings } from './sharedStrings';
import { scanSheet, type RawRow } from './sheetScan';
import { readWorkbookInfo } from './workbookParts';
import { openXlsxPackage } from './xlsxPackage';
import { xlsxLimits, type XlsxLimits } from './xlsxLimits';
import { refuse, refuseHostile } from './xlsxRefusal';

type ReadRow = { readonly rowNumber: number; readonly cells: string[]; readonly numericColumns: number[] };

function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Compound File Binary: .xls, and .xlsx files protected with a password. */
function looksLikeOldExcel(bytes: Uint8Array): boolean {
  return [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((byte, index) => bytes[index] === byte);
}

/** The first row at or below `row` (rows are in order). */
function firstRowFrom(rows: readonly RawRow[], row: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((rows[middle]?.rowNumber ?? 0) < row) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A merged range keeps its value in the top-left cell only; the others would repeat it, so they
 * are emptied. Only rows that hold values are visited, and the visits are counted: overlapping
 * ranges over many rows are what could make this large.
 */
function blankMergedCells(
  rows: readonly RawRow[],
  merges: readonly CellRange[],
  limits: XlsxLimits,
  label: string,
) {
  let visits = 0;
  for (const range of merges) {
    const right = Math.min(range.right, limits.maxColumns);
    for (let index = firstRowFrom(rows, range.top); index < rows.length; index += 1) {
      const row = rows[index];
      if (row === undefined || row.rowNumber > range.bottom) break;
      visits += 1;
      if (visits > limits.maxMergeVisits) refuseHostile(xlsxHostileReasons.mergesOverlap(label));
      for (let column = range.left; column <= right; column += 1) {
        if (row.rowNumber !== range.top || column !== range.left) row.cells[column - 1] = undefined;
      }
    }
  }
}

function textRows(rows: readonly RawRow[], context: CellContext, limits: XlsxLimits): ReadRow[] {
  const read: ReadRow[] = [];
  let chars = 0;
  for (const row of rows) {
    const cells: string[] = [];
    const numericColumns: number[] = [];
    row.cells.forEach((raw, index) => {
      if (raw === undefined) return;
      const { text, numeric } = cellText(raw, context);
      if (text === '') return;
      chars += text.length;
      if (chars > limits.maxTotalChars) refuseHostile(xlsxHostileReasons.tooMuchText(limits.maxTotalChars));
      while (cells.length < index) cells.push('');
      cells[index] = text;
      if (numeric) numericColumns.push(index);
    });
    if (cells.some((text) => text.trim() !== ''))
      read.push({ rowNumber: row.rowNumber, cells, numericColumns });
  }
  return read;
}

/**
 * Reads a class list from .xlsx bytes: the first visible worksheet with data, as text, with the
 * header row found among the first rows (a title, the school's name or the class often sit above
 * it). When no row looks like a header, row 1 is the header and every other row is data, so the
 * class-list rules can still say which columns are missing.
 *
 * Bounded and linear: the ZIP directory is read from the bytes, each needed part is inflated as a
 * stream held to its caps, and the XML is scanned once, never built into a tree (xlsxLimits.ts).
 * Throws XlsxRefusal with the Vietnamese message for the teacher.
 */
export async function readClassListTable(
  bytes: Uint8Array,
  limits: XlsxLimits = xlsxLimits,
): Promise<RawTable> {
  if (looksLikeOldExcel(bytes)) refuse(readClassListStrings.oldExcel);
  if (!looksLikeZip(bytes)) refuse(readClassListStrings.notXlsx);
  const pkg = openXlsxPackage(bytes, limits);
  const workbook = await readWorkbookInfo(pkg, limits);
  let numberFormatOf: NumberFormatOf | undefined;
  for (const sheet of workbook.sheets) {
    if (!sheet.visible || sheet.path === undefined || !pkg.has(sheet.path)) continue;
    const label = xlsxPartNames.sheet(sheet.name);
    const scan = await scanSheet(pkg, { path: sheet.path, label }, limits);
    if (scan.rows.length === 0) continue;
    if (scan.styledNumbers && numberFormatOf === undefined) {
      numberFormatOf = await readNumberFormats(pkg, workbook.stylesPath, limits);
    }
    const sharedStrings = await readSharedStrings(
      pkg,
      workbook.sharedStringsPath,
      scan.sharedIndices,
      limits,
    );
    blankMergedCells(scan.rows, scan.merges, limits, label);
    const context: CellContext = {
      sharedStrings,
      numberFormatOf: numberFormatOf ?? (() => undefined),
      date1904: workbook.date1904,
    };
    const rows = textRows(scan.rows, context, limits);
    if (rows.length === 0) continue;
    const headerIndex = rows.findIndex((row) => row.rowNumber <= headerSearchRows && isHeaderRow(row.cells));
    const header = rows[Math.max(headerIndex, 0)];
    const headerRow = headerIndex >= 0 && header ? header.rowNumber : 1;
    const headers = header?.rowNumber === headerRow ? header.cells : [];
    const data = rows.filter((row) => row.rowNumber > headerRow);
    if (data.length > limits.maxDataRows) refuse(readClassListStrings.tooManyRows(limits.maxDataRows));
    return { sheetName: sheet.name, headerRow, headers, rows: data };
  }
  return refuse(readClassListStrings.empty);
}
