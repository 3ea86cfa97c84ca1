import { createHash, type Hash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';

/**
 * Every event hash main was told for one chain, 32 bytes each at offset (seq - 1) × 32, so a
 * report appends in place and the integrity check can compare any sequence. The file itself is
 * not trusted: its SHA-256 over the first `seq` entries is kept in the authenticated head
 * record, and a file that does not give that digest is refused with the record. Entries beyond
 * the record's `seq` are ignored, and the file is never cut: it is always written before the
 * record that vouches for it, so a crash in between leaves extra entries, never missing ones.
 */

const entryBytes = 32;

export type ChainLog = {
  readonly length: () => number;
  /** The hex hash recorded for `seq` (1-based), undefined beyond the head. */
  readonly hashAt: (seq: number) => string | undefined;
  /** SHA-256 (hex) of the entries 1…length, as the head record keeps it. */
  readonly digest: () => string;
  /** Appends in memory; `flush` writes what was appended since the last flush. */
  readonly append: (hexHashes: readonly string[]) => void;
  /** Forgets everything after `seq` (after an anomaly, the record continues from the database's chain). */
  readonly truncate: (seq: number) => void;
  readonly flush: () => Promise<void>;
};

function hasher(bytes: Buffer): Hash {
  return createHash('sha256').update(bytes);
}

export function emptyLogDigest(): string {
  return createHash('sha256').digest('hex');
}

/**
 * Opens the log of a chain whose record says `seq` entries with `digest`. Returns undefined when
 * the file is missing, short, or its entries do not give the recorded digest.
 */
export async function openChainLog(path: string, seq: number, digest: string): Promise<ChainLog | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    bytes = Buffer.alloc(0);
  }
  if (bytes.length < seq * entryBytes) return undefined;
  const entries = bytes.subarray(0, seq * entryBytes);
  if (hasher(entries).digest('hex') !== digest) return undefined;
  return chainLogOver(path, Buffer.from(entries), seq);
}

/** A new, empty log for a chain main starts to record (an old file there is written over). */
export function newChainLog(path: string): ChainLog {
  return chainLogOver(path, Buffer.alloc(0), 0);
}

function chainLogOver(path: string, initial: Buffer, initialLength: number): ChainLog {
  let buffer = Buffer.alloc(Math.max(initial.length * 2, 64 * entryBytes));
  initial.copy(buffer);
  let length = initialLength;
  let running = hasher(buffer.subarray(0, length * entryBytes));
  /** The first entry not yet on disk. */
  let dirtyFrom = length;

  return {
    length: () => length,
    hashAt: (seq) =>
      seq >= 1 && seq <= length
        ? buffer.subarray((seq - 1) * entryBytes, seq * entryBytes).toString('hex')
        : undefined,
    digest: () => running.copy().digest('hex'),
    append: (hexHashes) => {
      const needed = (length + hexHashes.length) * entryBytes;
      if (needed > buffer.length) {
        const grown = Buffer.alloc(Math.max(needed, buffer.length * 2));
        buffer.copy(grown, 0, 0, length * entryBytes);
        buffer = grown;
      }
      for (const hex of hexHashes) {
        const entry = Buffer.from(hex, 'hex');
        entry.copy(buffer, length * entryBytes);
        running.update(entry);
        length += 1;
      }
    },
    truncate: (seq) => {
      if (seq >= length) return;
      length = seq;
      running = hasher(buffer.subarray(0, length * entryBytes));
      dirtyFrom = Math.min(dirtyFrom, length);
    },
    flush: async () => {
      if (dirtyFrom >= length) return;
      const handle = await open(path, 'r+').catch(async (error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        return open(path, 'w+', 0o600);
      });
      try {
        await handle.write(
          buffer,
          dirtyFrom * entryBytes,
          (length - dirtyFrom) * entryBytes,
          dirtyFrom * entryBytes,
        );
        await handle.sync();
      } finally {
        await handle.close();
      }
      dirtyFrom = length;
    },
  };
}
