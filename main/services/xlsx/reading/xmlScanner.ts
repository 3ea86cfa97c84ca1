import { XmlScanError } from './xmlScanError';
import { isSpace, NameCache, TagView, type XmlTag } from './xmlTagView';

/**
 * A streaming XML scanner over UTF-8 bytes, written for hostile input: it holds no tree, keeps
 * no text the handler does not ask for, and stops at a depth, an element count and a token size.
 * Each byte is looked at a bounded number of times (text runs by `indexOf`, tags once, a token
 * split across chunks again at most maxTokenBytes / chunk size times), so time is linear.
 * No DTD: a DOCTYPE is refused, which also rules out entity-expansion bombs.
 * Element names are given without their namespace prefix (`x:row` → `row`).
 */
export type XmlHandler = {
  /** Asked before each run of character data: whether the reader keeps text here. */
  readonly wantsText: () => boolean;
  /** `tag` is valid during this call only. */
  readonly open: (name: string, tag: XmlTag) => void;
  readonly close: (name: string) => void;
  /**
   * Raw character data `buf[start, end)` (entities still encoded, CDATA re-escaped), possibly in
   * pieces. The bytes are never overwritten (every chunk is a buffer of its own), so a handler
   * may keep the view until the element closes.
   */
  readonly text: (buf: Buffer, start: number, end: number) => void;
};

export type XmlScanLimits = {
  readonly maxDepth: number;
  readonly maxElements: number;
  readonly maxTokenBytes: number;
};

const lessThan = 0x3c;
const greaterThan = 0x3e;
const slash = 0x2f;
const bang = 0x21;
const question = 0x3f;
const doubleQuote = 0x22;
const singleQuote = 0x27;

const commentOpen = Buffer.from('<!--');
const cdataOpen = Buffer.from('<![CDATA[');

/** Whether `pattern` starts at `pos`: 'yes', 'no', or 'partial' when the bytes end first. */
function startsWith(buf: Buffer, pos: number, pattern: Buffer): 'yes' | 'no' | 'partial' {
  for (let index = 0; index < pattern.length; index += 1) {
    if (pos + index >= buf.length) return 'partial';
    if (buf[pos + index] !== pattern[index]) return 'no';
  }
  return 'yes';
}

export class XmlScanner {
  private pending: Buffer | undefined;
  private depth = 0;
  private elements = 0;
  private readonly tag = new TagView();
  private readonly names = new NameCache();

  constructor(
    private readonly handler: XmlHandler,
    private readonly limits: XmlScanLimits,
  ) {}

  /** Scans one chunk; an incomplete token at its end waits for the next chunk. */
  push(chunk: Buffer): void {
    let buf = chunk;
    if (this.pending !== undefined) {
      buf = Buffer.concat([this.pending, chunk]);
      this.pending = undefined;
    }
    const end = buf.length;
    let pos = 0;
    while (pos < end) {
      if (buf[pos] !== lessThan) {
        const next = buf.indexOf(lessThan, pos);
        const textEnd = next === -1 ? end : next;
        if (this.handler.wantsText()) this.handler.text(buf, pos, textEnd);
        pos = textEnd;
        continue;
      }
      const tokenEnd = this.token(buf, pos);
      if (tokenEnd === -1) {
        if (end - pos > this.limits.maxTokenBytes) throw new XmlScanError('token');
        // A copy, so the pending bytes do not keep the whole chunk alive.
        this.pending = Buffer.from(buf.subarray(pos));
        return;
      }
      pos = tokenEnd;
    }
  }

  /** Elements seen so far. */
  get elementCount(): number {
    return this.elements;
  }

  /** The end of the document: nothing may be left half-read. */
  finish(): void {
    if (this.pending !== undefined) throw new XmlScanError('malformed');
  }

  /** Handles the token at `pos` (a `<`); returns the index after it, or -1 when it is cut off. */
  private token(buf: Buffer, pos: number): number {
    const end = buf.length;
    if (pos + 1 >= end) return -1;
    const second = buf[pos + 1];
    if (second === bang) return this.markup(buf, pos);
    if (second === question) {
      const close = buf.indexOf('?>', pos + 2);
      return this.within(pos, close === -1 ? -1 : close + 2);
    }
    let cursor = pos + 1;
    let quote = 0;
    for (; cursor < end; cursor += 1) {
      const byte = buf[cursor];
      if (quote !== 0) {
        if (byte === quote) quote = 0;
      } else if (byte === greaterThan) break;
      else if (byte === doubleQuote || byte === singleQuote) quote = byte;
    }
    if (cursor >= end) return -1;
    if (this.within(pos, cursor + 1) === -1) return -1;
    if (second === slash) {
      this.depth = Math.max(0, this.depth - 1);
      this.handler.close(this.localName(buf, pos + 2, cursor));
      return cursor + 1;
    }
    const selfClosing = buf[cursor - 1] === slash;
    const tagEnd = selfClosing ? cursor - 1 : cursor;
    let nameEnd = pos + 1;
    while (nameEnd < tagEnd && !isSpace(buf[nameEnd])) nameEnd += 1;
    const name = this.localName(buf, pos + 1, nameEnd);
    this.elements += 1;
    if (this.elements > this.limits.maxElements) throw new XmlScanError('elements');
    this.depth += 1;
    if (this.depth > this.limits.maxDepth) throw new XmlScanError('depth');
    this.tag.reset(buf, nameEnd, tagEnd);
    this.handler.open(name, this.tag);
    if (selfClosing) {
      this.depth -= 1;
      this.handler.close(name);
    }
    return cursor + 1;
  }

  /** `<!--…-->`, `<![CDATA[…]]>`; anything else after `<!` (a DOCTYPE) is refused. */
  private markup(buf: Buffer, pos: number): number {
    const comment = startsWith(buf, pos, commentOpen);
    if (comment === 'yes') {
      const close = buf.indexOf('-->', pos + commentOpen.length);
      return this.within(pos, close === -1 ? -1 : close + 3);
    }
    const cdata = startsWith(buf, pos, cdataOpen);
    if (cdata === 'yes') {
      const close = buf.indexOf(']]>', pos + cdataOpen.length);
      if (this.within(pos, close === -1 ? -1 : close + 3) === -1) return -1;
      if (this.handler.wantsText()) {
        const text = escapeCdata(buf.subarray(pos + cdataOpen.length, close));
        this.handler.text(text, 0, text.length);
      }
      return close + 3;
    }
    if (comment === 'partial' || cdata === 'partial') return -1;
    throw new XmlScanError('doctype');
  }

  /** `tokenEnd`, unless the token is longer than allowed (refused) or cut off (-1). */
  private within(pos: number, tokenEnd: number): number {
    if (tokenEnd !== -1 && tokenEnd - pos > this.limits.maxTokenBytes) throw new XmlScanError('token');
    return tokenEnd;
  }

  private localName(buf: Buffer, start: number, end: number): string {
    let nameStart = start;
    let nameEnd = end;
    while (nameEnd > nameStart && isSpace(buf[nameEnd - 1])) nameEnd -= 1;
    for (let index = nameStart; index < nameEnd; index += 1) {
      if (buf[index] === 0x3a) nameStart = index + 1;
    }
    return this.names.name(buf, nameStart, nameEnd);
  }
}

/** CDATA is literal text; escaping `&` and `<` lets it join the entity-decoded text around it. */
function escapeCdata(bytes: Buffer): Buffer {
  if (!bytes.includes(0x26) && !bytes.includes(lessThan)) return bytes;
  return Buffer.from(bytes.toString('utf8').replaceAll('&', '&amp;').replaceAll('<', '&lt;'), 'utf8');
}
