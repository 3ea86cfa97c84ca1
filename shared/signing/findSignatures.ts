import { PDFHexString, PDFString } from '@cantoo/pdf-lib';
import { hexBytesToBytes, indexOfBytes, lastIndexOfBytes, latin1Decode, latin1Encode } from './bytes';

/** One /Sig dictionary found in the file's bytes (every revision, even ones no field points to). */
export type FoundSignature = {
  /** Offset of the `/ByteRange` key. */
  readonly offset: number;
  /** Undefined when the /ByteRange is still a placeholder or is not four integers. */
  readonly byteRange: readonly [number, number, number, number] | undefined;
  /**
   * The CMS bytes from the /Contents gap, when the gap is the dictionary's own /Contents string;
   * decoded from the file's bytes when first read.
   */
  readonly contents: Uint8Array | undefined;
  /** Offsets of `<` and one past `>` of the dictionary's own /Contents string, when `contents` is read from it. */
  readonly contentsGap?: readonly [number, number];
  readonly signingTime: Date | undefined;
  readonly name: string | undefined;
  readonly reason: string | undefined;
};

/** Parses `D:YYYYMMDDHHmmSS` with an optional `Z` or `±HH'mm'` offset (ISO 32000-1 §7.9.4). */
export function parsePdfDate(text: string): Date | undefined {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?/.exec(
    text,
  );
  if (!match) return undefined;
  const [
    ,
    year,
    month = '01',
    day = '01',
    hour = '00',
    minute = '00',
    second = '00',
    ,
    sign,
    offH = '0',
    offM = '0',
  ] = match;
  const utc = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  );
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(offH) * 60 + Number(offM)) : 0;
  const date = new Date(utc - offset * 60_000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function readString(dictionary: string, key: string): string | undefined {
  const hex = new RegExp(`/${key}\\s*<([0-9A-Fa-f\\s]*)>`).exec(dictionary);
  if (hex?.[1] !== undefined) return PDFHexString.of(hex[1].replace(/\s+/g, '')).decodeText();
  const literal = new RegExp(`/${key}\\s*\\(((?:\\\\.|[^\\\\)])*)\\)`).exec(dictionary);
  if (literal?.[1] !== undefined) return PDFString.of(literal[1]).decodeText();
  return undefined;
}

function parseByteRange(text: string): FoundSignature['byteRange'] {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 4 || !parts.every((part) => /^\d+$/.test(part))) return undefined;
  const [a, b, c, d] = parts.map(Number);
  return a === undefined || b === undefined || c === undefined || d === undefined ? undefined : [a, b, c, d];
}

const byteRangeKey = latin1Encode('/ByteRange');
const objectKeyword = latin1Encode(' obj');
const endObjectKeyword = latin1Encode('endobj');
const whiteSpace = /\s/;

/** The `[...]` after a `/ByteRange` key at `at`: its inner text and the offset past `]`. */
function byteRangeArray(pdf: Uint8Array, at: number): { inner: string; end: number } | undefined {
  let open = at + byteRangeKey.length;
  while (open < pdf.length && whiteSpace.test(String.fromCharCode(pdf[open] ?? 0))) open += 1;
  if (pdf[open] !== 0x5b) return undefined;
  const close = pdf.indexOf(0x5d, open + 1);
  if (close < 0) return undefined;
  return { inner: latin1Decode(pdf, open + 1, close), end: close + 1 };
}

/**
 * Every signature dictionary in file order. Signature dictionaries are never in object streams.
 * Works on the bytes: only the dictionaries are decoded to text, without their /Contents, and
 * `contents` is decoded from hex when first read (a verifier of the last signature never reads
 * the others').
 */
export function findSignatures(pdf: Uint8Array): FoundSignature[] {
  const found: FoundSignature[] = [];
  let at = indexOfBytes(pdf, byteRangeKey);
  while (at >= 0) {
    const array = byteRangeArray(pdf, at);
    if (array === undefined) {
      at = indexOfBytes(pdf, byteRangeKey, at + 1);
      continue;
    }
    const offset = at;
    at = indexOfBytes(pdf, byteRangeKey, array.end);
    const objectStart = Math.max(0, lastIndexOfBytes(pdf, objectKeyword, offset));
    const objectEndAt = indexOfBytes(pdf, endObjectKeyword, offset);
    const objectEnd = objectEndAt < 0 ? pdf.length : objectEndAt;
    const byteRange = parseByteRange(array.inner);
    let gap: readonly [number, number] | undefined;
    if (byteRange) {
      const [, gapStart, gapEnd] = byteRange;
      const ownContents =
        gapStart > objectStart &&
        gapEnd <= objectEnd &&
        pdf[gapStart] === 0x3c &&
        pdf[gapEnd - 1] === 0x3e &&
        /\/Contents\s*$/.test(latin1Decode(pdf, Math.max(objectStart, gapStart - 20), gapStart));
      if (ownContents) gap = [gapStart, gapEnd];
    }
    // The dictionary without the hex of its own /Contents (tens of kilobytes of digits).
    const dictionary =
      gap === undefined
        ? latin1Decode(pdf, objectStart, objectEnd)
        : latin1Decode(pdf, objectStart, gap[0] + 1) + latin1Decode(pdf, gap[1] - 1, objectEnd);
    if (!/\/Type\s*\/Sig\b|\/Filter\s*\/Adobe\.PPKLite/.test(dictionary)) continue;
    const time = readString(dictionary, 'M');
    let contents: Uint8Array | undefined | null = null;
    found.push({
      offset,
      byteRange,
      get contents() {
        if (contents === null) contents = gap ? hexBytesToBytes(pdf, gap[0] + 1, gap[1] - 1) : undefined;
        return contents;
      },
      contentsGap: gap,
      signingTime: time === undefined ? undefined : parsePdfDate(time),
      name: readString(dictionary, 'Name'),
      reason: readString(dictionary, 'Reason'),
    });
  }
  return found;
}
