import { PDFHexString, PDFString } from '@cantoo/pdf-lib';
import { hexToBytes, latin1Decode } from './bytes';

/** One /Sig dictionary found in the file's bytes (every revision, even ones no field points to). */
export type FoundSignature = {
  /** Offset of the `/ByteRange` key. */
  readonly offset: number;
  /** Undefined when the /ByteRange is still a placeholder or is not four integers. */
  readonly byteRange: readonly [number, number, number, number] | undefined;
  /** The CMS bytes from the /Contents gap, when the gap is the dictionary's own /Contents string. */
  readonly contents: Uint8Array | undefined;
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

/** Every signature dictionary in file order. Signature dictionaries are never in object streams. */
export function findSignatures(pdf: Uint8Array): FoundSignature[] {
  const text = latin1Decode(pdf);
  const found: FoundSignature[] = [];
  const pattern = /\/ByteRange\s*\[([^\]]*)\]/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const offset = match.index;
    const objectStart = Math.max(0, text.lastIndexOf(' obj', offset));
    const objectEndAt = text.indexOf('endobj', offset);
    const objectEnd = objectEndAt < 0 ? text.length : objectEndAt;
    const dictionary = text.slice(objectStart, objectEnd);
    if (!/\/Type\s*\/Sig\b|\/Filter\s*\/Adobe\.PPKLite/.test(dictionary)) continue;
    const byteRange = parseByteRange(match[1] ?? '');
    let contents: Uint8Array | undefined;
    if (byteRange) {
      const [, gapStart, gapEnd] = byteRange;
      const ownContents =
        gapStart > objectStart &&
        gapEnd <= objectEnd &&
        text[gapStart] === '<' &&
        text[gapEnd - 1] === '>' &&
        /\/Contents\s*$/.test(text.slice(Math.max(objectStart, gapStart - 20), gapStart));
      if (ownContents) contents = hexToBytes(text.slice(gapStart + 1, gapEnd - 1));
    }
    const time = readString(dictionary, 'M');
    found.push({
      offset,
      byteRange,
      contents,
      signingTime: time === undefined ? undefined : parsePdfDate(time),
      name: readString(dictionary, 'Name'),
      reason: readString(dictionary, 'Reason'),
    });
  }
  return found;
}
