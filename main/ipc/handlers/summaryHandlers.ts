import type { SummaryExportService } from '../../services/summaryExportService';
import type { IpcHandlers } from '../dispatcher';

export function summaryHandlers(service: SummaryExportService): Pick<IpcHandlers, 'summary:exportXlsx'> {
  return {
    'summary:exportXlsx': async (request) => service.exportXlsx(request),
  };
}
