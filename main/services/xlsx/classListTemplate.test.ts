import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildClassListPreview } from '../../../shared/classList/buildClassListPreview';
import { classListColumns } from '../../../shared/classList/classListColumns';
import { classListTemplateFileName, createClassListTemplate } from './classListTemplate';
import { readClassListWorkbook } from './readClassList';

async function loadTemplate(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await createClassListTemplate()).slice().buffer);
  return workbook;
}

function sheetNamed(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

describe('createClassListTemplate', () => {
  it('reads back with the template headers and no rows', async () => {
    const table = await readClassListWorkbook(await createClassListTemplate());
    expect(table.sheetName).toBe('Danh sách lớp');
    expect(table.headerRow).toBe(1);
    expect(table.headers).toEqual(classListColumns.map((column) => column.header));
    expect(table.rows).toEqual([]);
  });

  it('has a bold, frozen header, the column widths and text format for code columns', async () => {
    const sheet = sheetNamed(await loadTemplate(), 'Danh sách lớp');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    classListColumns.forEach((column, index) => {
      const cell = sheet.getCell(1, index + 1);
      expect(cell.value).toBe(column.header);
      expect(cell.font.bold).toBe(true);
      expect(sheet.getColumn(index + 1).width).toBe(column.width);
      // A cell typed later in the column takes the column's format: '@' keeps leading zeros.
      const typed = sheet.getCell(2, index + 1);
      expect(typed.numFmt === '@', column.header).toBe(column.text === true);
    });
    // Dates are text too: Excel on an English-locale machine would read 05/09/2017 as 9 May.
    expect(classListColumns.filter((column) => column.text === true).map((c) => c.field)).toEqual([
      'birthDate',
      'studentCode',
      'personalId',
    ]);
  });

  it('offers Nam/Nữ as a drop-down for gender', async () => {
    const sheet = sheetNamed(await loadTemplate(), 'Danh sách lớp');
    const genderColumn = classListColumns.findIndex((column) => column.field === 'gender') + 1;
    expect(sheet.getCell(2, genderColumn).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Nam,Nữ"'],
    });
  });

  it('explains the formats on a "Hướng dẫn" sheet, with the 54 ethnicities', async () => {
    const guide = sheetNamed(await loadTemplate(), 'Hướng dẫn');
    const text = guide
      .getColumn(1)
      .values.filter((value): value is string => typeof value === 'string')
      .join('\n');
    expect(text).toMatch(/ngày\/tháng\/năm.*05\/09\/2018/);
    expect(text).toMatch(/Nam hoặc Nữ/);
    expect(text).toMatch(/Mã học sinh gồm đúng 10 chữ số/);
    expect(text).toMatch(/Mã định danh cá nhân gồm đúng 12 chữ số/);
    expect(text).toMatch(/ghi "Không"/);
    const ethnicities = guide.getColumn(3).values.filter((value) => typeof value === 'string');
    expect(ethnicities).toHaveLength(55); // title and 54 names
    expect(ethnicities).toContain('Ê-đê');
  });

  it('survives being filled in: codes typed as text keep their zeros', async () => {
    const workbook = await loadTemplate();
    const sheet = sheetNamed(workbook, 'Danh sách lớp');
    sheet.getRow(2).values = [1, 'Nguyễn Văn An', '05/09/2017', 'Nam', 'Kinh', '0112345678', '001217012345'];
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const table = await readClassListWorkbook(bytes);
    const preview = buildClassListPreview(table, {
      existingStudentCodes: new Map(),
      existingPersonalIds: new Map(),
      schoolYear: '2025-2026',
      grade: 3,
    });
    expect(preview.validCount).toBe(1);
    expect(preview.rows[0]?.student?.studentCode).toBe('0112345678');
  });

  it('is named for saving', () => {
    expect(classListTemplateFileName).toBe('Mau-danh-sach-lop.xlsx');
  });
});
