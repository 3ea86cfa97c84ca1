/**
 * The bridge as a process of its own, for tests that kill main (`bridgeProcess.ts` bundles and
 * starts it): the real main-process services on `--data-dir`, behind the real bridge serving
 * `--renderer-dir` on `--port` (0 picks a free one; a restart passes the same port, since the
 * page's IndexedDB belongs to the origin). Prints one JSON line, `{"pageUrl":…,"port":…}`, once it
 * listens; logs warnings to stderr.
 */
import { parseArgs } from 'node:util';
import { startBridge } from '../../main/bridge/bridgeServer';
import { createMainRuntime } from '../../main/mainRuntime';
import { createLogger, streamLogSink } from '../../main/services/logger';
import { testDataPassphrase } from './dataPassphrase';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      'renderer-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
    },
  });
  const dataDir = values['data-dir'];
  const rendererDir = values['renderer-dir'];
  if (!dataDir || !rendererDir)
    throw new Error('bridgeProcessMain: --data-dir and --renderer-dir are required');

  const logger = createLogger(streamLogSink(process.stderr), 'warn');
  const runtime = await createMainRuntime(
    { name: 'Học bạ số', version: '0.0.0-test', platform: process.platform, dataDir, runtime: 'bridge' },
    logger,
    { dataPassphrase: process.env.HOCBA_DATA_PASSPHRASE ?? testDataPassphrase },
  );
  const bridge = await startBridge({
    rendererDir,
    dispatch: runtime.dispatch,
    logger,
    port: Number(values.port),
  });
  process.stdout.write(`${JSON.stringify({ pageUrl: bridge.pageUrl, port: new URL(bridge.origin).port })}\n`);

  const stop = (): void => {
    void bridge.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
