import type { AppInfoService } from '../../services/appInfoService';
import type { AuditHeadService } from '../../services/audit/auditHeadService';
import type { BackupDesk } from '../../services/backup/backupDesk';
import type { ClassListService } from '../../services/classListService';
import type { PhotoStore } from '../../services/photoStore';
import type { RecordBundles } from '../../services/records/recordBundles';
import type { RecordFileStore } from '../../services/records/recordFileStore';
import type { RecordVerifier } from '../../services/records/recordVerifier';
import type { TrustStore } from '../../services/records/trustStore';
import type { DeskSessionService } from '../../services/session/deskSessionService';
import type { LocalAccounts } from '../../services/session/localAccounts';
import type { ProvinceServerSetting } from '../../services/session/provinceServerSetting';
import type { SigningJobService } from '../../services/signingJobs/signingJobService';
import type { TokenLibraryCatalogue } from '../../services/signingJobs/tokenLibraries';
import type { TokenWatch } from '../../services/signingJobs/tokenWatch';
import type { SampleService } from '../../services/sampleService';
import type { SummaryExportService } from '../../services/summaryExportService';
import type { TrackingBookExportService } from '../../services/trackingBook/trackingBookExportService';
import type { IpcHandlers } from '../dispatcher';
import { appHandlers } from './appHandlers';
import { auditHandlers } from './auditHandlers';
import { backupHandlers } from './backupHandlers';
import { classListHandlers } from './classListHandlers';
import { photoHandlers } from './photoHandlers';
import { recordHandlers } from './recordHandlers';
import { sessionHandlers } from './sessionHandlers';
import { syncHandlers } from './syncHandlers';
import type { SchoolSetupOnServer } from '../../services/session/schoolSetupOnServer';
import type { SignedRecordHandIn } from '../../services/sync/signedRecordHandIn';
import type { SchoolSync } from '../../services/sync/schoolSync';
import { signingHandlers } from './signingHandlers';
import { tokenHandlers } from './tokenHandlers';
import { sampleHandlers } from './sampleHandlers';
import { summaryHandlers } from './summaryHandlers';
import { trackingBookHandlers } from './trackingBookHandlers';

export type MainServices = {
  readonly appInfo: AppInfoService;
  readonly sample: SampleService;
  readonly classList: ClassListService;
  readonly summaryExport: SummaryExportService;
  /** Sổ theo dõi chất lượng giáo dục as Excel and PDF (trackingBook:*). */
  readonly trackingBook: TrackingBookExportService;
  readonly photos: PhotoStore;
  readonly records: RecordFileStore;
  /** A class's records gathered into one PDF to print or a ZIP to hand out. */
  readonly recordBundles: RecordBundles;
  /** Verifies PDFs (produced here or brought in) in the isolated worker (records:verify). */
  readonly recordVerifier: RecordVerifier;
  readonly trust: TrustStore;
  readonly signing: SigningJobService;
  /** Main's record of the audit chain heads (audit:recordHead, audit:checkChain). */
  readonly auditHeads: AuditHeadService;
  /** The PKCS#11 libraries main may load, named by id (token:list, token:chooseLibrary). */
  readonly tokenLibraries: TokenLibraryCatalogue;
  /** Main's hot-plug poller, run while a screen waits for tokens to come and go (token:watch). */
  readonly tokenWatch: TokenWatch;
  /** Sao lưu: backups of this desktop's data, sealed with a passphrase (backup:*). */
  readonly backups: BackupDesk;
  /** Who is signed in on this desktop; every call is checked against it (session:*). */
  readonly sessions: DeskSessionService;
  /** Staff accounts, classes and assignments the desktop's setup writes to the province server. */
  readonly schoolSetup: SchoolSetupOnServer;
  /** The signed-in account's school synced with the province server (sync:*). */
  readonly sync: SchoolSync;
  /** Hands the signed records in to the province server. */
  readonly recordHandIn: SignedRecordHandIn;
  /** Where the province server is (session:serverSetting, session:setServer). */
  readonly serverSetting: ProvinceServerSetting;
  /** The accounts that signed in online here, with their offline verifiers. */
  readonly accounts: LocalAccounts;
};

/** Every channel's handler, one file per area; the type makes a missing channel a compile error. */
export function createIpcHandlers(services: MainServices): IpcHandlers {
  return {
    ...appHandlers(services.appInfo),
    ...sampleHandlers(services.sample),
    ...classListHandlers(services.classList),
    ...summaryHandlers(services.summaryExport),
    ...trackingBookHandlers(services.trackingBook),
    ...photoHandlers(services.photos),
    ...recordHandlers(services.records, services.recordVerifier, services.recordBundles),
    ...tokenHandlers(services.signing, services.tokenLibraries, services.tokenWatch),
    ...signingHandlers(services.signing),
    ...auditHandlers(services.auditHeads),
    ...backupHandlers(services.backups),
    ...sessionHandlers(services.sessions, services.serverSetting, services.accounts, services.schoolSetup),
    ...syncHandlers(services.sync, services.recordHandIn),
  };
}
