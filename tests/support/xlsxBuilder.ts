import { deflatePieces, deflateText, zipOf, type Deflated, type ZipPart } from './zipWriter';

/**
 * .xlsx packages assembled part by part from raw XML, for files exceljs would never write: the
 * hostile ones (hostileXlsx.ts) and plain lists built without exceljs. Sheets, shared strings and
 * styles come in already deflated, so a part may be a bomb.
 */
export const spreadsheetNs =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export type SheetSpec = {
  readonly name: string;
  readonly xml: Deflated;
  readonly state?: 'hidden' | 'veryHidden';
  /** Written in the ZIP headers instead of the real inflated size. */
  readonly declaredSize?: number;
};

export type XlsxSpec = {
  readonly sheets: readonly SheetSpec[];
  readonly sharedStrings?: Deflated;
  readonly sharedStringsDeclaredSize?: number;
  readonly styles?: Deflated;
  readonly extraParts?: readonly ZipPart[];
  /** Serial dates count from 1904 (`<workbookPr date1904="1"/>`). */
  readonly date1904?: boolean;
};

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** 1 → A, 27 → AA, 16384 → XFD. */
export function columnName(column: number): string {
  let name = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  }
  return name;
}

export function xlsxOf(spec: XlsxSpec): Uint8Array {
  const parts: ZipPart[] = [];
  const relType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const contentTypes = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    '</Types>',
  ].join('');
  parts.push({ name: '[Content_Types].xml', data: deflateText(contentTypes) });
  parts.push({
    name: '_rels/.rels',
    data: deflateText(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relType}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
  });
  const sheetEntries = spec.sheets.map((sheet, index) => {
    const state = sheet.state === undefined ? '' : ` state="${sheet.state}"`;
    return `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}"${state} r:id="rId${index + 1}"/>`;
  });
  parts.push({
    name: 'xl/workbook.xml',
    data: deflatePieces([
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${spreadsheetNs}>`,
      spec.date1904 === true ? '<workbookPr date1904="1"/>' : '',
      '<sheets>',
      ...sheetEntries,
      '</sheets></workbook>',
    ]),
  });
  const rels = spec.sheets.map(
    (_sheet, index) =>
      `<Relationship Id="rId${index + 1}" Type="${relType}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rIdStrings" Type="${relType}/sharedStrings" Target="sharedStrings.xml"/>`);
  rels.push(`<Relationship Id="rIdStyles" Type="${relType}/styles" Target="styles.xml"/>`);
  parts.push({
    name: 'xl/_rels/workbook.xml.rels',
    data: deflatePieces([
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
      ...rels,
      '</Relationships>',
    ]),
  });
  spec.sheets.forEach((sheet, index) => {
    const part: ZipPart = { name: `xl/worksheets/sheet${index + 1}.xml`, data: sheet.xml };
    parts.push(sheet.declaredSize === undefined ? part : { ...part, declaredSize: sheet.declaredSize });
  });
  if (spec.sharedStrings !== undefined) {
    const part: ZipPart = { name: 'xl/sharedStrings.xml', data: spec.sharedStrings };
    const declaredSize = spec.sharedStringsDeclaredSize;
    parts.push(declaredSize === undefined ? part : { ...part, declaredSize });
  }
  if (spec.styles !== undefined) parts.push({ name: 'xl/styles.xml', data: spec.styles });
  parts.push(...(spec.extraParts ?? []));
  return zipOf(parts);
}

/** A sheet part: `<worksheet><sheetData>` + rows + `</sheetData>` + what follows (merges). */
export function sheetXml(rows: Iterable<string>, after = ''): Deflated {
  return deflatePieces(
    (function* () {
      yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${spreadsheetNs}><sheetData>`;
      yield* rows;
      yield `</sheetData>${after}</worksheet>`;
    })(),
  );
}

export function sharedStringsXml(strings: Iterable<string>): Deflated {
  return deflatePieces(
    (function* () {
      yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst ${spreadsheetNs}>`;
      for (const text of strings) yield `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`;
      yield '</sst>';
    })(),
  );
}

/**
 * Styles as Excel writes them (fonts, fills, borders, a cell-style format that is not a cell
 * format), with cell format 1 = a date (numFmtId 14).
 */
export function dateStylesXml(): Deflated {
  return deflateText(
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${spreadsheetNs}>` +
      '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
  );
}

/** A real class list: the template's first six headers, then `count` students. */
export type ClassListRows = {
  readonly strings: readonly string[];
  /** Row XML, shared-string indices into `strings`, numbers for STT and birth dates (style 1). */
  readonly rows: readonly string[];
  readonly names: readonly string[];
};

const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const givenNames = ['Văn An', 'Thị Bình', 'Minh Châu', 'Đức Dũng', 'Thu Hà', 'Quốc Khánh', 'Ngọc Lan'];

export function classListRows(count: number, firstRow = 1): ClassListRows {
  const strings = [
    'STT',
    'Họ và tên',
    'Ngày sinh',
    'Giới tính',
    'Dân tộc',
    'Mã học sinh',
    'Nam',
    'Nữ',
    'Kinh',
  ];
  const header = [0, 1, 2, 3, 4, 5]
    .map((index) => `<c r="${columnName(index + 1)}${firstRow}" t="s"><v>${index}</v></c>`)
    .join('');
  const rows = [`<row r="${firstRow}">${header}</row>`];
  const names: string[] = [];
  for (let student = 1; student <= count; student += 1) {
    const row = firstRow + student;
    const name = `${familyNames[student % familyNames.length] ?? ''} ${givenNames[student % givenNames.length] ?? ''} ${student}`;
    names.push(name);
    strings.push(name, `0${String(112_345_000 + student)}`);
    const nameIndex = strings.length - 2;
    // 2017-09-05 is serial 42983 (1900 date system).
    rows.push(
      `<row r="${row}"><c r="A${row}"><v>${student}</v></c><c r="B${row}" t="s"><v>${nameIndex}</v></c>` +
        `<c r="C${row}" s="1"><v>${42_983 + (student % 300)}</v></c><c r="D${row}" t="s"><v>${6 + (student % 2)}</v></c>` +
        `<c r="E${row}" t="s"><v>8</v></c><c r="F${row}" t="s"><v>${nameIndex + 1}</v></c></row>`,
    );
  }
  return { strings, rows, names };
}

/** A whole real class list as an .xlsx, built part by part. */
export function classListXlsx(count: number): Uint8Array {
  const list = classListRows(count);
  return xlsxOf({
    sheets: [{ name: 'Lớp 3A', xml: sheetXml(list.rows) }],
    sharedStrings: sharedStringsXml(list.strings),
    styles: dateStylesXml(),
  });
}
