/**
 * The plaintext inside a backup: entries one after another, each its name's length (2 bytes),
 * the name (UTF-8), its data's length (8 bytes) and the data. Names are `database.json`,
 * `files/<path in the data folder>` and, last, `manifest.json`.
 */
export const maxEntryNameBytes = 1024;
/** No single part of a school's backup comes near this; a forged length is refused at once. */
export const maxEntryBytes = 1024 * 1024 * 1024;

export function entryPrefix(name: string, size: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > maxEntryNameBytes) throw new RangeError(`entry name too long: ${name}`);
  const prefix = Buffer.alloc(2 + nameBytes.length + 8);
  prefix.writeUInt16BE(nameBytes.length, 0);
  nameBytes.copy(prefix, 2);
  prefix.writeBigUInt64BE(BigInt(size), 2 + nameBytes.length);
  return prefix;
}

export type ParsedEntry = { readonly name: string; readonly data: Buffer };

/** Cuts decrypted bytes, fed in any pieces, into entries; refuses impossible lengths. */
export class EntryParser {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly onEntry: (entry: ParsedEntry) => Promise<void> | void,
    private readonly onTooLarge: () => Error,
  ) {}

  async push(bytes: Buffer): Promise<void> {
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    for (;;) {
      const entry = this.take();
      if (!entry) return;
      await this.onEntry(entry);
    }
  }

  /** Whether the bytes fed so far ended exactly at an entry's end. */
  get atBoundary(): boolean {
    return this.pendingBytes === 0;
  }

  private take(): ParsedEntry | undefined {
    if (this.pendingBytes < 2) return undefined;
    const buffer = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [buffer];
    const nameLength = buffer.readUInt16BE(0);
    if (nameLength > maxEntryNameBytes) throw this.onTooLarge();
    if (buffer.length < 2 + nameLength + 8) return undefined;
    const size = buffer.readBigUInt64BE(2 + nameLength);
    if (size > BigInt(maxEntryBytes)) throw this.onTooLarge();
    const start = 2 + nameLength + 8;
    const end = start + Number(size);
    if (buffer.length < end) return undefined;
    const name = buffer.subarray(2, 2 + nameLength).toString('utf8');
    const data = Buffer.from(buffer.subarray(start, end));
    const rest = buffer.subarray(end);
    this.pending = rest.length > 0 ? [Buffer.from(rest)] : [];
    this.pendingBytes = rest.length;
    return { name, data };
  }
}
