import { createHash, scrypt as scryptCallback } from 'node:crypto';
import { z } from 'zod';

/**
 * The backup file (`.hocbak`): `HOCBABK1`, a header (its length as 4 bytes big-endian, then
 * JSON), then segments, each its length (4 bytes) and AES-256-GCM ciphertext with its 16-byte tag.
 * The key comes from the passphrase by scrypt (memory-hard) with the header's salt. Each segment's
 * nonce is the header's 7-byte prefix, the segment's number (4 bytes) and a last-segment flag, and
 * its additional data is the SHA-256 of the header: segments cannot be reordered, dropped, cut
 * short or moved to another backup, and the header cannot be changed, without the tag failing
 * (the STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár).
 */
export const backupMagic = Buffer.from('HOCBABK1', 'ascii');
export const backupExtension = '.hocbak';
export const segmentPlainBytes = 1024 * 1024;
export const tagBytes = 16;
export const maxHeaderBytes = 16 * 1024;
/** The scrypt cost written by this version: 128 MiB of memory, about half a second here. */
export const defaultScrypt = { N: 2 ** 17, r: 8, p: 1 } as const;
export const minimumPassphraseLength = 10;

const base64 = z.string().regex(/^[A-Za-z0-9+/]+=*$/);

/**
 * scrypt's parameters as a file states them, bounded so a forged file cannot make the reader
 * spend gigabytes or minutes (a backup's header, a key file wrapped with a passphrase).
 */
export function scryptKdfSchema(maxN: number) {
  return z.object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(maxN),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
    salt: base64.max(64),
  });
}

export const backupHeaderSchema = z.object({
  format: z.literal('hocba.backup'),
  version: z.literal(1),
  createdAt: z.string().max(40),
  appVersion: z.string().max(40),
  school: z.object({ code: z.string().max(40), name: z.string().max(200) }),
  kdf: scryptKdfSchema(2 ** 20),
  cipher: z.literal('aes-256-gcm'),
  noncePrefix: base64.max(16),
  segmentBytes: z.literal(segmentPlainBytes),
});
export type BackupHeader = z.output<typeof backupHeaderSchema>;

export function headerDigest(headerBytes: Uint8Array): Buffer {
  return createHash('sha256').update(headerBytes).digest();
}

export function segmentNonce(prefix: Buffer, index: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0, 0, 7);
  nonce.writeUInt32BE(index, 7);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

export function deriveKey(passphrase: string, kdf: BackupHeader['kdf']): Promise<Buffer> {
  const salt = Buffer.from(kdf.salt, 'base64');
  return new Promise((resolve, reject) =>
    scryptCallback(
      passphrase.normalize('NFC'),
      salt,
      32,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}
