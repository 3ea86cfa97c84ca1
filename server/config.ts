import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { DatabaseChoice } from './db/openDatabase';

/** The repository's resources/trust/ (the same roots the desktop ships), from the server's working folder. */
const shippedTrustDir = 'resources/trust';

/** The server's settings, read once from the environment (server/README.md lists them). */
const environment = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  HOCBA_SERVER_DATA: z.string().min(1).default('./server-data'),
  HOCBA_SERVER_PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  HOCBA_SERVER_HOST: z.string().min(1).default('127.0.0.1'),
  HOCBA_TLS_CERT: z.string().min(1).optional(),
  HOCBA_TLS_KEY: z.string().min(1).optional(),
  HOCBA_TRUST_PROXY: z.string().min(1).optional(),
  HOCBA_TOKEN_SECRET: z.string().min(32, 'HOCBA_TOKEN_SECRET needs at least 32 characters').optional(),
  /** Roots (and `intermediates/`, `crl/`) signed records are verified against; default: the shipped resources/trust/. */
  HOCBA_TRUST_DIR: z.string().min(1).optional(),
  HOCBA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type ServerConfig = {
  readonly database: DatabaseChoice;
  readonly port: number;
  readonly host: string;
  readonly tls: { readonly cert: Buffer; readonly key: Buffer } | null;
  readonly trustProxy: boolean | string;
  readonly tokenSecret: string | undefined;
  readonly logLevel: string;
  /** The trust folder signed records are verified against. */
  readonly trustDir: string;
};

export function loadConfig(env: NodeJS.ProcessEnv): ServerConfig {
  // An empty variable (`DATABASE_URL= npm run server`) means unset.
  const parsed = environment.parse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')),
  );
  const { HOCBA_TLS_CERT: cert, HOCBA_TLS_KEY: key, HOCBA_TRUST_PROXY: proxy } = parsed;
  if ((cert === undefined) !== (key === undefined)) {
    throw new Error('Set both HOCBA_TLS_CERT and HOCBA_TLS_KEY, or neither');
  }
  return {
    database:
      parsed.DATABASE_URL === undefined
        ? { kind: 'pglite', dataDir: resolve(parsed.HOCBA_SERVER_DATA) }
        : { kind: 'postgres', url: parsed.DATABASE_URL },
    port: parsed.HOCBA_SERVER_PORT,
    host: parsed.HOCBA_SERVER_HOST,
    tls:
      cert === undefined || key === undefined ? null : { cert: readFileSync(cert), key: readFileSync(key) },
    // "true": trust every hop; otherwise a comma-separated list of proxy addresses / CIDRs.
    trustProxy: proxy === undefined || proxy === 'false' ? false : proxy === 'true' ? true : proxy,
    tokenSecret: parsed.HOCBA_TOKEN_SECRET,
    logLevel: parsed.HOCBA_LOG_LEVEL,
    trustDir: resolve(parsed.HOCBA_TRUST_DIR ?? shippedTrustDir),
  };
}
