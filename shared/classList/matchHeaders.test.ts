import { describe, expect, it } from 'vitest';
import { classListColumns } from './classListColumns';
import { fieldForHeader, isHeaderRow, locateHeader, matchHeaders, normalizeHeader } from './matchHeaders';
import type { RawTable } from './rawTable';

const templateHeaders = classListColumns.map((column) => column.header);

describe('normalizeHeader', () => {
  it('drops diacritics (đ included), case, parentheses and punctuation', () => {
    expect(normalizeHeader('Ngày sinh (dd/mm/yyyy)')).toBe('ngay sinh');
    expect(normalizeHeader('  MÃ ĐỊNH DANH   CÁ NHÂN (*) ')).toBe('ma dinh danh ca nhan');
    expect(normalizeHeader('Họ và tên:')).toBe('ho va ten');
    expect(normalizeHeader('Ngày\nsinh')).toBe('ngay sinh');
    expect(normalizeHeader('Mã HS [bắt buộc]')).toBe('ma hs');
  });

  it('treats decomposed and precomposed Vietnamese alike', () => {
    const decomposed = 'Qu\u00f4\u0301c ti\u0323ch'.normalize('NFD');
    expect(normalizeHeader(decomposed)).toBe('quoc tich');
  });
});

describe('fieldForHeader', () => {
  it('recognises every template header and alias', () => {
    for (const column of classListColumns) {
      expect(fieldForHeader(column.header)).toBe(column.field);
      for (const alias of column.aliases) expect(fieldForHeader(alias)).toBe(column.field);
    }
  });

  it('recognises variants schools write', () => {
    expect(fieldForHeader('HỌ VÀ TÊN')).toBe('fullName');
    expect(fieldForHeader('Ho va ten')).toBe('fullName');
    expect(fieldForHeader('Ngày sinh dd/mm/yyyy')).toBe('birthDate');
    expect(fieldForHeader('Ngày, tháng, năm sinh')).toBe('birthDate');
    expect(fieldForHeader('Giới tính (Nam/Nữ)')).toBe('gender');
    expect(fieldForHeader('Mã HS')).toBe('studentCode');
    expect(fieldForHeader('Số CCCD')).toBe('personalId');
    expect(fieldForHeader('Địa chỉ')).toBe('address');
    expect(fieldForHeader('Họ tên mẹ')).toBe('motherName');
    expect(fieldForHeader('Ghi chú')).toBeUndefined();
    expect(fieldForHeader('')).toBeUndefined();
  });
});

describe('matchHeaders', () => {
  it('maps the template headers to their columns with nothing missing', () => {
    const match = matchHeaders(templateHeaders);
    expect(match.missingRequired).toEqual([]);
    expect(match.ignoredHeaders).toEqual([]);
    expect(match.recognisedCount).toBe(classListColumns.length);
    classListColumns.forEach((column, index) => expect(match.columns[column.field]).toBe(index));
  });

  it('reports unknown headers, keeps the first of duplicates and lists missing required fields', () => {
    const match = matchHeaders(['STT', 'Họ tên', 'Ghi chú', '', 'Ngày sinh', 'HO VA TEN', '  Lớp  ']);
    expect(match.columns).toEqual({ rowNumberInList: 0, fullName: 1, birthDate: 4 });
    expect(match.ignoredHeaders).toEqual(['Ghi chú', 'HO VA TEN', 'Lớp']);
    expect(match.missingRequired).toEqual(['gender', 'studentCode']);
  });

  it('tells a header row from a title', () => {
    expect(isHeaderRow(['DANH SÁCH HỌC SINH LỚP 3A'])).toBe(false);
    expect(isHeaderRow(['Học sinh'])).toBe(false);
    expect(isHeaderRow(['STT', 'Họ và tên'])).toBe(true);
  });
});

describe('locateHeader', () => {
  const row = (rowNumber: number, cells: string[]) => ({ rowNumber, cells, numericColumns: [] });

  it('keeps a table whose header row is already first', () => {
    const table: RawTable = {
      sheetName: 'Lớp 3A',
      headerRow: 4,
      headers: templateHeaders,
      rows: [row(5, ['1', 'Nguyễn Văn An'])],
    };
    const located = locateHeader(table);
    expect(located.headerRow).toBe(4);
    expect(located.rows).toHaveLength(1);
  });

  it('finds the header under title rows when the table starts with the title', () => {
    const table: RawTable = {
      sheetName: 'Sheet1',
      headerRow: 1,
      headers: ['TRƯỜNG TIỂU HỌC KIM LIÊN'],
      rows: [
        row(2, ['DANH SÁCH HỌC SINH LỚP 3A']),
        row(3, ['Năm học 2025-2026']),
        row(5, ['STT', 'HỌ VÀ TÊN', 'NGÀY SINH', 'GIỚI TÍNH', 'MÃ HỌC SINH']),
        row(6, ['1', 'Nguyễn Văn An', '05/09/2017', 'Nam', '0112345678']),
      ],
    };
    const located = locateHeader(table);
    expect(located.headerRow).toBe(5);
    expect(located.rows.map((r) => r.rowNumber)).toEqual([6]);
    expect(located.match.missingRequired).toEqual([]);
    expect(located.match.columns.studentCode).toBe(4);
  });

  it('does not look past the first ten rows, and then reports the missing fields', () => {
    const titles = Array.from({ length: 10 }, (_, index) => row(index + 2, [`Dòng tiêu đề ${index}`]));
    const table: RawTable = {
      sheetName: 'Sheet1',
      headerRow: 1,
      headers: ['Tiêu đề'],
      rows: [...titles, row(12, ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã học sinh'])],
    };
    const located = locateHeader(table);
    expect(located.headerRow).toBe(1);
    expect(located.match.missingRequired).toEqual(['fullName', 'birthDate', 'gender', 'studentCode']);
  });
});
