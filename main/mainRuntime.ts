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
import { openAuditHeads } from './services/audit/openAuditHeads';
import { createBackupDesk } from './services/backup/backupDesk';
import { loadDataKey } from './services/files/dataKey';
import { createSealedFiles, DataKeyLockedError, type SealedFiles } from './services/files/sealedFiles';
import type { KeyProtection } from './services/keys/keyFile';
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
import { createSchoolSetupOnServer } from './services/session/schoolSetupOnServer';
import { createProvinceSyncClient } from './services/sync/provinceSyncClient';
import { createSchoolSync } from './services/sync/schoolSync';
import { createSignedRecordHandIn } from './services/sync/signedRecordHandIn';
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
  /** The data folder's sealed files (photos, record files), opened with this desktop's data key. */
  readonly files: SealedFiles;
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
   * Electron's safeStorage, to seal main's keys (the audit head record's, the data key of photos
   * and record files); without it (the bridge, the CLI) see `dataPassphrase`.
   */
  readonly keyProtection?: KeyProtection;
  /**
   * Wraps the data key when the OS key store is not there (the local bridge: `HOCBA_DATA_PASSPHRASE`;
   * Linux without a key store). Without either the key is protected by file permissions only, and
   * `app:info` says so (`dataProtection: 'filePermissions'`).
   */
  readonly dataPassphrase?: string;
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
  facts: Omit<AppInfo, 'deviceId' | 'dataProtection'>,
  logger: Logger,
  options: MainRuntimeOptions = {},
): Promise<MainRuntime> {
  applyVietnameseValidationMessages();
  // The device identity comes from main's authenticated audit record, which restores a lost device.json.
  const auditHeads = await openAuditHeads({
    dataDir: facts.dataDir,
    logger,
    protection: options.keyProtection,
  });
  const deviceId = auditHeads.deviceId;
  // Photos and record files are sealed with the data key; a key that cannot be opened is never
  // replaced while files are sealed under it: they stay shut, and app:info says `locked`.
  const dataKey = await loadDataKey({
    dataDir: facts.dataDir,
    protection: options.keyProtection,
    passphrase: options.dataPassphrase,
    logger,
  });
  const sealedFiles = createSealedFiles({
    dataDir: facts.dataDir,
    key: dataKey.status === 'ok' ? dataKey.key : undefined,
    logger,
  });
  if (dataKey.status === 'ok') await sealedFiles.sealLegacyFiles();
  const dataProtection = dataKey.status === 'ok' ? dataKey.protection : 'locked';
  if (dataProtection === 'filePermissions') logger.warn('files.dataKeyUnwrapped', {});
  const photos = createPhotoStore(facts.dataDir, maxPhotoBytes, sealedFiles);
  const shipped = defaultTrustDir();
  const trust = createTrustStore(
    options.trustFolders ?? [...(shipped === undefined ? [] : [shipped]), join(facts.dataDir, 'trust')],
  );
  const records = createRecordFileStore({
    dataDir: facts.dataDir,
    photos,
    files: sealedFiles,
    fonts: loadRecordFonts,
    logger,
  });
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
  const provinceServer = createProvinceServerClient();
  const sessions = createDeskSessionService({
    server: provinceServer,
    serverSetting,
    accounts,
    logger,
    deviceId,
    deviceName: `${facts.platform} ${deviceId.slice('device-'.length, 'device-'.length + 8)}`,
    chainDeviceIdFor: (databaseName) => auditHeads.chainDeviceIdFor(databaseName),
    // The trial's database key comes from the data key: locked with it, opened with it.
    desktopDatabaseKey: desktopDatabaseKeys(async () => {
      if (dataKey.status !== 'ok') throw new DataKeyLockedError();
      return dataKey.key;
    }),
  });
  const syncClient = createProvinceSyncClient();
  const services: MainServices = {
    appInfo: createAppInfoService({ ...facts, deviceId, dataProtection }),
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
    backups: createBackupDesk({
      dataDir: facts.dataDir,
      appVersion: facts.version,
      files: sealedFiles,
      auditHeads,
    }),
    sessions,
    schoolSetup: createSchoolSetupOnServer({ sessions, server: provinceServer, logger }),
    sync: createSchoolSync({ sessions, client: syncClient, logger, auditHeads }),
    recordHandIn: createSignedRecordHandIn({
      sessions,
      client: syncClient,
      records,
      files: sealedFiles,
      dataDir: facts.dataDir,
      logger,
    }),
    serverSetting,
    accounts,
  };
  const guard = createIpcGuard(
    channelRules(createRecordScopes(records.pathOf, records.files.read)),
    sessions.rights,
  );
  return {
    services,
    files: sealedFiles,
    dispatch: createIpcDispatcher(createIpcHandlers(services), logger, guard),
    close: () => {
      tokenWatch.close();
      tokens.close();
      void untrustedFiles.close();
    },
  };
}
