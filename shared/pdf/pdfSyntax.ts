import { pdfLimits, PdfStructureError } from './pdfLimits';
import { isDict, type PdfDict, type PdfName, type PdfObject, type PdfValue } from './pdfValues';

/**
 * A strict, bounded reader of PDF syntax (ISO 32000-1 §7.2–7.3): one forward pass, no
 * backtracking beyond a token, every container size, nesting depth and string length capped, and
 * anything a well-formed file does not hold (junk between objects, duplicate keys, a stream
 * whose length does not end at `endstream`) refused rather than guessed at. Lenient parsers
 * that skip what they cannot read are how one file shows two contents to two programs.
 */

const Char = {
  Nul: 0x00,
  Tab: 0x09,
  Lf: 0x0a,
  Ff: 0x0c,
  Cr: 0x0d,
  Space: 0x20,
  Percent: 0x25,
  OpenParen: 0x28,
  CloseParen: 0x29,
  Plus: 0x2b,
  Minus: 0x2d,
  Dot: 0x2e,
  Slash: 0x2f,
  Zero: 0x30,
  Nine: 0x39,
  Less: 0x3c,
  Greater: 0x3e,
  OpenBracket: 0x5b,
  Backslash: 0x5c,
  CloseBracket: 0x5d,
  OpenBrace: 0x7b,
  CloseBrace: 0x7d,
  Hash: 0x23,
} as const;

const whitespace = new Uint8Array(256);
for (const code of [Char.Nul, Char.Tab, Char.Lf, Char.Ff, Char.Cr, Char.Space]) whitespace[code] = 1;
const delimiter = new Uint8Array(256);
for (const code of [
  Char.OpenParen, Char.CloseParen, Char.Less, Char.Greater, Char.OpenBracket, Char.CloseBracket,
  Char.OpenBrace, Char.CloseBrace, Char.Slash, Char.Percent,
]) delimiter[code] = 1; // prettier-ignore

export const isWhitespace = (byte: number | undefined): boolean =>
  byte !== undefined && whitespace[byte] === 1;
const isRegular = (byte: number | undefined): boolean =>
  byte !== undefined && whitespace[byte] !== 1 && delimiter[byte] !== 1;
const isDigit = (byte: number | undefined): boolean =>
  byte !== undefined && byte >= Char.Zero && byte <= Char.Nine;

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

/**
 * How many values all parsing of one file may still produce. Each costs far more memory than its
 * bytes (an empty `<>` is a two-byte string and an object of its own), so a file of millions of
 * tiny values is refused by count, not by size.
 */
export type ValueBudget = { remaining: number };

export function newValueBudget(): ValueBudget {
  return { remaining: pdfLimits.maxValues };
}

/** A cursor over the file's bytes with the parsing primitives. */
export class PdfSyntax {
  position: number;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
    private readonly budget: ValueBudget = newValueBudget(),
  ) {
    this.position = start;
  }

  fail(detail: string, problem: 'syntax' | 'too-complex' = 'syntax'): never {
    throw new PdfStructureError(problem, detail, this.position);
  }

  peek(offset = 0): number | undefined {
    const at = this.position + offset;
    return at < this.end ? this.bytes[at] : undefined;
  }

  /** Skips white space and comments. */
  skipSpace(): void {
    const { bytes, end } = this;
    let at = this.position;
    while (at < end) {
      const byte = bytes[at] ?? 0;
      if (whitespace[byte] === 1) at += 1;
      else if (byte === Char.Percent) {
        while (at < end && bytes[at] !== Char.Lf && bytes[at] !== Char.Cr) at += 1;
      } else break;
    }
    this.position = at;
  }

  /** Whether the bytes at the cursor spell `keyword` followed by a non-regular byte; advances past it if so. */
  matchKeyword(keyword: string): boolean {
    for (let i = 0; i < keyword.length; i += 1) if (this.peek(i) !== keyword.charCodeAt(i)) return false;
    if (isRegular(this.peek(keyword.length))) return false;
    this.position += keyword.length;
    return true;
  }

  expectKeyword(keyword: string): void {
    this.skipSpace();
    if (!this.matchKeyword(keyword)) this.fail(`expected ${keyword}`);
  }

  /** A non-negative integer written as plain digits (object numbers, offsets, counts). */
  readUnsigned(): number {
    this.skipSpace();
    const start = this.position;
    while (isDigit(this.peek()) && this.position - start < 12) this.position += 1;
    if (this.position === start || isDigit(this.peek())) this.fail('expected an unsigned integer');
    let value = 0;
    for (let at = start; at < this.position; at += 1)
      value = value * 10 + ((this.bytes[at] ?? 0) - Char.Zero);
    return value;
  }

  private readNumber(): number {
    const start = this.position;
    if (this.peek() === Char.Plus || this.peek() === Char.Minus) this.position += 1;
    let digits = 0;
    let dot = false;
    for (;;) {
      const byte = this.peek();
      if (isDigit(byte)) digits += 1;
      else if (byte === Char.Dot && !dot) dot = true;
      else break;
      this.position += 1;
      if (this.position - start > 40) this.fail('number too long');
    }
    if (digits === 0 || isRegular(this.peek())) this.fail('malformed number');
    let text = '';
    for (let at = start; at < this.position; at += 1) text += String.fromCharCode(this.bytes[at] ?? 0);
    return Number(text);
  }

  private readName(): PdfName {
    this.position += 1; // '/'
    const start = this.position;
    let name = '';
    while (isRegular(this.peek())) {
      const byte = this.peek() ?? 0;
      if (byte === Char.Hash) {
        const high = hexValue(this.peek(1) ?? 0);
        const low = hexValue(this.peek(2) ?? 0);
        if (high < 0 || low < 0) this.fail('bad #xx escape in a name');
        name += String.fromCharCode(high * 16 + low);
        this.position += 3;
      } else {
        name += String.fromCharCode(byte);
        this.position += 1;
      }
      if (this.position - start > pdfLimits.maxNameBytes) this.fail('name too long', 'too-complex');
    }
    return { kind: 'name', name };
  }

  private readLiteralString(): PdfValue {
    const start = this.position;
    this.position += 1; // '('
    const out: number[] = [];
    let depth = 1;
    for (;;) {
      if (this.position >= this.end) this.fail('unterminated string');
      if (this.position - start > pdfLimits.maxStringBytes) this.fail('string too long', 'too-complex');
      const byte = this.bytes[this.position] ?? 0;
      this.position += 1;
      if (byte === Char.Backslash) {
        const next = this.peek() ?? 0;
        this.position += 1;
        const simple: Readonly<Record<number, number>> = {
          0x6e: 0x0a,
          0x72: 0x0d,
          0x74: 0x09,
          0x62: 0x08,
          0x66: 0x0c,
        };
        if (simple[next] !== undefined) out.push(simple[next]);
        else if (next >= 0x30 && next <= 0x37) {
          let code = next - 0x30;
          for (let k = 0; k < 2 && (this.peek() ?? 0) >= 0x30 && (this.peek() ?? 0) <= 0x37; k += 1) {
            code = code * 8 + ((this.peek() ?? 0) - 0x30);
            this.position += 1;
          }
          out.push(code & 0xff);
        } else if (next === Char.Cr) {
          if (this.peek() === Char.Lf) this.position += 1;
        } else if (next !== Char.Lf) out.push(next);
      } else if (byte === Char.OpenParen) {
        depth += 1;
        out.push(byte);
      } else if (byte === Char.CloseParen) {
        depth -= 1;
        if (depth === 0) break;
        out.push(byte);
      } else out.push(byte);
    }
    return { kind: 'string', bytes: Uint8Array.from(out), hex: false, start, end: this.position };
  }

  private readHexString(): PdfValue {
    const start = this.position;
    this.position += 1; // '<'
    const close = this.bytes.indexOf(Char.Greater, this.position);
    if (close < 0 || close >= this.end) this.fail('unterminated hex string');
    if (close - start > pdfLimits.maxStringBytes) this.fail('string too long', 'too-complex');
    const out = new Uint8Array(Math.ceil((close - this.position) / 2));
    let count = 0;
    let high = -1;
    for (let at = this.position; at < close; at += 1) {
      const byte = this.bytes[at] ?? 0;
      if (whitespace[byte] === 1) continue;
      const value = hexValue(byte);
      if (value < 0) this.fail('bad digit in a hex string');
      if (high < 0) high = value;
      else {
        out[count] = high * 16 + value;
        count += 1;
        high = -1;
      }
    }
    if (high >= 0) {
      out[count] = high * 16;
      count += 1;
    }
    this.position = close + 1;
    return { kind: 'string', bytes: out.subarray(0, count), hex: true, start, end: this.position };
  }

  private readDictionary(depth: number): PdfDict {
    this.position += 2; // '<<'
    const entries = new Map<string, PdfValue>();
    for (;;) {
      this.skipSpace();
      if (this.peek() === Char.Greater && this.peek(1) === Char.Greater) {
        this.position += 2;
        return { kind: 'dict', entries };
      }
      if (this.peek() !== Char.Slash) this.fail('a dictionary key must be a name');
      const key = this.readName();
      // Two parsers that keep different copies of a repeated key show two documents.
      if (entries.has(key.name)) this.fail(`duplicate key /${key.name}`);
      entries.set(key.name, this.readValue(depth + 1));
      if (entries.size > pdfLimits.maxContainerItems) this.fail('dictionary too large', 'too-complex');
    }
  }

  private readArray(depth: number): PdfValue {
    this.position += 1; // '['
    const items: PdfValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.peek() === Char.CloseBracket) {
        this.position += 1;
        return { kind: 'array', items };
      }
      items.push(this.readValue(depth + 1));
      if (items.length > pdfLimits.maxContainerItems) this.fail('array too large', 'too-complex');
    }
  }

  /** Reads one value; `N G R` is read as a reference. */
  readValue(depth = 0): PdfValue {
    if (depth > pdfLimits.maxDepth) this.fail('nested too deeply', 'too-complex');
    this.budget.remaining -= 1;
    if (this.budget.remaining < 0) this.fail('too many values', 'too-complex');
    this.skipSpace();
    const byte = this.peek();
    if (byte === undefined) this.fail('unexpected end of file');
    if (byte === Char.Slash) return this.readName();
    if (byte === Char.OpenParen) return this.readLiteralString();
    if (byte === Char.Less)
      return this.peek(1) === Char.Less ? this.readDictionary(depth) : this.readHexString();
    if (byte === Char.OpenBracket) return this.readArray(depth);
    if (isDigit(byte) || byte === Char.Plus || byte === Char.Minus || byte === Char.Dot) {
      const start = this.position;
      const value = this.readNumber();
      if (Number.isInteger(value) && value >= 0 && isDigit(byte)) {
        // `num gen R`: look ahead two tokens without consuming them unless they match.
        const afterFirst = this.position;
        this.skipSpace();
        if (isDigit(this.peek())) {
          const genStart = this.position;
          const gen = this.readNumber();
          this.skipSpace();
          if (Number.isInteger(gen) && gen >= 0 && this.matchKeyword('R')) {
            // Generations other than 0 are never written by the renderer or the signers, and a
            // reference whose generation a reader can take differently is how viewers are led to
            // rebuild a file from hidden bytes.
            if (gen !== 0)
              throw new PdfStructureError('unsupported', 'reference with a generation', genStart);
            return { kind: 'ref', num: value, gen };
          }
          this.position = genStart;
        }
        this.position = afterFirst;
      }
      if (!Number.isFinite(value)) {
        this.position = start;
        this.fail('number out of range');
      }
      return value;
    }
    if (this.matchKeyword('true')) return true;
    if (this.matchKeyword('false')) return false;
    if (this.matchKeyword('null')) return null;
    return this.fail('unexpected token');
  }

  /**
   * Reads `num gen obj value [stream … endstream] endobj` at the cursor. A stream's data ends
   * where its direct /Length says, which must be followed by `endstream`; with an indirect
   * /Length the data ends at the first `endstream`, and the caller checks the length later.
   */
  readIndirectObject(): PdfObject & { readonly lengthRef: boolean } {
    this.skipSpace();
    const offset = this.position;
    const num = this.readUnsigned();
    const gen = this.readUnsigned();
    if (gen !== 0) throw new PdfStructureError('unsupported', 'object with a generation', offset);
    this.expectKeyword('obj');
    const value = this.readValue();
    this.skipSpace();
    let stream: { dataStart: number; dataEnd: number } | undefined;
    let lengthRef = false;
    if (this.matchKeyword('stream')) {
      if (!isDict(value)) this.fail('stream without a dictionary');
      if (this.peek() === Char.Cr) this.position += 1;
      if (this.peek() !== Char.Lf) this.fail('stream keyword not followed by an end of line');
      this.position += 1;
      const dataStart = this.position;
      const length = value.entries.get('Length');
      let dataEnd: number;
      if (typeof length === 'number') {
        if (!Number.isInteger(length) || length < 0 || dataStart + length > this.end)
          this.fail('bad stream length');
        dataEnd = dataStart + length;
        this.position = dataEnd;
        this.skipEol();
        if (!this.matchKeyword('endstream')) this.fail('stream data does not end at its /Length');
      } else if (typeof length === 'object' && length !== null && length.kind === 'ref') {
        lengthRef = true;
        const at = indexOfKeyword(this.bytes, 'endstream', dataStart, this.end);
        if (at < 0) this.fail('unterminated stream');
        dataEnd = at;
        if (this.bytes[dataEnd - 1] === Char.Lf) dataEnd -= 1;
        if (this.bytes[dataEnd - 1] === Char.Cr) dataEnd -= 1;
        this.position = at + 'endstream'.length;
      } else return this.fail('stream without /Length');
      stream = { dataStart, dataEnd };
    }
    this.expectKeyword('endobj');
    return { num, gen, offset, value, lengthRef, ...(stream ? { stream } : {}) };
  }

  /**
   * After `startxref N`: white space, the `%%EOF` marker and the end-of-line bytes after it.
   * Returns the offset just past `%%EOF` and leaves the cursor past the end of line.
   */
  readEofMarker(): number {
    while (isWhitespace(this.peek())) this.position += 1;
    for (const character of '%%EOF') {
      if (this.peek() !== character.charCodeAt(0)) this.fail('expected %%EOF after startxref');
      this.position += 1;
    }
    const eofEnd = this.position;
    while (this.peek() === Char.Cr || this.peek() === Char.Lf) this.position += 1;
    return eofEnd;
  }

  private skipEol(): void {
    if (this.peek() === Char.Cr) this.position += 1;
    if (this.peek() === Char.Lf) this.position += 1;
  }
}

/** First offset of `keyword` in `bytes[from, to)`, or -1 (linear: one pass with a first-byte scan). */
export function indexOfKeyword(bytes: Uint8Array, keyword: string, from: number, to: number): number {
  const first = keyword.charCodeAt(0);
  for (
    let at = bytes.indexOf(first, from);
    at >= 0 && at + keyword.length <= to;
    at = bytes.indexOf(first, at + 1)
  ) {
    let match = true;
    for (let i = 1; i < keyword.length && match; i += 1) match = bytes[at + i] === keyword.charCodeAt(i);
    if (match) return at;
  }
  return -1;
}
