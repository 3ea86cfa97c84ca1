import { describe, expect, it } from 'vitest';
import { createPasswordHasher, productionArgon2Params } from './passwords';

describe('password hashing', () => {
  it('is argon2id with the OWASP parameters in production, and verifies only the right password', async () => {
    expect(productionArgon2Params).toEqual({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const hasher = await createPasswordHasher(productionArgon2Params);
    const started = performance.now();
    const hash = await hasher.hash('mot mat khau dai du');
    const hashMs = performance.now() - started;
    expect(hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    expect(await hasher.verify(hash, 'mot mat khau dai du')).toBe(true);
    expect(await hasher.verify(hash, 'mot mat khau khac')).toBe(false);
    expect(await hasher.verify('not a hash', 'x')).toBe(false);
    // The cost is real (not a no-op), yet far below a sign-in's patience.
    expect(hashMs).toBeGreaterThan(2);
    expect(hashMs).toBeLessThan(2000);
  });
});
