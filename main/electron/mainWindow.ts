import { BrowserWindow, dialog, shell } from 'electron';
import { join } from 'node:path';
import { appOrigin } from './appProtocol';
import { windowStrings } from './windowStrings';

/**
 * The one application window, hardened as conventions.md asks: isolated, sandboxed, no Node in
 * the page, no navigation away from the app, no new windows (links to the web open in the browser).
 */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 640,
    title: 'Học bạ số',
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: false,
      devTools: process.env.HOCBA_DEVTOOLS === '1',
    },
  });
  window.once('ready-to-show', () => window.show());

  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${appOrigin}/`)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${appOrigin}/`)) event.preventDefault();
  });
  // The page refuses to unload while typed work is not stored, and closes the window itself once
  // it is (renderer/data/unsaved/closeGuard.ts). A second close meanwhile asks the user.
  let closeHeld = false;
  window.webContents.on('will-prevent-unload', (event) => {
    if (!closeHeld) {
      closeHeld = true;
      return;
    }
    const text = windowStrings.closeWhileSaving;
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      title: text.title,
      message: text.message,
      detail: text.detail,
      buttons: [text.wait, text.closeNow],
      defaultId: 0,
      cancelId: 0,
    });
    if (choice === 1) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.session.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );

  void window.loadURL(`${appOrigin}/index.html`);
  return window;
}

export function preloadPathNextTo(mainBundleDir: string): string {
  return join(mainBundleDir, 'preload.cjs');
}
