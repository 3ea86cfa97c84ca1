import { maxPhotoBytes, type AppInfo } from '../shared/ipc/contract';
import { applyVietnameseValidationMessages } from '../shared/validation/vietnameseMessages';
import { createIpcDispatcher, type IpcDispatcher } from './ipc/dispatcher';
import { createIpcHandlers, type MainServices } from './ipc/handlers';
import { createAppInfoService } from './services/appInfoService';
import type { Logger } from './services/logger';
import { createClassListService } from './services/classListService';
import { loadOrCreateDeviceId } from './services/deviceIdentity';
import { createPhotoStore } from './services/photoStore';
import { createSampleService } from './services/sampleService';
import { createSummaryExportService } from './services/summaryExportService';

export type MainRuntime = { readonly services: MainServices; readonly dispatch: IpcDispatcher };

/**
 * Wires the main-process services and the IPC dispatcher. Electron's glue and the local bridge
 * both call this, so the renderer talks to exactly the same code in the app and in Chromium.
 */
export async function createMainRuntime(
  facts: Omit<AppInfo, 'deviceId'>,
  logger: Logger,
): Promise<MainRuntime> {
  applyVietnameseValidationMessages();
  const deviceId = await loadOrCreateDeviceId(facts.dataDir);
  const services: MainServices = {
    appInfo: createAppInfoService({ ...facts, deviceId }),
    sample: createSampleService(),
    classList: createClassListService(),
    summaryExport: createSummaryExportService(),
    photos: createPhotoStore(facts.dataDir, maxPhotoBytes),
  };
  return { services, dispatch: createIpcDispatcher(createIpcHandlers(services), logger) };
}
