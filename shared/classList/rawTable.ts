import { z } from 'zod';

/**
 * A spreadsheet's first sheet as text, the boundary between the file reader (main, exceljs) and
 * the class-list rules (shared): header cells and the data rows under them, every cell a string.
 * Date cells arrive as ISO `yyyy-mm-dd`; numbers as their plain decimal text.
 */
export const rawTableSchema = z.object({
  sheetName: z.string(),
  /** 1-based spreadsheet row number of the header row. */
  headerRow: z.number().int().min(1),
  headers: z.array(z.string()).max(200),
  rows: z
    .array(
      z.object({
        /** 1-based spreadsheet row number, for messages ("Dòng 7"). */
        rowNumber: z.number().int().min(1),
        cells: z.array(z.string()).max(200),
        /** Columns whose cell was a number in the file (leading zeros may have been lost). */
        numericColumns: z.array(z.number().int().min(0)).default([]),
      }),
    )
    .max(10_000),
});
export type RawTable = z.output<typeof rawTableSchema>;

/** The largest class-list file accepted (bytes): a 2,000-student list is about 150 KB. */
export const maxClassListFileBytes = 5 * 1024 * 1024;
