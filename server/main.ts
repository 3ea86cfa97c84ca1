import { logRedaction, startServer } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/openDatabase';
import { recordTrustFolder } from './services/recordTrustFolder';

/** `npm run server`: PostgreSQL at DATABASE_URL, or embedded PGlite in HOCBA_SERVER_DATA. */
const config = loadConfig(process.env);
const db = await openDatabase(config.database);
const server = await startServer({
  db,
  port: config.port,
  host: config.host,
  tls: config.tls,
  trustProxy: config.trustProxy,
  tokenSecret: config.tokenSecret,
  recordTrust: recordTrustFolder(config.trustDir),
  logger: { level: config.logLevel, redact: logRedaction },
  closeDatabase: true,
});
const engine =
  config.database.kind === 'postgres' ? 'PostgreSQL' : `PGlite (${config.database.dataDir ?? ''})`;
process.stdout.write(`Học bạ số province server on ${server.url} (database: ${engine})\n`);

// Graceful shutdown: stop accepting, let in-flight requests finish, close the database.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.app.log.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
