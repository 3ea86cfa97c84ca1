import type { SummaryExportRequest } from '../../shared/domain/evaluation/summaryExport';
import { asciiFileStem } from '../../shared/encoding/asciiFileName';
import { xlsxMimeType, type DownloadableFile } from '../../shared/ipc/fileSchemas';
import { createSummaryWorkbook } from './xlsx/summaryWorkbook';

export type SummaryExportService = {
  readonly exportXlsx: (request: SummaryExportRequest) => Promise<DownloadableFile>;
};

/** "Tong-hop-3A-2025-2026-CN.xlsx". */
export function summaryFileName(request: SummaryExportRequest): string {
  const parts = ['Tong-hop', request.className, request.schoolYear, request.summary.period];
  return `${asciiFileStem(parts)}.xlsx`;
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
