import { autoUpdater } from 'electron-updater';
import type { Logger } from '../services/logger';

/**
 * Updates from the generic feed named in electron-builder.yml (`publish`), which a province
 * can host itself. Only packaged builds check; a failed check is logged and never blocks work.
 */
export function startUpdateChecks(logger: Logger, isPackaged: boolean): void {
  if (!isPackaged) return;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.on('update-available', (info) => logger.info('updater.available', { version: info.version }));
  autoUpdater.on('update-downloaded', (info) => logger.info('updater.downloaded', { version: info.version }));
  autoUpdater.on('error', (error) => logger.warn('updater.failed', { errorType: error.name }));
  const check = (): void => {
    autoUpdater.checkForUpdates().catch((error: unknown) => {
      logger.warn('updater.check-failed', { errorType: error instanceof Error ? error.name : typeof error });
    });
  };
  check();
  setInterval(check, 6 * 60 * 60 * 1000).unref();
}
