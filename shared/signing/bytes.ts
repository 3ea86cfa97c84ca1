/** Byte helpers for PDF and DER work; PDF syntax is Latin-1, so one char is one byte. */

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A fresh ArrayBuffer holding exactly `bytes` (pkijs and asn1js want ArrayBuffers). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}

export function latin1Encode(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

export function latin1Decode(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let text = '';
  const chunk = 8192;
  for (let i = start; i < end; i += chunk) {
    text += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + chunk)));
  }
  return text;
}

export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Value of one hex digit's char code, or -1. */
function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/** PDF white space (ISO 32000-1 §7.2.2) but NUL. */
function isPdfWhiteSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0x0c;
}

function decodeHex(length: number, codeAt: (index: number) => number): Uint8Array | undefined {
  const out = new Uint8Array(length >> 1);
  let count = 0;
  let high = -1;
  for (let i = 0; i < length; i += 1) {
    const code = codeAt(i);
    const value = hexValue(code);
    if (value < 0) {
      if (isPdfWhiteSpace(code)) continue;
      return undefined;
    }
    if (high < 0) high = value;
    else {
      out[count] = (high << 4) | value;
      count += 1;
      high = -1;
    }
  }
  if (high >= 0) return undefined;
  return count === out.length ? out : out.slice(0, count);
}

/** Decodes hex digits, ignoring whitespace; returns undefined for anything else. */
export function hexToBytes(hex: string): Uint8Array | undefined {
  return decodeHex(hex.length, (index) => hex.charCodeAt(index));
}

/** Decodes the hex digits of `bytes[start, end)` (PDF white space ignored) without making a string. */
export function hexBytesToBytes(bytes: Uint8Array, start: number, end: number): Uint8Array | undefined {
  return decodeHex(end - start, (index) => bytes[start + index] ?? -1);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

function matchesAt(haystack: Uint8Array, needle: Uint8Array, at: number): boolean {
  for (let j = 1; j < needle.length; j += 1) if (haystack[at + j] !== needle[j]) return false;
  return true;
}

/** Index of the first occurrence of `needle` at or after `from`, or -1. */
export function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  if (first === undefined) return from;
  const last = haystack.length - needle.length;
  // The native indexOf finds candidates for the first byte much faster than a JS loop.
  let at = haystack.indexOf(first, from);
  while (at >= 0 && at <= last) {
    if (matchesAt(haystack, needle, at)) return at;
    at = haystack.indexOf(first, at + 1);
  }
  return -1;
}

/** Index of the last occurrence of `needle` that starts at or before `from`, or -1. */
export function lastIndexOfBytes(haystack: Uint8Array, needle: Uint8Array, from = haystack.length): number {
  const first = needle[0];
  if (first === undefined) return Math.min(from, haystack.length);
  const start = Math.min(from, haystack.length - needle.length);
  if (start < 0) return -1;
  let at = haystack.lastIndexOf(first, start);
  while (at >= 0) {
    if (matchesAt(haystack, needle, at)) return at;
    at = at > 0 ? haystack.lastIndexOf(first, at - 1) : -1;
  }
  return -1;
}

/** How many times `needle` occurs in `haystack[from, to)`, without overlaps. */
export function countBytes(haystack: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  const window = haystack.subarray(from, to);
  let count = 0;
  for (let at = indexOfBytes(window, needle); at >= 0; at = indexOfBytes(window, needle, at + needle.length))
    count += 1;
  return count;
}
