import type { TrackingBookExportRequest } from '../../../shared/domain/evaluation/trackingBookExport';
import { pdfMimeType, xlsxMimeType, type DownloadableFile } from '../../../shared/ipc/fileSchemas';
import { asciiFileStem } from '../../../shared/encoding/asciiFileName';
import type { RecordFontBytes } from '../recordFonts';
import { createTrackingBookWorkbook } from '../xlsx/trackingBookWorkbook';
import { renderTrackingBookPdf } from './trackingBookPdf';

export type TrackingBookExportService = {
  readonly exportXlsx: (request: TrackingBookExportRequest) => Promise<DownloadableFile>;
  readonly exportPdf: (request: TrackingBookExportRequest) => Promise<DownloadableFile>;
};

/**
 * "So-theo-doi-3A-2025-2026.xlsx" for a class's book; a book of one subject (a subject teacher's,
 * or the grade book's selected subject) names it: "So-theo-doi-3A-2025-2026-Toan.pdf".
 */
export function trackingBookFileName(request: TrackingBookExportRequest, extension: 'xlsx' | 'pdf'): string {
  const only = request.sections.length === 1 ? request.sections[0] : undefined;
  const subject = only && !only.key.startsWith('traits:') ? only.sheet : '';
  const stem = asciiFileStem(['So-theo-doi', request.className, request.schoolYear, subject]);
  return `${stem}.${extension}`;
}

const base64Of = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** The Sổ theo dõi chất lượng giáo dục of a class as Excel and as a printable PDF, for the user to save. */
export function createTrackingBookExportService(deps: {
  readonly fonts: () => Promise<RecordFontBytes>;
}): TrackingBookExportService {
  return {
    exportXlsx: async (request) => ({
      fileName: trackingBookFileName(request, 'xlsx'),
      mimeType: xlsxMimeType,
      bytesBase64: base64Of(await createTrackingBookWorkbook(request)),
    }),
    exportPdf: async (request) => {
      const { pdf } = await renderTrackingBookPdf(request, await deps.fonts());
      return {
        fileName: trackingBookFileName(request, 'pdf'),
        mimeType: pdfMimeType,
        bytesBase64: base64Of(pdf),
      };
    },
  };
}
