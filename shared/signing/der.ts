/**
 * Just enough DER (X.690) to assemble a CMS SignedData from parts that are already encoded
 * (certificates, names, serial numbers) without parsing them into objects and encoding them
 * again, and to cut those parts out of a certificate.
 */

function lengthBytes(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return [0x80 | bytes.length, ...bytes];
}

/** One TLV: `tag`, the DER length, then the parts one after another. */
export function der(tag: number, ...parts: readonly Uint8Array[]): Uint8Array {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const header = [tag, ...lengthBytes(length)];
  const out = new Uint8Array(header.length + length);
  out.set(header);
  let offset = header.length;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export const derSequence = (...parts: readonly Uint8Array[]): Uint8Array => der(0x30, ...parts);
export const derSet = (...parts: readonly Uint8Array[]): Uint8Array => der(0x31, ...parts);
export const derOctetString = (bytes: Uint8Array): Uint8Array => der(0x04, bytes);
export const derNull = Uint8Array.of(0x05, 0x00);

/** A small non-negative INTEGER (versions). */
export function derSmallInteger(value: number): Uint8Array {
  if (!Number.isInteger(value) || value < 0 || value > 0x7f) throw new Error('not a small integer');
  return Uint8Array.of(0x02, 0x01, value);
}

/** An OBJECT IDENTIFIER from its dotted form. */
export function derOid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const [first, second, ...rest] = arcs;
  if (
    first === undefined ||
    second === undefined ||
    arcs.some((arc) => !Number.isSafeInteger(arc) || arc < 0)
  )
    throw new Error(`not an OID: ${dotted}`);
  const body: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const digits = [arc % 128];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128))
      digits.unshift(0x80 | (value % 128));
    body.push(...digits);
  }
  return der(0x06, Uint8Array.from(body));
}

/** The DER members of a SET OF in ascending order of their encodings (X.690 §11.6). */
export function sortedForSetOf(members: readonly Uint8Array[]): Uint8Array[] {
  const compare = (a: Uint8Array, b: Uint8Array): number => {
    const length = Math.min(a.length, b.length);
    for (let i = 0; i < length; i += 1) {
      const diff = (a[i] ?? 0) - (b[i] ?? 0);
      if (diff !== 0) return diff;
    }
    return a.length - b.length;
  };
  return [...members].sort(compare);
}

/** One TLV inside a byte array: the tag, where its value starts and where the whole TLV ends. */
export type Tlv = {
  readonly tag: number;
  readonly start: number;
  readonly valueStart: number;
  readonly end: number;
};

/** Reads the TLV at `offset` (definite lengths only, as DER has), throwing on anything malformed. */
export function readTlv(bytes: Uint8Array, offset: number, limit = bytes.length): Tlv {
  const tag = bytes[offset];
  const first = bytes[offset + 1];
  if (tag === undefined || first === undefined || (tag & 0x1f) === 0x1f) throw new Error('malformed DER');
  let length = first;
  let valueStart = offset + 2;
  if (first >= 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new Error('malformed DER length');
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + (bytes[valueStart + i] ?? 0);
    valueStart += count;
  }
  const end = valueStart + length;
  if (end > limit) throw new Error('DER value runs past its container');
  return { tag, start: offset, valueStart, end };
}

/** The TLVs directly inside a constructed TLV. */
export function childrenOf(bytes: Uint8Array, parent: Tlv): Tlv[] {
  const children: Tlv[] = [];
  for (let offset = parent.valueStart; offset < parent.end;) {
    const child = readTlv(bytes, offset, parent.end);
    children.push(child);
    offset = child.end;
  }
  return children;
}
