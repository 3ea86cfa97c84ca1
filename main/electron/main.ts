import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createMainRuntime } from '../mainRuntime';
import { createLogger, fileLogSink } from '../services/logger';
import { registerAppSchemePrivileges, serveRenderer } from './appProtocol';
import { safeStorageKeyProtection } from './keyProtection';
import { registerIpc } from './ipcRegistration';
import { chooseLibraryFileWithDialog } from './libraryDialog';
import { createMainWindow, preloadPathNextTo } from './mainWindow';
import { startUpdateChecks } from './updater';

/**
 * Electron glue: lifecycle, one hardened window, IPC registration, updates. Everything else is
 * plain Node code shared with the local bridge and the CLI.
 */
registerAppSchemePrivileges();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(async () => {
    const dataDir = app.getPath('userData');
    const logger = createLogger(fileLogSink(join(dataDir, 'logs', 'main.log')), 'info');
    const runtime = await createMainRuntime(
      {
        name: app.getName(),
        version: app.getVersion(),
        platform: process.platform,
        dataDir,
        runtime: 'electron',
      },
      logger,
      {
        // Packaged, electron-builder puts resources/trust beside the app (extraResources).
        ...(app.isPackaged
          ? { trustFolders: [join(process.resourcesPath, 'trust'), join(dataDir, 'trust')] }
          : {}),
        // A PKCS#11 library other than the known ones is picked in main's dialog, never named by the page.
        chooseLibraryFile: chooseLibraryFileWithDialog,
        // The province server, when whoever installed the desktop set it for every user.
        provinceServerUrl: process.env.HOCBA_SERVER_URL,
        // Main's keys (the audit head record's, the data key of photos and record files) are
        // sealed by the OS key store where there is one.
        keyProtection: safeStorageKeyProtection(),
        // Where there is none (Linux without a secret service), a passphrase set for the machine.
        dataPassphrase: process.env.HOCBA_DATA_PASSPHRASE,
      },
    );
    app.on('will-quit', () => runtime.close());
    serveRenderer(join(__dirname, '..', 'renderer'));
    registerIpc(runtime.dispatch);
    createMainWindow(preloadPathNextTo(__dirname));
    startUpdateChecks(logger, app.isPackaged);

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow(preloadPathNextTo(__dirname));
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
