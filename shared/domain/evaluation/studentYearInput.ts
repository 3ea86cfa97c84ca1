import { z } from 'zod';
import { isoDateSchema } from '../student';
import { characterLevelCodes, periodCodes, subjectLevelCodes } from './catalogueSchema';

/**
 * One student's evaluation data for one school year, in the form `hocba classify` reads and the
 * engine works on. Entries are flat lists, so their order never matters. Values may be absent
 * (not entered yet); the engine then says what is missing instead of guessing.
 */
const optionalScore = z
  .number({ error: 'Điểm phải là một số (hoặc null khi chưa có).' })
  .nullable()
  .optional();

export const subjectEntrySchema = z
  .object({
    /** Catalogue subject code, e.g. `toan`. */
    subject: z.string().min(1),
    /** For subjects evaluated in parts: the part code, e.g. `tin-hoc`. */
    part: z.string().min(1).optional(),
    period: z.enum(periodCodes),
    level: z.enum(subjectLevelCodes).nullable().optional(),
    /** Periodic test score (điểm bài kiểm tra định kỳ). */
    score: optionalScore,
    /** A retest's score; it replaces `score` (TT27 Điều 7 khoản 1 điểm d). */
    retestScore: optionalScore,
    comment: z.string().max(2000).optional(),
  })
  .strict();

export const traitEntrySchema = z
  .object({
    period: z.enum(periodCodes),
    level: z.enum(characterLevelCodes).nullable().optional(),
    comment: z.string().max(2000).optional(),
  })
  .strict();

export const qualityEntrySchema = traitEntrySchema.extend({ quality: z.string().min(1) }).strict();
export const competencyEntrySchema = traitEntrySchema.extend({ competency: z.string().min(1) }).strict();

export const studentYearInputSchema = z
  .object({
    /** The caller's own id, echoed in the result. */
    id: z.string().max(200).optional(),
    grade: z
      .number({ error: 'Khối lớp phải là số nguyên từ 1 đến 5.' })
      .int('Khối lớp phải là số nguyên từ 1 đến 5.')
      .min(1, 'Khối lớp phải là số nguyên từ 1 đến 5.')
      .max(5, 'Khối lớp phải là số nguyên từ 1 đến 5.'),
    /** Codes of the elective subjects this student takes; other electives are left out. */
    electives: z.array(z.string().min(1)).default([]),
    subjects: z.array(subjectEntrySchema).default([]),
    qualities: z.array(qualityEntrySchema).default([]),
    competencies: z.array(competencyEntrySchema).default([]),
    /**
     * A student with disabilities evaluated against their individual education plan (TT27 Điều 8):
     * the standard levels are not applied to them.
     */
    individualEducationPlan: z.boolean().optional(),
    /** Đánh giá bổ sung for a student who did not complete the year (TT27 Điều 11 khoản 2). */
    supplementaryEvaluation: z
      .object({
        outcome: z.enum(['completed', 'notCompleted']),
        date: isoDateSchema,
        /** What was re-evaluated and how (the record keeps it beside the first result). */
        note: z.string().max(1000).optional(),
      })
      .strict()
      .nullable()
      .optional(),
    /** The principal's lên lớp decision after an unsuccessful supplementary evaluation (khoản 3). */
    principalDecision: z
      .object({ decision: z.enum(['promoted', 'retained']), date: isoDateSchema })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();

export type SubjectEntry = z.output<typeof subjectEntrySchema>;
export type QualityEntry = z.output<typeof qualityEntrySchema>;
export type CompetencyEntry = z.output<typeof competencyEntrySchema>;
export type StudentYearInput = z.output<typeof studentYearInputSchema>;
/** What a caller may pass (defaults not yet applied). */
export type StudentYearInputDraft = z.input<typeof studentYearInputSchema>;
