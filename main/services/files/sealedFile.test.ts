import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolders } from '../../../tests/support/tempFolders';
import { createPhotoStore } from '../photoStore';
import { UserFacingError } from '../userFacingError';
import { sealedHeaderBytes, sealedMagic } from './sealedFile';
import { createSealedFiles } from './sealedFiles';

const fresh = tempFolders('hocba-sealed-');

const marker = 'ẢNH-CỦA-HỌC-SINH-0112345678';
const jpegWith = (text: string) =>
  Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.from(text, 'utf8'), Buffer.from([0xff, 0xd9])]);
const pdfWith = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`, 'utf8');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const tampered =
  /^Tệp (ảnh học sinh|học bạ|học bạ lưu phiên bản trước) trên máy này đã bị thay đổi hoặc hỏng/;

/** The error a read ends with (undefined when it did not fail). */
async function failureOf(read: Promise<unknown>): Promise<Error | undefined> {
  return read.then(
    () => undefined,
    (error: unknown) => error as Error,
  );
}

async function desktop() {
  const dataDir = await fresh();
  const files = createSealedFiles({ dataDir, key: randomBytes(32) });
  return { dataDir, files, photos: createPhotoStore(dataDir, 64 * 1024, files) };
}

describe('sealed files of the data folder (issue 11, point 4)', () => {
  it('keeps no plaintext on disk: neither a photo’s marker nor a record’s %PDF header', async () => {
    const { dataDir, files, photos } = await desktop();
    const { photoId } = await photos.save(jpegWith(marker));
    const photoRaw = await readFile(join(dataDir, 'photos', `${photoId}.jpg`));
    expect(photoRaw.subarray(0, sealedMagic.length).equals(sealedMagic)).toBe(true);
    expect(photoRaw.includes(Buffer.from(marker, 'utf8'))).toBe(false);
    expect(Buffer.from(await photos.read(photoId)).equals(jpegWith(marker))).toBe(true);

    const record = join(dataDir, 'records', '2025-2026', '0112345678.pdf');
    await files.write(record, pdfWith(marker));
    const recordRaw = await readFile(record);
    expect(recordRaw.includes(Buffer.from('%PDF'))).toBe(false);
    expect(recordRaw.includes(Buffer.from(marker, 'utf8'))).toBe(false);
    expect((await files.read(record)).equals(pdfWith(marker))).toBe(true);
  });

  it('refuses a flipped byte anywhere, a cut-short file and a header claiming a huge length, in Vietnamese', async () => {
    const { dataDir, files } = await desktop();
    const path = join(dataDir, 'records', '2025-2026', '0112345678.pdf');
    await files.write(path, pdfWith(marker));
    const original = await readFile(path);
    const refused = async (bytes: Buffer) => {
      await writeFile(path, bytes);
      const error = await failureOf(files.read(path));
      expect(error).toBeInstanceOf(UserFacingError);
      expect(error?.message).toMatch(tampered);
      expect(error?.message).toContain('khôi phục dữ liệu từ bản sao lưu');
    };
    // The magic, the role, the nonce, the length, the ciphertext and the tag.
    for (const at of [
      3,
      sealedMagic.length,
      sealedMagic.length + 4,
      sealedHeaderBytes - 1,
      sealedHeaderBytes + 2,
    ])
      await refused(Buffer.from(original.map((byte, index) => (index === at ? byte ^ 0x01 : byte))));
    await refused(
      Buffer.from(original.map((byte, index) => (index === original.length - 1 ? byte ^ 0x80 : byte))),
    );
    for (const length of [original.length - 1, sealedHeaderBytes + 3, sealedMagic.length, 4, 0])
      await refused(original.subarray(0, length));
    await refused(Buffer.concat([original, Buffer.from('thêm')]));
    const huge = Buffer.from(original);
    huge.writeUInt32BE(0xffff_fff0, sealedHeaderBytes - 4);
    await refused(huge);
    // Put back, it opens again: nothing was replaced along the way.
    await writeFile(path, original);
    expect((await files.read(path)).equals(pdfWith(marker))).toBe(true);
  });

  it('refuses a sealed file copied to another record id, another version, or another student’s photo', async () => {
    const { dataDir, files, photos } = await desktop();
    const year = join(dataDir, 'records', '2025-2026');
    const mine = join(year, '0112345678.pdf');
    await files.write(mine, pdfWith('học bạ của em An'));
    const theirs = join(year, '0187654321.pdf');
    await writeFile(theirs, await readFile(mine));
    expect((await failureOf(files.read(theirs)))?.message).toMatch(tampered);
    const archived = join(year, 'versions', '0112345678.v1.pdf');
    await mkdir(join(year, 'versions'), { recursive: true });
    await writeFile(archived, await readFile(mine));
    expect((await failureOf(files.read(archived)))?.message).toMatch(/^Tệp học bạ lưu phiên bản trước/);
    expect((await files.read(mine)).toString()).toContain('em An');

    const first = await photos.save(jpegWith('em An'));
    const second = await photos.save(jpegWith('em Bình'));
    await writeFile(
      join(dataDir, 'photos', `${second.photoId}.jpg`),
      await readFile(join(dataDir, 'photos', `${first.photoId}.jpg`)),
    );
    expect((await failureOf(photos.read(second.photoId)))?.message).toMatch(/^Tệp ảnh học sinh trên máy này/);
    expect(Buffer.from(await photos.read(first.photoId)).equals(jpegWith('em An'))).toBe(true);
  });

  it('refuses a file sealed under another desktop’s key, and nothing is written over it', async () => {
    const a = await desktop();
    const b = await desktop();
    const { photoId } = await a.photos.save(jpegWith(marker));
    const raw = await readFile(join(a.dataDir, 'photos', `${photoId}.jpg`));
    await mkdir(join(b.dataDir, 'photos'), { recursive: true });
    await writeFile(join(b.dataDir, 'photos', `${photoId}.jpg`), raw);
    expect((await failureOf(b.photos.read(photoId)))?.message).toMatch(tampered);
    expect((await readFile(join(b.dataDir, 'photos', `${photoId}.jpg`))).equals(raw)).toBe(true);
  });

  it('refuses a file too large to be a photo or a học bạ before reading it', async () => {
    const { dataDir, files } = await desktop();
    const path = join(dataDir, 'records', '2025-2026', '0112345678.pdf');
    await mkdir(join(path, '..'), { recursive: true });
    // Sparse: 65 MiB on paper, nothing written.
    await writeFile(path, '');
    const { truncate } = await import('node:fs/promises');
    await truncate(path, 65 * 1024 * 1024 + 100);
    expect((await failureOf(files.read(path)))?.message).toMatch(/^Tệp học bạ trên máy này lớn bất thường/);
  });

  it('reads a file an earlier build wrote in the clear, and seals it in place', async () => {
    const { dataDir, photos } = await desktop();
    const jpeg = jpegWith(marker);
    const photoId = sha256(jpeg);
    await mkdir(join(dataDir, 'photos'), { recursive: true });
    await writeFile(join(dataDir, 'photos', `${photoId}.jpg`), jpeg);
    expect(Buffer.from(await photos.read(photoId)).equals(jpeg)).toBe(true);
    const after = await readFile(join(dataDir, 'photos', `${photoId}.jpg`));
    expect(after.subarray(0, sealedMagic.length).equals(sealedMagic)).toBe(true);
    expect(after.includes(Buffer.from(marker, 'utf8'))).toBe(false);
    expect(Buffer.from(await photos.read(photoId)).equals(jpeg)).toBe(true);
  });

  it('seals every plain file at startup, leaves sealed ones and refuses what is neither', async () => {
    const { dataDir, files } = await desktop();
    const year = join(dataDir, 'records', '2025-2026');
    await mkdir(join(year, 'versions'), { recursive: true });
    await writeFile(join(year, '0112345678.pdf'), pdfWith('hiện hành'));
    await writeFile(join(year, 'versions', '0112345678.v1.pdf'), pdfWith('phiên bản 1'));
    await files.write(join(year, '0187654321.pdf'), pdfWith('đã niêm phong'));
    const sealedBefore = await readFile(join(year, '0187654321.pdf'));
    // Neither a PDF nor sealed: not taken for an earlier build's file, left for the user to see.
    await writeFile(join(year, '0199999999.pdf'), 'rác');
    await expect(files.sealLegacyFiles()).resolves.toEqual({ sealed: 2, refused: 1 });
    for (const name of ['0112345678.pdf', join('versions', '0112345678.v1.pdf')]) {
      const raw = await readFile(join(year, name));
      expect(raw.includes(Buffer.from('%PDF')), name).toBe(false);
    }
    expect((await files.read(join(year, 'versions', '0112345678.v1.pdf'))).toString()).toContain(
      'phiên bản 1',
    );
    expect((await readFile(join(year, '0187654321.pdf'))).equals(sealedBefore)).toBe(true);
    expect((await readFile(join(year, '0199999999.pdf'))).toString()).toBe('rác');
    await expect(files.sealLegacyFiles()).resolves.toEqual({ sealed: 0, refused: 1 });
  });

  it('refuses every read and write while the data key is locked, and paths outside the sealed folders', async () => {
    const dataDir = await fresh();
    const locked = createSealedFiles({ dataDir, key: undefined });
    const path = join(dataDir, 'records', '2025-2026', '0112345678.pdf');
    await expect(locked.write(path, pdfWith('x'))).rejects.toThrow(/Chưa mở được khóa bảo vệ dữ liệu/);
    await expect(locked.read(path)).rejects.toThrow(/Chưa mở được khóa bảo vệ dữ liệu/);
    const open = createSealedFiles({ dataDir, key: randomBytes(32) });
    await expect(open.write(join(dataDir, 'settings.json'), pdfWith('x'))).rejects.toThrow(
      /ngoài thư mục dữ liệu/,
    );
    await expect(open.read(join(dataDir, '..', 'photos', 'x.jpg'))).rejects.toThrow(/ngoài thư mục dữ liệu/);
  });
});
