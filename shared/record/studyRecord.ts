import { z } from 'zod';
import {
  characterLevelCodes,
  subjectLevelCodes,
  yearResultCodes,
} from '../domain/evaluation/catalogueSchema';
import { schoolYearSchema } from '../domain/school';
import { isoDateSchema, studentIdentitySchema } from '../domain/student';

/**
 * The học bạ of one student for one school year (../shared/docs/domain.md, "The học bạ (record)"): pure data,
 * self-contained (codes with their Vietnamese names, so a receiving school with another catalogue
 * edition still reads it), in the form that is hashed, embedded in the PDF and signed.
 * Every text is NFC; parsing normalises it, so a record read from disk hashes as it was written.
 */
export const studyRecordFormat = 'hocba.study-record';

const nfc = (max: number) =>
  z
    .string()
    .max(max)
    .transform((value) => value.normalize('NFC'));
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'Mã băm SHA-256 gồm 64 chữ số hệ 16 (chữ thường)');
const subjectLevel = z.enum(subjectLevelCodes).nullable();
const characterLevel = z.enum(characterLevelCodes).nullable();
const score = z.number().int().min(0).max(10).nullable();

/** `studyRecord:student:<mã học sinh>:<năm học>`: one record per student and school year. */
export const studyRecordIdPattern = /^studyRecord:student:\d{10}:\d{4}-\d{4}$/;

export const recordVersionSchema = z
  .object({
    /** 1 for the first record of the year; a correction makes the next number. */
    number: z.number().int().min(1),
    /** Content hash of the version this one corrects; null for version 1. */
    previousHash: sha256Hex.nullable(),
    /** The approved amendment (biên bản) that allowed the correction; null for version 1. */
    amendmentId: nfc(200).pipe(z.string().min(1)).nullable(),
  })
  .strict();

const periodSubjectSchema = z.object({ level: subjectLevel, score }).strict();

export const recordSubjectRowSchema = z
  .object({
    /** Catalogue row key: `toan`, `tin-hoc-cong-nghe/tin-hoc`. */
    key: z.string().min(1).max(100),
    /** "Toán", "Tin học và Công nghệ (Tin học)". */
    label: nfc(200),
    kind: z.enum(['subject', 'activity']),
    status: z.enum(['compulsory', 'elective']),
    /** Whether the grade has a periodic test in this row (a score column applies). */
    tested: z.boolean(),
    CK1: periodSubjectSchema,
    CN: periodSubjectSchema,
    /** The year-end comment (nhận xét). */
    comment: nfc(2000),
  })
  .strict();

export const recordTraitRowSchema = z
  .object({
    code: z.string().min(1).max(100),
    name: nfc(200),
    kind: z.enum(['quality', 'generalCompetency', 'specificCompetency']),
    CK1: characterLevel,
    CN: characterLevel,
    comment: nfc(2000),
  })
  .strict();

export const recordYearResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('computed'), code: z.enum(yearResultCodes), name: nfc(200) }).strict(),
  /** A student with disabilities evaluated against their individual education plan (TT27 Điều 8). */
  z.object({ status: z.literal('individualPlan'), name: nfc(300) }).strict(),
  /** Not every CN value is there yet: only a draft can carry this. */
  z.object({ status: z.literal('incomplete'), missing: z.array(nfc(500)).min(1) }).strict(),
]);

export const recordAwardSchema = z
  .object({ kind: z.enum(['excellent', 'exemplary', 'other']), title: nfc(300).pipe(z.string().min(1)) })
  .strict();

export const recordCompletionSchema = z
  .object({ status: z.enum(['completed', 'pending', 'decided']), label: nfc(300) })
  .strict();

/** A certificate pinned in setup: by its issuer's name and serial number (lower-case hex). */
export const pinnedCertificateSchema = z
  .object({
    issuer: nfc(500).pipe(z.string().min(1)),
    serialNumberHex: z
      .string()
      .regex(/^[0-9a-f]{1,64}$/, 'Số sê-ri chứng thư gồm các chữ số hệ 16 (chữ thường)'),
  })
  .strict();
export type PinnedCertificate = z.output<typeof pinnedCertificateSchema>;

/** Mã định danh cá nhân (the 12-digit personal identification number a CCCD carries). */
export const personalIdSchema = z.string().regex(/^\d{12}$/, 'Mã định danh cá nhân gồm 12 chữ số');

/**
 * A person the record names in a signature box (the homeroom teacher, the principal): the name
 * printed under the box and what setup knows to tell their certificate from a namesake's.
 */
export const recordSignerPersonSchema = z
  .object({
    name: nfc(120),
    /** The staff member's personal ID, when setup recorded it; a certificate carrying a CCCD must match it. */
    personalId: personalIdSchema.nullable(),
    /** An older ID card number (CMND, 9 or 12 digits) that older certificates carry; null when not recorded. */
    formerIdNumber: z
      .string()
      .regex(/^(\d{9}|\d{12})$/, 'Số CMND gồm 9 hoặc 12 chữ số')
      .nullable(),
    /** When setup pinned this person's certificate, only that one may sign. */
    pinnedCertificate: pinnedCertificateSchema.nullable(),
  })
  .strict();

/** The school as the seal's signer: its name and the codes an organisation's certificate carries. */
export const recordSignerSchoolSchema = z
  .object({
    name: nfc(200),
    /** Mã số thuế (MST): 10 digits, with a 3-digit branch suffix for a dependent unit. */
    taxCode: z
      .string()
      .regex(/^\d{10}(-\d{3})?$/, 'Mã số thuế gồm 10 chữ số (có thể thêm -3 chữ số)')
      .nullable(),
    /** Mã đơn vị có quan hệ với ngân sách (MNS, QHNS): 7 digits. */
    budgetCode: z
      .string()
      .regex(/^\d{7}$/, 'Mã quan hệ ngân sách gồm 7 chữ số')
      .nullable(),
    pinnedCertificate: pinnedCertificateSchema.nullable(),
  })
  .strict();

/** Who signs the record, box by box (../shared/docs/domain.md: teacher, then principal, then the school's seal). */
export const recordSignersSchema = z
  .object({
    homeroomTeacher: recordSignerPersonSchema,
    principal: recordSignerPersonSchema,
    schoolSeal: recordSignerSchoolSchema,
  })
  .strict();
export type RecordSigners = z.output<typeof recordSignersSchema>;
export type RecordSignerPerson = z.output<typeof recordSignerPersonSchema>;
export type RecordSignerSchool = z.output<typeof recordSignerSchoolSchema>;

export const recordStudyHistorySchema = z
  .object({
    schoolYear: schoolYearSchema,
    grade: z.number().int().min(1).max(5),
    className: nfc(20).pipe(z.string().min(1)),
    schoolName: nfc(200).pipe(z.string().min(1)),
    schoolCode: z.string().min(1).max(20),
    /** Số đăng bộ; '' until the school assigns one. */
    registerNumber: nfc(40),
    /** Ngày nhập học hoặc chuyển đến; null when not recorded. */
    entryDate: isoDateSchema.nullable(),
  })
  .strict();

export const studyRecordSchema = z
  .object({
    format: z.literal(studyRecordFormat),
    formatVersion: z.literal(2),
    id: z.string().regex(studyRecordIdPattern, 'Mã học bạ không hợp lệ'),
    /** A draft can be rendered (with a watermark) but never signed. */
    status: z.enum(['draft', 'final']),
    version: recordVersionSchema,
    /** Edition of the evaluation catalogue the year was evaluated with. */
    catalogueVersion: z.string().min(1).max(40),
    school: z
      .object({
        code: z.string().min(1).max(20),
        name: nfc(200).pipe(z.string().min(1)),
        province: nfc(100),
        commune: nfc(100),
      })
      .strict(),
    /** The identity page. */
    student: studentIdentitySchema
      .extend({
        /** SHA-256 of the 3×4 photo's bytes, binding the photo drawn in the PDF to the record. */
        photoSha256: sha256Hex.nullable(),
      })
      .strict(),
    studyHistory: z.array(recordStudyHistorySchema).min(1),
    /** The page of this school year. */
    year: z
      .object({
        schoolYear: schoolYearSchema,
        grade: z.number().int().min(1).max(5),
        className: nfc(20).pipe(z.string().min(1)),
        homeroomTeacherName: nfc(120),
        principalName: nfc(120),
        subjects: z.array(recordSubjectRowSchema).min(1),
        qualities: z.array(recordTraitRowSchema),
        competencies: z.array(recordTraitRowSchema),
        result: recordYearResultSchema,
        /**
         * When the homeroom teacher confirmed the result (ISO-8601 UTC); null in a draft. No
         * signature can have been made before it.
         */
        resultConfirmedAt: z.iso.datetime().nullable(),
        awards: z.array(recordAwardSchema),
        completion: recordCompletionSchema.nullable(),
        /** Đánh giá bổ sung (TT27 Điều 11 khoản 2): kept beside the first result. */
        supplementaryEvaluation: z
          .object({
            outcome: z.enum(['completed', 'notCompleted']),
            date: isoDateSchema,
            note: nfc(1000),
          })
          .strict()
          .nullable(),
        /** The principal's lên lớp decision (TT27 Điều 11 khoản 3). */
        principalDecision: z
          .object({ decision: z.enum(['promoted', 'retained']), date: isoDateSchema })
          .strict()
          .nullable(),
      })
      .strict(),
    signers: recordSignersSchema,
  })
  .strict()
  .superRefine((record, context) => {
    const { version } = record;
    const first = version.number === 1;
    if (first && (version.previousHash !== null || version.amendmentId !== null))
      context.addIssue({
        code: 'custom',
        path: ['version'],
        message: 'Phiên bản 1 của học bạ không trỏ tới phiên bản trước hay biên bản điều chỉnh.',
      });
    if (!first && (version.previousHash === null || version.amendmentId === null))
      context.addIssue({
        code: 'custom',
        path: ['version'],
        message: 'Phiên bản điều chỉnh phải ghi mã băm của phiên bản trước và biên bản đã được duyệt.',
      });
    if (record.status === 'final' && record.year.result.status === 'incomplete')
      context.addIssue({
        code: 'custom',
        path: ['status'],
        message: 'Học bạ chưa đủ kết quả cuối năm chỉ có thể là bản nháp.',
      });
    if (record.status === 'final' && record.year.resultConfirmedAt === null)
      context.addIssue({
        code: 'custom',
        path: ['year', 'resultConfirmedAt'],
        message: 'Học bạ chính thức phải ghi thời điểm giáo viên chủ nhiệm xác nhận kết quả cuối năm.',
      });
    const { signers } = record;
    if (
      signers.homeroomTeacher.name !== record.year.homeroomTeacherName ||
      signers.principal.name !== record.year.principalName ||
      signers.schoolSeal.name !== record.school.name
    )
      context.addIssue({
        code: 'custom',
        path: ['signers'],
        message: 'Người ký ghi trong học bạ phải trùng tên in dưới các ô ký.',
      });
    if (!record.id.endsWith(`:${record.year.schoolYear}`) || !record.id.includes(record.student.studentCode))
      context.addIssue({
        code: 'custom',
        path: ['id'],
        message: 'Mã học bạ không khớp mã học sinh và năm học.',
      });
  });

export type StudyRecord = z.output<typeof studyRecordSchema>;
export type StudyRecordStatus = StudyRecord['status'];
export type RecordVersion = StudyRecord['version'];
export type RecordSubjectRow = z.output<typeof recordSubjectRowSchema>;
export type RecordTraitRow = z.output<typeof recordTraitRowSchema>;
export type RecordYearResult = z.output<typeof recordYearResultSchema>;
export type RecordAward = z.output<typeof recordAwardSchema>;
export type RecordStudyHistory = z.output<typeof recordStudyHistorySchema>;

/** The deterministic id of a student's record for a school year. */
export function studyRecordIdOf(studentCode: string, schoolYear: string): string {
  return `studyRecord:student:${studentCode}:${schoolYear}`;
}
