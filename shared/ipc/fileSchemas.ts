import { z } from 'zod';

/** Bytes cross IPC as base64 text (JSON-safe over both Electron IPC and the bridge). */
export const base64Schema = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Dữ liệu tệp không hợp lệ');

/** A file main hands back for the user to save (template, export). */
export const downloadableFileSchema = z.object({
  fileName: z.string().min(1).max(255),
  mimeType: z.string(),
  bytesBase64: z.string(),
});
export type DownloadableFile = z.output<typeof downloadableFileSchema>;

export const xlsxMimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const pdfMimeType = 'application/pdf';
