import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { accountWireSchema, type AccountWire } from '../../../shared/auth/authWire';
import { writeFileAtomic } from '../atomicWrite';
import { offlineLockout } from './offlineLockout';

/**
 * The accounts that signed in online on this desktop, one file each in `<data>/accounts/`: the
 * account as the server last described it, and an argon2id verifier of the password (never the
 * password), so the same person can sign in offline afterwards. The file is named by the SHA-256
 * of the login, so the folder does not list who works on this desktop.
 */

/**
 * Stronger than the server's own parameters: a stolen desktop lets an attacker guess offline at
 * leisure. 64 MiB and 3 passes take about 0.1–0.2 s on a school desktop (README, closing note).
 */
export const localVerifierParameters = {
  /** Algorithm.Argon2id (a const enum the compiler cannot import under verbatimModuleSyntax). */
  algorithm: 2,
  memoryCost: 64 * 1024,
  timeCost: 3,
  parallelism: 1,
} as const;

const localAccountSchema = z
  .object({
    formatVersion: z.literal(1),
    account: accountWireSchema,
    serverUrl: z.string().min(1).max(300),
    verifier: z.string().startsWith('$argon2id$').max(300),
    failedAttempts: z.number().int().min(0).max(1_000_000),
    lastFailureAt: z.iso.datetime().nullable(),
    lastOnlineSignInAt: z.iso.datetime(),
  })
  .strict();
type LocalAccount = z.output<typeof localAccountSchema>;

export type OfflineCheck =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'locked'; readonly retryAfterSeconds: number }
  | { readonly kind: 'wrongPassword' }
  | { readonly kind: 'verified'; readonly account: AccountWire; readonly serverUrl: string };

export type LocalAccounts = {
  /** After the server accepted the password: keep the account and a fresh verifier. */
  readonly remember: (account: AccountWire, serverUrl: string, password: string, now: Date) => Promise<void>;
  /** Offline: the password against the verifier, with the desktop's own lockout. */
  readonly checkOffline: (login: string, password: string, now: Date) => Promise<OfflineCheck>;
  /** Whether anyone has signed in online on this desktop. */
  readonly any: () => Promise<boolean>;
  /** Whether this login signed in online on this desktop before. */
  readonly knows: (login: string) => Promise<boolean>;
  /** The server disabled the account: offline sign-in ends too. */
  readonly forget: (login: string) => Promise<void>;
  /**
   * The server refused a password this desktop's verifier accepts: it was changed elsewhere, so the
   * old one stops working offline too. A mistyped password (the verifier refuses it) changes nothing.
   */
  readonly forgetIfOutdated: (login: string, password: string) => Promise<void>;
};

const maxAccountFileBytes = 64 * 1024;

export function createLocalAccounts(options: {
  readonly dataDir: string;
  readonly parameters?: Omit<typeof localVerifierParameters, 'algorithm'>;
}): LocalAccounts {
  const parameters = { ...localVerifierParameters, ...options.parameters };
  const pathOf = (login: string) =>
    join(options.dataDir, 'accounts', `${createHash('sha256').update(login, 'utf8').digest('hex')}.json`);

  const read = async (login: string): Promise<LocalAccount | undefined> => {
    let bytes: Buffer;
    try {
      bytes = await readFile(pathOf(login));
    } catch {
      return undefined;
    }
    if (bytes.length > maxAccountFileBytes) return undefined;
    try {
      const parsed = localAccountSchema.safeParse(JSON.parse(bytes.toString('utf8')));
      // A file whose account is someone else's (copied over another's name) is no one's.
      return parsed.success && parsed.data.account.login === login ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  };
  const write = (login: string, account: LocalAccount) =>
    writeFileAtomic(pathOf(login), `${JSON.stringify(account)}\n`);

  return {
    remember: async (account, serverUrl, password, now) => {
      await write(account.login, {
        formatVersion: 1,
        account,
        serverUrl,
        verifier: await hash(password, parameters),
        failedAttempts: 0,
        lastFailureAt: null,
        lastOnlineSignInAt: now.toISOString(),
      });
    },
    checkOffline: async (login, password, now) => {
      const stored = await read(login);
      if (!stored) return { kind: 'unknown' };
      const lock = offlineLockout(stored.failedAttempts, stored.lastFailureAt, now);
      if (lock.locked) return { kind: 'locked', retryAfterSeconds: lock.retryAfterSeconds };
      let matches = false;
      try {
        matches = await verify(stored.verifier, password);
      } catch {
        matches = false;
      }
      if (!matches) {
        await write(login, {
          ...stored,
          failedAttempts: stored.failedAttempts + 1,
          lastFailureAt: now.toISOString(),
        });
        return { kind: 'wrongPassword' };
      }
      if (stored.failedAttempts > 0)
        await write(login, { ...stored, failedAttempts: 0, lastFailureAt: null });
      return { kind: 'verified', account: stored.account, serverUrl: stored.serverUrl };
    },
    any: async () => {
      const names = await readdir(join(options.dataDir, 'accounts')).catch(() => []);
      return names.some((name) => /^[0-9a-f]{64}\.json$/.test(name));
    },
    knows: async (login) => (await read(login)) !== undefined,
    forget: async (login) => {
      await rm(pathOf(login), { force: true });
    },
    forgetIfOutdated: async (login, password) => {
      const stored = await read(login);
      if (stored === undefined) return;
      const matches = await verify(stored.verifier, password).catch(() => false);
      if (matches) await rm(pathOf(login), { force: true });
    },
  };
}
