import { describe, expect, it } from 'vitest';
import { formatDate } from '../domain/dates';
import { ethnicities } from '../domain/ethnicities';
import { studentIdentitySchema, type StudentIdentity } from '../domain/student';
import { generateSampleSchool } from '../sample/generateSampleSchool';
import { buildClassListPreview } from './buildClassListPreview';
import { classListColumns, type ClassListField } from './classListColumns';
import type { ClassListContext, ClassListPreview } from './classListPreview';
import { nothingImportableReason, previewCellText } from './previewText';
import type { RawTable } from './rawTable';

type RowInput = Partial<Record<ClassListField, string>>;

const context: ClassListContext = {
  existingStudentCodes: new Map(),
  existingPersonalIds: new Map(),
  schoolYear: '2025-2026',
  grade: 3, // usual birth year 2017
};

const fields = classListColumns.map((column) => column.field);
const headers = classListColumns.map((column) => column.header);

/** A boy born in 2017, registered in Hà Nội: a valid grade-3 row. */
const good: RowInput = {
  rowNumberInList: '1',
  fullName: 'Nguyễn Văn An',
  birthDate: '05/09/2017',
  gender: 'Nam',
  ethnicity: 'Kinh',
  studentCode: '0112345678',
  personalId: '001217012345',
  nationality: 'Việt Nam',
  birthPlace: 'Bệnh viện Phụ sản Hà Nội',
  hometown: 'Xã Đông Anh, Hà Nội',
  address: 'Số 12, phố Huế, Hà Nội',
  fatherName: 'Nguyễn Văn Bình',
  motherName: 'Trần Thị Cúc',
  guardianName: 'Không',
};

function tableOf(rows: readonly RowInput[], numeric: readonly ClassListField[] = []): RawTable {
  return {
    sheetName: 'Danh sách lớp',
    headerRow: 1,
    headers,
    rows: rows.map((row, index) => ({
      rowNumber: index + 2,
      cells: fields.map((field) => row[field] ?? ''),
      numericColumns: numeric.map((field) => fields.indexOf(field)),
    })),
  };
}

function previewOf(rows: readonly RowInput[], numeric: readonly ClassListField[] = []): ClassListPreview {
  return buildClassListPreview(tableOf(rows, numeric), context);
}

/** The problems of a single row built from the good row with some cells changed. */
function problemsOf(change: RowInput, numeric: readonly ClassListField[] = []): string[] {
  const [row] = previewOf([{ ...good, ...change }], numeric).rows;
  return row?.problems.map((problem) => problem.message) ?? ['(no row)'];
}

function studentOf(change: RowInput): StudentIdentity | undefined {
  return previewOf([{ ...good, ...change }]).rows[0]?.student;
}

describe('buildClassListPreview: a good row', () => {
  it('becomes a student that satisfies the identity schema', () => {
    const preview = previewOf([good]);
    expect(preview.validCount).toBe(1);
    expect(preview.invalidCount).toBe(0);
    expect(preview.missingRequired).toEqual([]);
    const student = preview.rows[0]?.student;
    expect(student).toEqual({
      studentCode: '0112345678',
      personalId: '001217012345',
      fullName: 'Nguyễn Văn An',
      gender: 'male',
      birthDate: '2017-09-05',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      birthPlace: 'Bệnh viện Phụ sản Hà Nội',
      hometown: 'Xã Đông Anh, Hà Nội',
      address: 'Số 12, phố Huế, Hà Nội',
      fatherName: 'Nguyễn Văn Bình',
      motherName: 'Trần Thị Cúc',
      guardianName: 'Không',
    });
    expect(studentIdentitySchema.parse(student)).toEqual(student);
  });

  it('turns decomposed Unicode and stray spaces into clean NFC', () => {
    const decomposed = '  Nguyễn   Thị  Ánh  Tuyết '.normalize('NFD');
    expect(decomposed).not.toBe(decomposed.normalize('NFC'));
    const student = studentOf({
      fullName: decomposed,
      gender: 'Nữ'.normalize('NFD'),
      personalId: '001317012345',
      ethnicity: 'Mường'.normalize('NFD'),
      birthPlace: 'Đắk Lắk'.normalize('NFD'),
    });
    expect(student?.fullName).toBe('Nguyễn Thị Ánh Tuyết'.normalize('NFC'));
    expect(student?.fullName.normalize('NFC')).toBe(student?.fullName);
    expect(student?.gender).toBe('female');
    expect(student?.ethnicity).toBe('Mường');
    expect(student?.birthPlace).toBe('Đắk Lắk'.normalize('NFC'));
  });

  it('accepts d/m/yyyy and ISO dates from date cells', () => {
    expect(studentOf({ birthDate: '5/9/2017' })?.birthDate).toBe('2017-09-05');
    expect(studentOf({ birthDate: '2017-09-05' })?.birthDate).toBe('2017-09-05');
  });

  it('accepts Nam/Nữ in any case and without diacritics, and nothing else', () => {
    expect(studentOf({ gender: 'NAM' })?.gender).toBe('male');
    for (const spelling of ['nữ', 'NỮ', 'nu', 'Nu'])
      expect(studentOf({ gender: spelling, personalId: '001317012345' })?.gender).toBe('female');
    expect(problemsOf({ gender: 'M' })).toEqual(['Giới tính "M" không rõ: ghi Nam hoặc Nữ']);
    expect(problemsOf({ gender: 'F' })).toEqual(['Giới tính "F" không rõ: ghi Nam hoặc Nữ']);
    expect(problemsOf({ gender: '' })).toEqual(['Giới tính đang trống']);
  });

  it('matches every ethnicity name and alias to its canonical name', () => {
    for (const group of ethnicities) {
      for (const spelling of [group.name, ...group.aliases, group.name.toUpperCase()]) {
        expect(studentOf({ ethnicity: spelling })?.ethnicity, spelling).toBe(group.name);
      }
    }
    expect(studentOf({ ethnicity: 'hmong' })?.ethnicity).toBe('Hmông');
    expect(studentOf({ ethnicity: 'Dân tộc Tày' })?.ethnicity).toBe('Tày');
    expect(studentOf({ ethnicity: '' })?.ethnicity).toBe('');
    expect(problemsOf({ ethnicity: 'Kinhh' })).toEqual([
      'Dân tộc "Kinhh" không có trong danh mục 54 dân tộc Việt Nam',
    ]);
  });

  it('defaults nationality to Việt Nam and keeps empty or "Không" family fields', () => {
    expect(studentOf({ nationality: '' })?.nationality).toBe('Việt Nam');
    expect(studentOf({ nationality: 'viet nam' })?.nationality).toBe('Việt Nam');
    expect(studentOf({ nationality: 'Lào' })?.nationality).toBe('Lào');
    const student = studentOf({ fatherName: '', guardianName: 'KHÔNG', address: '' });
    expect(student?.fatherName).toBe('');
    expect(student?.guardianName).toBe('Không');
    expect(student?.address).toBe('');
  });

  it('allows an empty personal ID', () => {
    expect(studentOf({ personalId: '' })?.personalId).toBe('');
  });
});

describe('buildClassListPreview: look-alike letters in names', () => {
  it('stores Đ for the Ð (U+00D0) typed in a name, and says so under the cell', () => {
    const [row] = previewOf([
      {
        ...good,
        fullName: '\u00d0ỗ Văn \u00d0ức',
        fatherName: '\u00d0ỗ Văn Bình',
        motherName: 'Trần Thị \u00f0ào',
      },
    ]).rows;
    expect(row?.problems).toEqual([]);
    expect(row?.student?.fullName).toBe('Đỗ Văn Đức');
    expect(row?.student?.fatherName).toBe('Đỗ Văn Bình');
    expect(row?.student?.motherName).toBe('Trần Thị đào');
    expect(row?.notices.map((notice) => notice.field)).toEqual(['fullName', 'fatherName', 'motherName']);
    expect(row?.notices[0]?.message).toBe(
      'Họ và tên "\u00d0ỗ Văn \u00d0ức" có chữ Ð (gõ nhầm, không phải chữ Đ tiếng Việt): đã sửa thành "Đỗ Văn Đức" như trong giấy khai sinh',
    );
  });

  it('leaves other fields as written and says nothing about a name already right', () => {
    const [row] = previewOf([{ ...good, fullName: 'Đỗ Văn Đức', address: 'Thôn \u00d0ông' }]).rows;
    expect(row?.notices).toEqual([]);
    expect(row?.student?.address).toBe('Thôn \u00d0ông');
  });
});

describe('buildClassListPreview: bad rows', () => {
  it('refuses an empty name or one with digits', () => {
    expect(problemsOf({ fullName: '   ' })).toEqual(['Họ và tên đang trống']);
    expect(problemsOf({ fullName: 'Nguyễn Văn 2' })).toEqual(['Họ và tên "Nguyễn Văn 2" có chữ số']);
  });

  it('refuses dates that do not exist, have the wrong shape or do not fit the grade', () => {
    expect(problemsOf({ birthDate: '31/02/2018' })).toEqual(['Ngày sinh 31/02/2018 không tồn tại']);
    expect(problemsOf({ birthDate: '2018-02-30' })).toEqual(['Ngày sinh 2018-02-30 không tồn tại']);
    expect(problemsOf({ birthDate: '5/9/17' })[0]).toMatch(/^Ngày sinh "5\/9\/17" không đúng dạng/);
    expect(problemsOf({ birthDate: '' })).toEqual(['Ngày sinh đang trống']);
    expect(problemsOf({ birthDate: '43000' }, ['birthDate'])[0]).toMatch(/là một số, không phải ngày/);
    expect(problemsOf({ birthDate: '05/09/2013' })).toEqual([
      'Năm sinh 2013 không phù hợp với lớp 3 năm học 2025-2026 (học sinh lớp 3 thường sinh năm 2017)',
    ]);
    expect(problemsOf({ birthDate: '05/09/2019' })[0]).toMatch(/^Năm sinh 2019 không phù hợp/);
    // Three years older and one younger than usual are accepted (late entry, repeated years).
    expect(studentOf({ birthDate: '01/01/2014', personalId: '' })?.birthDate).toBe('2014-01-01');
    expect(studentOf({ birthDate: '31/12/2018', personalId: '' })?.birthDate).toBe('2018-12-31');
  });

  it('refuses student codes that are not 10 digits, with a hint when Excel dropped a zero', () => {
    expect(problemsOf({ studentCode: '' })).toEqual(['Mã học sinh đang trống']);
    expect(problemsOf({ studentCode: '01123456' })).toEqual([
      'Mã học sinh phải gồm 10 chữ số (ô đang ghi "01123456")',
    ]);
    expect(problemsOf({ studentCode: 'HS01123456' })[0]).toMatch(/phải gồm 10 chữ số/);
    const [lost] = problemsOf({ studentCode: '112345678' }, ['studentCode']);
    expect(lost).toMatch(/^Mã học sinh 112345678 chỉ còn 9 chữ số thay vì 10: Excel đã bỏ số 0 ở đầu/);
    expect(lost).toMatch(/định dạng cột Mã học sinh là Văn bản \(Text\)/);
  });

  it('refuses personal IDs that are malformed or contradict gender and birth year', () => {
    expect(problemsOf({ personalId: '0012170123' })).toEqual([
      'Mã định danh cá nhân phải gồm 12 chữ số (ô đang ghi "0012170123")',
    ]);
    expect(problemsOf({ personalId: '1217012345' }, ['personalId'])[0]).toMatch(
      /chỉ còn 10 chữ số thay vì 12/,
    );
    expect(problemsOf({ personalId: '999217012345' })).toEqual([
      'Mã định danh cá nhân: 3 số đầu (999) không phải mã tỉnh, thành phố nơi đăng ký khai sinh',
    ]);
    expect(problemsOf({ personalId: '001317012345' })).toEqual([
      'Mã định danh cá nhân: số thứ 4 là 3, nhưng học sinh nam sinh năm 2017 phải có số 2',
    ]);
    expect(problemsOf({ personalId: '001216012345' })).toEqual([
      'Mã định danh cá nhân: số thứ 5 và 6 là 16, không khớp với năm sinh 2017 (phải là 17)',
    ]);
  });

  it('refuses codes and IDs repeated in the file, naming the other rows', () => {
    const preview = previewOf([
      good,
      { ...good, studentCode: '0112345679', personalId: '001217000001' },
      { ...good, personalId: '001217000002' },
      { ...good, studentCode: '0112345680', personalId: '001217000001' },
    ]);
    const messages = preview.rows.map((row) => row.problems.map((problem) => problem.message));
    expect(messages).toEqual([
      ['Mã học sinh 0112345678 trùng với dòng 4'],
      ['Mã định danh cá nhân 001217000001 trùng với dòng 5'],
      ['Mã học sinh 0112345678 trùng với dòng 2'],
      ['Mã định danh cá nhân 001217000001 trùng với dòng 3'],
    ]);
    expect(preview.validCount).toBe(0);
    expect(preview.invalidCount).toBe(4);
  });

  it('refuses codes and IDs the school already has, naming the class', () => {
    const table = tableOf([good]);
    const preview = buildClassListPreview(table, {
      ...context,
      existingStudentCodes: new Map([['0112345678', '3B']]),
      existingPersonalIds: new Map([['001217012345', '4A']]),
    });
    expect(preview.rows[0]?.problems).toEqual([
      { field: 'studentCode', message: 'Mã học sinh đã có trong trường (lớp 3B)' },
      { field: 'personalId', message: 'Mã định danh cá nhân đã có trong trường (lớp 4A)' },
    ]);
  });

  it('keeps the cells as read for an invalid row', () => {
    const row = previewOf([{ ...good, gender: ' x ' }]).rows[0];
    expect(row?.student).toBeUndefined();
    expect(row?.cells.gender).toBe('x');
    expect(row?.cells.fullName).toBe('Nguyễn Văn An');
  });
});

describe('buildClassListPreview: the table', () => {
  it('skips empty rows and rows with only a pre-filled number', () => {
    const other = { ...good, studentCode: '0112345679', personalId: '' };
    const preview = previewOf([good, {}, { rowNumberInList: '3' }, other]);
    expect(preview.rows.map((row) => row.rowNumber)).toEqual([2, 5]);
    expect(preview.validCount).toBe(2);
  });

  it('marks every row invalid when a required column is missing', () => {
    const table: RawTable = {
      sheetName: 'Sheet1',
      headerRow: 1,
      headers: ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Ghi chú'],
      rows: [
        { rowNumber: 2, cells: ['Nguyễn Văn An', '05/09/2017', 'Nam', 'chuyển đến'], numericColumns: [] },
      ],
    };
    const preview = buildClassListPreview(table, context);
    expect(preview.missingRequired).toEqual(['studentCode']);
    expect(preview.ignoredHeaders).toEqual(['Ghi chú']);
    expect(preview.columns).toEqual({ fullName: 0, birthDate: 1, gender: 2 });
    expect(preview.rows[0]?.problems.map((p) => p.message)).toEqual(['Mã học sinh đang trống']);
    expect(preview.validCount).toBe(0);
  });

  it('finds the header under a title row', () => {
    const table: RawTable = {
      sheetName: 'Sheet1',
      headerRow: 1,
      headers: ['DANH SÁCH HỌC SINH LỚP 3A'],
      rows: [
        { rowNumber: 3, cells: headers, numericColumns: [] },
        { rowNumber: 4, cells: fields.map((field) => good[field] ?? ''), numericColumns: [] },
      ],
    };
    const preview = buildClassListPreview(table, context);
    expect(preview.missingRequired).toEqual([]);
    expect(preview.rows.map((row) => row.rowNumber)).toEqual([4]);
    expect(preview.validCount).toBe(1);
  });

  it('refuses a context without a real grade or school year', () => {
    expect(() => buildClassListPreview(tableOf([good]), { ...context, grade: 6 })).toThrow(RangeError);
    expect(() => buildClassListPreview(tableOf([good]), { ...context, schoolYear: '2025' })).toThrow(
      RangeError,
    );
  });
});

describe('buildClassListPreview: a large school list', () => {
  // Grades 2–4 of a sample school all fit the age window of grade 3 (born 2014–2018).
  const school = generateSampleSchool({ seed: 7, students: 5000, schoolYear: '2025-2026' });
  const gradeOf = new Map(school.classes.map((schoolClass) => [schoolClass.id, schoolClass.grade]));
  const seenIds = new Set<string>();
  const students = school.students
    .filter((student) => [2, 3, 4].includes(gradeOf.get(student.classId) ?? 0))
    .filter((student) => !seenIds.has(student.personalId) && Boolean(seenIds.add(student.personalId)))
    .slice(0, 2000);
  const rows: RowInput[] = students.map((student, index) => ({
    ...student,
    rowNumberInList: String(index + 1),
    gender: student.gender === 'male' ? 'Nam' : 'Nữ',
    birthDate: index % 2 === 0 ? formatDate(student.birthDate) : student.birthDate,
  }));
  const table = tableOf(rows);

  it('reads 2,000 generated students back exactly, all valid', () => {
    expect(students).toHaveLength(2000);
    const preview = buildClassListPreview(table, context);
    expect(preview.invalidCount).toBe(0);
    expect(preview.validCount).toBe(2000);
    // Parsing with the identity schema keeps the identity fields only.
    expect(preview.rows.map((row) => row.student)).toEqual(
      students.map((student) => studentIdentitySchema.parse(student)),
    );
  });
});

describe('what the preview shows (issue 10, point 11)', () => {
  it('shows a row to be imported exactly as it will be stored', () => {
    const [row] = previewOf([
      {
        ...good,
        ethnicity: 'Raglai',
        nationality: '',
        fullName: '\u00d0ỗ  Văn An',
        birthDate: '5/9/2017',
        gender: 'nu',
        personalId: '',
      },
    ]).rows;
    if (!row) throw new Error('no row');
    expect(previewCellText(row, 'ethnicity')).toBe('Ra-glai');
    expect(row.student?.ethnicity).toBe('Ra-glai');
    expect(previewCellText(row, 'nationality')).toBe('Việt Nam');
    expect(previewCellText(row, 'fullName')).toBe('Đỗ Văn An');
    expect(previewCellText(row, 'birthDate')).toBe('05/09/2017');
    expect(previewCellText(row, 'gender')).toBe('Nữ');
    expect(previewCellText(row, 'rowNumberInList')).toBe('1');
  });

  it('shows a refused row as read, so it can be found in the spreadsheet', () => {
    const [row] = previewOf([{ ...good, ethnicity: 'Raglai', gender: 'x' }]).rows;
    if (!row) throw new Error('no row');
    expect(previewCellText(row, 'ethnicity')).toBe('Raglai');
    expect(previewCellText(row, 'gender')).toBe('x');
  });

  it('says in one sentence why no row can be imported', () => {
    expect(nothingImportableReason(previewOf([good]))).toBeUndefined();
    expect(
      nothingImportableReason(
        previewOf([
          { ...good, birthDate: '31/02/2017' },
          { ...good, studentCode: '0112345679', personalId: '', birthDate: '2017' },
          { ...good, studentCode: '12', personalId: '' },
        ]),
      ),
    ).toBe(
      'Không nhập được dòng nào: mọi dòng đều có lỗi, nhiều nhất ở cột Ngày sinh (2/3 dòng); sửa trong Excel theo lỗi ghi dưới từng ô rồi chọn lại tệp.',
    );
    const withoutNames = buildClassListPreview(
      {
        sheetName: 'Lớp 3A',
        headerRow: 1,
        headers: ['STT', 'Ngày sinh'],
        rows: [{ rowNumber: 2, cells: ['1', '05/09/2017'], numericColumns: [] }],
      },
      context,
    );
    expect(nothingImportableReason(withoutNames)).toMatch(
      /^Không nhập được dòng nào vì tệp thiếu cột Họ và tên/,
    );
  });
});
