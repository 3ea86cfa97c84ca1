import { z } from 'zod';

/**
 * The evaluation catalogue: everything Circular 27/2020 and the 2018 programme fix about what is
 * evaluated, when, and on which scale. It is data, versioned and schema-checked, so a province
 * can ship a corrected catalogue without a release (../shared/docs/domain.md: keep every "(confirm)" rule in data).
 */
export const periodCodes = ['GK1', 'CK1', 'GK2', 'CN'] as const;
/** Kỳ đánh giá định kỳ: giữa học kỳ I, cuối học kỳ I, giữa học kỳ II, cuối năm học. */
export type PeriodCode = (typeof periodCodes)[number];

export const subjectLevelCodes = ['T', 'H', 'C'] as const;
/** Mức đạt được môn học / hoạt động giáo dục: Hoàn thành tốt, Hoàn thành, Chưa hoàn thành. */
export type SubjectLevel = (typeof subjectLevelCodes)[number];

export const characterLevelCodes = ['T', 'Đ', 'C'] as const;
/** Mức phẩm chất, năng lực: Tốt, Đạt, Cần cố gắng. */
export type CharacterLevel = (typeof characterLevelCodes)[number];

export const yearResultCodes = ['HTXS', 'HTT', 'HT', 'CHT'] as const;
/** Kết quả giáo dục cuối năm: Hoàn thành xuất sắc, Hoàn thành tốt, Hoàn thành, Chưa hoàn thành. */
export type YearResultCode = (typeof yearResultCodes)[number];

const code = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang');
const name = z.string().min(1).max(120);
const gradeNumber = z.number().int().min(1).max(5);

const namedLevel = <T extends readonly [string, ...string[]]>(codes: T) =>
  z.object({ code: z.enum(codes), name, description: z.string().max(300).optional() });

export const subjectPartSchema = z.object({ code, name });

export const subjectGradeSchema = z.object({
  grade: gradeNumber,
  /** Bắt buộc or tự chọn. An elective a student does not take is left out of every rule. */
  status: z.enum(['compulsory', 'elective']),
  /** Periods with a periodic test (bài kiểm tra định kỳ) in this grade. */
  testPeriods: z.array(z.enum(periodCodes)),
});

export const subjectSchema = z.object({
  code,
  name,
  /** Môn học or hoạt động giáo dục. */
  kind: z.enum(['subject', 'activity']),
  /** Evaluated in parts, each with its own level and score (Tin học / Công nghệ; Âm nhạc / Mĩ thuật). */
  parts: z.array(subjectPartSchema).optional(),
  grades: z.array(subjectGradeSchema).min(1),
  /** Position in the học bạ's subject table. */
  recordOrder: z.number().int().min(0),
  /** Position in the class summary table. */
  summaryOrder: z.number().int().min(0),
});

export const traitSchema = z.object({
  code,
  name,
  /** Grades in which it is evaluated (all five unless a province says otherwise). */
  grades: z.array(gradeNumber).min(1),
  order: z.number().int().min(0),
});

export const competencySchema = traitSchema.extend({ kind: z.enum(['general', 'specific']) });

export const classificationRuleSchema = z.object({
  result: z.enum(yearResultCodes),
  /** Every subject and activity must be at one of these levels. */
  subjectLevels: z.array(z.enum(subjectLevelCodes)).min(1),
  /** Every quality and competency must be at one of these levels. */
  characterLevels: z.array(z.enum(characterLevelCodes)).min(1),
  /** Every end-of-year periodic test score must be at least this. */
  minimumScore: z.number().int().min(0).max(10),
});

export const catalogueSchema = z
  .object({
    format: z.literal('hocba.evaluation-catalogue'),
    formatVersion: z.literal(1),
    /** Catalogue edition, e.g. "2025.1"; a province's correction bumps it. */
    version: z.string().regex(/^\d{4}\.\d+$/),
    publisher: z.string().min(1),
    legalBasis: z.array(z.object({ reference: z.string(), covers: z.string() })),
    periods: z.array(z.object({ code: z.enum(periodCodes), name, shortName: name, order: z.number().int() })),
    subjectLevels: z.array(namedLevel(subjectLevelCodes)),
    characterLevels: z.array(namedLevel(characterLevelCodes)),
    yearResults: z.array(namedLevel(yearResultCodes)),
    score: z.object({
      minimum: z.number().int().min(0).max(10),
      maximum: z.number().int().min(0).max(10),
      decimalsAllowed: z.literal(false),
    }),
    /** Highest first; the first rule a student satisfies decides the result; none gives `fallbackResult`. */
    classification: z.array(classificationRuleSchema).min(1),
    fallbackResult: z.enum(yearResultCodes),
    awards: z.object({
      /** Học sinh Xuất sắc: given for this result. */
      excellentFor: z.enum(yearResultCodes),
      /** Học sinh Tiêu biểu: candidates come from this result, confirmed by the teacher. */
      exemplaryCandidatesFrom: z.enum(yearResultCodes),
      /** A subject score at or above this at CN is evidence of outstanding results. */
      outstandingScore: z.number().int().min(0).max(10),
    }),
    qualities: z.array(traitSchema),
    competencies: z.array(competencySchema),
    subjects: z.array(subjectSchema),
  })
  .superRefine((catalogue, context) => {
    const complain = (path: (string | number)[], message: string): void => {
      context.addIssue({ code: 'custom', path, message });
    };
    const unique = (values: readonly string[], path: string): void => {
      const seen = new Set<string>();
      for (const value of values) {
        if (seen.has(value)) complain([path], `mã trùng: ${value}`);
        seen.add(value);
      }
    };
    unique(
      catalogue.periods.map((period) => period.code),
      'periods',
    );
    unique(
      catalogue.subjects.map((subject) => subject.code),
      'subjects',
    );
    unique(
      [...catalogue.qualities, ...catalogue.competencies].map((trait) => trait.code),
      'qualities',
    );
    if (catalogue.periods.length !== periodCodes.length) complain(['periods'], 'phải có đủ 4 kỳ đánh giá');
    catalogue.subjects.forEach((subject, index) => {
      unique(
        subject.grades.map((entry) => String(entry.grade)),
        `subjects.${index}.grades`,
      );
      if (subject.parts)
        unique(
          subject.parts.map((part) => part.code),
          `subjects.${index}.parts`,
        );
      if (subject.parts?.length === 1)
        complain(['subjects', index, 'parts'], 'một môn chia phần phải có ít nhất 2 phần');
    });
    if (catalogue.score.minimum >= catalogue.score.maximum)
      complain(['score'], 'điểm tối thiểu phải nhỏ hơn điểm tối đa');
    // Raising a value must never lower a result (property-tested): each rule must be at least as
    // permissive as the one above it.
    catalogue.classification.forEach((rule, index) => {
      const above = catalogue.classification[index - 1];
      if (!above) return;
      const widens = (lower: readonly string[], upper: readonly string[]) =>
        upper.every((level) => lower.includes(level));
      if (
        !widens(rule.subjectLevels, above.subjectLevels) ||
        !widens(rule.characterLevels, above.characterLevels) ||
        rule.minimumScore > above.minimumScore
      ) {
        complain(
          ['classification', index],
          `mức ${rule.result} phải dễ hơn hoặc bằng mức ${above.result} ở mọi điều kiện`,
        );
      }
    });
    // The four results, their order and the fallback are fixed by TT27 (Điều 9 khoản 2); only
    // their conditions are data.
    const order = catalogue.classification.map((rule) => rule.result).join(',');
    if (order !== 'HTXS,HTT,HT' || catalogue.fallbackResult !== 'CHT') {
      complain(
        ['classification'],
        'quy tắc xếp loại phải lần lượt là HTXS, HTT, HT; trường hợp còn lại là CHT',
      );
    }
    if (catalogue.awards.excellentFor !== 'HTXS')
      complain(['awards', 'excellentFor'], 'danh hiệu Học sinh Xuất sắc dành cho kết quả HTXS');
    if (catalogue.awards.exemplaryCandidatesFrom !== 'HTT')
      complain(['awards', 'exemplaryCandidatesFrom'], 'Học sinh Tiêu biểu được xét trong số học sinh HTT');
    const complete = (path: string, given: readonly string[], expected: readonly string[]): void => {
      if ([...given].sort().join(',') !== [...expected].sort().join(','))
        complain([path], `phải có đủ và mỗi mã một lần: ${expected.join(', ')}`);
    };
    complete(
      'subjectLevels',
      catalogue.subjectLevels.map((level) => level.code),
      subjectLevelCodes,
    );
    complete(
      'characterLevels',
      catalogue.characterLevels.map((level) => level.code),
      characterLevelCodes,
    );
    complete(
      'yearResults',
      catalogue.yearResults.map((level) => level.code),
      yearResultCodes,
    );
    for (const grade of [1, 2, 3, 4, 5]) {
      if (
        !catalogue.subjects.some((subject) =>
          subject.grades.some((entry) => entry.grade === grade && entry.status === 'compulsory'),
        )
      ) {
        complain(['subjects'], `lớp ${grade} phải có ít nhất một môn học bắt buộc`);
      }
      if (!catalogue.qualities.some((trait) => trait.grades.includes(grade)))
        complain(['qualities'], `lớp ${grade} phải có phẩm chất được đánh giá`);
      if (!catalogue.competencies.some((trait) => trait.grades.includes(grade)))
        complain(['competencies'], `lớp ${grade} phải có năng lực được đánh giá`);
    }
  });

export type Catalogue = z.output<typeof catalogueSchema>;
export type CatalogueSubject = Catalogue['subjects'][number];
export type CatalogueTrait = Catalogue['qualities'][number];
export type CatalogueCompetency = Catalogue['competencies'][number];
