import { describe, expect, it } from 'vitest';
import { cleanPersonName, compareVietnameseNames, hasLookalikeLetters } from './personName';
import { staffMemberSchema } from './staff';
import { studentIdentitySchema } from './student';
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

describe('look-alike letters in names (Ð U+00D0 for Đ U+0110)', () => {
  it('spells a name with the real Đ/đ, in every look-alike and with the text rules applied', () => {
    expect(cleanPersonName('  \u00d0ỗ   Văn \u00d0ức ')).toBe('Đỗ Văn Đức');
    expect(cleanPersonName('Trần Thị \u00f0ào \u0189inh \u0256')).toBe('Trần Thị đào Đinh đ');
    expect(hasLookalikeLetters('\u00d0ỗ Văn An')).toBe(true);
    expect(hasLookalikeLetters('Đỗ Văn An')).toBe(false);
  });

  it('finds a name typed either way in a search', () => {
    expect(searchKeyOf('\u00d0ỗ Văn \u00d0ức')).toBe(searchKeyOf('Đỗ Văn Đức'));
    expect(searchKeyOf('ð')).toBe('d');
  });

  it('corrects names wherever the schemas store them: students, parents, staff', () => {
    const student = studentIdentitySchema.parse({
      studentCode: '0112345678',
      personalId: '',
      fullName: '\u00d0ỗ Văn \u00d0ức',
      gender: 'male',
      birthDate: '2017-09-05',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      birthPlace: 'Hà Nội',
      hometown: 'Hà Nội',
      address: 'Hà Nội',
      fatherName: '\u00d0ỗ Văn Bình',
      motherName: '',
      guardianName: 'Không',
    });
    expect([student.fullName, student.fatherName]).toEqual(['Đỗ Văn Đức', 'Đỗ Văn Bình']);
    const staff = staffMemberSchema.parse({
      userId: 'user:dod',
      login: 'dod',
      fullName: '\u00d0ặng Thị Hà',
      role: 'teacher',
      active: true,
    });
    expect(staff.fullName).toBe('Đặng Thị Hà');
  });
});
