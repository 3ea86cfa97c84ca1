import type { AppInfo } from '../shared/ipc/contract';
import { applyVietnameseValidationMessages } from '../shared/validation/vietnameseMessages';
import { createIpcDispatcher, type IpcDispatcher } from './ipc/dispatcher';
import { createIpcHandlers, type MainServices } from './ipc/handlers';
import { createAppInfoService } from './services/appInfoService';
import type { Logger } from './services/logger';
import { createSampleService } from './services/sampleService';

export type MainRuntime = { readonly services: MainServices; readonly dispatch: IpcDispatcher };

/**
 * Wires the main-process services and the IPC dispatcher. Electron's glue and the local bridge
 * both call this, so the renderer talks to exactly the same code in the app and in Chromium.
 */
export function createMainRuntime(facts: AppInfo, logger: Logger): MainRuntime {
  applyVietnameseValidationMessages();
  const services: MainServices = {
    appInfo: createAppInfoService(facts),
    sample: createSampleService(),
  };
  return { services, dispatch: createIpcDispatcher(createIpcHandlers(services), logger) };
}
