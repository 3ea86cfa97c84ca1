import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateDeviceId } from './deviceIdentity';
import { createSealedFiles } from './files/sealedFiles';
import { createPhotoStore } from './photoStore';

const jpeg = (body: number[]) => Uint8Array.from([0xff, 0xd8, ...body, 0xff, 0xd9]);

describe('photo store and device identity', () => {
  let dir: string;
  let files: ReturnType<typeof createSealedFiles>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hocba-photos-'));
    files = createSealedFiles({ dataDir: dir, key: randomBytes(32) });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stores a JPEG under its SHA-256 and reads it back', async () => {
    const store = createPhotoStore(dir, 1024, files);
    const saved = await store.save(jpeg([1, 2, 3]));
    expect(saved.photoId).toMatch(/^[0-9a-f]{64}$/);
    expect(Array.from(await store.read(saved.photoId))).toEqual(Array.from(jpeg([1, 2, 3])));
    await expect(store.save(jpeg([1, 2, 3]))).resolves.toEqual(saved);
  });

  it('refuses what is not a JPEG, or too large, in Vietnamese', async () => {
    const store = createPhotoStore(dir, 16, files);
    await expect(store.save(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).rejects.toThrow(
      'Ảnh phải là tệp JPEG',
    );
    await expect(store.save(jpeg(new Array<number>(40).fill(7)))).rejects.toThrow('Ảnh quá lớn');
  });

  it('refuses a photo whose file was altered on disk', async () => {
    const store = createPhotoStore(dir, 1024, files);
    const { photoId } = await store.save(jpeg([9, 9]));
    await writeFile(join(dir, 'photos', `${photoId}.jpg`), jpeg([9, 8]));
    await expect(store.read(photoId)).rejects.toThrow('Không tìm thấy ảnh');
  });

  it('keeps one device id per data folder', async () => {
    const first = await loadOrCreateDeviceId(dir);
    expect(first).toMatch(/^device-[0-9a-f-]{36}$/);
    await expect(loadOrCreateDeviceId(dir)).resolves.toBe(first);
    const other = await mkdtemp(join(tmpdir(), 'hocba-device-'));
    await expect(loadOrCreateDeviceId(other)).resolves.not.toBe(first);
    await rm(other, { recursive: true, force: true });
  });
});
