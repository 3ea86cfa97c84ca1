import { createDecipheriv } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { EntryParser, type ParsedEntry } from './backupEntries';
import {
  backupHeaderSchema,
  backupMagic,
  deriveKey,
  headerDigest,
  maxHeaderBytes,
  segmentNonce,
  segmentPlainBytes,
  tagBytes,
  type BackupHeader,
} from './backupFormat';
import { backupStrings } from './backupStrings';

/** Why a backup cannot be read, in words for the user. */
export class BackupRefused extends Error {}

async function readExactly(file: FileHandle, position: number, length: number): Promise<Buffer | undefined> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return bytesRead === length ? buffer : bytesRead === 0 ? undefined : buffer.subarray(0, bytesRead);
}

/** The header of a backup file, read and checked without the passphrase. */
export async function readBackupHeader(path: string): Promise<BackupHeader> {
  const file = await open(path, 'r');
  try {
    return (await readHeader(file)).header;
  } finally {
    await file.close();
  }
}

async function readHeader(file: FileHandle): Promise<{ header: BackupHeader; bytes: Buffer; end: number }> {
  const start = await readExactly(file, 0, backupMagic.length + 4);
  if (!start || start.length < backupMagic.length + 4 || !start.subarray(0, 8).equals(backupMagic))
    throw new BackupRefused(backupStrings.notABackup);
  const length = start.readUInt32BE(backupMagic.length);
  if (length > maxHeaderBytes) throw new BackupRefused(backupStrings.notABackup);
  const bytes = await readExactly(file, start.length, length);
  if (bytes?.length !== length) throw new BackupRefused(backupStrings.truncated);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new BackupRefused(backupStrings.notABackup);
  }
  const version: unknown =
    typeof json === 'object' && json !== null ? Reflect.get(json, 'version') : undefined;
  if (typeof version === 'number' && version > 1) throw new BackupRefused(backupStrings.newerFormat);
  const parsed = backupHeaderSchema.safeParse(json);
  if (!parsed.success) throw new BackupRefused(backupStrings.notABackup);
  return { header: parsed.data, bytes, end: start.length + length };
}

/**
 * Reads a backup through, segment by segment: each is authenticated before its bytes are used,
 * the last one must say it is last (nothing cut off) and the entries must end with it. Each entry
 * is handed to `onEntry` as soon as it is whole. A wrong passphrase and a changed byte look the
 * same (the tag fails) and are refused with the same words.
 */
export async function readBackup(
  path: string,
  passphrase: string,
  onEntry: (entry: ParsedEntry) => Promise<void> | void,
): Promise<BackupHeader> {
  const file = await open(path, 'r');
  try {
    const { header, bytes, end } = await readHeader(file);
    const key = await deriveKey(passphrase, header.kdf);
    const prefix = Buffer.from(header.noncePrefix, 'base64');
    const aad = headerDigest(bytes);
    const parser = new EntryParser(onEntry, () => new BackupRefused(backupStrings.tooLarge));
    const maxSealed = segmentPlainBytes + tagBytes;
    const readSegment = async (position: number) => {
      const length = await readExactly(file, position, 4);
      if (!length) return undefined;
      if (length.length < 4) throw new BackupRefused(backupStrings.truncated);
      const size = length.readUInt32BE(0);
      if (size < tagBytes || size > maxSealed) throw new BackupRefused(backupStrings.damaged);
      const sealed = await readExactly(file, position + 4, size);
      if (sealed?.length !== size) throw new BackupRefused(backupStrings.truncated);
      return { sealed, next: position + 4 + size };
    };
    let current = await readSegment(end);
    if (!current) throw new BackupRefused(backupStrings.truncated);
    for (let index = 0; current; index += 1) {
      const following = await readSegment(current.next);
      const last = following === undefined;
      const decipher = createDecipheriv('aes-256-gcm', key, segmentNonce(prefix, index, last));
      decipher.setAAD(aad);
      decipher.setAuthTag(current.sealed.subarray(current.sealed.length - tagBytes));
      let plain: Buffer;
      try {
        plain = Buffer.concat([
          decipher.update(current.sealed.subarray(0, current.sealed.length - tagBytes)),
          decipher.final(),
        ]);
      } catch {
        throw new BackupRefused(
          index === 0
            ? backupStrings.wrongPassphraseOrDamaged
            : last
              ? backupStrings.truncated
              : backupStrings.damaged,
        );
      }
      await parser.push(plain);
      current = following;
    }
    if (!parser.atBoundary) throw new BackupRefused(backupStrings.truncated);
    return header;
  } finally {
    await file.close();
  }
}
