import { xlsxHostileReasons } from './readClassListStrings';
import { decodeExcelEscapes, decodeXmlEntities } from './xmlText';
import { refuseHostile } from './xlsxRefusal';

/**
 * The raw bytes of one cell's or shared string's text, gathered across chunks and decoded once
 * (a UTF-8 character may be split between two chunks). Holds at most what `maxChars` characters
 * can take in UTF-8 with entities, and refuses beyond, so a 1 GB text node is never held. One
 * collector is reused for every cell: `start()` empties it.
 */
export class TextCollector {
  private pieces: Buffer[] = [];
  private bytes = 0;
  private single: { buf: Buffer; start: number; end: number } | undefined;
  private readonly maxBytes: number;

  constructor(
    private readonly maxChars: number,
    private readonly partLabel: string,
  ) {
    // `&#x10FFFF;` is the widest form of a character: 10 bytes for 2 UTF-16 units.
    this.maxBytes = maxChars * 10;
  }

  start(): void {
    this.pieces = [];
    this.bytes = 0;
    this.single = undefined;
  }

  add(buf: Buffer, start: number, end: number): void {
    this.bytes += end - start;
    if (this.bytes > this.maxBytes) this.tooLong();
    if (this.single === undefined && this.pieces.length === 0) {
      // The usual case: the whole text in one run of one chunk, decoded straight from it.
      this.single = { buf, start, end };
      return;
    }
    if (this.single !== undefined) {
      // Text split across chunks (rare): copies, so the pieces hold only their own bytes.
      this.pieces.push(Buffer.from(this.single.buf.subarray(this.single.start, this.single.end)));
      this.single = undefined;
    }
    this.pieces.push(Buffer.from(buf.subarray(start, end)));
  }

  /** The text so far, decoded; '' when there was none. */
  decoded(options: { readonly excelEscapes: boolean }): string {
    if (this.bytes === 0) return '';
    const raw =
      this.single !== undefined
        ? this.single.buf.toString('utf8', this.single.start, this.single.end)
        : Buffer.concat(this.pieces).toString('utf8');
    const text = decodeXmlEntities(raw);
    const decoded = options.excelEscapes ? decodeExcelEscapes(text) : text;
    if (decoded.length > this.maxChars) this.tooLong();
    return decoded;
  }

  get empty(): boolean {
    return this.bytes === 0;
  }

  private tooLong(): never {
    return refuseHostile(xlsxHostileReasons.cellTooLong(this.partLabel, this.maxChars));
  }
}
