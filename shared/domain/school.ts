import { z } from 'zod';
import { isGrade } from './grade';
import { isSchoolYear } from './schoolYear';
import { cleanText } from './text';

export const schoolYearSchema = z.string().refine(isSchoolYear, 'Năm học phải có dạng 2025-2026');

export const gradeSchema = z.number().refine(isGrade, 'Khối lớp phải từ 1 đến 5');

const text = z.string().transform(cleanText);

/** Trường tiểu học — a primary school as its profile lists it. */
export const schoolProfileSchema = z.object({
  /** Mã trường — the Ministry's school code. */
  code: z.string().regex(/^[0-9A-Za-z]{4,20}$/, 'Mã trường chỉ gồm chữ và số'),
  name: text.pipe(z.string().min(1).max(200)),
  /** Tỉnh / thành phố. */
  province: text.pipe(z.string().min(1).max(100)),
  /** Xã / phường / đặc khu (the commune-level unit since July 2025). */
  commune: text.pipe(z.string().max(100)),
  address: text.pipe(z.string().max(300)),
  principalName: text.pipe(z.string().max(120)),
  phone: text.pipe(z.string().max(30)),
  email: text.pipe(z.string().max(120)),
});
export type SchoolProfile = z.output<typeof schoolProfileSchema>;

/** Lớp học — a class in one school year. */
export const schoolClassProfileSchema = z.object({
  schoolYear: schoolYearSchema,
  grade: gradeSchema,
  /** Tên lớp, e.g. "3A". */
  name: text.pipe(z.string().min(1).max(20)),
  /** Giáo viên chủ nhiệm (display name until assignments arrive). */
  homeroomTeacherName: text.pipe(z.string().max(120)),
});
export type SchoolClassProfile = z.output<typeof schoolClassProfileSchema>;

/** Mã số thuế (MST) of the school: 10 digits, with `-` and 3 digits for a dependent unit. */
export const schoolTaxCodeSchema = z
  .string()
  .regex(/^\d{10}(-\d{3})?$/, 'Mã số thuế gồm 10 chữ số (đơn vị phụ thuộc thêm dấu - và 3 chữ số)');

/** Mã đơn vị có quan hệ với ngân sách (MNS, QHNS) of a public school: 7 digits. */
export const schoolBudgetCodeSchema = z.string().regex(/^\d{7}$/, 'Mã quan hệ ngân sách gồm 7 chữ số');
