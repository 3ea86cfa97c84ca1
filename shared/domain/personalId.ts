import type { Gender } from './student';

/**
 * Mã định danh cá nhân — the 12-digit personal identification number (the citizen ID number,
 * the key that links a record to VNeID). Structure per Thông tư 59/2021/TT-BCA, Điều 7 (confirm):
 * 3 digits for the province of birth registration, 1 digit for century and gender,
 * 2 digits for the last two digits of the birth year, then 6 random digits.
 */
// prettier-ignore
export const birthRegistrationProvinceCodes: Readonly<Record<string, string>> = {
  '001': 'Hà Nội', '002': 'Hà Giang', '004': 'Cao Bằng', '006': 'Bắc Kạn', '008': 'Tuyên Quang',
  '010': 'Lào Cai', '011': 'Điện Biên', '012': 'Lai Châu', '014': 'Sơn La', '015': 'Yên Bái',
  '017': 'Hòa Bình', '019': 'Thái Nguyên', '020': 'Lạng Sơn', '022': 'Quảng Ninh', '024': 'Bắc Giang',
  '025': 'Phú Thọ', '026': 'Vĩnh Phúc', '027': 'Bắc Ninh', '030': 'Hải Dương', '031': 'Hải Phòng',
  '033': 'Hưng Yên', '034': 'Thái Bình', '035': 'Hà Nam', '036': 'Nam Định', '037': 'Ninh Bình',
  '038': 'Thanh Hóa', '040': 'Nghệ An', '042': 'Hà Tĩnh', '044': 'Quảng Bình', '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế', '048': 'Đà Nẵng', '049': 'Quảng Nam', '051': 'Quảng Ngãi', '052': 'Bình Định',
  '054': 'Phú Yên', '056': 'Khánh Hòa', '058': 'Ninh Thuận', '060': 'Bình Thuận', '062': 'Kon Tum',
  '064': 'Gia Lai', '066': 'Đắk Lắk', '067': 'Đắk Nông', '068': 'Lâm Đồng', '070': 'Bình Phước',
  '072': 'Tây Ninh', '074': 'Bình Dương', '075': 'Đồng Nai', '077': 'Bà Rịa - Vũng Tàu', '079': 'Hồ Chí Minh',
  '080': 'Long An', '082': 'Tiền Giang', '083': 'Bến Tre', '084': 'Trà Vinh', '086': 'Vĩnh Long',
  '087': 'Đồng Tháp', '089': 'An Giang', '091': 'Kiên Giang', '092': 'Cần Thơ', '093': 'Hậu Giang',
  '094': 'Sóc Trăng', '095': 'Bạc Liêu', '096': 'Cà Mau',
};

/** Century-and-gender digit: 0/1 for men/women born 1900–1999, 2/3 for 2000–2099, 4/5 for 2100–2199. */
export function centuryGenderDigit(gender: Gender, birthYear: number): number {
  const century = Math.floor(birthYear / 100) - 19;
  return century * 2 + (gender === 'female' ? 1 : 0);
}

export function composePersonalId(
  provinceCode: string,
  gender: Gender,
  birthYear: number,
  serial: number,
): string {
  return `${provinceCode}${centuryGenderDigit(gender, birthYear)}${String(birthYear % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

export type PersonalIdProblem = 'format' | 'province' | 'genderOrCentury' | 'birthYear';

/**
 * Checks the structure of a personal ID against what else we know of the child.
 * Returns the problems found (empty when it is consistent).
 */
export function checkPersonalId(
  personalId: string,
  known: { readonly gender?: Gender; readonly birthYear?: number } = {},
): PersonalIdProblem[] {
  if (!/^\d{12}$/.test(personalId)) return ['format'];
  const problems: PersonalIdProblem[] = [];
  if (!(personalId.slice(0, 3) in birthRegistrationProvinceCodes)) problems.push('province');
  const digit = Number(personalId[3]);
  if (known.gender !== undefined && known.birthYear !== undefined) {
    if (digit !== centuryGenderDigit(known.gender, known.birthYear)) problems.push('genderOrCentury');
  }
  if (known.birthYear !== undefined && Number(personalId.slice(4, 6)) !== known.birthYear % 100) {
    problems.push('birthYear');
  }
  return problems;
}
