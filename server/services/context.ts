import type { Database } from '../db/database';
import type { Clock } from './clock';
import type { PasswordHasher } from './passwords';
import type { RateLimiter } from './rateLimiter';
import type { RecordVerifier } from './recordVerification';
import type { TokenService } from './tokens';

/** Lifetimes and thresholds of the account rules (issue 11). */
export type AuthPolicy = {
  readonly accessTtlSeconds: number;
  readonly refreshTtlSeconds: number;
  readonly lockoutThreshold: number;
  readonly lockoutSeconds: number;
  readonly resetCodeTtlSeconds: number;
};

export const defaultAuthPolicy: AuthPolicy = {
  accessTtlSeconds: 15 * 60,
  refreshTtlSeconds: 30 * 24 * 3600,
  lockoutThreshold: 5,
  lockoutSeconds: 15 * 60,
  resetCodeTtlSeconds: 72 * 3600,
};

/** What every use case is handed: no globals, so a test builds its own with its clock and costs. */
export type ServiceContext = {
  readonly db: Database;
  readonly clock: Clock;
  readonly tokens: TokenService;
  readonly passwords: PasswordHasher;
  readonly policy: AuthPolicy;
  readonly signInLimits: { readonly perIp: RateLimiter; readonly perLogin: RateLimiter };
  /** Verifies a signed học bạ handed in, against the province's trust (HOCBA_TRUST_DIR). */
  readonly verifyRecord: RecordVerifier;
  /** The chunk size the server asks desktops to send signed records in. */
  readonly recordChunkBytes: number;
};
