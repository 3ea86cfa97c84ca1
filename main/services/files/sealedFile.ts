import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { UserFacingError } from '../userFacingError';
import { sealedFileStrings as strings } from './strings';

/**
 * A file of main's data folder sealed with the desktop's data key (AES-256-GCM):
 *
 *   magic `HBSEALF` · version 1 · role (1 byte) · nonce (12 bytes) · plaintext length (4 bytes,
 *   big-endian) · ciphertext · tag (16 bytes)
 *
 * The additional data is the header and the file's role and path relative to the data folder,
 * so a sealed photo cannot stand in for another student's photo, nor a record file be moved to
 * another record id or version, without the tag failing. A fresh random nonce per write: a file
 * is rewritten a handful of times, far from GCM's 2³² random-nonce bound per key.
 */
export type SealedFileRole = 'photo' | 'record' | 'recordVersion';

export const sealedMagic = Buffer.from('HBSEALF\x01', 'latin1');
const roleCodes: Record<SealedFileRole, number> = { photo: 1, record: 2, recordVersion: 3 };
const nonceBytes = 12;
const tagBytes = 16;
export const sealedHeaderBytes = sealedMagic.length + 1 + nonceBytes + 4;
export const sealedOverheadBytes = sealedHeaderBytes + tagBytes;
/** Larger than any photo or học bạ the app makes (a signed học bạ is well under 5 MB). */
export const maxSealedPlainBytes = 64 * 1024 * 1024;

/** What a file under main's data folder is, by its relative path (`photos/…`, `records/…`). */
export function sealedRoleOf(relativePath: string): SealedFileRole | undefined {
  const parts = relativePath.split('/');
  if (parts[0] === 'photos' && parts.length === 2) return 'photo';
  if (parts[0] !== 'records' || parts.length < 3) return undefined;
  return parts[parts.length - 2] === 'versions' ? 'recordVersion' : 'record';
}

/** How each role's plaintext begins: a file without the magic is taken as an earlier build's only then. */
const plainPrefixes: Record<SealedFileRole, Buffer> = {
  photo: Buffer.from([0xff, 0xd8]),
  record: Buffer.from('%PDF-', 'latin1'),
  recordVersion: Buffer.from('%PDF-', 'latin1'),
};

function additionalData(header: Buffer, role: SealedFileRole, relativePath: string): Buffer {
  return Buffer.concat([header, Buffer.from(`hocba.sealed-file.v1\0${role}\0${relativePath}`, 'utf8')]);
}

export function sealBytes(key: Uint8Array, relativePath: string, plain: Uint8Array): Buffer {
  const role = requireRole(relativePath);
  if (plain.length > maxSealedPlainBytes) throw new UserFacingError('failed', strings.tooLarge(role));
  const header = Buffer.alloc(sealedHeaderBytes);
  sealedMagic.copy(header, 0);
  header[sealedMagic.length] = roleCodes[role];
  const nonce = randomBytes(nonceBytes);
  nonce.copy(header, sealedMagic.length + 1);
  header.writeUInt32BE(plain.length, sealedMagic.length + 1 + nonceBytes);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(additionalData(header, role, relativePath));
  return Buffer.concat([header, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

export type OpenedBytes = {
  readonly plain: Buffer;
  /** Written by an earlier build in the clear: to be sealed in place. */
  readonly legacy: boolean;
};

/** Whether the bytes begin as a sealed file does (or as a cut-short one would). */
export function looksSealed(stored: Uint8Array): boolean {
  const head = Buffer.from(stored.buffer, stored.byteOffset, Math.min(stored.length, sealedMagic.length));
  return head.length > 0 && sealedMagic.subarray(0, head.length).equals(head);
}

/**
 * The plaintext of a stored file, or the Vietnamese error a tampered, damaged, foreign or moved
 * file gets. Plain bytes are accepted as an earlier build's file only when they begin as the
 * role's files do (a JPEG, a PDF).
 */
export function openBytes(key: Uint8Array, relativePath: string, stored: Uint8Array): OpenedBytes {
  const role = requireRole(relativePath);
  const bytes = Buffer.from(stored.buffer, stored.byteOffset, stored.length);
  if (!looksSealed(bytes)) {
    const prefix = plainPrefixes[role];
    if (bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix))
      return { plain: bytes, legacy: true };
    throw new UserFacingError('failed', strings.tampered(role));
  }
  if (bytes.length < sealedOverheadBytes) throw new UserFacingError('failed', strings.tampered(role));
  const header = bytes.subarray(0, sealedHeaderBytes);
  const length = header.readUInt32BE(sealedMagic.length + 1 + nonceBytes);
  // The stated length must be the file's: a header claiming more is refused before any work.
  if (header[sealedMagic.length] !== roleCodes[role] || length !== bytes.length - sealedOverheadBytes)
    throw new UserFacingError('failed', strings.tampered(role));
  const nonce = header.subarray(sealedMagic.length + 1, sealedMagic.length + 1 + nonceBytes);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(additionalData(Buffer.from(header), role, relativePath));
  decipher.setAuthTag(bytes.subarray(bytes.length - tagBytes));
  try {
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(sealedHeaderBytes, bytes.length - tagBytes)),
      decipher.final(),
    ]);
    return { plain, legacy: false };
  } catch {
    throw new UserFacingError('failed', strings.tampered(role));
  }
}

function requireRole(relativePath: string): SealedFileRole {
  const role = sealedRoleOf(relativePath);
  if (role === undefined) throw new UserFacingError('failed', strings.outsideDataFolder);
  return role;
}
