import { z } from 'zod';

/**
 * Bounds of a Sổ theo dõi chất lượng giáo dục sent to main. A class has at most 35 students
 * (Điều lệ trường tiểu học); the bounds leave room for merged classes while keeping one request
 * far below what the bridge accepts, so a hostile renderer cannot make main lay out gigabytes.
 */
export const trackingBookLimits = {
  rows: 100,
  sections: 40,
  columns: 40,
  /** A comment cell joins up to four periods' comments (or fifteen traits' ones). */
  cellChars: 10_000,
  /** Every string of the request together. */
  totalChars: 3_000_000,
} as const;

export const trackingBookColumnKinds = ['no', 'name', 'level', 'score', 'comment'] as const;
export type TrackingBookColumnKind = (typeof trackingBookColumnKinds)[number];

const columnSchema = z
  .object({
    key: z.string().min(1).max(60),
    /** Upper header row (the period, "Năng lực chung"…); empty for a column spanning both rows. */
    group: z.string().max(100),
    label: z.string().max(100),
    kind: z.enum(trackingBookColumnKinds),
  })
  .strict();

const cellSchema = z.union([z.string().max(trackingBookLimits.cellChars), z.number(), z.null()]);

/** Excel forbids these in sheet names, and caps them at 31 characters. */
const sheetNameSchema = z
  .string()
  .min(1)
  .max(31)
  .regex(/^[^[\]:*?/\\]+$/, 'Tên trang tính không hợp lệ');

const sectionSchema = z
  .object({
    key: z.string().min(1).max(100),
    /** The workbook sheet this section goes on; sections sharing a sheet are stacked. */
    sheet: sheetNameSchema,
    /** "Môn Toán", "Phẩm chất và năng lực — Giữa học kỳ I". */
    title: z.string().min(1).max(200),
    /** Under the table: what the level codes mean. */
    legend: z.string().max(300),
    columns: z.array(columnSchema).min(1).max(trackingBookLimits.columns),
    /** One row per student; cells in column order. */
    rows: z
      .array(z.object({ cells: z.array(cellSchema).max(trackingBookLimits.columns) }).strict())
      .max(trackingBookLimits.rows),
  })
  .strict()
  .refine((section) => section.rows.every((row) => row.cells.length === section.columns.length), {
    error: 'Mỗi dòng phải có đúng số ô bằng số cột',
    path: ['rows'],
  });

function textLength(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + textLength(item), 0);
  if (value !== null && typeof value === 'object')
    return Object.values(value).reduce((sum: number, item) => sum + textLength(item), 0);
  return 0;
}

/**
 * The Sổ theo dõi chất lượng giáo dục of one class as sent to main for the Excel and PDF exports:
 * the class's heading and the tables `buildTrackingBook` made (one per subject row, one per
 * period for qualities and competencies), limited to what the sender may see.
 */
export const trackingBookExportRequestSchema = z
  .object({
    school: z
      .object({ name: z.string().max(200), province: z.string().max(100), commune: z.string().max(100) })
      .strict(),
    className: z.string().min(1).max(20),
    schoolYear: z.string().regex(/^\d{4}-\d{4}$/),
    grade: z.number().int().min(1).max(5),
    homeroomTeacherName: z.string().max(120),
    sections: z.array(sectionSchema).min(1).max(trackingBookLimits.sections),
  })
  .strict()
  .refine((request) => textLength(request) <= trackingBookLimits.totalChars, {
    error: 'Sổ theo dõi quá lớn để xuất một lần',
    path: ['sections'],
  });
export type TrackingBookExportRequest = z.output<typeof trackingBookExportRequestSchema>;
export type TrackingBookSection = TrackingBookExportRequest['sections'][number];
export type TrackingBookColumn = TrackingBookSection['columns'][number];
export type TrackingBookCell = TrackingBookSection['rows'][number]['cells'][number];
