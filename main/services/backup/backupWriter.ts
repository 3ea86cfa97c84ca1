import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { entryPrefix } from './backupEntries';
import {
  backupMagic,
  defaultScrypt,
  deriveKey,
  headerDigest,
  segmentNonce,
  segmentPlainBytes,
  type BackupHeader,
} from './backupFormat';

export type ManifestEntry = { readonly path: string; readonly size: number; readonly sha256: string };

/**
 * Writes a backup file as it goes: entries are cut into 1 MiB segments, each sealed as soon as
 * it is full, so a school's photos and signed PDFs never have to fit in memory at once. The file
 * is readable by its owner only.
 */
export class BackupWriter {
  private plain: Buffer[] = [];
  private plainBytes = 0;
  private index = 0;
  private readonly entries: ManifestEntry[] = [];

  private constructor(
    private readonly file: FileHandle,
    private readonly key: Buffer,
    private readonly prefix: Buffer,
    private readonly aad: Buffer,
  ) {}

  static async create(
    path: string,
    passphrase: string,
    about: Pick<BackupHeader, 'createdAt' | 'appVersion' | 'school'>,
    scrypt: { N: number; r: number; p: number } = defaultScrypt,
  ): Promise<BackupWriter> {
    const header: BackupHeader = {
      format: 'hocba.backup',
      version: 1,
      ...about,
      kdf: { name: 'scrypt', ...scrypt, salt: randomBytes(16).toString('base64') },
      cipher: 'aes-256-gcm',
      noncePrefix: randomBytes(7).toString('base64'),
      segmentBytes: segmentPlainBytes,
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const key = await deriveKey(passphrase, header.kdf);
    const file = await open(path, 'wx', 0o600);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(headerBytes.length, 0);
    await file.write(Buffer.concat([backupMagic, length, headerBytes]));
    return new BackupWriter(file, key, Buffer.from(header.noncePrefix, 'base64'), headerDigest(headerBytes));
  }

  /** Adds one entry (`database.json`, `files/…`) and notes its size and hash for the manifest. */
  async add(path: string, data: Uint8Array): Promise<void> {
    this.entries.push({ path, size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
    await this.feed(entryPrefix(path, data.length));
    await this.feed(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }

  /** Writes the manifest (every entry's size and SHA-256, and `about`) last, seals and closes. */
  async finish(about: Record<string, unknown>): Promise<readonly ManifestEntry[]> {
    const manifest = Buffer.from(JSON.stringify({ ...about, entries: this.entries }), 'utf8');
    await this.feed(entryPrefix('manifest.json', manifest.length));
    await this.feed(manifest);
    await this.sealPending(true);
    await this.file.sync();
    await this.file.close();
    return this.entries;
  }

  /** Closes without finishing (the caller removes the file). */
  async abandon(): Promise<void> {
    await this.file.close();
  }

  /**
   * Adds bytes to the segment being filled; a full segment is sealed only once more bytes come,
   * so the last segment, whatever its size, is the one `finish` seals as last.
   */
  private async feed(bytes: Buffer): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) {
      if (this.plainBytes === segmentPlainBytes) await this.sealPending(false);
      const take = Math.min(segmentPlainBytes - this.plainBytes, bytes.length - offset);
      this.plain.push(bytes.subarray(offset, offset + take));
      this.plainBytes += take;
      offset += take;
    }
  }

  private async sealPending(last: boolean): Promise<void> {
    const plain = Buffer.concat(this.plain, this.plainBytes);
    this.plain = [];
    this.plainBytes = 0;
    await this.seal(plain, last);
  }

  private async seal(plain: Buffer, last: boolean): Promise<void> {
    const cipher = createCipheriv('aes-256-gcm', this.key, segmentNonce(this.prefix, this.index, last));
    cipher.setAAD(this.aad);
    const sealed = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(sealed.length, 0);
    await this.file.write(Buffer.concat([length, sealed]));
    this.index += 1;
  }
}
