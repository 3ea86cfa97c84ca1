import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { maxPhotoBytes, type AppInfo } from '../shared/ipc/contract';
import { applyVietnameseValidationMessages } from '../shared/validation/vietnameseMessages';
import { createIpcDispatcher, type IpcDispatcher } from './ipc/dispatcher';
import { channelRules } from './ipc/channelRules';
import { createIpcHandlers, type MainServices } from './ipc/handlers';
import { createIpcGuard } from './ipc/ipcGuard';
import { createAppInfoService } from './services/appInfoService';
import type { Logger } from './services/logger';
import { createClassListService } from './services/classListService';
import { createIsolationRunner } from './services/isolation/isolationRunner';
import { resolveUntrustedFilesWorker } from './services/isolation/untrustedFilesWorkerPath';
import type { AuditKeyProtection } from './services/audit/auditKey';
import { openAuditHeads } from './services/audit/openAuditHeads';
import { createBackupDesk } from './services/backup/backupDesk';
import { createPhotoStore } from './services/photoStore';
import { createSampleService } from './services/sampleService';
import { createSummaryExportService } from './services/summaryExportService';
import { createTrackingBookExportService } from './services/trackingBook/trackingBookExportService';
import { loadRecordFonts } from './services/recordFonts';
import { createRecordBundles } from './services/records/recordBundles';
import { createRecordFileStore } from './services/records/recordFileStore';
import { createRecordScopes } from './services/records/recordScopes';
import { createRecordVerifier } from './services/records/recordVerifier';
import { createTrustStore } from './services/records/trustStore';
import { createDeskSessionService } from './services/session/deskSessionService';
import { desktopDatabaseKeys } from './services/session/desktopDatabaseKeys';
import { createLocalAccounts } from './services/session/localAccounts';
import { createProvinceServerClient } from './services/session/provinceServerClient';
import { createProvinceServerSetting } from './services/session/provinceServerSetting';
import { createSettingsStore } from './services/settings/settingsStore';
import { createSigningJobService } from './services/signingJobs/signingJobService';
import { type ChooseLibraryFile, createTokenLibraryCatalogue } from './services/signingJobs/tokenLibraries';
import { createTokenWatch } from './services/signingJobs/tokenWatch';
import { createTokenService, type TokenPlatform } from './services/token';
import { defaultTrustDir } from './services/trustAnchors';
import type { UntrustedFileTasks } from './workers/untrustedFileTasks';

/** Token libraries are listed per platform; any other Unix looks where Linux does. */
function tokenPlatformOf(platform: string): TokenPlatform {
  return platform === 'win32' || platform === 'darwin' ? platform : 'linux';
}

export type MainRuntime = {
  readonly services: MainServices;
  readonly dispatch: IpcDispatcher;
  /**
   * Stops the hot-plug watch, logs out of every token and releases the PKCS#11 libraries, stops
   * the file worker (on quit).
   */
  readonly close: () => void;
};

export type MainRuntimeOptions = {
  /**
   * Folders of trusted root certificates (with their `intermediates/` subfolders). By default the
   * app's shipped `resources/trust/` and `<data>/trust/`, where province IT drops its CA.
   */
  readonly trustFolders?: readonly string[];
  /**
   * Electron's file dialog for picking a PKCS#11 library (token:chooseLibrary); main saves the
   * pick in its settings. Without it (the local bridge) no dialog opens and no saved pick is used.
   */
  readonly chooseLibraryFile?: ChooseLibraryFile;
  /**
   * The local bridge's custom PKCS#11 library, from its command line or environment only
   * (`--pkcs11-library`, `HOCBA_PKCS11_LIBRARY`); checked again before every use.
   */
  readonly customLibraryPath?: string;
  /**
   * Electron's safeStorage, to seal the key of main's audit head record; without it (the bridge,
   * the CLI) the key file is protected by its permissions only.
   */
  readonly auditKeyProtection?: AuditKeyProtection;
  /**
   * The province server's address as whoever installed the desktop set it (`HOCBA_SERVER_URL`);
   * it wins over the address typed on the sign-in screen.
   */
  readonly provinceServerUrl?: string;
  /** The local verifier's argon2id cost; tests of many sign-ins may lower it, nothing else does. */
  readonly localVerifierParameters?: Parameters<typeof createLocalAccounts>[0]['parameters'];
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
  // The device identity comes from main's authenticated audit record, which restores a lost device.json.
  const auditHeads = await openAuditHeads({
    dataDir: facts.dataDir,
    logger,
    protection: options.auditKeyProtection,
  });
  const deviceId = auditHeads.deviceId;
  const photos = createPhotoStore(facts.dataDir, maxPhotoBytes);
  const shipped = defaultTrustDir();
  const trust = createTrustStore(
    options.trustFolders ?? [...(shipped === undefined ? [] : [shipped]), join(facts.dataDir, 'trust')],
  );
  const records = createRecordFileStore({ dataDir: facts.dataDir, photos, fonts: loadRecordFonts, logger });
  const tokens = createTokenService({ logger });
  // Files from outside (class lists, PDFs brought in) are parsed in a worker with memory limits
  // and a deadline, never on main's thread (main/services/isolation/).
  const untrustedFiles = createIsolationRunner<UntrustedFileTasks>({
    workerPath: resolveUntrustedFilesWorker,
    logger,
  });
  // Main's own settings, in main's data folder; the renderer has no channel that writes them.
  const settings = createSettingsStore({ file: join(facts.dataDir, 'settings.json'), logger });
  const tokenLibraries = createTokenLibraryCatalogue({
    platform: tokenPlatformOf(facts.platform),
    settings,
    chooseFile: options.chooseLibraryFile,
    configuredPath: options.customLibraryPath,
    logger,
  });
  const tokenWatch = createTokenWatch({ tokens, libraries: tokenLibraries, logger });
  const accounts = createLocalAccounts({
    dataDir: facts.dataDir,
    ...(options.localVerifierParameters === undefined ? {} : { parameters: options.localVerifierParameters }),
  });
  const serverSetting = createProvinceServerSetting({ settings, environmentUrl: options.provinceServerUrl });
  const sessions = createDeskSessionService({
    server: createProvinceServerClient(),
    serverSetting,
    accounts,
    logger,
    deviceId,
    deviceName: `${facts.platform} ${deviceId.slice('device-'.length, 'device-'.length + 8)}`,
    desktopDatabaseKey: desktopDatabaseKeys(
      async () => new Uint8Array(createHash('sha256').update(deviceId).digest()),
    ),
  });
  const services: MainServices = {
    appInfo: createAppInfoService({ ...facts, deviceId }),
    sample: createSampleService(),
    classList: createClassListService({ untrustedFiles }),
    summaryExport: createSummaryExportService(),
    trackingBook: createTrackingBookExportService({ fonts: loadRecordFonts }),
    photos,
    records,
    recordBundles: createRecordBundles(records),
    recordVerifier: createRecordVerifier({ trust, untrustedFiles }),
    trust,
    signing: createSigningJobService({
      tokens,
      records,
      trust,
      fonts: loadRecordFonts,
      libraries: tokenLibraries,
      logger,
    }),
    tokenLibraries,
    tokenWatch,
    auditHeads,
    backups: createBackupDesk({ dataDir: facts.dataDir, appVersion: facts.version, auditHeads }),
    sessions,
    serverSetting,
    accounts,
  };
  const guard = createIpcGuard(channelRules(createRecordScopes(records.pathOf)), sessions.rights);
  return {
    services,
    dispatch: createIpcDispatcher(createIpcHandlers(services), logger, guard),
    close: () => {
      tokenWatch.close();
      tokens.close();
      void untrustedFiles.close();
    },
  };
}
