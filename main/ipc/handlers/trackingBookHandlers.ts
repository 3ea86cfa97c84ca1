import type { TrackingBookExportService } from '../../services/trackingBook/trackingBookExportService';
import type { IpcHandlers } from '../dispatcher';

export function trackingBookHandlers(
  service: TrackingBookExportService,
): Pick<IpcHandlers, 'trackingBook:exportXlsx' | 'trackingBook:exportPdf'> {
  return {
    'trackingBook:exportXlsx': async (request) => service.exportXlsx(request),
    'trackingBook:exportPdf': async (request) => service.exportPdf(request),
  };
}
