import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountWire } from '../../../shared/auth/authWire';
import type { SchoolId, UserId } from '../../../shared/domain/ids';
import { createLocalAccounts, type LocalAccounts } from './localAccounts';

const account: AccountWire = {
  userId: 'user:ha.nguyen' as UserId,
  login: 'ha.nguyen',
  fullName: 'Nguyễn Thị Thu Hà',
  role: 'principal',
  schoolId: 'school:01234567' as SchoolId,
  schoolName: 'Trường Tiểu học Kim Liên',
  assignments: [],
  mustChangePassword: false,
};
const password = 'mật khẩu đủ dài 2026';
const at = new Date('2026-12-05T08:00:00.000Z');
const fileOf = (dataDir: string, login: string) =>
  join(dataDir, 'accounts', `${createHash('sha256').update(login).digest('hex')}.json`);

describe('local accounts: offline sign-in after one online', () => {
  let dataDir: string;
  let accounts: LocalAccounts;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hocba-accounts-'));
    // The shipped parameters (64 MiB, 3 passes): a test of the real cost, not a weakened one.
    accounts = createLocalAccounts({ dataDir });
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('knows no one before an online sign-in', async () => {
    expect(await accounts.any()).toBe(false);
    expect(await accounts.checkOffline('ha.nguyen', password, at)).toEqual({ kind: 'unknown' });
  });

  it('keeps an argon2id verifier, never the password, under a file name that does not say who', async () => {
    await accounts.remember(account, 'https://so.example.vn', password, at);
    const [name, ...others] = await readdir(join(dataDir, 'accounts'));
    expect(others).toEqual([]);
    expect(name).toMatch(/^[0-9a-f]{64}\.json$/);
    const text = await readFile(join(dataDir, 'accounts', name ?? ''), 'utf8');
    expect(text).not.toContain(password);
    expect(text).toContain('$argon2id$v=19$m=65536,t=3,p=1$');
    expect(await accounts.checkOffline('ha.nguyen', password, at)).toEqual({
      kind: 'verified',
      account,
      serverUrl: 'https://so.example.vn',
    });
  });

  it('refuses a wrong password and locks after five in a row, even with the right one', async () => {
    await accounts.remember(account, 'https://so.example.vn', password, at);
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect(await accounts.checkOffline('ha.nguyen', `${password}x`, at)).toEqual({ kind: 'wrongPassword' });
    expect(await accounts.checkOffline('ha.nguyen', password, at)).toEqual({
      kind: 'locked',
      retryAfterSeconds: 300,
    });
    const afterLock = new Date(at.getTime() + 301_000);
    expect((await accounts.checkOffline('ha.nguyen', password, afterLock)).kind).toBe('verified');
    // A success clears the count: the next mistake is the first again.
    expect(await accounts.checkOffline('ha.nguyen', 'sai', afterLock)).toEqual({ kind: 'wrongPassword' });
    expect((await accounts.checkOffline('ha.nguyen', password, afterLock)).kind).toBe('verified');
  });

  it("does not let one person's file stand in for another's", async () => {
    const other: AccountWire = { ...account, userId: 'user:binh.tran' as UserId, login: 'binh.tran' };
    await accounts.remember(account, 'https://so.example.vn', password, at);
    await accounts.remember(other, 'https://so.example.vn', 'mật khẩu của Bình 2026', at);
    // Hà's file copied over Bình's: Bình's login now finds an account that is not Bình's.
    await copyFile(fileOf(dataDir, 'ha.nguyen'), fileOf(dataDir, 'binh.tran'));
    expect(await accounts.checkOffline('binh.tran', password, at)).toEqual({ kind: 'unknown' });
  });

  it('reads a damaged file as no account, and forgets on request', async () => {
    await accounts.remember(account, 'https://so.example.vn', password, at);
    const [name] = await readdir(join(dataDir, 'accounts'));
    await writeFile(join(dataDir, 'accounts', name ?? ''), '{"formatVersion":1,');
    expect(await accounts.checkOffline('ha.nguyen', password, at)).toEqual({ kind: 'unknown' });
    await accounts.remember(account, 'https://so.example.vn', password, at);
    await accounts.forget('ha.nguyen');
    expect(await accounts.knows('ha.nguyen')).toBe(false);
  });
});
