/**
 * PDF values as the bounded reader produces them (ISO 32000-1 §7.3). Plain data: a verifier
 * compares revisions by value, so nothing here refers back to a parser or a document.
 */
export type PdfName = { readonly kind: 'name'; readonly name: string };
export type PdfString = {
  readonly kind: 'string';
  readonly bytes: Uint8Array;
  readonly hex: boolean;
  /** Offsets of the string's first and one past its last byte in the file (`<`…`>` or `(`…`)`). */
  readonly start: number;
  readonly end: number;
};
export type PdfRef = { readonly kind: 'ref'; readonly num: number; readonly gen: number };
export type PdfArray = { readonly kind: 'array'; readonly items: readonly PdfValue[] };
export type PdfDict = { readonly kind: 'dict'; readonly entries: ReadonlyMap<string, PdfValue> };
export type PdfValue = null | boolean | number | PdfName | PdfString | PdfRef | PdfArray | PdfDict;

/** An indirect object: `num gen obj … endobj`, with the span of its stream data when it is a stream. */
export type PdfObject = {
  readonly num: number;
  readonly gen: number;
  /** Offset of the object number; -1 for an object inside an object stream. */
  readonly offset: number;
  readonly value: PdfValue;
  readonly stream?: { readonly dataStart: number; readonly dataEnd: number };
};

export const isName = (value: PdfValue | undefined, name?: string): value is PdfName =>
  typeof value === 'object' &&
  value !== null &&
  value.kind === 'name' &&
  (name === undefined || value.name === name);
export const isDict = (value: PdfValue | undefined): value is PdfDict =>
  typeof value === 'object' && value !== null && value.kind === 'dict';
export const isArray = (value: PdfValue | undefined): value is PdfArray =>
  typeof value === 'object' && value !== null && value.kind === 'array';
export const isRef = (value: PdfValue | undefined): value is PdfRef =>
  typeof value === 'object' && value !== null && value.kind === 'ref';
export const isString = (value: PdfValue | undefined): value is PdfString =>
  typeof value === 'object' && value !== null && value.kind === 'string';

export function dictGet(dict: PdfValue | undefined, key: string): PdfValue | undefined {
  return isDict(dict) ? dict.entries.get(key) : undefined;
}

export const refKey = (ref: PdfRef): string => `${ref.num} ${ref.gen}`;

/** PDFDocEncoding's differences from Latin-1 in 0x18–0x1F and 0x80–0x9F (ISO 32000-1 Annex D). */
const docEncoding: Readonly<Record<number, number>> = {
  0x18: 0x02d8, 0x19: 0x02c7, 0x1a: 0x02c6, 0x1b: 0x02d9, 0x1c: 0x02dd, 0x1d: 0x02db, 0x1e: 0x02da,
  0x1f: 0x02dc, 0x80: 0x2022, 0x81: 0x2020, 0x82: 0x2021, 0x83: 0x2026, 0x84: 0x2014, 0x85: 0x2013,
  0x86: 0x0192, 0x87: 0x2044, 0x88: 0x2039, 0x89: 0x203a, 0x8a: 0x2212, 0x8b: 0x2030, 0x8c: 0x201e,
  0x8d: 0x201c, 0x8e: 0x201d, 0x8f: 0x2018, 0x90: 0x2019, 0x91: 0x201a, 0x92: 0x2122, 0x93: 0xfb01,
  0x94: 0xfb02, 0x95: 0x0141, 0x96: 0x0152, 0x97: 0x0160, 0x98: 0x0178, 0x99: 0x017d, 0x9a: 0x0131,
  0x9b: 0x0142, 0x9c: 0x0153, 0x9d: 0x0161, 0x9e: 0x017e, 0xa0: 0x20ac,
}; // prettier-ignore

/** A text string (§7.9.2.2): UTF-16BE after a byte order mark, UTF-8 after its mark, else PDFDocEncoding. */
export function decodeTextString(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let text = '';
    for (let at = 2; at + 1 < bytes.length; at += 2)
      text += String.fromCharCode(((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0));
    return text;
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes.subarray(3));
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(docEncoding[byte] ?? byte);
  return text;
}

/** Strict-enough UTF-8 for data we validate afterwards (shared/ has no TextDecoder type). */
export function decodeUtf8(bytes: Uint8Array): string {
  const parts: string[] = [];
  let text = '';
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i] ?? 0;
    const extra = byte < 0x80 ? 0 : byte >= 0xf0 ? 3 : byte >= 0xe0 ? 2 : 1;
    let code = extra === 0 ? byte : byte & (0x3f >> extra);
    for (let k = 1; k <= extra; k += 1) code = (code << 6) | ((bytes[i + k] ?? 0) & 0x3f);
    text += String.fromCodePoint(code > 0x10ffff ? 0xfffd : code);
    i += extra + 1;
    if (text.length > 8192) {
      parts.push(text);
      text = '';
    }
  }
  parts.push(text);
  return parts.join('');
}

/** A text value of a dictionary: a string decoded as text, or undefined. */
export function textOf(value: PdfValue | undefined): string | undefined {
  return isString(value) ? decodeTextString(value.bytes) : undefined;
}

function bytesSame(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** Deep equality of two values (strings by bytes, whatever their written form). */
export function valuesEqual(a: PdfValue | undefined, b: PdfValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'name':
      return a.name === (b as PdfName).name;
    case 'string':
      return bytesSame(a.bytes, (b as PdfString).bytes);
    case 'ref':
      return a.num === (b as PdfRef).num && a.gen === (b as PdfRef).gen;
    case 'array': {
      const other = b as PdfArray;
      return (
        a.items.length === other.items.length && a.items.every((item, i) => valuesEqual(item, other.items[i]))
      );
    }
    case 'dict': {
      const other = b as PdfDict;
      if (a.entries.size !== other.entries.size) return false;
      for (const [key, value] of a.entries) if (!valuesEqual(value, other.entries.get(key))) return false;
      return true;
    }
  }
}

/** The keys whose values differ between two dictionaries (added, removed or changed). */
export function changedKeys(before: PdfDict, after: PdfDict): string[] {
  const keys = new Set([...before.entries.keys(), ...after.entries.keys()]);
  return [...keys].filter((key) => !valuesEqual(before.entries.get(key), after.entries.get(key)));
}

/** Every reference a value holds, however deep. */
export function referencesIn(value: PdfValue | undefined, into: PdfRef[] = []): PdfRef[] {
  if (typeof value !== 'object' || value === null) return into;
  if (value.kind === 'ref') into.push(value);
  else if (value.kind === 'array') for (const item of value.items) referencesIn(item, into);
  else if (value.kind === 'dict') for (const item of value.entries.values()) referencesIn(item, into);
  return into;
}
