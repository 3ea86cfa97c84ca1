import { describe, expect, it } from 'vitest';
import type { ClassListPreview, ClassListPreviewRow } from './classListPreview';
import { compareRosterOrder, listNumbersOf } from './listNumbers';

const student = {
  studentCode: '0000000001',
  personalId: '',
  fullName: 'Nguyễn Văn An',
  gender: 'male',
  birthDate: '2018-01-01',
  ethnicity: 'Kinh',
  nationality: 'Việt Nam',
  birthPlace: '',
  hometown: '',
  address: '',
  fatherName: '',
  motherName: '',
  guardianName: '',
} as const;

function row(rowNumber: number, stt: string | undefined, valid = true): ClassListPreviewRow {
  return {
    rowNumber,
    student: valid ? student : undefined,
    cells: stt === undefined ? {} : { rowNumberInList: stt },
    problems: [],
    notices: [],
  };
}

function preview(rows: ClassListPreviewRow[]): ClassListPreview {
  return {
    sheetName: 'DS',
    columns: {},
    ignoredHeaders: [],
    missingRequired: [],
    rows,
    validCount: rows.filter((each) => each.student).length,
    invalidCount: rows.filter((each) => !each.student).length,
  };
}

describe('the STT a class list gives its students', () => {
  it('keeps the file’s own numbers, however the rows are ordered', () => {
    const numbers = listNumbersOf(preview([row(4, '3'), row(5, '1'), row(6, ' 2 ')]));
    expect([...numbers]).toEqual([
      [4, 3],
      [5, 1],
      [6, 2],
    ]);
  });

  it('numbers the importable rows in file order when there is no STT column', () => {
    const numbers = listNumbersOf(preview([row(2, undefined), row(3, undefined, false), row(4, undefined)]));
    expect([...numbers]).toEqual([
      [2, 1],
      [4, 2],
    ]);
  });

  it('falls back to file order when an STT repeats, is missing or is not a whole number', () => {
    for (const stts of [
      ['1', '1', '2'],
      ['1', '', '3'],
      ['1', '2a', '3'],
      ['0', '1', '2'],
    ]) {
      const numbers = listNumbersOf(preview(stts.map((stt, index) => row(index + 10, stt))));
      expect([...numbers.values()]).toEqual([1, 2, 3]);
    }
  });
});

describe('roster order', () => {
  it('follows the STT, puts students without one last, and orders those by given name', () => {
    const roster = [
      { listNumber: null, fullName: 'Trần Văn Bình' },
      { listNumber: 2, fullName: 'Lê Thị An' },
      { listNumber: null, fullName: 'Nguyễn Văn An' },
      { listNumber: 1, fullName: 'Phạm Văn Yên' },
    ];
    expect([...roster].sort(compareRosterOrder).map((student) => student.fullName)).toEqual([
      'Phạm Văn Yên',
      'Lê Thị An',
      'Nguyễn Văn An',
      'Trần Văn Bình',
    ]);
  });
});
