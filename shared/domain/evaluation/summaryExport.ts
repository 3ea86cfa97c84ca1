import { z } from 'zod';
import { periodCodes } from './catalogueSchema';

const headCount = z.object({ total: z.number().int().min(0), female: z.number().int().min(0) });

/**
 * A class summary table as sent to main for the Excel export: the columns, the cells and the
 * statistics of `buildClassSummary`, plus what the sheet's heading and signatures need.
 */
export const summaryExportRequestSchema = z.object({
  school: z.object({
    name: z.string().max(200),
    province: z.string().max(100),
    commune: z.string().max(100),
  }),
  className: z.string().max(20),
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/),
  homeroomTeacherName: z.string().max(120),
  principalName: z.string().max(120),
  summary: z.object({
    grade: z.number().int().min(1).max(5),
    period: z.enum(periodCodes),
    title: z.string().max(200),
    columns: z
      .array(
        z.object({
          key: z.string().max(100),
          group: z.string().max(100),
          label: z.string().max(100),
          kind: z.enum(['text', 'subjectLevel', 'score', 'traitLevel', 'result']),
        }),
      )
      .max(200),
    rows: z
      .array(
        z.object({
          studentId: z.string().max(100),
          cells: z.record(z.string(), z.union([z.string().max(2000), z.number(), z.null()])),
        }),
      )
      .max(200),
    statistics: z.object({
      students: headCount,
      subjects: z.record(
        z.string(),
        z.object({
          label: z.string(),
          levels: z.record(z.string(), headCount),
          notEvaluated: z.number().int(),
        }),
      ),
      traits: z.record(
        z.string(),
        z.object({
          label: z.string(),
          levels: z.record(z.string(), headCount),
          notEvaluated: z.number().int(),
        }),
      ),
      results: z.object({
        HTXS: headCount,
        HTT: headCount,
        HT: headCount,
        CHT: headCount,
        incomplete: z.number().int(),
      }),
    }),
  }),
});
export type SummaryExportRequest = z.output<typeof summaryExportRequestSchema>;
