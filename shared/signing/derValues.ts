import { RelativeDistinguishedNames } from 'pkijs';
import { toArrayBuffer } from './bytes';
import { der, readTlv, childrenOf, type Tlv } from './der';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 as nobleSha256, sha384, sha512 } from '@noble/hashes/sha2.js';

/**
 * Reading the values of DER structures (timestamp tokens, CRLs, OCSP responses) by their TLVs:
 * pkijs parses through schemas and takes close to a second for a CRL of a thousand entries, and
 * cannot read large ones at all.
 */

export function bytesOf(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.start, tlv.end);
}

export function valueOf(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.valueStart, tlv.end);
}

/** The TLV if it has the expected tag; throws otherwise (callers turn it into a refusal). */
export function must(tlv: Tlv | undefined, tag: number): Tlv {
  if (tlv?.tag !== tag) throw new Error('unexpected DER structure');
  return tlv;
}

/** The TLV that spans the whole of `bytes`, refusing trailing bytes. */
export function wholeTlv(bytes: Uint8Array, tag: number): Tlv {
  const tlv = must(readTlv(bytes, 0), tag);
  if (tlv.end !== bytes.length) throw new Error('trailing bytes after DER value');
  return tlv;
}

export function children(bytes: Uint8Array, tlv: Tlv | undefined, tag: number): Tlv[] {
  return childrenOf(bytes, must(tlv, tag));
}

/** The dotted form of an OBJECT IDENTIFIER's value bytes. */
export function oidString(value: Uint8Array): string {
  const arcs: number[] = [];
  let current = 0;
  for (const byte of value) {
    current = current * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(current);
      current = 0;
    }
  }
  const [first = 0, ...rest] = arcs;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...rest].join('.');
}

/** The OID of an OBJECT IDENTIFIER TLV. */
export function oidOf(bytes: Uint8Array, tlv: Tlv | undefined): string {
  return oidString(valueOf(bytes, must(tlv, 0x06)));
}

/** INTEGER content without the leading zero bytes that keep it positive, for comparisons. */
export function integerMagnitude(value: Uint8Array): Uint8Array {
  let start = 0;
  while (start < value.length - 1 && value[start] === 0) start += 1;
  return value.subarray(start);
}

/** A non-negative INTEGER from its big-endian bytes (a nonce, a serial number). */
export function derPositiveInteger(bytes: Uint8Array): Uint8Array {
  const trimmed = integerMagnitude(bytes.length === 0 ? Uint8Array.of(0) : bytes);
  return der(0x02, (trimmed[0] ?? 0) & 0x80 ? Uint8Array.of(0, ...trimmed) : trimmed);
}

export function smallIntegerOf(bytes: Uint8Array, tlv: Tlv | undefined): number {
  const value = valueOf(bytes, must(tlv, 0x02));
  if (value.length > 6) throw new Error('integer too large');
  let result = 0;
  for (const byte of value) result = result * 256 + byte;
  if ((value[0] ?? 0) & 0x80) throw new Error('negative integer');
  return result;
}

export function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const latin = (value: Uint8Array) => String.fromCharCode(...value);

/** GeneralizedTime (RFC 5280 §4.1.2.5.2, RFC 3161 §2.4.2: UTC, `Z`, optional fraction). */
export function generalizedTime(value: Uint8Array): Date {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,9}))?Z$/.exec(latin(value));
  if (!match) throw new Error('not a UTC GeneralizedTime');
  const [, year, month, day, hour, minute, second, fraction = ''] = match;
  const millis = Number(`0.${fraction || '0'}`) * 1000;
  return utcDate(year, month, day, hour, minute, second, millis);
}

/** UTCTime (RFC 5280 §4.1.2.5.1: YYMMDDHHMMSSZ, 50–99 meaning 19xx). */
export function utcTime(value: Uint8Array): Date {
  const match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(latin(value));
  if (!match) throw new Error('not a UTCTime');
  const [, yy = '0', month, day, hour, minute, second] = match;
  const year = Number(yy) >= 50 ? `19${yy}` : `20${yy}`;
  return utcDate(year, month, day, hour, minute, second, 0);
}

function utcDate(...parts: readonly (string | number | undefined)[]): Date {
  const [year, month, day, hour, minute, second, millis] = parts.map(Number);
  const date = new Date(
    Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0, millis ?? 0),
  );
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== day) throw new Error('invalid date');
  return date;
}

/** A Time (UTCTime or GeneralizedTime) TLV. */
export function timeOf(bytes: Uint8Array, tlv: Tlv | undefined): Date {
  if (tlv?.tag === 0x17) return utcTime(valueOf(bytes, tlv));
  if (tlv?.tag === 0x18) return generalizedTime(valueOf(bytes, tlv));
  throw new Error('not a time');
}

export const digestOids = {
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
} as const;

const digests: Readonly<
  Record<string, { readonly name: string; readonly hash: (data: Uint8Array) => Uint8Array }>
> = {
  [digestOids.sha1]: { name: 'SHA-1', hash: sha1 },
  [digestOids.sha256]: { name: 'SHA-256', hash: nobleSha256 },
  [digestOids.sha384]: { name: 'SHA-384', hash: sha384 },
  [digestOids.sha512]: { name: 'SHA-512', hash: sha512 },
};

/** The WebCrypto name and a hash function for a digest algorithm OID, or undefined when unknown. */
export function digestOf(
  oid: string,
): { readonly name: string; readonly hash: (data: Uint8Array) => Uint8Array } | undefined {
  return digests[oid];
}

/** The OID of an AlgorithmIdentifier TLV (its parameters ignored). */
export function algorithmOid(bytes: Uint8Array, tlv: Tlv | undefined): string {
  const [oid] = children(bytes, tlv, 0x30);
  return oidOf(bytes, oid);
}

/** Whether a DER Name equals a certificate's name (pkijs's comparison, as path building uses). */
export function nameEquals(name: Uint8Array, certificateName: RelativeDistinguishedNames): boolean {
  try {
    return RelativeDistinguishedNames.fromBER(toArrayBuffer(name)).isEqual(certificateName);
  } catch {
    return false;
  }
}
