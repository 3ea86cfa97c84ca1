import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appIdentity } from '../appIdentity';
import { createMainRuntime } from '../mainRuntime';
import { defaultDataDir } from '../services/dataDir';
import { createLogger, streamLogSink } from '../services/logger';
import { libraryRefusalMessages, tokenLibraryStrings } from '../services/signingJobs/strings';
import { bridgeLibraryOption } from '../services/signingJobs/tokenLibraries';
import { inspectLibraryFile } from '../services/token/knownLibraries';
import { startBridge } from './bridgeServer';

/**
 * `npm run dev:web`: the renderer in any Chromium, with the real main-process services behind
 * the local bridge. For machines where Electron's binary is unavailable, and for tests.
 */
const repoRoot = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const logger = createLogger(streamLogSink(process.stderr), 'info');

// The page has no file dialog here: a PKCS#11 library other than the known ones is named by whoever
// starts the bridge (`--pkcs11-library <path>` or HOCBA_PKCS11_LIBRARY), never by the page.
const libraryOption = bridgeLibraryOption(process.argv.slice(2), process.env);
let customLibraryPath: string | undefined;
if (libraryOption !== undefined) {
  const check = inspectLibraryFile(libraryOption);
  if (!check.ok) {
    process.stderr.write(
      `${tokenLibraryStrings.bridgeOptionRefused(libraryRefusalMessages[check.reason])}\n`,
    );
    process.exit(1);
  }
  customLibraryPath = check.path;
}

const runtime = await createMainRuntime(
  { ...appIdentity, platform: process.platform, dataDir: defaultDataDir(), runtime: 'bridge' },
  logger,
  {
    ...(customLibraryPath === undefined ? {} : { customLibraryPath }),
    // HOCBA_SERVER_URL: the province server to sign in against (e.g. `npm run server`'s address).
    provinceServerUrl: process.env.HOCBA_SERVER_URL,
    // HOCBA_DATA_PASSPHRASE: wraps the data key of photos and record files (the bridge has no OS
    // key store); without it the key is protected by file permissions only, and app:info says so.
    dataPassphrase: process.env.HOCBA_DATA_PASSPHRASE,
  },
);
const port = Number(process.env.HOCBA_BRIDGE_PORT ?? '5174');
const bridge = await startBridge({
  rendererDir: join(repoRoot, 'dist', 'renderer'),
  dispatch: runtime.dispatch,
  logger,
  port,
});

process.stdout.write(
  `\nHọc bạ số chạy trong trình duyệt (cầu nối cục bộ).\nMở địa chỉ này trong Chromium:\n\n  ${bridge.pageUrl}\n\nNhấn Ctrl+C để dừng.\n`,
);

const stop = (): void => {
  void bridge.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
