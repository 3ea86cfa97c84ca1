import type { StudentIdentity } from '../domain/student';

/**
 * The columns a class list may have, with the header spellings seen in schools' spreadsheets.
 * Headers are matched after removing diacritics, case, punctuation and spacing, so "Ngày sinh",
 * "NGAY SINH" and "ngày  sinh (dd/mm/yyyy)" all find `birthDate`.
 */
export type ClassListField = keyof StudentIdentity | 'rowNumberInList';

export type ClassListColumn = {
  readonly field: ClassListField;
  /** The header written in the template. */
  readonly header: string;
  readonly aliases: readonly string[];
  readonly required: boolean;
  /** Written as text in the template so Excel keeps leading zeros. */
  readonly text?: boolean;
  /** Template column width (characters). */
  readonly width: number;
};

export const classListColumns: readonly ClassListColumn[] = [
  { field: 'rowNumberInList', header: 'STT', aliases: ['stt', 'so thu tu', 'tt'], required: false, width: 6 },
  {
    field: 'fullName',
    header: 'Họ và tên',
    aliases: ['ho va ten', 'ho ten', 'ho ten hoc sinh', 'ten hoc sinh', 'hoc sinh'],
    required: true,
    width: 28,
  },
  {
    field: 'birthDate',
    header: 'Ngày sinh',
    aliases: ['ngay sinh', 'ngay thang nam sinh', 'ngay sinh dd mm yyyy'],
    required: true,
    text: true,
    width: 14,
  },
  {
    field: 'gender',
    header: 'Giới tính',
    aliases: ['gioi tinh', 'gioi', 'nam nu'],
    required: true,
    width: 10,
  },
  { field: 'ethnicity', header: 'Dân tộc', aliases: ['dan toc'], required: false, width: 12 },
  {
    field: 'studentCode',
    header: 'Mã học sinh',
    aliases: ['ma hoc sinh', 'ma hs', 'ma dinh danh hoc sinh', 'ma so hoc sinh'],
    required: true,
    text: true,
    width: 14,
  },
  {
    field: 'personalId',
    header: 'Mã định danh cá nhân',
    aliases: [
      'ma dinh danh ca nhan',
      'ma dinh danh',
      'so dinh danh ca nhan',
      'so cccd',
      'cccd',
      'so dinh danh',
    ],
    required: false,
    text: true,
    width: 18,
  },
  { field: 'nationality', header: 'Quốc tịch', aliases: ['quoc tich'], required: false, width: 12 },
  { field: 'birthPlace', header: 'Nơi sinh', aliases: ['noi sinh'], required: false, width: 30 },
  { field: 'hometown', header: 'Quê quán', aliases: ['que quan', 'que'], required: false, width: 30 },
  {
    field: 'address',
    header: 'Nơi ở',
    aliases: ['noi o', 'noi o hien nay', 'dia chi', 'cho o hien nay', 'noi cu tru'],
    required: false,
    width: 36,
  },
  {
    field: 'fatherName',
    header: 'Họ tên cha',
    aliases: ['ho ten cha', 'ho va ten cha', 'cha', 'ten cha'],
    required: false,
    width: 24,
  },
  {
    field: 'motherName',
    header: 'Họ tên mẹ',
    aliases: ['ho ten me', 'ho va ten me', 'me', 'ten me'],
    required: false,
    width: 24,
  },
  {
    field: 'guardianName',
    header: 'Họ tên người giám hộ',
    aliases: ['ho ten nguoi giam ho', 'nguoi giam ho', 'giam ho'],
    required: false,
    width: 24,
  },
];
