import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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

  it('keeps an argon2id verifier and the sealed database key, never the password or the key, under a file name that does not say who', async () => {
    const remembered = await accounts.remember(account, 'https://so.example.vn', password, at);
    expect(remembered).toMatchObject({ generation: 0, startedAfresh: false });
    expect(remembered.key).toHaveLength(32);
    const [name, ...others] = await readdir(join(dataDir, 'accounts'));
    expect(others).toEqual([]);
    expect(name).toMatch(/^[0-9a-f]{64}\.json$/);
    const text = await readFile(join(dataDir, 'accounts', name ?? ''), 'utf8');
    expect(text).not.toContain(password);
    expect(text).not.toContain(Buffer.from(remembered.key).toString('base64'));
    expect(text).not.toContain(Buffer.from(remembered.key).toString('hex'));
    expect(JSON.parse(text)).toMatchObject({
      formatVersion: 2,
      databaseKey: { derivation: { memoryCost: 65536, timeCost: 3, parallelism: 1 } },
    });
    expect(await accounts.checkOffline('ha.nguyen', password, at)).toEqual({
      kind: 'verified',
      account,
      serverUrl: 'https://so.example.vn',
      databaseKey: { generation: 0, key: remembered.key, startedAfresh: false },
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
    await writeFile(join(dataDir, 'accounts', name ?? ''), '{"formatVersion":2,');
    expect(await accounts.checkOffline('ha.nguyen', password, at)).toEqual({ kind: 'unknown' });
    await accounts.remember(account, 'https://so.example.vn', password, at);
    await accounts.forget('ha.nguyen');
    expect(await accounts.knows('ha.nguyen')).toBe(false);
  });
});

describe('the database key follows the password', () => {
  let dataDir: string;
  let accounts: LocalAccounts;
  const server = 'https://so.example.vn';
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hocba-keys-'));
    // Lighter costs: these tests are about which key comes back, not about argon2id's price.
    accounts = createLocalAccounts({
      dataDir,
      parameters: { memoryCost: 8 * 1024, timeCost: 1, parallelism: 1 },
    });
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });
  const keyOf = async (login: string, typed: string) => {
    const checked = await accounts.checkOffline(login, typed, at);
    if (checked.kind !== 'verified') throw new Error(`not verified: ${checked.kind}`);
    return checked.databaseKey;
  };

  it('stays the same key across online sign-ins with the same password', async () => {
    const first = await accounts.remember(account, server, password, at);
    const again = await accounts.remember(account, server, password, at);
    expect(again).toEqual({ generation: 0, key: first.key, startedAfresh: false });
    expect((await keyOf('ha.nguyen', password)).key).toEqual(first.key);
  });

  it('is sealed again under the new password when the password is changed here', async () => {
    const first = await accounts.remember(account, server, password, at);
    const changed = await accounts.remember(account, server, 'mật khẩu mới 2027', at, password);
    expect(changed).toEqual({ generation: 0, key: first.key, startedAfresh: false });
    expect(await accounts.checkOffline('ha.nguyen', password, at)).toEqual({ kind: 'wrongPassword' });
    expect((await keyOf('ha.nguyen', 'mật khẩu mới 2027')).key).toEqual(first.key);
  });

  it('starts a new database after a password changed elsewhere, keeping the earlier key sealed', async () => {
    const first = await accounts.remember(account, server, password, at);
    // The server refused the old password: it no longer signs in offline.
    await accounts.forgetIfOutdated('ha.nguyen', password);
    expect(await accounts.checkOffline('ha.nguyen', password, at)).toEqual({ kind: 'wrongPassword' });
    const fresh = await accounts.remember(account, server, 'đổi ở máy khác 2027', at);
    expect(fresh.generation).toBe(1);
    expect(fresh.startedAfresh).toBe(true);
    expect(fresh.key).not.toEqual(first.key);
    const stored = JSON.parse(await readFile(fileOf(dataDir, 'ha.nguyen'), 'utf8')) as {
      retiredKeys: { generation: number }[];
    };
    expect(stored.retiredKeys.map((retired) => retired.generation)).toEqual([0]);
    expect(await keyOf('ha.nguyen', 'đổi ở máy khác 2027')).toEqual({ ...fresh, startedAfresh: false });
  });

  it('seals the key of an account remembered by the earlier format (a verifier only) at its next sign-in', async () => {
    const { hash } = await import('@node-rs/argon2');
    await mkdir(join(dataDir, 'accounts'), { recursive: true });
    await writeFile(
      fileOf(dataDir, 'ha.nguyen'),
      JSON.stringify({
        formatVersion: 1,
        account,
        serverUrl: server,
        verifier: await hash(password, { memoryCost: 8 * 1024, timeCost: 1, parallelism: 1 }),
        failedAttempts: 0,
        lastFailureAt: null,
        lastOnlineSignInAt: at.toISOString(),
      }),
    );
    expect(await accounts.checkOffline('ha.nguyen', 'sai', at)).toEqual({ kind: 'wrongPassword' });
    const first = await keyOf('ha.nguyen', password);
    expect(first.generation).toBe(0);
    expect(JSON.parse(await readFile(fileOf(dataDir, 'ha.nguyen'), 'utf8'))).toMatchObject({
      formatVersion: 2,
    });
    expect((await keyOf('ha.nguyen', password)).key).toEqual(first.key);
  });

  it('refuses a file forged to make the derivation cost a terabyte, or with a key sealed for someone else', async () => {
    await accounts.remember(account, server, password, at);
    const stored = JSON.parse(await readFile(fileOf(dataDir, 'ha.nguyen'), 'utf8')) as {
      databaseKey: { derivation: { memoryCost: number } };
    };
    stored.databaseKey.derivation.memoryCost = 2 ** 30;
    await writeFile(fileOf(dataDir, 'ha.nguyen'), JSON.stringify(stored));
    expect(await accounts.checkOffline('ha.nguyen', password, at)).toEqual({ kind: 'unknown' });
    // Bình's sealed key put into Hà's own file: it was sealed for Bình, so it does not open for Hà.
    const other: AccountWire = { ...account, userId: 'user:binh.tran' as UserId, login: 'binh.tran' };
    await accounts.remember(account, server, password, at);
    await accounts.remember(other, server, password, at);
    const ha = JSON.parse(await readFile(fileOf(dataDir, 'ha.nguyen'), 'utf8')) as Record<string, unknown>;
    const binh = JSON.parse(await readFile(fileOf(dataDir, 'binh.tran'), 'utf8')) as Record<string, unknown>;
    await writeFile(
      fileOf(dataDir, 'ha.nguyen'),
      JSON.stringify({ ...ha, databaseKey: binh.databaseKey, check: binh.check }),
    );
    expect(await accounts.checkOffline('ha.nguyen', password, at)).toEqual({ kind: 'wrongPassword' });
  });
});
