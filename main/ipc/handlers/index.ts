import type { AppInfoService } from '../../services/appInfoService';
import type { SampleService } from '../../services/sampleService';
import type { IpcHandlers } from '../dispatcher';
import { appHandlers } from './appHandlers';
import { sampleHandlers } from './sampleHandlers';

export type MainServices = {
  readonly appInfo: AppInfoService;
  readonly sample: SampleService;
};

/** Every channel's handler, one file per area; the type makes a missing channel a compile error. */
export function createIpcHandlers(services: MainServices): IpcHandlers {
  return {
    ...appHandlers(services.appInfo),
    ...sampleHandlers(services.sample),
  };
}
