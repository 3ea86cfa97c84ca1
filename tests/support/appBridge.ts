import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBridge, type RunningBridge } from '../../main/bridge/bridgeServer';
import { createMainRuntime } from '../../main/mainRuntime';
import type { SealedFiles } from '../../main/services/files/sealedFiles';
import { createLogger, memoryLogSink } from '../../main/services/logger';
import { testDataPassphrase } from './dataPassphrase';
import { requireBuiltRenderer } from './paths';

export type AppBridge = {
  readonly bridge: RunningBridge;
  readonly dataDir: string;
  readonly logLines: string[];
  /** The data folder's photos and record files, opened with this desktop's data key (they are sealed on disk). */
  readonly files: SealedFiles;
  readonly close: () => Promise<void>;
};

export type AppBridgeOptions = {
  /**
   * A PKCS#11 library beyond the known ones (SoftHSM in tests), passed to main as `npm run dev:web`
   * passes `--pkcs11-library` / HOCBA_PKCS11_LIBRARY: the page cannot name one.
   */
  readonly pkcs11Library?: string;
  /** The province server main signs in against (HOCBA_SERVER_URL). */
  readonly provinceServerUrl?: string;
  /** An existing data folder (a second start of the same desktop); a fresh one by default. */
  readonly dataDir?: string;
};

/** The real main-process services behind the real bridge, with a fresh data folder. */
export async function startAppBridge(options: AppBridgeOptions = {}): Promise<AppBridge> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'hocba-data-')));
  const logLines: string[] = [];
  const logger = createLogger(memoryLogSink(logLines), 'debug');
  const runtime = await createMainRuntime(
    { name: 'Học bạ số', version: '0.0.0-test', platform: process.platform, dataDir, runtime: 'bridge' },
    logger,
    {
      dataPassphrase: testDataPassphrase,
      ...(options.pkcs11Library === undefined ? {} : { customLibraryPath: options.pkcs11Library }),
      ...(options.provinceServerUrl === undefined ? {} : { provinceServerUrl: options.provinceServerUrl }),
    },
  );
  const bridge = await startBridge({
    rendererDir: requireBuiltRenderer(),
    dispatch: runtime.dispatch,
    logger,
  });
  return {
    bridge,
    dataDir,
    logLines,
    files: runtime.files,
    close: async () => {
      await bridge.close();
      runtime.close();
      if (options.dataDir === undefined) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
