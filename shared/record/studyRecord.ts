import { z } from 'zod';
import {
  characterLevelCodes,
  subjectLevelCodes,
  yearResultCodes,
} from '../domain/evaluation/catalogueSchema';
import { schoolYearSchema } from '../domain/school';
import { isoDateSchema, studentIdentitySchema } from '../domain/student';

/**
 * The học bạ of one student for one school year (domain.md, "The học bạ (record)"): pure data,
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
  /** Not every CN value is there yet: only a draft can carry this. */
  z.object({ status: z.literal('incomplete'), missing: z.array(nfc(500)).min(1) }).strict(),
]);

export const recordAwardSchema = z
  .object({ kind: z.enum(['excellent', 'exemplary', 'other']), title: nfc(300).pipe(z.string().min(1)) })
  .strict();

export const recordCompletionSchema = z
  .object({ status: z.enum(['completed', 'pending', 'decided']), label: nfc(300) })
  .strict();

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
    formatVersion: z.literal(1),
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
        awards: z.array(recordAwardSchema),
        completion: recordCompletionSchema.nullable(),
        /** Đánh giá bổ sung (TT27 Điều 10 khoản 2): kept beside the first result. */
        supplementaryEvaluation: z
          .object({
            outcome: z.enum(['completed', 'notCompleted']),
            date: isoDateSchema,
            note: nfc(1000),
          })
          .strict()
          .nullable(),
        /** The principal's lên lớp decision (TT27 Điều 10 khoản 3). */
        principalDecision: z
          .object({ decision: z.enum(['promoted', 'retained']), date: isoDateSchema })
          .strict()
          .nullable(),
      })
      .strict(),
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
    if (record.status === 'final' && record.year.result.status !== 'computed')
      context.addIssue({
        code: 'custom',
        path: ['status'],
        message: 'Học bạ chưa đủ kết quả cuối năm chỉ có thể là bản nháp.',
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
