import type { AppInfoService } from '../../services/appInfoService';
import type { ClassListService } from '../../services/classListService';
import type { PhotoStore } from '../../services/photoStore';
import type { RecordFileStore } from '../../services/records/recordFileStore';
import type { TrustStore } from '../../services/records/trustStore';
import type { SigningJobService } from '../../services/signingJobs/signingJobService';
import type { SampleService } from '../../services/sampleService';
import type { SummaryExportService } from '../../services/summaryExportService';
import type { IpcHandlers } from '../dispatcher';
import { appHandlers } from './appHandlers';
import { classListHandlers } from './classListHandlers';
import { photoHandlers } from './photoHandlers';
import { recordHandlers } from './recordHandlers';
import { signingHandlers } from './signingHandlers';
import { sampleHandlers } from './sampleHandlers';
import { summaryHandlers } from './summaryHandlers';

export type MainServices = {
  readonly appInfo: AppInfoService;
  readonly sample: SampleService;
  readonly classList: ClassListService;
  readonly summaryExport: SummaryExportService;
  readonly photos: PhotoStore;
  readonly records: RecordFileStore;
  readonly trust: TrustStore;
  readonly signing: SigningJobService;
};

/** Every channel's handler, one file per area; the type makes a missing channel a compile error. */
export function createIpcHandlers(services: MainServices): IpcHandlers {
  return {
    ...appHandlers(services.appInfo),
    ...sampleHandlers(services.sample),
    ...classListHandlers(services.classList),
    ...summaryHandlers(services.summaryExport),
    ...photoHandlers(services.photos),
    ...recordHandlers(services.records, services.trust),
    ...signingHandlers(services.signing),
  };
}
