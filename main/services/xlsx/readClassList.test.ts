import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildClassListPreview } from '../../../shared/classList/buildClassListPreview';
import { classListColumns } from '../../../shared/classList/classListColumns';
import type { ClassListContext } from '../../../shared/classList/classListPreview';
import { generateSampleSchool } from '../../../shared/sample/generateSampleSchool';
import { UserFacingError } from '../userFacingError';
import { classListHandlers } from '../../ipc/handlers/classListHandlers';
import { createClassListService } from '../classListService';
import { createIsolationRunner } from '../isolation/isolationRunner';
import { resolveUntrustedFilesWorker } from '../isolation/untrustedFilesWorkerPath';
import type { UntrustedFileTasks } from '../../workers/untrustedFileTasks';
import { plainNumber, readClassListWorkbook } from './readClassList';

const headers = classListColumns.map((column) => column.header);
const context: ClassListContext = {
  existingStudentCodes: new Map(),
  existingPersonalIds: new Map(),
  schoolYear: '2025-2026',
  grade: 3,
};

async function xlsxOf(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A sheet with the template header and the given rows (cells in template column order). */
function listSheet(workbook: ExcelJS.Workbook, rows: readonly ExcelJS.CellValue[][], name = 'Lớp 3A') {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return sheet;
}

const an: ExcelJS.CellValue[] = [
  1,
  'Nguyễn Văn An',
  '05/09/2017',
  'Nam',
  'Kinh',
  '0112345678',
  '001217012345',
];
const binh: ExcelJS.CellValue[] = [2, 'Trần Thị Bình', '12/01/2017', 'Nữ', 'Tày', '0112345679', ''];

async function refusal(promise: Promise<unknown>): Promise<UserFacingError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof UserFacingError))
    throw new Error(`expected a UserFacingError, got ${String(error)}`);
  return error;
}

describe('readClassListWorkbook', () => {
  it('reads a good file as text rows under the header', async () => {
    const bytes = await xlsxOf((workbook) => listSheet(workbook, [an, binh]));
    const table = await readClassListWorkbook(bytes);
    expect(table.sheetName).toBe('Lớp 3A');
    expect(table.headerRow).toBe(1);
    expect(table.headers).toEqual(headers);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: an.map(String), numericColumns: [0] },
      { rowNumber: 3, cells: binh.slice(0, 6).map(String), numericColumns: [0] },
    ]);
    const preview = buildClassListPreview(table, context);
    expect(preview.validCount).toBe(2);
  });

  it('reads date cells as ISO dates and keeps text dates as written', async () => {
    const bytes = await xlsxOf((workbook) => {
      const sheet = listSheet(workbook, [
        [1, 'Nguyễn Văn An', new Date(Date.UTC(2017, 8, 5)), 'Nam', 'Kinh', '0112345678'],
        [2, 'Trần Thị Bình', '05/09/2017', 'Nữ', 'Kinh', '0112345679'],
      ]);
      sheet.getCell('C2').numFmt = 'dd/mm/yyyy';
    });
    const table = await readClassListWorkbook(bytes);
    expect(table.rows.map((row) => row.cells[2])).toEqual(['2017-09-05', '05/09/2017']);
    const preview = buildClassListPreview(table, context);
    expect(preview.rows.map((row) => row.student?.birthDate)).toEqual(['2017-09-05', '2017-09-05']);
  });

  it('marks a numeric student code whose leading zero Excel dropped, and reads zero-padded formats as shown', async () => {
    const bytes = await xlsxOf((workbook) => {
      const sheet = listSheet(workbook, [
        [1, 'Nguyễn Văn An', '05/09/2017', 'Nam', 'Kinh', 112345678],
        [2, 'Trần Thị Bình', '12/01/2017', 'Nữ', 'Kinh', 112345679],
      ]);
      sheet.getCell('F3').numFmt = '0000000000';
    });
    const table = await readClassListWorkbook(bytes);
    expect(table.rows[0]?.cells[5]).toBe('112345678');
    expect(table.rows[0]?.numericColumns).toContain(5);
    expect(table.rows[1]?.cells[5]).toBe('0112345679');
    const preview = buildClassListPreview(table, context);
    expect(preview.rows[0]?.problems[0]?.message).toMatch(
      /chỉ còn 9 chữ số thay vì 10: Excel đã bỏ số 0 ở đầu/,
    );
    expect(preview.rows[1]?.student?.studentCode).toBe('0112345679');
  });

  it('finds the header under a title, skipping merged and empty rows', async () => {
    const bytes = await xlsxOf((workbook) => {
      const sheet = workbook.addWorksheet('DS');
      sheet.getCell('A1').value = 'DANH SÁCH HỌC SINH LỚP 3A';
      sheet.mergeCells('A1:F1');
      sheet.getCell('A2').value = 'Năm học 2025-2026';
      sheet.getRow(4).values = [
        'STT',
        'Họ và tên',
        'Ngày sinh (dd/mm/yyyy)',
        'Giới tính',
        'Dân tộc',
        'Mã HS',
      ];
      sheet.getRow(5).values = an.slice(0, 6);
      sheet.getRow(7).values = binh.slice(0, 6);
    });
    const table = await readClassListWorkbook(bytes);
    expect(table.headerRow).toBe(4);
    expect(table.headers[2]).toBe('Ngày sinh (dd/mm/yyyy)');
    expect(table.rows.map((row) => row.rowNumber)).toEqual([5, 7]);
    const preview = buildClassListPreview(table, context);
    expect(preview.missingRequired).toEqual([]);
    expect(preview.validCount).toBe(2);
  });

  it('gives every row when no header is recognised, so the rules can say what is missing', async () => {
    const bytes = await xlsxOf((workbook) => {
      const sheet = workbook.addWorksheet('Sheet1');
      sheet.addRow(['Danh sách']);
      sheet.mergeCells('A1:C1');
      sheet.addRow(['Tên', 'Sinh ngày']);
      sheet.addRow(['Nguyễn Văn An', '05/09/2017']);
    });
    const table = await readClassListWorkbook(bytes);
    expect(table.headerRow).toBe(1);
    // A merged cell's value belongs to its first cell only.
    expect(table.headers).toEqual(['Danh sách']);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['Tên', 'Sinh ngày'],
      ['Nguyễn Văn An', '05/09/2017'],
    ]);
    expect(buildClassListPreview(table, context).missingRequired).toEqual([
      'fullName',
      'birthDate',
      'gender',
      'studentCode',
    ]);
  });

  it('keeps decomposed Unicode as read; the preview makes it NFC', async () => {
    const decomposed = 'Nguyễn Thị Ánh Tuyết'.normalize('NFD');
    const bytes = await xlsxOf((workbook) =>
      listSheet(workbook, [[1, decomposed, '05/09/2017', 'Nữ'.normalize('NFD'), 'Kinh', '0112345678']]),
    );
    const table = await readClassListWorkbook(bytes);
    expect(table.rows[0]?.cells[1]).toBe(decomposed);
    const student = buildClassListPreview(table, context).rows[0]?.student;
    expect(student?.fullName).toBe('Nguyễn Thị Ánh Tuyết'.normalize('NFC'));
    expect(student?.gender).toBe('female');
  });

  it('converts formulas, rich text, hyperlinks, booleans and numbers to text', async () => {
    const bytes = await xlsxOf((workbook) => {
      const sheet = workbook.addWorksheet('Sheet1');
      sheet.addRow(['Họ và tên', 'Ngày sinh', 'A', 'B', 'C', 'D']);
      sheet.addRow([
        { richText: [{ text: 'Nguyễn ' }, { text: 'Văn An', font: { bold: true } }] },
        { formula: 'DATE(2017,9,5)', result: new Date(Date.UTC(2017, 8, 5)) },
        { formula: 'CONCATENATE("01","12345678")', result: '0112345678' },
        { text: 'Trang cá nhân', hyperlink: 'https://example.edu.vn' },
        true,
        1e21,
      ]);
    });
    const table = await readClassListWorkbook(bytes);
    expect(table.rows[0]?.cells).toEqual([
      'Nguyễn Văn An',
      '2017-09-05',
      '0112345678',
      'Trang cá nhân',
      'TRUE',
      '1000000000000000000000',
    ]);
    expect(table.rows[0]?.numericColumns).toEqual([5]);
  });

  it('reads the first visible sheet with data', async () => {
    const bytes = await xlsxOf((workbook) => {
      workbook.addWorksheet('Trống');
      const hidden = listSheet(workbook, [binh], 'Ẩn');
      hidden.state = 'hidden';
      listSheet(workbook, [an], 'Lớp 3A');
    });
    const table = await readClassListWorkbook(bytes);
    expect(table.sheetName).toBe('Lớp 3A');
    expect(table.rows.map((row) => row.cells[1])).toEqual(['Nguyễn Văn An']);
  });

  it('reads a 2,000-student list', async () => {
    const school = generateSampleSchool({ seed: 11, students: 2000, schoolYear: '2025-2026' });
    const fields = classListColumns.map((column) => column.field);
    const bytes = await xlsxOf((workbook) => {
      const sheet = workbook.addWorksheet('Toàn trường');
      sheet.addRow(headers);
      school.students.forEach((student, index) => {
        const cell = (field: (typeof fields)[number]): ExcelJS.CellValue => {
          if (field === 'rowNumberInList') return index + 1;
          if (field === 'gender') return student.gender === 'male' ? 'Nam' : 'Nữ';
          if (field === 'birthDate') return new Date(`${student.birthDate}T00:00:00Z`);
          return student[field];
        };
        sheet.addRow(fields.map(cell));
      });
    });
    const table = await readClassListWorkbook(bytes);
    expect(table.rows).toHaveLength(2000);
    expect(table.rows[1999]?.rowNumber).toBe(2001);
    expect(table.rows.map((row) => row.cells[5])).toEqual(school.students.map((s) => s.studentCode));
    expect(table.rows.map((row) => row.cells[2])).toEqual(school.students.map((s) => s.birthDate));
  });

  it('refuses more than 10,000 rows', async () => {
    const bytes = await xlsxOf((workbook) => {
      const sheet = workbook.addWorksheet('Sheet1');
      sheet.addRow(headers);
      for (let row = 1; row <= 10_011; row += 1) sheet.addRow([row, 'Nguyễn Văn An']);
    });
    const error = await refusal(readClassListWorkbook(bytes));
    expect(error.code).toBe('invalid-request');
    expect(error.message).toMatch(/hơn 10\.000 dòng/);
  });

  it('refuses an empty workbook', async () => {
    const bytes = await xlsxOf((workbook) => workbook.addWorksheet('Sheet1'));
    expect((await refusal(readClassListWorkbook(bytes))).message).toMatch(/không có dữ liệu/);
  });

  it('refuses a renamed CSV and an old .xls, saying to save as .xlsx', async () => {
    const csv = new TextEncoder().encode('STT,Họ và tên\n1,Nguyễn Văn An\n');
    const csvError = await refusal(readClassListWorkbook(csv));
    expect(csvError.code).toBe('invalid-request');
    expect(csvError.message).toMatch(/Sổ làm việc Excel \(\.xlsx\)/);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await refusal(readClassListWorkbook(xls))).message).toMatch(/Excel cũ \(\.xls\)/);
    const brokenZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    expect((await refusal(readClassListWorkbook(brokenZip))).message).toMatch(/không phải tệp Excel \.xlsx/);
  });
});

describe('plainNumber', () => {
  it('never writes an exponent', () => {
    expect(plainNumber(112345678)).toBe('112345678');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(1.5e-7)).toBe('0.00000015');
    expect(plainNumber(123.45)).toBe('123.45');
  });
});

describe('classList service and handlers', () => {
  const untrustedFiles = createIsolationRunner<UntrustedFileTasks>({
    workerPath: resolveUntrustedFilesWorker,
  });
  afterAll(() => untrustedFiles.close());
  const service = createClassListService({ untrustedFiles });

  it('checks the extension before reading, case-insensitively', async () => {
    const bytes = await xlsxOf((workbook) => listSheet(workbook, [an]));
    expect((await service.read('Lop 3A.XLSX', bytes)).rows).toHaveLength(1);
    expect((await refusal(service.read('Lop 3A.xls', bytes))).message).toMatch(/Excel cũ/);
    expect((await refusal(service.read('Lop 3A.csv', bytes))).message).toMatch(/tệp \.csv/);
    expect((await refusal(service.read('Lop 3A.ods', bytes))).message).toMatch(/không đọc được tệp \.ods/);
    expect((await refusal(service.read('Lop 3A', bytes))).message).toMatch(/không có phần mở rộng/);
    expect((await refusal(service.read('a.xlsx', new Uint8Array()))).message).toMatch(/Tệp rỗng/);
  });

  it('decodes the request from base64 and encodes the template', async () => {
    const handlers = classListHandlers(service);
    const bytes = await xlsxOf((workbook) => listSheet(workbook, [an, binh]));
    const table = await handlers['classList:read']({
      fileName: 'lop.xlsx',
      bytesBase64: Buffer.from(bytes).toString('base64'),
    });
    expect(table.rows).toHaveLength(2);
    const file = await handlers['classList:template']({});
    expect(file.fileName).toBe('Mau-danh-sach-lop.xlsx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const template = await readClassListWorkbook(new Uint8Array(Buffer.from(file.bytesBase64, 'base64')));
    expect(template.headers).toEqual(headers);
  });
});
