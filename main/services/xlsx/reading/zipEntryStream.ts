import { createInflateRaw } from 'node:zlib';
import type { ZipEntry } from './zipDirectory';

export type InflateProblem =
  'too-large' | 'size-mismatch' | 'budget' | 'corrupt' | 'encrypted' | 'compression';

export class InflateError extends Error {
  constructor(readonly problem: InflateProblem) {
    super(`ZIP entry refused: ${problem}`);
    this.name = 'InflateError';
  }
}

/** Inflated bytes the whole file may still produce, shared by every entry read. */
export type InflateBudget = { remaining: number };

const chunkSize = 64 * 1024;

/**
 * Streams one entry's inflated bytes to `onChunk` in 64 KB pieces, never holding the entry
 * whole. It stops with a refusal as soon as the output passes the entry's declared size, the
 * part's cap or the file's budget, whichever is smallest; an entry that ends short of its
 * declared size is refused too. `onChunk` returns false to stop reading early (the rest is
 * never inflated).
 */
export async function streamZipEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  maxBytes: number,
  budget: InflateBudget,
  onChunk: (chunk: Buffer) => boolean,
): Promise<void> {
  if (entry.encrypted) throw new InflateError('encrypted');
  if (entry.method !== 0 && entry.method !== 8) throw new InflateError('compression');
  if (entry.declaredSize > maxBytes) throw new InflateError('too-large');
  if (entry.declaredSize > budget.remaining) throw new InflateError('budget');
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + entry.dataOffset, entry.compressedSize);
  let total = 0;
  const take = (chunk: Buffer): boolean => {
    total += chunk.length;
    if (total > entry.declaredSize) throw new InflateError('size-mismatch');
    budget.remaining -= chunk.length;
    return onChunk(chunk);
  };
  if (entry.method === 0) {
    for (let offset = 0; offset < data.length; offset += chunkSize) {
      if (!take(data.subarray(offset, offset + chunkSize))) return;
    }
    return;
  }
  const inflater = createInflateRaw({ chunkSize });
  inflater.end(data);
  try {
    for await (const chunk of inflater) {
      if (!take(chunk as Buffer)) return;
    }
  } catch (error) {
    if (error instanceof Error && !(error instanceof InflateError) && 'errno' in error) {
      throw new InflateError('corrupt');
    }
    throw error;
  } finally {
    inflater.destroy();
  }
  if (total !== entry.declaredSize) throw new InflateError('size-mismatch');
}
