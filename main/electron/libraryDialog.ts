import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import { tokenLibraryStrings as strings } from '../services/signingJobs/strings';

/**
 * Main's own file dialog for a PKCS#11 library (token:chooseLibrary). The page never sees or
 * sends the path: main checks the picked file (local, canonical, a regular .dll/.so/.dylib) and
 * keeps it in its settings.
 */
export async function chooseLibraryFileWithDialog(): Promise<string | undefined> {
  const extensions =
    process.platform === 'win32' ? ['dll'] : process.platform === 'darwin' ? ['dylib', 'so'] : ['so'];
  const options: OpenDialogOptions = {
    title: strings.dialogTitle,
    buttonLabel: strings.dialogButton,
    properties: ['openFile', 'dontAddToRecent'],
    // Versioned names (libcastle.so.1.0.0) match no extension filter: "all files" lets them be picked.
    filters: [
      { name: strings.dialogFilter, extensions },
      { name: strings.dialogAllFiles, extensions: ['*'] },
    ],
  };
  const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? undefined : result.filePaths[0];
}
