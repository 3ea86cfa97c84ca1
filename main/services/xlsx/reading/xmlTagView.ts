import { XmlScanError } from './xmlScanError';
import { decodeXmlEntities } from './xmlText';

export type XmlTag = {
  /** An attribute's value, entities decoded; `undefined` when absent. Names compare exactly. */
  readonly attr: (name: string) => string | undefined;
  /**
   * Reads an attribute's raw bytes `buf[start, end)` with `read`, making no string (the hot path:
   * a cell's reference and style); `undefined` when absent. Entities are not decoded.
   */
  readonly attrWith: <T>(name: string, read: (buf: Buffer, start: number, end: number) => T) => T | undefined;
};

const doubleQuote = 0x22;
const singleQuote = 0x27;
const equals = 0x3d;

export function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** The attributes of one start tag, parsed on first use into spans of the chunk's bytes. */
export class TagView implements XmlTag {
  private buf: Buffer = Buffer.alloc(0);
  private start = 0;
  private end = 0;
  private parsed = false;
  /** name start, name end, value start, value end; `count` of them are in use. */
  private readonly spans: number[] = [];
  private count = 0;

  reset(buf: Buffer, start: number, end: number): void {
    this.buf = buf;
    this.start = start;
    this.end = end;
    this.parsed = false;
    this.count = 0;
  }

  private parse(): void {
    this.parsed = true;
    const { buf, end } = this;
    let pos = this.start;
    while (pos < end) {
      while (pos < end && isSpace(buf[pos])) pos += 1;
      const nameStart = pos;
      while (pos < end && buf[pos] !== equals && !isSpace(buf[pos])) pos += 1;
      const nameEnd = pos;
      while (pos < end && isSpace(buf[pos])) pos += 1;
      if (pos >= end || buf[pos] !== equals) {
        if (nameEnd > nameStart) throw new XmlScanError('malformed');
        return;
      }
      pos += 1;
      while (pos < end && isSpace(buf[pos])) pos += 1;
      const quote = buf[pos];
      if (quote !== doubleQuote && quote !== singleQuote) throw new XmlScanError('malformed');
      const valueEnd = buf.indexOf(quote, pos + 1);
      if (valueEnd === -1 || valueEnd >= end) throw new XmlScanError('malformed');
      const at = this.count * 4;
      this.spans[at] = nameStart;
      this.spans[at + 1] = nameEnd;
      this.spans[at + 2] = pos + 1;
      this.spans[at + 3] = valueEnd;
      this.count += 1;
      pos = valueEnd + 1;
    }
  }

  /** Where the named attribute's value is in `spans` (its index), or -1. */
  private find(name: string): number {
    if (!this.parsed) this.parse();
    const { buf, spans } = this;
    for (let index = 0; index < this.count * 4; index += 4) {
      const nameStart = spans[index] ?? 0;
      if ((spans[index + 1] ?? 0) - nameStart !== name.length) continue;
      let offset = 0;
      while (offset < name.length && buf[nameStart + offset] === name.charCodeAt(offset)) offset += 1;
      if (offset === name.length) return index + 2;
    }
    return -1;
  }

  attr(name: string): string | undefined {
    const at = this.find(name);
    if (at === -1) return undefined;
    const raw = this.buf.toString('utf8', this.spans[at], this.spans[at + 1]);
    try {
      return decodeXmlEntities(raw);
    } catch {
      throw new XmlScanError('malformed');
    }
  }

  attrWith<T>(name: string, read: (buf: Buffer, start: number, end: number) => T): T | undefined {
    const at = this.find(name);
    return at === -1 ? undefined : read(this.buf, this.spans[at] ?? 0, this.spans[at + 1] ?? 0);
  }
}

/**
 * Element names as strings without decoding each occurrence: a document repeats a few names
 * millions of times. Bounded, so a document of endless distinct names only misses the cache.
 */
export class NameCache {
  private readonly entries = new Map<number, { readonly bytes: Buffer; readonly name: string }>();

  name(buf: Buffer, start: number, end: number): string {
    const length = end - start;
    const key = length * 65_536 + (buf[start] ?? 0) * 256 + (buf[end - 1] ?? 0);
    const cached = this.entries.get(key);
    if (cached?.bytes.length === length) {
      let offset = 0;
      while (offset < length && cached.bytes[offset] === buf[start + offset]) offset += 1;
      if (offset === length) return cached.name;
    }
    const name = buf.toString('latin1', start, end);
    if (this.entries.size < 256 || cached !== undefined) {
      this.entries.set(key, { bytes: Buffer.from(buf.subarray(start, end)), name });
    }
    return name;
  }
}
