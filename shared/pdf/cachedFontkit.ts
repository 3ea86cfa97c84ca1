import type { PDFDocument, PDFFont } from '@cantoo/pdf-lib';
import fontkit, { type Font, type Glyph, type Subset } from '@pdf-lib/fontkit';

/** What `PDFDocument.registerFontkit` takes. */
export type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type PdfLibFont = Exclude<Awaited<ReturnType<Fontkit['create']>>, null | { fonts: unknown }>;
type PdfLibSubset = ReturnType<PdfLibFont['createSubset']>;
type StreamListener = (data: Uint8Array) => unknown;

/**
 * The font engine the record renderer and the signature appearance give @cantoo/pdf-lib: @pdf-lib/fontkit (the one installed) with
 * three changes, all for the speed of rendering a whole school:
 * - The TTF is parsed once per byte array, not once per record.
 * - Layout maps characters to glyphs without OpenType shaping (`glyphsOf`).
 * - Subsetting, the slowest step by far (fontkit re-encodes glyphs and hinting tables), is done
 *   once per font for a base set of characters (for the regular face ASCII and the whole
 *   Vietnamese alphabet; for the bold face, which draws only the template's words, those
 *   words' letters); every record whose text stays inside it reuses the same encoded subset. A record with other characters
 *   gets the base glyphs (same ids, in the same order) plus its extras, encoded for it.
 * It also hides @pdf-lib/fontkit's `Subset.encode`, which needs a stream argument that
 * @cantoo/pdf-lib (written for fontkit 2's argument-less `encode`) does not pass; pdf-lib then
 * uses `encodeStream`.
 */
type FontEntry = {
  readonly font: Font;
  readonly glyphs: Map<number, Glyph>;
  base?: { readonly order: readonly Glyph[]; readonly ids: ReadonlyMap<number, number>; bytes: Uint8Array };
  readonly withExtras: Map<string, Uint8Array>;
};

const entries = new WeakMap<Uint8Array, FontEntry>();

/** Encoded subsets by length, and their deflated form once a document has compressed them. */
const knownSubsets = new Map<number, Uint8Array[]>();
const compressed = new WeakMap<Uint8Array, Uint8Array>();

function remember(bytes: Uint8Array): Uint8Array {
  knownSubsets.set(bytes.length, [...(knownSubsets.get(bytes.length) ?? []), bytes]);
  return bytes;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Lets a document reuse the deflated bytes of a shared subset instead of compressing the same
 * 50 KB again for every record (pdf-lib copies the subset before compressing it, so it is
 * recognised by content). Only this document's `flateStream` is wrapped; anything else is
 * compressed as before.
 */
export function reuseCompressedFonts(doc: PDFDocument): void {
  const context = doc.context;
  const flate = context.flateStream.bind(context);
  context.flateStream = (contents, dict = {}) => {
    if (typeof contents === 'string') return flate(contents, dict);
    const known = knownSubsets.get(contents.length)?.find((candidate) => sameBytes(candidate, contents));
    if (!known) return flate(contents, dict);
    const deflated = compressed.get(known);
    if (deflated) return context.stream(deflated, { ...dict, Filter: 'FlateDecode' });
    const stream = flate(contents, dict);
    compressed.set(known, stream.getContents());
    return stream;
  };
}

const vowels = 'aăâeêioôơuưy';
const toneMarks = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

/** ASCII, every Vietnamese letter in both cases, and the punctuation of the template. */
export function vietnameseCharacters(): string[] {
  const characters = new Set<string>();
  for (let code = 0x20; code < 0x7f; code += 1) characters.add(String.fromCharCode(code));
  for (const vowel of vowels)
    for (const mark of toneMarks) {
      const letter = `${vowel}${mark}`.normalize('NFC');
      characters.add(letter);
      characters.add(letter.toUpperCase());
    }
  for (const character of 'đĐ–—‘’“”…×·•') characters.add(character);
  return [...characters];
}

function entryOf(bytes: Uint8Array): FontEntry {
  let entry = entries.get(bytes);
  if (!entry) {
    entry = { font: fontkit.create(bytes), glyphs: new Map(), withExtras: new Map() };
    entries.set(bytes, entry);
  }
  return entry;
}

function glyphOf(entry: FontEntry, codePoint: number): Glyph {
  let glyph = entry.glyphs.get(codePoint);
  if (!glyph) {
    glyph = entry.font.glyphForCodePoint(codePoint);
    entry.glyphs.set(codePoint, glyph);
  }
  return glyph;
}

/**
 * Glyphs straight from the character map: pdf-lib ignores GPOS and uses nothing of a layout but
 * its glyphs, and NFC Vietnamese needs no substitution (every precomposed letter has its own
 * glyph). Shaping each string took most of the render time; without ligatures, extracted text is
 * also exactly the source text.
 */
function glyphsOf(entry: FontEntry, text: string): { glyphs: Glyph[]; positions: [] } {
  const glyphs: Glyph[] = [];
  for (const character of text) glyphs.push(glyphOf(entry, character.codePointAt(0) ?? 0));
  return { glyphs, positions: [] };
}

function encodeSubset(subset: Subset): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const parts: Uint8Array[] = [];
    subset
      .encodeStream()
      .on('data', (part: Uint8Array) => parts.push(part))
      .on('end', () => {
        const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
        let offset = 0;
        for (const part of parts) {
          bytes.set(part, offset);
          offset += part.length;
        }
        resolve(bytes);
      });
  });
}

async function baseOf(entry: FontEntry, characters: string): Promise<NonNullable<FontEntry['base']>> {
  if (entry.base) return entry.base;
  const order: Glyph[] = [];
  const ids = new Map<number, number>();
  const subset = entry.font.createSubset();
  for (const character of characters) {
    const glyph = glyphOf(entry, character.codePointAt(0) ?? 0);
    if (ids.has(glyph.id)) continue;
    ids.set(glyph.id, subset.includeGlyph(glyph));
    order.push(glyph);
  }
  const base = { order, ids, bytes: remember(await encodeSubset(subset)) };
  entry.base = base;
  return base;
}

/** A stream of one chunk, delivered after pdf-lib has attached its listeners. */
function streamOf(bytes: Promise<Uint8Array>) {
  const listeners = new Map<string, StreamListener[]>();
  const emit = (event: string, data: Uint8Array) => {
    for (const listener of listeners.get(event) ?? []) listener(data);
  };
  void bytes.then((data) => {
    emit('data', data);
    emit('end', data);
  });
  const stream = {
    // 'error' too: pdf-lib listens for it; a cached or freshly encoded subset never fails here.
    on(event: string, listener: StreamListener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return stream;
    },
  };
  return stream;
}

/** A subset over the cached base: ids of base glyphs are fixed, extras follow them. */
function cachedSubset(entry: FontEntry, base: NonNullable<FontEntry['base']>): PdfLibSubset {
  const extras: Glyph[] = [];
  const extraIds = new Map<number, number>();
  // Glyph 0 (.notdef) comes first in every fontkit subset, so the base glyphs are 1…n.
  const firstExtra = base.order.length + 1;
  const encode = async (): Promise<Uint8Array> => {
    if (extras.length === 0) return base.bytes;
    const key = extras.map((glyph) => glyph.id).join(',');
    const known = entry.withExtras.get(key);
    if (known) return known;
    const subset = entry.font.createSubset();
    for (const glyph of [...base.order, ...extras]) subset.includeGlyph(glyph);
    const bytes = await encodeSubset(subset);
    if (entry.withExtras.size < 256) entry.withExtras.set(key, remember(bytes));
    return bytes;
  };
  return {
    includeGlyph(glyph: number | Glyph) {
      const id = typeof glyph === 'number' ? glyph : glyph.id;
      if (id === 0) return 0;
      const known = base.ids.get(id) ?? extraIds.get(id);
      if (known !== undefined) return known;
      const resolved = typeof glyph === 'number' ? entry.font.getGlyph(glyph) : glyph;
      extras.push(resolved);
      extraIds.set(id, firstExtra + extras.length - 1);
      return firstExtra + extras.length - 1;
    },
    encodeStream: () => streamOf(encode()),
  };
}

/**
 * Prepares a font's base subset once (the first call for given bytes fixes its characters);
 * callers await it before embedding, and then encode the same characters with the embedded font,
 * so pdf-lib knows every glyph of the shared subset and writes widths without gaps.
 */
export async function prepareSubsetFont(bytes: Uint8Array, characters: string): Promise<void> {
  await baseOf(entryOf(bytes), characters);
}

export const cachedFontkit: Fontkit = {
  create(bytes: Uint8Array) {
    const entry = entryOf(bytes);
    const { font } = entry;
    const base = entry.base;
    return new Proxy(font, {
      get(target, property) {
        if (property === 'layout') return (text: string) => glyphsOf(entry, text);
        if (property === 'createSubset')
          return () => {
            if (!base) throw new Error('prepareSubsetFont must run before this font is embedded');
            return cachedSubset(entry, base);
          };
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  },
};

/**
 * Embeds a font into `doc` as a subset shared across documents: the base subset of `characters`
 * is prepared once per font bytes, every glyph of it is made known to pdf-lib (widths without
 * gaps), and its compressed bytes are reused. Text outside `characters` still works (encoded
 * per document).
 */
export async function embedSharedSubsetFont(
  doc: PDFDocument,
  bytes: Uint8Array,
  characters: string,
): Promise<PDFFont> {
  await prepareSubsetFont(bytes, characters);
  doc.registerFontkit(cachedFontkit);
  reuseCompressedFonts(doc);
  const font = await doc.embedFont(bytes, { subset: true });
  font.encodeText(characters);
  return font;
}
