import {
  classListRows,
  columnName,
  dateStylesXml,
  sharedStringsXml,
  sheetXml,
  spreadsheetNs,
  xlsxOf,
} from './xlsxBuilder';
import { deflatePieces, deflateRepeated, deflateText } from './zipWriter';

/**
 * Spreadsheets built to hurt a reader, each made in memory in well under a second (bombs are a
 * compressed block repeated). Shared by the attack tests and `npm run bench:hostile-files`.
 * Every one carries a real 30-student class list, so a reader that skipped the attack would
 * find data and answer.
 */
const sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${spreadsheetNs}><sheetData>`;
const sheetTail = '</sheetData></worksheet>';

function list() {
  return classListRows(30);
}

/** The real list's sheet preceded by 1 GiB of spaces inside sheetData (honestly declared). */
export function sheetZipBomb(): Uint8Array {
  const real = list();
  const xml = deflateRepeated(`${sheetHead}${real.rows.join('')}`, ' '.repeat(1 << 20), 1024, sheetTail);
  return xlsxOf({
    sheets: [{ name: 'Lớp 3A', xml }],
    sharedStrings: sharedStringsXml(real.strings),
    styles: dateStylesXml(),
  });
}

/** The same bomb, its ZIP headers claiming 40 KB: the reader must count, not believe. */
export function declaredSizeLie(): Uint8Array {
  const real = list();
  const xml = deflateRepeated(`${sheetHead}${real.rows.join('')}`, ' '.repeat(1 << 20), 1024, sheetTail);
  return xlsxOf({
    sheets: [{ name: 'Lớp 3A', xml, declaredSize: 40_000 }],
    sharedStrings: sharedStringsXml(real.strings),
    styles: dateStylesXml(),
  });
}

/** 60 visible sheets of 60 MiB of spaces each, each under the per-sheet cap: 3.6 GiB in all. */
export function manySheetBombs(): Uint8Array {
  const sheet = deflateRepeated(sheetHead, ' '.repeat(1 << 20), 60, sheetTail);
  return xlsxOf({
    sheets: Array.from({ length: 60 }, (_unused, index) => ({ name: `Trang ${index + 1}`, xml: sheet })),
  });
}

/**
 * A real list whose last cell points at shared string 1,199,999: to find it the reader must
 * walk 1.2 million tiny strings (about 20 MB, under the byte cap).
 */
export function sharedStringsBomb(): Uint8Array {
  const real = list();
  // 20 × 60,000 tiny strings follow the list's own.
  const last = 1_200_000;
  const rows = [...real.rows, `<row r="40"><c r="A40" t="s"><v>${last - 1}</v></c></row>`];
  const strings = deflateRepeated(
    `<?xml version="1.0" encoding="UTF-8"?><sst ${spreadsheetNs}>${real.strings.map((text) => `<si><t>${text}</t></si>`).join('')}`,
    '<si><t>a</t></si>'.repeat(60_000),
    20,
    '</sst>',
  );
  return xlsxOf({
    sheets: [{ name: 'Lớp 3A', xml: sheetXml(rows) }],
    sharedStrings: strings,
    styles: dateStylesXml(),
  });
}

/** One shared string of `megabytes` MiB, used by a cell of the list. */
export function giantSharedString(megabytes = 10): Uint8Array {
  const real = list();
  const rows = [...real.rows, `<row r="40"><c r="B40" t="s"><v>${real.strings.length}</v></c></row>`];
  const strings = deflateRepeated(
    `<?xml version="1.0" encoding="UTF-8"?><sst ${spreadsheetNs}>${real.strings.map((text) => `<si><t>${text}</t></si>`).join('')}<si><t>`,
    'a'.repeat(1 << 20),
    megabytes,
    '</t></si></sst>',
  );
  return xlsxOf({
    sheets: [{ name: 'Lớp 3A', xml: sheetXml(rows) }],
    sharedStrings: strings,
    styles: dateStylesXml(),
  });
}

/** Cells holding `1` in rows of 200 columns (a million by default): within the row and column limits. */
export function millionTinyCells(rowCount = 5_000): Uint8Array {
  const cells = Array.from(
    { length: 200 },
    (_unused, index) => `<c r="${columnName(index + 1)}ROW"><v>1</v></c>`,
  ).join('');
  const rows = (function* () {
    for (let row = 1; row <= rowCount; row += 1)
      yield `<row r="${row}">${cells.replaceAll('ROW', String(row))}</row>`;
  })();
  return xlsxOf({ sheets: [{ name: 'Lớp 3A', xml: sheetXml(rows) }] });
}

/** A million cells in 1,000 rows of 1,000 columns: most are right of column 200. */
export function millionWideCells(): Uint8Array {
  const rows = (function* () {
    for (let row = 1; row <= 1_000; row += 1) {
      let xml = `<row r="${row}">`;
      for (let column = 1; column <= 1_000; column += 1)
        xml += `<c r="${columnName(column)}${row}"><v>1</v></c>`;
      yield `${xml}</row>`;
    }
  })();
  return xlsxOf({ sheets: [{ name: 'Lớp 3A', xml: sheetXml(rows) }] });
}

/**
 * Rows spread down to row 1,048,576, each with one cell in column XFD: a grid reader allocates
 * 16,384 columns for each of 20,000 rows.
 */
export function farJumps(rowCount = 20_000): Uint8Array {
  const real = list();
  const step = Math.floor((1_048_576 - 100) / rowCount);
  const rows = (function* () {
    yield* real.rows;
    for (let index = 1; index <= rowCount; index += 1) {
      const row = 100 + index * step;
      yield `<row r="${row}"><c r="XFD${row}"><v>${index}</v></c></row>`;
    }
  })();
  return xlsxOf({
    sheets: [{ name: 'Lớp 3A', xml: sheetXml(rows) }],
    sharedStrings: sharedStringsXml(real.strings),
    styles: dateStylesXml(),
  });
}

/** A real list with one stray value at XFD1048576, the last cell Excel has. */
export function realListWithLastCell(): Uint8Array {
  const real = list();
  const rows = [...real.rows, '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'];
  return xlsxOf({
    sheets: [{ name: 'Lớp 3A', xml: sheetXml(rows) }],
    sharedStrings: sharedStringsXml(real.strings),
    styles: dateStylesXml(),
  });
}

/** A cell past Excel's grid (column XFE). */
export function cellPastTheGrid(): Uint8Array {
  const real = list();
  const rows = [...real.rows, '<row r="40"><c r="XFE40"><v>1</v></c></row>'];
  return xlsxOf({
    sheets: [{ name: 'Lớp 3A', xml: sheetXml(rows) }],
    sharedStrings: sharedStringsXml(real.strings),
    styles: dateStylesXml(),
  });
}

/** 100,000 nested elements inside a cell. */
export function deepNesting(depth = 100_000): Uint8Array {
  const real = list();
  const xml = deflatePieces([
    sheetHead,
    ...real.rows,
    '<row r="40"><c r="A40">',
    '<x>'.repeat(depth),
    '</x>'.repeat(depth),
    `</c></row>${sheetTail}`,
  ]);
  return xlsxOf({
    sheets: [{ name: 'Lớp 3A', xml }],
    sharedStrings: sharedStringsXml(real.strings),
    styles: dateStylesXml(),
  });
}

/** The "billion laughs": entities defined in a DOCTYPE, each ten of the one before. */
export function billionLaughs(): Uint8Array {
  const entities = Array.from(
    { length: 9 },
    (_unused, level) => `<!ENTITY l${level + 1} "${`&l${level};`.repeat(10)}">`,
  );
  const doctype = `<!DOCTYPE worksheet [<!ENTITY l0 "ha">${entities.join('')}]>`;
  const xml = deflateText(
    `<?xml version="1.0"?>${doctype}<worksheet ${spreadsheetNs}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&l9;</t></is></c></row></sheetData></worksheet>`,
  );
  return xlsxOf({ sheets: [{ name: 'Lớp 3A', xml }] });
}

/** 200,000 cell formats in styles.xml (Excel allows 64,000), one used by a date cell. */
export function stylesBomb(): Uint8Array {
  const real = list();
  const styles = deflateRepeated(
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${spreadsheetNs}><cellXfs count="200000">`,
    '<xf numFmtId="14"/>'.repeat(10_000),
    20,
    '</cellXfs></styleSheet>',
  );
  return xlsxOf({
    sheets: [{ name: 'Lớp 3A', xml: sheetXml(real.rows) }],
    sharedStrings: sharedStringsXml(real.strings),
    styles,
  });
}

/** 1,001 sheets in the workbook. */
export function tooManySheets(): Uint8Array {
  const empty = sheetXml([]);
  return xlsxOf({
    sheets: Array.from({ length: 1_001 }, (_unused, index) => ({ name: `S${index}`, xml: empty })),
  });
}

/** One start tag of 1 MB (an attribute that never ends). */
export function endlessTag(): Uint8Array {
  const xml = deflateRepeated(
    `${sheetHead}<row r="1"><c r="A1" x="`,
    'a'.repeat(1 << 16),
    16,
    `"/></row>${sheetTail}`,
  );
  return xlsxOf({ sheets: [{ name: 'Lớp 3A', xml }] });
}

/** 1,000 merged ranges, each over the whole 3,000-row list: 3 million row visits. */
export function overlappingMerges(): Uint8Array {
  const real = classListRows(3_000);
  const merges = `<mergeCells count="1000">${'<mergeCell ref="A2:F3001"/>'.repeat(1_000)}</mergeCells>`;
  return xlsxOf({
    sheets: [{ name: 'Lớp 3A', xml: sheetXml(real.rows, merges) }],
    sharedStrings: sharedStringsXml(real.strings),
    styles: dateStylesXml(),
  });
}

/** 2,000 cells that all show one 32,000-character shared string: 64 million characters out. */
export function textFlood(): Uint8Array {
  const rows = Array.from({ length: 100 }, (_unused, index) => {
    const row = index + 1;
    const cells = Array.from(
      { length: 20 },
      (_cell, column) => `<c r="${columnName(column + 1)}${row}" t="s"><v>0</v></c>`,
    );
    return `<row r="${row}">${cells.join('')}</row>`;
  });
  return xlsxOf({
    sheets: [{ name: 'Lớp 3A', xml: sheetXml(rows) }],
    sharedStrings: sharedStringsXml(['a'.repeat(32_000)]),
  });
}

/**
 * The kind of file the issue measured (1.25 MB, 72 s and 2.8 GB in main with exceljs): a sheet
 * that looks like a big list, 2,450 rows of 200 tiny cells, and one merged range of 8 million
 * cells below it, which a grid reader fills cell by cell.
 */
export function exceljsChoker(): Uint8Array {
  const cells = Array.from(
    { length: 200 },
    (_unused, index) => `<c r="${columnName(index + 1)}ROW"><v>1</v></c>`,
  ).join('');
  const rows = (function* () {
    for (let row = 1; row <= 2_450; row += 1)
      yield `<row r="${row}">${cells.replaceAll('ROW', String(row))}</row>`;
  })();
  const merge = '<mergeCells count="1"><mergeCell ref="A3000:T403000"/></mergeCells>';
  return xlsxOf({ sheets: [{ name: 'Lớp 3A', xml: sheetXml(rows, merge) }] });
}
