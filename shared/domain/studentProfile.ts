import { isoDateSchema, type StudentIdentity } from './student';
import { notApplicable, searchKeyOf } from './text';

/**
 * What the học bạ's identity page needs of a student (../shared/docs/domain.md, "Identity page"): every identity
 * field filled, a 3×4 photo, the facts checked against the birth certificate and confirmed by the
 * parents. Structural, so a stored `people` document passes as it is.
 */
export type StudentProfile = StudentIdentity & {
  readonly photo: { readonly photoId: string } | null;
  readonly birthCertificateCheck: { readonly date: string } | null;
  readonly parentsConfirmation: { readonly date: string } | null;
};

/** One item of the identity page that can be missing. */
export type ProfileItem = keyof StudentIdentity | 'photo' | 'birthCertificateCheck' | 'parentsConfirmation';

/** The items in the order the identity page lists them, with the page's own words. */
export const profileItemLabels: Readonly<Record<ProfileItem, string>> = {
  fullName: 'Họ và tên',
  gender: 'Giới tính',
  birthDate: 'Ngày sinh',
  ethnicity: 'Dân tộc',
  nationality: 'Quốc tịch',
  birthPlace: 'Nơi sinh',
  hometown: 'Quê quán',
  address: 'Nơi ở hiện nay',
  studentCode: 'Mã học sinh',
  personalId: 'Mã định danh cá nhân',
  fatherName: 'Họ tên cha',
  motherName: 'Họ tên mẹ',
  guardianName: 'Họ tên người giám hộ',
  photo: 'Ảnh 3×4',
  birthCertificateCheck: 'Đối chiếu giấy khai sinh',
  parentsConfirmation: 'Xác nhận của cha mẹ học sinh',
};

export const profileItems = Object.keys(profileItemLabels) as readonly ProfileItem[];

/**
 * Fields that may honestly not apply to a child (no known father, no guardian besides the
 * parents): "Không" fills them. Every other field needs a real value; "Không" there is a gap.
 */
export const fieldsThatMayNotApply: ReadonlySet<keyof StudentIdentity> = new Set([
  'fatherName',
  'motherName',
  'guardianName',
]);

export type MissingItem = { readonly field: ProfileItem; readonly label: string };

export type ProfileCompleteness = {
  readonly filled: number;
  readonly total: number;
  readonly missing: readonly MissingItem[];
};

const notApplicableForms = new Set([notApplicable.toLowerCase(), searchKeyOf(notApplicable)]);

/**
 * Whether a text says "does not apply": "Không" in any case, or "khong" typed without diacritics
 * (but not another word that only loses its marks to "khong", such as the family name Khổng).
 */
export function saysNotApplicable(value: string): boolean {
  return notApplicableForms.has(value.normalize('NFC').trim().toLowerCase());
}

function identityFieldFilled(field: keyof StudentIdentity, profile: StudentProfile): boolean {
  switch (field) {
    case 'gender':
      // The record's schema admits only Nam or Nữ, and no empty value.
      return true;
    case 'birthDate':
      return isoDateSchema.safeParse(profile.birthDate).success;
    case 'studentCode':
      return /^\d{10}$/.test(profile.studentCode);
    case 'personalId':
      return /^\d{12}$/.test(profile.personalId);
    default: {
      const value = profile[field].trim();
      if (value === '') return false;
      return fieldsThatMayNotApply.has(field) || !saysNotApplicable(value);
    }
  }
}

function itemFilled(item: ProfileItem, profile: StudentProfile): boolean {
  switch (item) {
    case 'photo':
      return profile.photo !== null;
    case 'birthCertificateCheck':
      return profile.birthCertificateCheck !== null;
    case 'parentsConfirmation':
      return profile.parentsConfirmation !== null;
    default:
      return identityFieldFilled(item, profile);
  }
}

/** How much of a student's identity page is done, and what is still missing, in page order. */
export function profileCompleteness(profile: StudentProfile): ProfileCompleteness {
  const missing = profileItems
    .filter((item) => !itemFilled(item, profile))
    .map((field) => ({ field, label: profileItemLabels[field] }));
  return { filled: profileItems.length - missing.length, total: profileItems.length, missing };
}

export type ClassCompleteness = {
  /** Students whose identity page is complete. */
  readonly complete: number;
  readonly students: number;
  /** The mean share of items filled, 0–1; 0 for a class without students. */
  readonly average: number;
};

/** A class's progress on identity pages: "Đã đủ hồ sơ: 28/36". */
export function classCompleteness(profiles: readonly StudentProfile[]): ClassCompleteness {
  let complete = 0;
  let shares = 0;
  for (const profile of profiles) {
    const { filled, total } = profileCompleteness(profile);
    if (filled === total) complete += 1;
    shares += filled / total;
  }
  return {
    complete,
    students: profiles.length,
    average: profiles.length === 0 ? 0 : shares / profiles.length,
  };
}
