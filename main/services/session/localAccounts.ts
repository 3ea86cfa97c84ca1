import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { hashRaw, verify } from '@node-rs/argon2';
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

const base64 = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((text) => Buffer.from(text, 'base64').length === bytes);

/** How a password became a key here: argon2id with this salt and these costs (bounded: a file could be forged). */
const derivationSchema = z
  .object({
    salt: base64(16),
    memoryCost: z
      .number()
      .int()
      .min(8 * 1024)
      .max(1024 * 1024),
    timeCost: z.number().int().min(1).max(20),
    parallelism: z.number().int().min(1).max(8),
  })
  .strict();
type Derivation = z.output<typeof derivationSchema>;

/** The account's database key, sealed (AES-256-GCM) under a key derived from the password. */
const sealedDatabaseKeySchema = z
  .object({
    generation: z.number().int().min(0).max(10_000),
    derivation: derivationSchema,
    nonce: base64(12),
    sealed: base64(48),
  })
  .strict();
type SealedDatabaseKey = z.output<typeof sealedDatabaseKeySchema>;

const accountFileFields = {
  account: accountWireSchema,
  serverUrl: z.string().min(1).max(300),
  failedAttempts: z.number().int().min(0).max(1_000_000),
  lastFailureAt: z.iso.datetime().nullable(),
  lastOnlineSignInAt: z.iso.datetime(),
};

/** Format 1 (until 2026-12-05): a verifier only; its database was not sealed. */
const localAccountV1Schema = z
  .object({
    formatVersion: z.literal(1),
    verifier: z.string().startsWith('$argon2id$').max(300),
    ...accountFileFields,
  })
  .strict();

/**
 * Format 2: one argon2id derivation of the password gives 64 bytes: the first half is the
 * verifier (`check`, null once the server said this password is no longer the account's), the
 * second half opens the database key. `retiredKeys`: keys sealed under earlier passwords (changed
 * on another desktop, reset by the principal), kept so that data can still be opened with the
 * earlier password, never thrown away by a password change.
 */
const localAccountSchema = z
  .object({
    formatVersion: z.literal(2),
    check: base64(32).nullable(),
    databaseKey: sealedDatabaseKeySchema,
    retiredKeys: z.array(sealedDatabaseKeySchema).max(8),
    ...accountFileFields,
  })
  .strict();
type LocalAccount = z.output<typeof localAccountSchema>;
type StoredAccount = LocalAccount | z.output<typeof localAccountV1Schema>;

/** The database an account works in on this desktop, and its key (only ever in memory). */
export type OpenedDatabaseKey = {
  readonly generation: number;
  readonly key: Uint8Array;
  /**
   * The key was made now because the one before could not be opened with this password (changed on
   * another desktop, or reset): the earlier database stays sealed under the earlier password.
   */
  readonly startedAfresh: boolean;
};

export type OfflineCheck =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'locked'; readonly retryAfterSeconds: number }
  | { readonly kind: 'wrongPassword' }
  | {
      readonly kind: 'verified';
      readonly account: AccountWire;
      readonly serverUrl: string;
      readonly databaseKey: OpenedDatabaseKey;
    };

export type LocalAccounts = {
  /**
   * After the server accepted the password: keep the account, a fresh verifier and the database
   * key, sealed under this password. `previousPassword` (a password change here) opens the key
   * sealed under the old one, so the same database goes on.
   */
  readonly remember: (
    account: AccountWire,
    serverUrl: string,
    password: string,
    now: Date,
    previousPassword?: string,
  ) => Promise<OpenedDatabaseKey>;
  /** Offline: the password against the verifier, with the desktop's own lockout. */
  readonly checkOffline: (login: string, password: string, now: Date) => Promise<OfflineCheck>;
  /** Whether anyone has signed in online on this desktop. */
  readonly any: () => Promise<boolean>;
  /** Whether this login signed in online on this desktop before. */
  readonly knows: (login: string) => Promise<boolean>;
  /** The server disabled the account: offline sign-in ends, and its data here can no longer be opened. */
  readonly forget: (login: string) => Promise<void>;
  /**
   * The server refused a password this desktop's verifier accepts: it was changed elsewhere, so the
   * old one stops working offline too (the sealed database key is kept). A mistyped password (the
   * verifier refuses it) changes nothing.
   */
  readonly forgetIfOutdated: (login: string, password: string) => Promise<void>;
};

const maxAccountFileBytes = 64 * 1024;

const keyBytes = 32;

/** The key that seals a database key: bound to the login and the generation it belongs to. */
const sealingDataOf = (login: string, generation: number) =>
  Buffer.from(`hocba database key\n${login}\n${String(generation)}`, 'utf8');

function sealKey(
  key: Uint8Array,
  keyEncryptingKey: Uint8Array,
  login: string,
  generation: number,
  derivation: Derivation,
): SealedDatabaseKey {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyEncryptingKey, nonce);
  cipher.setAAD(sealingDataOf(login, generation));
  const sealed = Buffer.concat([cipher.update(key), cipher.final(), cipher.getAuthTag()]);
  return { generation, derivation, nonce: nonce.toString('base64'), sealed: sealed.toString('base64') };
}

function openKey(
  stored: SealedDatabaseKey,
  keyEncryptingKey: Uint8Array,
  login: string,
): Uint8Array | undefined {
  const sealed = Buffer.from(stored.sealed, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyEncryptingKey, Buffer.from(stored.nonce, 'base64'));
    decipher.setAAD(sealingDataOf(login, stored.generation));
    decipher.setAuthTag(sealed.subarray(keyBytes));
    return new Uint8Array(Buffer.concat([decipher.update(sealed.subarray(0, keyBytes)), decipher.final()]));
  } catch {
    return undefined;
  }
}

export function createLocalAccounts(options: {
  readonly dataDir: string;
  readonly parameters?: {
    readonly memoryCost: number;
    readonly timeCost: number;
    readonly parallelism: number;
  };
}): LocalAccounts {
  const parameters = { ...localVerifierParameters, ...options.parameters };
  const pathOf = (login: string) =>
    join(options.dataDir, 'accounts', `${createHash('sha256').update(login, 'utf8').digest('hex')}.json`);

  const read = async (login: string): Promise<StoredAccount | undefined> => {
    let bytes: Buffer;
    try {
      bytes = await readFile(pathOf(login));
    } catch {
      return undefined;
    }
    if (bytes.length > maxAccountFileBytes) return undefined;
    try {
      const parsed = z
        .union([localAccountSchema, localAccountV1Schema])
        .safeParse(JSON.parse(bytes.toString('utf8')));
      // A file whose account is someone else's (copied over another's name) is no one's.
      return parsed.success && parsed.data.account.login === login ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  };
  const write = (login: string, account: StoredAccount) =>
    writeFileAtomic(pathOf(login), `${JSON.stringify(account)}\n`);

  /** The 64 bytes of one derivation: verifier, then the key that seals the database key. */
  const derive = async (password: string, derivation: Derivation) => {
    const out = await hashRaw(password, {
      ...parameters,
      memoryCost: derivation.memoryCost,
      timeCost: derivation.timeCost,
      parallelism: derivation.parallelism,
      salt: Buffer.from(derivation.salt, 'base64'),
      outputLen: 64,
    });
    return { check: out.subarray(0, 32), keyEncryptingKey: out.subarray(32, 64) };
  };
  const freshDerivation = (): Derivation => ({
    salt: randomBytes(16).toString('base64'),
    memoryCost: parameters.memoryCost,
    timeCost: parameters.timeCost,
    parallelism: parameters.parallelism,
  });

  /** The password against a stored account: its verifier agrees, and (format 2) the key it opens. */
  const unlock = async (
    stored: StoredAccount,
    password: string,
  ): Promise<{ readonly matches: boolean; readonly key: Uint8Array | undefined }> => {
    if (stored.formatVersion === 1) {
      const matches = await verify(stored.verifier, password).catch(() => false);
      return { matches, key: undefined };
    }
    const derived = await derive(password, stored.databaseKey.derivation);
    const check = stored.check === null ? undefined : Buffer.from(stored.check, 'base64');
    const matches = check !== undefined && timingSafeEqual(check, derived.check);
    return {
      matches,
      key: matches ? openKey(stored.databaseKey, derived.keyEncryptingKey, stored.account.login) : undefined,
    };
  };

  /**
   * Writes the account in format 2 under `password`, with `key` (or a new one, a generation on
   * from what it replaces); a key sealed under an earlier password is kept among the retired.
   */
  const seal = async (
    base: Pick<LocalAccount, 'account' | 'serverUrl' | 'lastOnlineSignInAt'>,
    password: string,
    previous: StoredAccount | undefined,
    key: Uint8Array | undefined,
  ): Promise<OpenedDatabaseKey> => {
    const login = base.account.login;
    const derivation = freshDerivation();
    const derived = await derive(password, derivation);
    const earlier = previous?.formatVersion === 2 ? previous : undefined;
    const generation =
      earlier === undefined
        ? 0
        : key === undefined
          ? earlier.databaseKey.generation + 1
          : earlier.databaseKey.generation;
    const databaseKey = key ?? new Uint8Array(randomBytes(keyBytes));
    const retiredKeys =
      earlier === undefined
        ? []
        : key === undefined
          ? [earlier.databaseKey, ...earlier.retiredKeys].slice(0, 8)
          : earlier.retiredKeys;
    await write(login, {
      formatVersion: 2,
      account: base.account,
      serverUrl: base.serverUrl,
      lastOnlineSignInAt: base.lastOnlineSignInAt,
      check: Buffer.from(derived.check).toString('base64'),
      databaseKey: sealKey(databaseKey, derived.keyEncryptingKey, login, generation, derivation),
      retiredKeys,
      failedAttempts: 0,
      lastFailureAt: null,
    });
    return { generation, key: databaseKey, startedAfresh: earlier !== undefined && key === undefined };
  };

  return {
    remember: async (account, serverUrl, password, now, previousPassword) => {
      const stored = await read(account.login);
      let key: Uint8Array | undefined;
      if (stored?.formatVersion === 2) {
        key = (await unlock(stored, password)).key;
        const { derivation } = stored.databaseKey;
        const sameCosts =
          derivation.memoryCost === parameters.memoryCost &&
          derivation.timeCost === parameters.timeCost &&
          derivation.parallelism === parameters.parallelism;
        // The same password under today's costs: the sealed key stays as it is (one derivation
        // per sign-in, not two); only what the server said of the account is kept anew.
        if (key !== undefined && sameCosts) {
          await write(account.login, {
            ...stored,
            account,
            serverUrl,
            lastOnlineSignInAt: now.toISOString(),
            failedAttempts: 0,
            lastFailureAt: null,
          });
          return { generation: stored.databaseKey.generation, key, startedAfresh: false };
        }
        if (key === undefined && previousPassword !== undefined)
          key = await openWithPassword(stored, previousPassword);
      }
      return seal({ account, serverUrl, lastOnlineSignInAt: now.toISOString() }, password, stored, key);
    },
    checkOffline: async (login, password, now) => {
      const stored = await read(login);
      if (!stored) return { kind: 'unknown' };
      const lock = offlineLockout(stored.failedAttempts, stored.lastFailureAt, now);
      if (lock.locked) return { kind: 'locked', retryAfterSeconds: lock.retryAfterSeconds };
      const unlocked = await unlock(stored, password);
      if (!unlocked.matches || (stored.formatVersion === 2 && unlocked.key === undefined)) {
        await write(login, {
          ...stored,
          failedAttempts: stored.failedAttempts + 1,
          lastFailureAt: now.toISOString(),
        });
        return { kind: 'wrongPassword' };
      }
      // Format 1 had no database key: its database was not sealed, and is from now on.
      const databaseKey =
        stored.formatVersion === 1 || unlocked.key === undefined
          ? await seal(stored, password, undefined, undefined)
          : { generation: stored.databaseKey.generation, key: unlocked.key, startedAfresh: false };
      if (stored.formatVersion === 2 && stored.failedAttempts > 0)
        await write(login, { ...stored, failedAttempts: 0, lastFailureAt: null });
      return { kind: 'verified', account: stored.account, serverUrl: stored.serverUrl, databaseKey };
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
      if (!(await unlock(stored, password)).matches) return;
      if (stored.formatVersion === 1) await rm(pathOf(login), { force: true });
      else await write(login, { ...stored, check: null });
    },
  };

  /** The database key sealed under `password`, whether or not the verifier still accepts it. */
  async function openWithPassword(stored: LocalAccount, password: string): Promise<Uint8Array | undefined> {
    const derived = await derive(password, stored.databaseKey.derivation);
    return openKey(stored.databaseKey, derived.keyEncryptingKey, stored.account.login);
  }
}
