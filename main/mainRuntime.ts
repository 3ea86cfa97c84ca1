import { join } from 'node:path';
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
import { loadRecordFonts } from './services/recordFonts';
import { createRecordFileStore } from './services/records/recordFileStore';
import { createTrustStore } from './services/records/trustStore';
import { createSigningJobService } from './services/signingJobs/signingJobService';
import { createTokenService, type TokenPlatform } from './services/token';
import { defaultTrustDir } from './services/trustAnchors';

/** Token libraries are listed per platform; any other Unix looks where Linux does. */
function tokenPlatformOf(platform: string): TokenPlatform {
  return platform === 'win32' || platform === 'darwin' ? platform : 'linux';
}

export type MainRuntime = {
  readonly services: MainServices;
  readonly dispatch: IpcDispatcher;
  /** Logs out of every token and releases the PKCS#11 libraries (on quit). */
  readonly close: () => void;
};

export type MainRuntimeOptions = {
  /**
   * Folders of trusted root certificates (with their `intermediates/` subfolders). By default the
   * app's shipped `resources/trust/` and `<data>/trust/`, where province IT drops its CA.
   */
  readonly trustFolders?: readonly string[];
};

/**
 * Wires the main-process services and the IPC dispatcher. Electron's glue and the local bridge
 * both call this, so the renderer talks to exactly the same code in the app and in Chromium.
 */
export async function createMainRuntime(
  facts: Omit<AppInfo, 'deviceId'>,
  logger: Logger,
  options: MainRuntimeOptions = {},
): Promise<MainRuntime> {
  applyVietnameseValidationMessages();
  const deviceId = await loadOrCreateDeviceId(facts.dataDir);
  const photos = createPhotoStore(facts.dataDir, maxPhotoBytes);
  const shipped = defaultTrustDir();
  const trust = createTrustStore(
    options.trustFolders ?? [...(shipped === undefined ? [] : [shipped]), join(facts.dataDir, 'trust')],
  );
  const records = createRecordFileStore({ dataDir: facts.dataDir, photos, fonts: loadRecordFonts, logger });
  const tokens = createTokenService({ logger });
  const services: MainServices = {
    appInfo: createAppInfoService({ ...facts, deviceId }),
    sample: createSampleService(),
    classList: createClassListService(),
    summaryExport: createSummaryExportService(),
    photos,
    records,
    trust,
    signing: createSigningJobService({
      tokens,
      records,
      trust,
      fonts: loadRecordFonts,
      platform: tokenPlatformOf(facts.platform),
      logger,
    }),
  };
  return {
    services,
    dispatch: createIpcDispatcher(createIpcHandlers(services), logger),
    close: () => tokens.close(),
  };
}
