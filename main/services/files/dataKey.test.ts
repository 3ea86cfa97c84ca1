import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolders } from '../../../tests/support/tempFolders';
import { osKeyStore } from '../../../tests/support/osKeyStore';
import { createMainRuntime } from '../../mainRuntime';
import { createLogger, memoryLogSink } from '../logger';
import { dataKeyFileName, loadDataKey } from './dataKey';
import { createSealedFiles } from './sealedFiles';

/** The cheapest cost the key file accepts: these tests check the rules, not the key's strength. */
const scrypt = { N: 2 ** 14, r: 8, p: 1 };
const passphrase = 'cụm mật khẩu của máy trường Hòa Bình';
const fresh = tempFolders('hocba-data-key-');
const keyPath = (dataDir: string) => join(dataDir, 'keys', dataKeyFileName);
const pdf = Buffer.from('%PDF-1.7\n% học bạ\n%%EOF\n');
const recordPath = (dataDir: string) => join(dataDir, 'records', '2025-2026', '0112345678.pdf');

/** A data folder with one record sealed under a fresh key kept as `options` say. */
async function desktopWith(options: Omit<Parameters<typeof loadDataKey>[0], 'dataDir'>) {
  const dataDir = await fresh();
  const state = await loadDataKey({ dataDir, scrypt, ...options });
  if (state.status !== 'ok') throw new Error(state.reason);
  await createSealedFiles({ dataDir, key: state.key }).write(recordPath(dataDir), pdf);
  return { dataDir, state, keyFile: await readFile(keyPath(dataDir)) };
}

describe('the desktop’s data key (issue 11, point 4)', () => {
  it('without the OS key store, is wrapped by the passphrase: never in the clear, and the same key next time', async () => {
    const { dataDir, state, keyFile } = await desktopWith({ passphrase });
    expect(state).toMatchObject({ status: 'ok', protection: 'passphrase', created: true });
    const text = keyFile.toString('utf8');
    expect(text).toContain('"protection":"passphrase"');
    for (const encoding of ['base64', 'hex'] as const)
      expect(text).not.toContain(Buffer.from(state.key).toString(encoding));
    const again = await loadDataKey({ dataDir, passphrase, scrypt });
    expect(again).toMatchObject({ status: 'ok', protection: 'passphrase', created: false });
    expect(again.status === 'ok' && Buffer.from(again.key).equals(Buffer.from(state.key))).toBe(true);
  });

  it('stays shut under a wrong or missing passphrase, and neither the key file nor the data is touched', async () => {
    const { dataDir, keyFile } = await desktopWith({ passphrase });
    const sealed = await readFile(recordPath(dataDir));
    await expect(loadDataKey({ dataDir, passphrase: 'không phải cụm này', scrypt })).resolves.toEqual({
      status: 'locked',
      reason: 'wrongPassphrase',
    });
    await expect(loadDataKey({ dataDir, scrypt })).resolves.toEqual({
      status: 'locked',
      reason: 'passphraseNeeded',
    });
    expect((await readFile(keyPath(dataDir))).equals(keyFile)).toBe(true);
    expect((await readFile(recordPath(dataDir))).equals(sealed)).toBe(true);
    expect(await readdir(join(dataDir, 'keys'))).toEqual([dataKeyFileName]);
    // The right passphrase still opens the data.
    const opened = await loadDataKey({ dataDir, passphrase, scrypt });
    if (opened.status !== 'ok') throw new Error(opened.reason);
    expect(
      (await createSealedFiles({ dataDir, key: opened.key }).read(recordPath(dataDir))).equals(pdf),
    ).toBe(true);
  });

  it('is sealed by the OS key store when there is one, and moves there from a passphrase once it appears', async () => {
    const os = osKeyStore();
    const sealedByOs = await desktopWith({ protection: os.protection, passphrase });
    expect(sealedByOs.state.protection).toBe('osKeyStore');
    expect(sealedByOs.keyFile.toString()).toContain('"protection":"safeStorage"');
    os.down();
    await expect(
      loadDataKey({ dataDir: sealedByOs.dataDir, protection: os.protection, passphrase, scrypt }),
    ).resolves.toEqual({ status: 'locked', reason: 'keyStoreUnavailable' });

    const later = osKeyStore();
    const { dataDir, state } = await desktopWith({ passphrase });
    const moved = await loadDataKey({ dataDir, protection: later.protection, passphrase, scrypt });
    expect(moved).toMatchObject({ status: 'ok', protection: 'osKeyStore', created: false });
    expect(moved.status === 'ok' && Buffer.from(moved.key).equals(Buffer.from(state.key))).toBe(true);
    expect((await readFile(keyPath(dataDir), 'utf8')).includes('"protection":"safeStorage"')).toBe(true);
  });

  it('with neither, is kept by file permissions only, and says so', async () => {
    const { dataDir, state, keyFile } = await desktopWith({});
    expect(state.protection).toBe('filePermissions');
    expect(keyFile.toString()).toContain('"protection":"file"');
    if (process.platform !== 'win32') {
      const { stat } = await import('node:fs/promises');
      expect((await stat(keyPath(dataDir))).mode & 0o777).toBe(0o600);
    }
    // A passphrase given later wraps it.
    await expect(loadDataKey({ dataDir, passphrase, scrypt })).resolves.toMatchObject({
      status: 'ok',
      protection: 'passphrase',
    });
  });

  it('never makes a new key that would orphan sealed files: a damaged or deleted key file locks them', async () => {
    const { dataDir } = await desktopWith({ passphrase });
    const sealed = await readFile(recordPath(dataDir));
    await writeFile(keyPath(dataDir), '{"format":1,"protection":"passphrase","key":"hỏng"}');
    await expect(loadDataKey({ dataDir, passphrase, scrypt })).resolves.toEqual({
      status: 'locked',
      reason: 'damaged',
    });
    expect(await readFile(keyPath(dataDir), 'utf8')).toContain('hỏng');
    await rm(keyPath(dataDir));
    await expect(loadDataKey({ dataDir, passphrase, scrypt })).resolves.toEqual({
      status: 'locked',
      reason: 'missing',
    });
    await expect(readdir(join(dataDir, 'keys'))).resolves.toEqual([]);
    expect((await readFile(recordPath(dataDir))).equals(sealed)).toBe(true);
  });

  it('refuses a key file asking for an absurd scrypt cost at once', async () => {
    const { dataDir } = await desktopWith({ passphrase });
    const body = JSON.parse(await readFile(keyPath(dataDir), 'utf8')) as { kdf: { N: number } };
    body.kdf.N = 2 ** 30;
    await writeFile(keyPath(dataDir), JSON.stringify(body));
    const started = performance.now();
    await expect(loadDataKey({ dataDir, passphrase, scrypt })).resolves.toEqual({
      status: 'locked',
      reason: 'damaged',
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('replaces a damaged key file when no file is sealed under it, keeping the old one aside', async () => {
    const dataDir = await fresh();
    await mkdir(join(dataDir, 'keys'), { recursive: true });
    await writeFile(keyPath(dataDir), 'not json');
    await expect(loadDataKey({ dataDir, passphrase, scrypt })).resolves.toMatchObject({
      status: 'ok',
      created: true,
    });
    const names = await readdir(join(dataDir, 'keys'));
    expect(names).toContain(dataKeyFileName);
    expect(names.some((name) => name.startsWith(`${dataKeyFileName}.damaged-`))).toBe(true);
  });

  it('main reports how the data is protected, and a wrong passphrase locks the files with a clear error', async () => {
    const dataDir = await fresh();
    const facts = { name: 'Học bạ số', version: '0.0.0-test', platform: process.platform, dataDir } as const;
    const start = (dataPassphrase?: string) =>
      createMainRuntime({ ...facts, runtime: 'bridge' }, createLogger(memoryLogSink([]), 'debug'), {
        ...(dataPassphrase === undefined ? {} : { dataPassphrase }),
      });
    // The trial's database key comes from the data key: the same across restarts, none while locked.
    const trialKey = async (runtime: Awaited<ReturnType<typeof start>>) =>
      runtime.dispatch('session:databaseKey', { databaseName: 'hocba-dung-thu' });
    const first = await start(passphrase);
    expect(first.services.appInfo.info().dataProtection).toBe('passphrase');
    await first.files.write(recordPath(dataDir), pdf);
    const firstKey = await trialKey(first);
    expect(firstKey.ok).toBe(true);
    first.close();
    const wrong = await start('không phải cụm này');
    expect(wrong.services.appInfo.info().dataProtection).toBe('locked');
    await expect(wrong.files.read(recordPath(dataDir))).rejects.toThrow(/Chưa mở được khóa bảo vệ dữ liệu/);
    const lockedKey = await trialKey(wrong);
    expect(lockedKey.ok ? 'answered' : lockedKey.error.message).toMatch(/Chưa mở được khóa bảo vệ dữ liệu/);
    wrong.close();
    const right = await start(passphrase);
    expect((await right.files.read(recordPath(dataDir))).equals(pdf)).toBe(true);
    expect(await trialKey(right)).toEqual(firstKey);
    right.close();
    const unprotected = await start();
    expect(unprotected.services.appInfo.info().dataProtection).toBe('locked');
    unprotected.close();
  });
});
