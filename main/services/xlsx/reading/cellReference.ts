/** Excel's grid: columns A…XFD, rows 1…1,048,576. */
export const lastExcelColumn = 16_384;
export const lastExcelRow = 1_048_576;

export type CellPosition = { readonly row: number; readonly column: number };

export type ReferenceProblem = 'malformed' | 'out-of-range';

/**
 * `B7` → row 7, column 2. Only what a cell's `r` attribute may hold (no `$`, no sheet); a
 * well-formed reference past XFD or row 1,048,576 is told apart from garbage.
 */
export function parseCellReference(reference: string): CellPosition | ReferenceProblem {
  const match = /^([A-Za-z]{1,7})([0-9]{1,12})$/.exec(reference);
  if (match === null) return 'malformed';
  const [, letters = '', digits = ''] = match;
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  const row = Number(digits);
  if (column > lastExcelColumn || row < 1 || row > lastExcelRow) return 'out-of-range';
  return { row, column };
}

export type CellRange = {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
};

/** `A1:F1` (or a single `A1`) as a range with its corners in order. */
export function parseCellRange(reference: string): CellRange | ReferenceProblem {
  const [first = '', second = first, extra] = reference.split(':');
  if (extra !== undefined) return 'malformed';
  const from = parseCellReference(first);
  const to = parseCellReference(second);
  if (typeof from === 'string') return from;
  if (typeof to === 'string') return to;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.column, to.column),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.column, to.column),
  };
}

/**
 * The column of a cell reference read straight from XML bytes (a cell's `r`, millions of times):
 * letters then digits, nothing else. 0 when malformed, -1 past XFD or row 1,048,576.
 */
export function referenceColumnOf(buf: Buffer, start: number, end: number): number {
  let pos = start;
  let column = 0;
  while (pos < end) {
    const letter = (buf[pos] ?? 0) & 0xdf; // ASCII letters to upper case
    if (letter < 0x41 || letter > 0x5a) break;
    column = column * 26 + (letter - 0x40);
    pos += 1;
  }
  if (pos === start || pos - start > 7 || pos === end || end - pos > 12) return 0;
  let row = 0;
  for (; pos < end; pos += 1) {
    const digit = (buf[pos] ?? 0) - 0x30;
    if (digit < 0 || digit > 9) return 0;
    row = row * 10 + digit;
  }
  return column > lastExcelColumn || row < 1 || row > lastExcelRow ? -1 : column;
}

/** ASCII digits as a number (a style index), NaN for anything else. */
export function digitsOf(buf: Buffer, start: number, end: number): number {
  if (end === start || end - start > 15) return Number.NaN;
  let value = 0;
  for (let pos = start; pos < end; pos += 1) {
    const digit = (buf[pos] ?? 0) - 0x30;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}
