import type { AppInfoService } from '../../services/appInfoService';
import type { ClassListService } from '../../services/classListService';
import type { PhotoStore } from '../../services/photoStore';
import type { SampleService } from '../../services/sampleService';
import type { SummaryExportService } from '../../services/summaryExportService';
import type { IpcHandlers } from '../dispatcher';
import { appHandlers } from './appHandlers';
import { classListHandlers } from './classListHandlers';
import { photoHandlers } from './photoHandlers';
import { sampleHandlers } from './sampleHandlers';
import { summaryHandlers } from './summaryHandlers';

export type MainServices = {
  readonly appInfo: AppInfoService;
  readonly sample: SampleService;
  readonly classList: ClassListService;
  readonly summaryExport: SummaryExportService;
  readonly photos: PhotoStore;
};

/** Every channel's handler, one file per area; the type makes a missing channel a compile error. */
export function createIpcHandlers(services: MainServices): IpcHandlers {
  return {
    ...appHandlers(services.appInfo),
    ...sampleHandlers(services.sample),
    ...classListHandlers(services.classList),
    ...summaryHandlers(services.summaryExport),
    ...photoHandlers(services.photos),
  };
}
