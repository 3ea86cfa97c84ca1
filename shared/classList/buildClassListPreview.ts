import { ethnicities } from '../domain/ethnicities';
import { parseVietnameseDate } from '../domain/dates';
import { isGrade, usualBirthYear } from '../domain/grade';
import { cleanPersonName, hasLookalikeLetters } from '../domain/personName';
import { centuryGenderDigit, checkPersonalId } from '../domain/personalId';
import { isSchoolYear, startYearOf } from '../domain/schoolYear';
import { studentIdentitySchema, type Gender, type StudentIdentity } from '../domain/student';
import { cleanText, notApplicable, searchKeyOf } from '../domain/text';
import { classListColumns, type ClassListField } from './classListColumns';
import type { ClassListContext, ClassListPreview, ClassListProblem } from './classListPreview';
import { locateHeader } from './matchHeaders';
import type { RawTable } from './rawTable';

const label = (field: ClassListField): string =>
  classListColumns.find((column) => column.field === field)?.header ?? field;
const fieldOf = (key: PropertyKey | undefined): ClassListField =>
  classListColumns.find((column) => column.field === key)?.field ?? 'fullName';

/** What the teacher reads next to "Dòng 7:" (the UI adds the row). */
const messages = {
  empty: (field: ClassListField) => `${label(field)} đang trống`,
  tooLong: (field: ClassListField, max: number) => `${label(field)} dài quá ${max} ký tự`,
  nameHasDigits: (name: string) => `Họ và tên "${name}" có chữ số`,
  dateMissing: (text: string) => `Ngày sinh ${text} không tồn tại`,
  dateShape: (text: string) => `Ngày sinh "${text}" không đúng dạng ngày/tháng/năm (ví dụ 05/09/2018)`,
  dateIsNumber: (text: string) =>
    `Ngày sinh "${text}" là một số, không phải ngày: hãy định dạng cột Ngày sinh là Văn bản (Text) và ghi dạng ngày/tháng/năm (ví dụ 05/09/2018)`,
  implausibleYear: (year: number, grade: number, schoolYear: string, usual: number) =>
    `Năm sinh ${year} không phù hợp với lớp ${grade} năm học ${schoolYear} (học sinh lớp ${grade} thường sinh năm ${usual})`,
  genderUnknown: (text: string) => `Giới tính "${text}" không rõ: ghi Nam hoặc Nữ`,
  ethnicityUnknown: (text: string) => `Dân tộc "${text}" không có trong danh mục 54 dân tộc Việt Nam`,
  digits: (field: ClassListField, count: number, text: string) =>
    `${label(field)} phải gồm ${count} chữ số (ô đang ghi "${text}")`,
  lostZeros: (field: ClassListField, text: string, count: number) =>
    `${label(field)} ${text} chỉ còn ${text.length} chữ số thay vì ${count}: Excel đã bỏ số 0 ở đầu vì ô có kiểu Số. Hãy định dạng cột ${label(field)} là Văn bản (Text), nhập lại mã rồi đọc lại tệp`,
  duplicate: (field: ClassListField, value: string, rows: readonly number[]) =>
    `${label(field)} ${value} trùng với dòng ${rows.join(', ')}`,
  lookalikeCorrected: (field: ClassListField, text: string) =>
    `${label(field)} "${text}" có chữ Ð (gõ nhầm, không phải chữ Đ tiếng Việt): đã sửa thành "${cleanPersonName(text)}" như trong giấy khai sinh`,
  existing: (field: ClassListField, className: string) =>
    `${label(field)} đã có trong trường (lớp ${className})`,
  idProvince: (code: string) =>
    `Mã định danh cá nhân: 3 số đầu (${code}) không phải mã tỉnh, thành phố nơi đăng ký khai sinh`,
  idGenderCentury: (digit: string, gender: Gender, year: number, expected: number) =>
    `Mã định danh cá nhân: số thứ 4 là ${digit}, nhưng học sinh ${gender === 'female' ? 'nữ' : 'nam'} sinh năm ${year} phải có số ${expected}`,
  idBirthYear: (digits: string, year: number) =>
    `Mã định danh cá nhân: số thứ 5 và 6 là ${digits}, không khớp với năm sinh ${year} (phải là ${String(year % 100).padStart(2, '0')})`,
} as const;

/** Letters and digits only, no diacritics: "H'Mông", "Hmông" and "HMONG" share one key. */
const compactKey = (text: string): string => searchKeyOf(text).replace(/[^a-z0-9]/g, '');

const ethnicityByKey: ReadonlyMap<string, string> = new Map(
  ethnicities.flatMap((group) =>
    [group.name, ...group.aliases].map((s) => [compactKey(s), group.name] as const),
  ),
);
const vietNam = 'Việt Nam';
const vietNamKeys = new Set(['vietnam', 'vn']);
const notApplicableKey = compactKey(notApplicable);
/** Whether a cell says "does not apply"; long cells are not keyed, for speed. */
const isNotApplicable = (text: string): boolean =>
  text.length <= notApplicable.length + 2 && compactKey(text) === notApplicableKey;
const isVietNam = (text: string): boolean => text.length <= 12 && vietNamKeys.has(compactKey(text));

/** Free-text fields copied as written, except that "không" in any case becomes "Không". */
const textFields = ['birthPlace', 'hometown', 'address', 'fatherName', 'motherName', 'guardianName'] as const;

type Cell = { readonly text: string; readonly numeric: boolean };
type Draft = {
  readonly rowNumber: number;
  readonly cells: Partial<Record<ClassListField, string>>;
  readonly values: Partial<StudentIdentity>;
  readonly problems: ClassListProblem[];
  readonly notices: ClassListProblem[];
};

/** Fields that hold a person's name: look-alike letters are corrected there (and said so). */
const personNameFields: ReadonlySet<ClassListField> = new Set([
  'fullName',
  'fatherName',
  'motherName',
  'guardianName',
]);
type AgeRule = { readonly grade: number; readonly schoolYear: string; readonly usual: number };

function ageRuleOf(context: ClassListContext): AgeRule {
  const { grade, schoolYear } = context;
  if (!isGrade(grade) || !isSchoolYear(schoolYear)) {
    throw new RangeError(`invalid class-list context: grade ${grade}, school year ${schoolYear}`);
  }
  return { grade, schoolYear, usual: usualBirthYear(grade, startYearOf(schoolYear)) };
}

function parseBirthDate(cell: Cell): { iso: string } | { problem: string } {
  const { text } = cell;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const date = new Date(`${text}T00:00:00Z`);
    const exists = !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
    return exists ? { iso: text } : { problem: messages.dateMissing(text) };
  }
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(text)) {
    const iso = parseVietnameseDate(text);
    return iso === undefined ? { problem: messages.dateMissing(text) } : { iso };
  }
  if (cell.numeric) return { problem: messages.dateIsNumber(text) };
  return { problem: messages.dateShape(text) };
}

function parseGender(text: string): Gender | undefined {
  const key = compactKey(text);
  if (key === 'nam') return 'male';
  if (key === 'nu') return 'female';
  return undefined;
}

/** A code of `count` digits: format, lost leading zeros. Returns the code when well formed. */
function checkDigits(field: ClassListField, cell: Cell, count: number, draft: Draft): string | undefined {
  const digitsOnly = /^\d+$/.test(cell.text);
  if (digitsOnly && cell.text.length === count) return cell.text;
  const lostZeros = cell.numeric && digitsOnly && cell.text.length < count;
  const message = lostZeros
    ? messages.lostZeros(field, cell.text, count)
    : messages.digits(field, count, cell.text);
  draft.problems.push({ field, message });
  return undefined;
}

function checkRow(cellOf: (field: ClassListField) => Cell, draft: Draft, age: AgeRule): void {
  const { values, problems } = draft;
  const problem = (field: ClassListField, message: string): void => {
    problems.push({ field, message });
  };

  const name = cellOf('fullName').text;
  if (name === '') problem('fullName', messages.empty('fullName'));
  else if (name.length > 120) problem('fullName', messages.tooLong('fullName', 120));
  else if (/\d/.test(name)) problem('fullName', messages.nameHasDigits(name));
  else values.fullName = name;

  const birth = cellOf('birthDate');
  if (birth.text === '') problem('birthDate', messages.empty('birthDate'));
  else {
    const parsed = parseBirthDate(birth);
    if ('problem' in parsed) problem('birthDate', parsed.problem);
    else {
      const year = Number(parsed.iso.slice(0, 4));
      // Children start grade 1 in the year they turn six (Luật Giáo dục 2019, Điều 28); late
      // entry and repeated years make some older, early entry a few a year younger.
      if (year < age.usual - 3 || year > age.usual + 1)
        problem('birthDate', messages.implausibleYear(year, age.grade, age.schoolYear, age.usual));
      else values.birthDate = parsed.iso;
    }
  }

  const genderText = cellOf('gender').text;
  const gender = parseGender(genderText);
  if (genderText === '') problem('gender', messages.empty('gender'));
  else if (gender === undefined) problem('gender', messages.genderUnknown(genderText));
  else values.gender = gender;

  const ethnicityText = cellOf('ethnicity').text;
  const ethnicityKey = compactKey(ethnicityText).replace(/^dantoc/, '');
  const ethnicity = isNotApplicable(ethnicityText) ? notApplicable : ethnicityByKey.get(ethnicityKey);
  if (ethnicityText === '') values.ethnicity = '';
  else if (ethnicity === undefined) problem('ethnicity', messages.ethnicityUnknown(ethnicityText));
  else values.ethnicity = ethnicity;

  const code = cellOf('studentCode');
  if (code.text === '') problem('studentCode', messages.empty('studentCode'));
  else {
    const checked = checkDigits('studentCode', code, 10, draft);
    if (checked !== undefined) values.studentCode = checked;
  }

  const personal = cellOf('personalId');
  const personalId = personal.text === '' ? '' : checkDigits('personalId', personal, 12, draft);
  if (personalId !== undefined && personalId !== '') {
    const year = values.birthDate === undefined ? undefined : Number(values.birthDate.slice(0, 4));
    for (const kind of checkPersonalId(personalId, { gender: values.gender, birthYear: year })) {
      if (kind === 'province') problem('personalId', messages.idProvince(personalId.slice(0, 3)));
      if (kind === 'genderOrCentury' && values.gender !== undefined && year !== undefined) {
        const expected = centuryGenderDigit(values.gender, year);
        problem('personalId', messages.idGenderCentury(personalId.charAt(3), values.gender, year, expected));
      }
      if (kind === 'birthYear' && year !== undefined)
        problem('personalId', messages.idBirthYear(personalId.slice(4, 6), year));
    }
  }
  if (personalId !== undefined) values.personalId = personalId;

  const nationality = cellOf('nationality').text;
  if (nationality.length > 300) problem('nationality', messages.tooLong('nationality', 300));
  else values.nationality = nationality === '' || isVietNam(nationality) ? vietNam : nationality;

  for (const field of textFields) {
    const text = cellOf(field).text;
    if (text.length > 300) problem(field, messages.tooLong(field, 300));
    else values[field] = isNotApplicable(text) ? notApplicable : text;
  }
}

/** Rows sharing a value, for the fields that must be unique. */
function rowsByValue(drafts: readonly Draft[], field: 'studentCode' | 'personalId'): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (const draft of drafts) {
    const value = draft.values[field];
    if (value === undefined || value === '') continue;
    const list = rows.get(value);
    if (list) list.push(draft.rowNumber);
    else rows.set(value, [draft.rowNumber]);
  }
  return rows;
}

function checkUnique(
  drafts: readonly Draft[],
  field: 'studentCode' | 'personalId',
  existing: ReadonlyMap<string, string>,
): void {
  const rows = rowsByValue(drafts, field);
  for (const draft of drafts) {
    const value = draft.values[field];
    if (value === undefined || value === '') continue;
    const others = (rows.get(value) ?? []).filter((row) => row !== draft.rowNumber);
    if (others.length > 0) draft.problems.push({ field, message: messages.duplicate(field, value, others) });
    const className = existing.get(value);
    if (className !== undefined) draft.problems.push({ field, message: messages.existing(field, className) });
  }
}

/**
 * The rules a class list must pass before anything is written: one row per student, each with
 * the problems a teacher can fix in the spreadsheet, and the cleaned student for valid rows.
 * Rows with nothing in any recognised column (STT aside) are left out: schools number empty
 * rows in advance.
 */
export function buildClassListPreview(table: RawTable, context: ClassListContext): ClassListPreview {
  const age = ageRuleOf(context);
  const located = locateHeader(table);
  const { columns } = located.match;
  const fields = classListColumns
    .map((column) => column.field)
    .filter((field) => columns[field] !== undefined);

  const drafts: Draft[] = [];
  for (const row of located.rows) {
    const cells: Partial<Record<ClassListField, string>> = {};
    let hasData = false;
    for (const field of fields) {
      const text = cleanText(row.cells[columns[field] ?? -1] ?? '');
      cells[field] = text;
      if (text !== '' && field !== 'rowNumberInList') hasData = true;
    }
    if (!hasData) continue;
    const numeric = new Set(row.numericColumns);
    const cellOf = (field: ClassListField): Cell => {
      const index = columns[field];
      return { text: cells[field] ?? '', numeric: index !== undefined && numeric.has(index) };
    };
    const notices: ClassListProblem[] = [];
    for (const field of fields) {
      const text = cells[field] ?? '';
      if (personNameFields.has(field) && hasLookalikeLetters(text))
        notices.push({ field, message: messages.lookalikeCorrected(field, text) });
    }
    const draft: Draft = { rowNumber: row.rowNumber, cells, values: {}, problems: [], notices };
    checkRow(cellOf, draft, age);
    drafts.push(draft);
  }
  checkUnique(drafts, 'studentCode', context.existingStudentCodes);
  checkUnique(drafts, 'personalId', context.existingPersonalIds);

  const rows = drafts.map(({ rowNumber, cells, values, problems, notices }) => {
    if (problems.length > 0) return { rowNumber, cells, student: undefined, problems, notices };
    // The rules above imply the schema; checking again keeps the two from drifting apart. The
    // schema also spells names as the registry does (look-alike letters corrected).
    const parsed = studentIdentitySchema.safeParse(values);
    if (parsed.success) return { rowNumber, cells, student: parsed.data, problems, notices };
    const schemaProblems = parsed.error.issues.map((issue) => ({
      field: fieldOf(issue.path[0]),
      message: issue.message,
    }));
    return { rowNumber, cells, student: undefined, problems: schemaProblems, notices };
  });
  const validCount = rows.filter((row) => row.student !== undefined).length;
  return {
    sheetName: table.sheetName,
    columns,
    ignoredHeaders: located.match.ignoredHeaders,
    missingRequired: located.match.missingRequired,
    rows,
    validCount,
    invalidCount: rows.length - validCount,
  };
}
