import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A small ZIP writer for tests and benchmarks that need files no well-behaved library writes:
 * bombs (a deflate stream made of one compressed block repeated), sizes that lie, odd entries.
 * Everything is built in memory from compressed pieces, so a 1 GiB part costs about 1 MB.
 */
export type Deflated = {
  /** A raw deflate stream. */
  readonly compressed: Buffer;
  /** What it inflates to, in bytes, and that content's CRC-32. */
  readonly size: number;
  readonly crc: number;
};

const finalBlock = deflateRawSync(Buffer.alloc(0));

/** Compresses one piece as a self-contained, byte-aligned, non-final run of deflate blocks. */
function block(piece: Buffer, level = 9): Buffer {
  return deflateRawSync(piece, { finishFlush: constants.Z_SYNC_FLUSH, level });
}

/**
 * Deflates text given in pieces, compressing about 1 MiB at a time so that a large generated
 * sheet never needs to exist whole.
 */
export function deflatePieces(pieces: Iterable<string | Buffer>): Deflated {
  const blocks: Buffer[] = [];
  let pending: Buffer[] = [];
  let pendingSize = 0;
  let size = 0;
  let crc = 0;
  const flush = () => {
    if (pendingSize === 0) return;
    // Level 1: generated sheets are tens of MB; speed matters more than the last few percent.
    blocks.push(block(Buffer.concat(pending), 1));
    pending = [];
    pendingSize = 0;
  };
  for (const piece of pieces) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    size += bytes.length;
    crc = crc32(bytes, crc);
    pending.push(bytes);
    pendingSize += bytes.length;
    if (pendingSize >= 1 << 20) flush();
  }
  flush();
  blocks.push(finalBlock);
  return { compressed: Buffer.concat(blocks), size, crc };
}

export function deflateText(text: string | Buffer): Deflated {
  return deflatePieces([text]);
}

/**
 * `prefix`, then `unit` `count` times, then `suffix`, deflated by compressing `unit` once and
 * repeating its blocks: a zip bomb that takes milliseconds to make.
 */
export function deflateRepeated(
  prefix: string,
  unit: string | Buffer,
  count: number,
  suffix: string,
): Deflated {
  const unitBytes = typeof unit === 'string' ? Buffer.from(unit, 'utf8') : unit;
  const head = Buffer.from(prefix, 'utf8');
  const tail = Buffer.from(suffix, 'utf8');
  const unitBlock = block(unitBytes);
  let crc = crc32(head);
  for (let index = 0; index < count; index += 1) crc = crc32(unitBytes, crc);
  crc = crc32(tail, crc);
  const blocks = [block(head), ...Array.from({ length: count }, () => unitBlock), block(tail), finalBlock];
  return {
    compressed: Buffer.concat(blocks),
    size: head.length + unitBytes.length * count + tail.length,
    crc,
  };
}

export type ZipPart = {
  readonly name: string;
  /** Deflated data; with `stored`, `compressed` holds the bytes as they are. */
  readonly data: Deflated;
  /** A different uncompressed size to write in both headers (a lie). */
  readonly declaredSize?: number;
  /** Method 0: the bytes stored without compression. */
  readonly stored?: boolean;
  /** Sizes and offset in a ZIP64 extra field, 0xFFFFFFFF in their usual places. */
  readonly zip64?: boolean;
  /** The encryption flag (bit 0). */
  readonly encrypted?: boolean;
};

/** A part stored without compression. */
export function storedPart(name: string, text: string): ZipPart {
  const bytes = Buffer.from(text, 'utf8');
  return { name, data: { compressed: bytes, size: bytes.length, crc: crc32(bytes) }, stored: true };
}

function dosTime(): { time: number; date: number } {
  // 2025-09-05 08:00, a fixed stamp so generated files are byte-identical run to run.
  return { time: 8 << 11, date: ((2025 - 1980) << 9) | (9 << 5) | 5 };
}

/** A ZIP of deflated parts, with local headers, central directory and end record. */
export function zipOf(parts: readonly ZipPart[]): Uint8Array {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  const { time, date } = dosTime();
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const declared = part.declaredSize ?? part.data.size;
    const compressedSize = part.data.compressed.length;
    const flags = 0x0800 | (part.encrypted === true ? 1 : 0);
    const method = part.stored === true ? 0 : 8;
    const wide = part.zip64 === true;
    const localExtra = Buffer.alloc(wide ? 20 : 0);
    const centralExtra = Buffer.alloc(wide ? 28 : 0);
    if (wide) {
      localExtra.writeUInt16LE(0x0001, 0);
      localExtra.writeUInt16LE(16, 2);
      localExtra.writeBigUInt64LE(BigInt(declared), 4);
      localExtra.writeBigUInt64LE(BigInt(compressedSize), 12);
      centralExtra.writeUInt16LE(0x0001, 0);
      centralExtra.writeUInt16LE(24, 2);
      centralExtra.writeBigUInt64LE(BigInt(declared), 4);
      centralExtra.writeBigUInt64LE(BigInt(compressedSize), 12);
      centralExtra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(wide ? 45 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(part.data.crc, 14);
    local.writeUInt32LE(wide ? 0xffffffff : compressedSize, 18);
    local.writeUInt32LE(wide ? 0xffffffff : declared, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(wide ? 45 : 20, 4);
    central.writeUInt16LE(wide ? 45 : 20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(part.data.crc, 16);
    central.writeUInt32LE(wide ? 0xffffffff : compressedSize, 20);
    central.writeUInt32LE(wide ? 0xffffffff : declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(centralExtra.length, 30);
    central.writeUInt32LE(wide ? 0xffffffff : offset, 42);
    chunks.push(local, name, localExtra, part.data.compressed);
    directory.push(central, name, centralExtra);
    offset += local.length + name.length + localExtra.length + compressedSize;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directoryBytes, end]));
}
