/**
 * The ZIP central directory of an .xlsx, read from the bytes with every offset checked against
 * the file. Sizes are taken as claims: the inflater holds each entry to the smaller of its
 * declared size and the reader's cap, and refuses a mismatch (zipEntryStream.ts).
 */
export type ZipEntry = {
  /** Part name as stored, `/` separated, without a leading `/`. */
  readonly name: string;
  /** 0 stored, 8 deflated; anything else is refused when the entry is read. */
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressedSize: number;
  readonly declaredSize: number;
  /** Where the entry's compressed bytes start (after its local header). */
  readonly dataOffset: number;
};

export type ZipDirectoryProblem = 'structure' | 'too-many-entries';

export class ZipDirectoryError extends Error {
  constructor(readonly problem: ZipDirectoryProblem) {
    super(`ZIP refused: ${problem}`);
    this.name = 'ZipDirectoryError';
  }
}

const endOfDirectorySignature = 0x06054b50;
const zip64LocatorSignature = 0x07064b50;
const zip64EndSignature = 0x06064b50;
const directorySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
const maxComment = 0xffff;

function fail(problem: ZipDirectoryProblem = 'structure'): never {
  throw new ZipDirectoryError(problem);
}

class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private check(offset: number, size: number): void {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset + size > this.bytes.length) fail();
  }
  u16(offset: number): number {
    this.check(offset, 2);
    return this.view.getUint16(offset, true);
  }
  u32(offset: number): number {
    this.check(offset, 4);
    return this.view.getUint32(offset, true);
  }
  u64(offset: number): number {
    this.check(offset, 8);
    const value = this.view.getBigUint64(offset, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) fail();
    return Number(value);
  }
}

function findEndOfDirectory(reader: Reader): number {
  const { length } = reader.bytes;
  const lowest = Math.max(0, length - 22 - maxComment);
  let fallback = -1;
  for (let offset = length - 22; offset >= lowest; offset -= 1) {
    if (reader.u32(offset) !== endOfDirectorySignature) continue;
    if (offset + 22 + reader.u16(offset + 20) === length) return offset;
    if (fallback === -1) fallback = offset;
  }
  return fallback === -1 ? fail() : fallback;
}

type Directory = { readonly count: number; readonly size: number; readonly offset: number };

function directoryOf(reader: Reader, end: number): Directory {
  if (reader.u16(end + 4) !== 0 || reader.u16(end + 6) !== 0) fail(); // multi-disk archives
  const count = reader.u16(end + 10);
  const size = reader.u32(end + 12);
  const offset = reader.u32(end + 16);
  if (count !== 0xffff && size !== 0xffffffff && offset !== 0xffffffff) return { count, size, offset };
  // ZIP64: the real figures are in the ZIP64 end record its locator points to.
  const locator = end - 20;
  if (locator < 0 || reader.u32(locator) !== zip64LocatorSignature) fail();
  const record = reader.u64(locator + 8);
  if (record >= locator || reader.u32(record) !== zip64EndSignature) fail();
  return { count: reader.u64(record + 32), size: reader.u64(record + 40), offset: reader.u64(record + 48) };
}

type Zip64Fields = { declaredSize: number; compressedSize: number; localOffset: number };

/** The ZIP64 extra field (0x0001) carries, in order, each 32-bit field that was set to 0xFFFFFFFF. */
function applyZip64(reader: Reader, extraStart: number, extraEnd: number, fields: Zip64Fields): void {
  let at = extraStart;
  while (at + 4 <= extraEnd) {
    const id = reader.u16(at);
    const size = reader.u16(at + 2);
    const dataEnd = at + 4 + size;
    if (dataEnd > extraEnd) fail();
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > dataEnd) fail();
        const value = reader.u64(field);
        field += 8;
        return value;
      };
      if (fields.declaredSize === 0xffffffff) fields.declaredSize = next();
      if (fields.compressedSize === 0xffffffff) fields.compressedSize = next();
      if (fields.localOffset === 0xffffffff) fields.localOffset = next();
      return;
    }
    at = dataEnd;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * Reads the directory: at most `maxEntries` entries, each with its local header and data inside
 * the file and before the directory.
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const reader = new Reader(bytes);
  const end = findEndOfDirectory(reader);
  const directory = directoryOf(reader, end);
  if (directory.count > maxEntries) fail('too-many-entries');
  if (directory.offset + directory.size > end) fail();
  const entries: ZipEntry[] = [];
  let at = directory.offset;
  for (let index = 0; index < directory.count; index += 1) {
    if (reader.u32(at) !== directorySignature) fail();
    const flags = reader.u16(at + 8);
    const method = reader.u16(at + 10);
    const nameLength = reader.u16(at + 28);
    const extraLength = reader.u16(at + 30);
    const commentLength = reader.u16(at + 32);
    const fields: Zip64Fields = {
      compressedSize: reader.u32(at + 20),
      declaredSize: reader.u32(at + 24),
      localOffset: reader.u32(at + 42),
    };
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    applyZip64(reader, extraStart, extraStart + extraLength, fields);
    const nameBytes = bytes.subarray(nameStart, extraStart);
    if (nameBytes.length !== nameLength) fail();
    at = extraStart + extraLength + commentLength;
    if (at > directory.offset + directory.size) fail();
    const local = fields.localOffset;
    if (reader.u32(local) !== localHeaderSignature) fail();
    const dataOffset = local + 30 + reader.u16(local + 26) + reader.u16(local + 28);
    if (dataOffset + fields.compressedSize > directory.offset) fail();
    if (method === 0 && fields.compressedSize !== fields.declaredSize) fail();
    const name = utf8.decode(nameBytes).replaceAll('\\', '/').replace(/^\/+/, '');
    entries.push({
      name,
      method,
      encrypted: (flags & 0x0001) !== 0,
      compressedSize: fields.compressedSize,
      declaredSize: fields.declaredSize,
      dataOffset,
    });
  }
  return entries;
}
