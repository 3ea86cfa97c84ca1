import { z } from 'zod';
import { cleanPersonName } from './personName';
import { cleanText } from './text';

/** Giới tính. */
export type Gender = 'male' | 'female';
export const genders = ['male', 'female'] as const;

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date `yyyy-mm-dd` that exists (no 31 February). */
export const isoDateSchema = z
  .string()
  .regex(isoDatePattern, { error: 'Ngày phải có dạng yyyy-mm-dd', abort: true })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'Ngày không tồn tại');

const nameText = z.string().transform(cleanPersonName).pipe(z.string().min(1).max(120));
const fieldText = z.string().transform(cleanText).pipe(z.string().max(300));
/** A parent's or guardian's name: spelled as a name, may be empty until known. */
const otherPersonName = z.string().transform(cleanPersonName).pipe(z.string().max(300));

/**
 * The identity facts of a student as the học bạ's identity page lists them (../shared/docs/domain.md).
 * An empty string means "not entered yet"; "Không" means "does not apply".
 */
export const studentIdentitySchema = z.object({
  /** Mã học sinh — the Ministry's student code. */
  studentCode: z.string().regex(/^\d{10}$/, 'Mã học sinh gồm 10 chữ số'),
  /** Mã định danh cá nhân — 12 digits, or empty until known. */
  personalId: z.string().regex(/^(\d{12})?$/, 'Mã định danh cá nhân gồm 12 chữ số'),
  /** Họ và tên. */
  fullName: nameText,
  gender: z.enum(genders),
  /** Ngày sinh. */
  birthDate: isoDateSchema,
  /** Dân tộc. */
  ethnicity: fieldText,
  /** Quốc tịch. */
  nationality: fieldText,
  /** Nơi sinh. */
  birthPlace: fieldText,
  /** Quê quán. */
  hometown: fieldText,
  /** Nơi ở hiện nay. */
  address: fieldText,
  /** Họ tên cha. */
  fatherName: otherPersonName,
  /** Họ tên mẹ. */
  motherName: otherPersonName,
  /** Họ tên người giám hộ. */
  guardianName: otherPersonName,
});
export type StudentIdentity = z.output<typeof studentIdentitySchema>;

/** The identity fields of anything that carries them (a stored student, a sample student). */
export function studentIdentityOf(source: StudentIdentity): StudentIdentity {
  return {
    studentCode: source.studentCode,
    personalId: source.personalId,
    fullName: source.fullName,
    gender: source.gender,
    birthDate: source.birthDate,
    ethnicity: source.ethnicity,
    nationality: source.nationality,
    birthPlace: source.birthPlace,
    hometown: source.hometown,
    address: source.address,
    fatherName: source.fatherName,
    motherName: source.motherName,
    guardianName: source.guardianName,
  };
}
