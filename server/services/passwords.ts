import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

/** argon2id cost: memory in KiB, iterations, lanes. */
export type Argon2Params = {
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
};

/**
 * OWASP Password Storage Cheat Sheet, argon2id: m=19 MiB, t=2, p=1. Measured on this project's
 * 2-core CI machine: about 21 ms per hash, 13 ms per verification (server/README.md).
 */
export const productionArgon2Params: Argon2Params = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export type PasswordHasher = {
  readonly hash: (password: string) => Promise<string>;
  readonly verify: (passwordHash: string, password: string) => Promise<boolean>;
  /** Spends a verification's time on no account (unknown login), so timing does not tell logins apart. */
  readonly verifyDummy: (password: string) => Promise<void>;
};

export async function createPasswordHasher(params: Argon2Params): Promise<PasswordHasher> {
  // Algorithm.Argon2id; the package's const enum cannot be imported under verbatimModuleSyntax.
  const options = { algorithm: 2, ...params };
  const dummyHash = await hash(randomBytes(32).toString('base64url'), options);
  const safeVerify = async (passwordHash: string, password: string): Promise<boolean> => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  };
  return {
    hash: (password) => hash(password, options),
    verify: safeVerify,
    verifyDummy: async (password) => {
      await safeVerify(dummyHash, password);
    },
  };
}
