import { describe, expect, it } from 'vitest';
import {
  classListRows,
  dateStylesXml,
  sharedStringsXml,
  sheetXml,
  spreadsheetNs,
  xlsxOf,
} from '../../../../tests/support/xlsxBuilder';
import { deflateText, storedPart, zipOf, type Deflated } from '../../../../tests/support/zipWriter';
import { readClassListTable } from './readClassListTable';
import { XlsxRefusal } from './xlsxRefusal';

/**
 * What the bounded reader must read as exceljs did, in files exceljs does not write: other
 * writers' XML (prefixes, inline strings, CDATA, escapes), ZIP variants, and damaged files.
 */
const header =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c><c r="B1" t="inlineStr"><is><t>Ngày sinh</t></is></c></row>';

function oneSheet(
  rows: string,
  extra: { styles?: Deflated; strings?: readonly string[]; after?: string } = {},
) {
  return xlsxOf({
    sheets: [{ name: 'Lớp 3A', xml: sheetXml([header, rows], extra.after) }],
    ...(extra.strings === undefined ? {} : { sharedStrings: sharedStringsXml(extra.strings) }),
    ...(extra.styles === undefined ? {} : { styles: extra.styles }),
  });
}

async function refusal(bytes: Uint8Array): Promise<string> {
  const error: unknown = await readClassListTable(bytes).then(
    () => new Error('read instead of refusing'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof XlsxRefusal)) throw error;
  return error.message;
}

function stylesWith(numFmts: string, cellXfs: string): Deflated {
  return deflateText(
    `<styleSheet ${spreadsheetNs}><numFmts count="1">${numFmts}</numFmts><cellXfs count="3"><xf numFmtId="0"/>${cellXfs}</cellXfs></styleSheet>`,
  );
}

describe('readClassListTable, other writers', () => {
  it('reads SpreadsheetML with a namespace prefix, as the .NET Open XML SDK writes it', async () => {
    const xml = deflateText(
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Họ và tên</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Giới tính</x:t></x:is></x:c></x:row>' +
        '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>Lê Văn Cường</x:t></x:is></x:c><x:c r="B2" t="inlineStr"><x:is><x:t>Nam</x:t></x:is></x:c></x:row>' +
        '</x:sheetData></x:worksheet>',
    );
    const table = await readClassListTable(xlsxOf({ sheets: [{ name: 'DS', xml }] }));
    expect(table.headers).toEqual(['Họ và tên', 'Giới tính']);
    expect(table.rows).toEqual([{ rowNumber: 2, cells: ['Lê Văn Cường', 'Nam'], numericColumns: [] }]);
  });

  it('decodes entities, character references, CDATA, Excel escapes; skips phonetic runs', async () => {
    const bytes = oneSheet(
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Tr&#7847;n &amp; <![CDATA[Ph<ạ>m & Co]]></t></is></c>' +
        '<c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c></row>',
      { strings: ['Dòng_x000A_hai', ''] },
    );
    const table = await readClassListTable(bytes);
    expect(table.rows[0]?.cells.slice(0, 2)).toEqual(['Trần & Ph<ạ>m & Co', 'Dòng\nhai']);
    const rich = xlsxOf({
      sheets: [{ name: 'DS', xml: sheetXml([header, '<row r="2"><c r="A2" t="s"><v>0</v></c></row>']) }],
      sharedStrings: deflateText(
        `<sst ${spreadsheetNs}><si><r><t>Nguyễn </t></r><r><rPr><b/></rPr><t>Văn An</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si></sst>`,
      ),
    });
    expect((await readClassListTable(rich)).rows[0]?.cells).toEqual(['Nguyễn Văn An']);
  });

  it('reads booleans, errors, ISO dates (t="d"), cached formula results, and cells and rows without r', async () => {
    const bytes = oneSheet(
      '<row><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="d"><v>2017-09-05T00:00:00Z</v></c>' +
        '<c t="str"><f>CONCATENATE("01","2")</f><v>012</v></c><c><f>1/0</f></c><c><v>42</v></c></row>',
    );
    const table = await readClassListTable(bytes);
    expect(table.rows[0]).toEqual({
      rowNumber: 2,
      cells: ['TRUE', '#N/A', '2017-09-05', '012', '', '42'],
      numericColumns: [5],
    });
  });

  it('reads dates in the 1904 date system, custom date formats and zero-padded custom formats', async () => {
    const styles = stylesWith(
      '<numFmt numFmtId="164" formatCode="[$-42A]dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="0000000000"/>',
      '<xf numFmtId="164"/><xf numFmtId="165"/>',
    );
    const rows = '<row r="2"><c r="A2" s="1"><v>41521</v></c><c r="B2" s="2"><v>112345678</v></c></row>';
    const table = await readClassListTable(
      xlsxOf({ sheets: [{ name: 'DS', xml: sheetXml([header, rows]) }], styles, date1904: true }),
    );
    // Serial 41521 is 2017-09-05 counted from 1904.
    expect(table.rows[0]?.cells).toEqual(['2017-09-05', '0112345678']);
    expect(table.rows[0]?.numericColumns).toEqual([1]);
  });

  it('empties the merged cells that are not the first, even when the file gives them values', async () => {
    const rows =
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Lớp 3A</t></is></c><c r="B2" t="inlineStr"><is><t>lặp lại</t></is></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>An</t></is></c><c r="B3"><v>1</v></c><c r="HZ3"><v>9</v></c></row>';
    const table = await readClassListTable(
      oneSheet(rows, { after: '<mergeCells><mergeCell ref="A2:B2"/></mergeCells>' }),
    );
    expect(table.rows.map((row) => row.cells)).toEqual([['Lớp 3A'], ['An', '1']]);
  });

  it('skips hidden and empty sheets, and finds a sheet whose part is named with another case', async () => {
    const list = classListRows(2);
    const bytes = zipOf([
      ...xlsxParts([
        { name: 'Trống', xml: sheetXml([]) },
        { name: 'Ẩn', xml: sheetXml(list.rows), state: 'hidden' as const },
      ]),
      { name: 'XL/WORKSHEETS/SHEET3.XML', data: sheetXml(list.rows) },
      { name: 'xl/sharedStrings.xml', data: sharedStringsXml(list.strings) },
      { name: 'xl/styles.xml', data: dateStylesXml() },
    ]);
    const table = await readClassListTable(bytes);
    expect(table.sheetName).toBe('Lớp 3A');
    expect(table.rows.map((row) => row.cells[1])).toEqual(list.names);
  });

  it('reads stored (uncompressed) parts and ZIP64 size fields', async () => {
    const xml = `<worksheet ${spreadsheetNs}><sheetData>${header}<row r="2"><c r="A2" t="inlineStr"><is><t>An</t></is></c></row></sheetData></worksheet>`;
    const stored = xlsxOf({ sheets: [{ name: 'DS', xml: deflateText('') }] });
    const withStored = zipOf([
      ...partsOf(stored).filter((part) => part.name !== 'xl/worksheets/sheet1.xml'),
      storedPart('xl/worksheets/sheet1.xml', xml),
    ]);
    expect((await readClassListTable(withStored)).rows[0]?.cells).toEqual(['An']);
    const wide = zipOf([
      ...partsOf(stored).filter((part) => part.name !== 'xl/worksheets/sheet1.xml'),
      { name: 'xl/worksheets/sheet1.xml', data: deflateText(xml), zip64: true },
    ]);
    expect((await readClassListTable(wide)).rows[0]?.cells).toEqual(['An']);
  });
});

describe('readClassListTable, damaged files', () => {
  it('refuses an encrypted part, a truncated stream, an unknown entity and two parts with one name', async () => {
    const list = classListRows(2);
    const base = partsOf(
      xlsxOf({
        sheets: [{ name: 'DS', xml: sheetXml(list.rows) }],
        sharedStrings: sharedStringsXml(list.strings),
      }),
    );
    const sheet = base.find((part) => part.name === 'xl/worksheets/sheet1.xml');
    if (sheet === undefined) throw new Error('no sheet part');
    const others = base.filter((part) => part !== sheet);
    expect(await refusal(zipOf([...others, { ...sheet, encrypted: true }]))).toContain('được mã hóa');
    const cut = {
      ...sheet.data,
      compressed: sheet.data.compressed.subarray(0, sheet.data.compressed.length - 40),
    };
    expect(await refusal(zipOf([...others, { ...sheet, data: cut }]))).toContain('bị cắt cụt');
    const entity = deflateText(
      `<worksheet ${spreadsheetNs}><sheetData><row r="1"><c t="inlineStr"><is><t>&nbsp;</t></is></c></row></sheetData></worksheet>`,
    );
    expect(await refusal(zipOf([...others, { ...sheet, data: entity }]))).toContain('không phải XML hợp lệ');
    expect(await refusal(zipOf([...base, { ...sheet, name: 'xl/Worksheets/Sheet1.xml' }]))).toContain(
      'cấu trúc tệp nén',
    );
  });

  it('calls a ZIP without a workbook (a renamed .docx) not an .xlsx', async () => {
    const docx = zipOf([{ name: 'word/document.xml', data: deflateText('<document/>') }]);
    expect(await refusal(docx)).toMatch(/không phải tệp Excel \.xlsx/);
  });
});

/** The parts xlsxOf writes, with one list of sheets (the third, `sheet3`, left to the caller). */
function xlsxParts(sheets: { name: string; xml: Deflated; state?: 'hidden' }[]) {
  const withThird = [...sheets, { name: 'Lớp 3A', xml: deflateText('') }];
  return partsOf(xlsxOf({ sheets: withThird })).filter((part) => part.name !== 'xl/worksheets/sheet3.xml');
}

/** Reads back the parts of a ZIP written by zipOf (stored as deflated pieces). */
function partsOf(bytes: Uint8Array) {
  const buffer = Buffer.from(bytes);
  const parts: { name: string; data: Deflated }[] = [];
  let at = 0;
  while (buffer.readUInt32LE(at) === 0x04034b50) {
    const compressedSize = buffer.readUInt32LE(at + 18);
    const size = buffer.readUInt32LE(at + 22);
    const crc = buffer.readUInt32LE(at + 14);
    const nameLength = buffer.readUInt16LE(at + 26);
    const extraLength = buffer.readUInt16LE(at + 28);
    const name = buffer.toString('utf8', at + 30, at + 30 + nameLength);
    const start = at + 30 + nameLength + extraLength;
    parts.push({ name, data: { compressed: buffer.subarray(start, start + compressedSize), size, crc } });
    at = start + compressedSize;
  }
  return parts;
}
