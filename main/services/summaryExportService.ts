import type { SummaryExportRequest } from '../../shared/domain/evaluation/summaryExport';
import { xlsxMimeType, type DownloadableFile } from '../../shared/ipc/fileSchemas';
import { createSummaryWorkbook } from './xlsx/summaryWorkbook';

export type SummaryExportService = {
  readonly exportXlsx: (request: SummaryExportRequest) => Promise<DownloadableFile>;
};

/** "4 Hoa Sen" → "4-Hoa-Sen": file names stay ASCII so every mail client and USB stick keeps them. */
function asciiPart(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "Tong-hop-3A-2025-2026-CN.xlsx". */
export function summaryFileName(request: SummaryExportRequest): string {
  const parts = ['Tong-hop', request.className, request.schoolYear, request.summary.period];
  return `${parts.map(asciiPart).filter(Boolean).join('-')}.xlsx`;
}

/** The class summary table as an Excel file for the user to save. */
export function createSummaryExportService(): SummaryExportService {
  return {
    exportXlsx: async (request) => {
      const bytes = await createSummaryWorkbook(request);
      return {
        fileName: summaryFileName(request),
        mimeType: xlsxMimeType,
        bytesBase64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
      };
    },
  };
}
