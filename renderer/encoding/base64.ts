/**
 * Standard base64 (with padding) and back, for bytes that cross IPC as text and for sealed
 * values: one implementation for the whole page (the browser's `atob` reads it back).
 */

const base64Codes = new TextEncoder().encode(
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
);
const asciiDecoder = new TextDecoder('ascii');

/**
 * Standard base64 (with padding), written into one byte array and decoded once: building it a
 * character at a time, or with `String.fromCharCode(...bytes)`, costs several times as much
 * (mostly in garbage collection) on a school's worth of documents.
 */
export function base64OfBytes(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const code = (sextet: number) => base64Codes[sextet & 63] ?? 0;
  let at = 0;
  let index = 0;
  for (; index + 2 < bytes.length; index += 3) {
    const triple = ((bytes[index] ?? 0) << 16) | ((bytes[index + 1] ?? 0) << 8) | (bytes[index + 2] ?? 0);
    out[at++] = code(triple >> 18);
    out[at++] = code(triple >> 12);
    out[at++] = code(triple >> 6);
    out[at++] = code(triple);
  }
  const rest = bytes.length - index;
  if (rest > 0) {
    const triple = ((bytes[index] ?? 0) << 16) | (rest === 2 ? (bytes[index + 1] ?? 0) << 8 : 0);
    out[at++] = code(triple >> 18);
    out[at++] = code(triple >> 12);
    out[at++] = rest === 2 ? code(triple >> 6) : 61;
    out[at++] = 61;
  }
  return asciiDecoder.decode(out);
}

/** The bytes of standard base64 text; throws on text that is not base64. */
export function bytesOfBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
