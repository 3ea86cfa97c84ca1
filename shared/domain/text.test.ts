import { describe, expect, it } from 'vitest';
import { compareVietnameseNames } from './personName';
import { cleanText, searchKeyOf } from './text';

describe('text rules', () => {
  it('normalises decomposed Vietnamese to NFC and collapses spaces', () => {
    const decomposed = 'Nguye\u0302\u0303n   Va\u0306n  An '; // "Nguyễn Văn An" typed with combining marks
    expect(cleanText(decomposed)).toBe('Nguyễn Văn An');
    expect(cleanText(decomposed)).toBe(cleanText(decomposed).normalize('NFC'));
  });

  it('builds search keys without diacritics, đ included', () => {
    expect(searchKeyOf('Đặng Thị Ánh Tuyết')).toBe('dang thi anh tuyet');
    expect(searchKeyOf('NGUYỄN  Văn Đức')).toBe('nguyen van duc');
  });
});

describe('Vietnamese name order', () => {
  it('sorts by given name, then middle names, then family name', () => {
    const names = ['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Văn An', 'Phạm Ánh', 'Đỗ Minh Anh'];
    expect([...names].sort(compareVietnameseNames)).toEqual([
      'Nguyễn Thị An',
      'Lê Văn An',
      'Đỗ Minh Anh',
      'Phạm Ánh',
      'Trần Văn Bình',
    ]);
  });
});
