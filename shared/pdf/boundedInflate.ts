import { Unzlib } from 'fflate';

export type InflateResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'too-large' | 'corrupt' };

/**
 * Input is fed in small slices: deflate expands at most about 1032 times, so one slice can never
 * produce more than about 4 MB before the size is checked. A decompression bomb (a 1 MB stream
 * that inflates to gigabytes) stops at `maxOutput` plus one slice's output, never at its own size.
 */
const sliceSize = 4096;

class OutputTooLarge extends Error {}

/** Inflates zlib (FlateDecode) data, refusing to produce more than `maxOutput` bytes. */
export function inflateBounded(data: Uint8Array, maxOutput: number): InflateResult {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Unzlib((chunk) => {
    total += chunk.length;
    if (total > maxOutput) throw new OutputTooLarge();
    chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length; at += sliceSize) {
      const end = Math.min(data.length, at + sliceSize);
      inflater.push(data.subarray(at, end), end === data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(), true);
  } catch (error) {
    return { ok: false, reason: error instanceof OutputTooLarge ? 'too-large' : 'corrupt' };
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes };
}
