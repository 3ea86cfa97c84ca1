import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFRef,
  type PDFFont,
  type PDFPage,
} from '@cantoo/pdf-lib';
import { embedSharedSubsetFont, vietnameseCharacters } from '../pdf/cachedFontkit';
import { bytesEqual } from './bytes';

/** What the visible appearance needs of a font: its object, and how to encode and measure text. */
export type AppearanceFont = Pick<PDFFont, 'ref' | 'encodeText' | 'widthOfTextAtSize'>;

const appearanceCharacters = vietnameseCharacters().join('');
const knownCharacters = new Set(vietnameseCharacters());

/**
 * The shared subset (ASCII and the whole Vietnamese alphabet) embedded once per process into a
 * scratch document: its font encodes and measures appearance text, and its compressed font
 * program is what the same subset looks like inside a học bạ rendered with the same font.
 */
type Template = { readonly font: PDFFont; readonly fontFile: PDFRawStream };

const templates = new WeakMap<Uint8Array, Promise<Template | undefined>>();

function lookupDict(dict: PDFDict | undefined, key: string): PDFDict | undefined {
  const value = dict?.lookup(PDFName.of(key));
  return value instanceof PDFDict ? value : undefined;
}

/** The FontFile2 of a Type0 font with Identity-H encoding, or undefined for any other font. */
function fontFileOf(type0: PDFDict): PDFRawStream | undefined {
  if (type0.lookup(PDFName.of('Subtype')) !== PDFName.of('Type0')) return undefined;
  if (type0.lookup(PDFName.of('Encoding')) !== PDFName.of('Identity-H')) return undefined;
  const descendants = type0.lookup(PDFName.of('DescendantFonts'));
  const cidFont = descendants instanceof PDFArray ? descendants.lookup(0) : undefined;
  if (!(cidFont instanceof PDFDict)) return undefined;
  const fontFile = lookupDict(cidFont, 'FontDescriptor')?.lookup(PDFName.of('FontFile2'));
  return fontFile instanceof PDFRawStream ? fontFile : undefined;
}

function sameStream(a: PDFRawStream, b: PDFRawStream): boolean {
  return (
    a.dict.lookup(PDFName.of('Filter')) === b.dict.lookup(PDFName.of('Filter')) &&
    bytesEqual(a.getContents(), b.getContents())
  );
}

/** Code point by code point, as fontkit maps them to glyphs (NFC text has no combining marks). */
function onlyKnownCharacters(lines: readonly string[]): boolean {
  for (const line of lines) for (const character of line) if (!knownCharacters.has(character)) return false;
  return true;
}

async function makeTemplate(fontBytes: Uint8Array): Promise<Template | undefined> {
  const scratch = await PDFDocument.create({ updateMetadata: false });
  const font = await embedSharedSubsetFont(scratch, fontBytes, appearanceCharacters);
  await scratch.flush();
  const type0 = scratch.context.lookup(font.ref);
  const fontFile = type0 instanceof PDFDict ? fontFileOf(type0) : undefined;
  return fontFile === undefined ? undefined : { font, fontFile };
}

function templateOf(fontBytes: Uint8Array): Promise<Template | undefined> {
  let template = templates.get(fontBytes);
  if (template === undefined) {
    template = makeTemplate(fontBytes);
    templates.set(fontBytes, template);
  }
  return template;
}

/**
 * The font a signature appearance on `page` can use without embedding one: a font of the page
 * whose font program is byte for byte the shared subset of `fontBytes` (a học bạ's regular face).
 * Glyph ids of that subset are fixed, so text encoded with the template's font shows the same
 * letters there. Undefined when the page has no such font or a line has a letter outside it.
 */
export async function reusableAppearanceFont(
  page: PDFPage,
  fontBytes: Uint8Array,
  lines: readonly string[],
): Promise<AppearanceFont | undefined> {
  if (!onlyKnownCharacters(lines)) return undefined;
  const template = await templateOf(fontBytes);
  const fonts = lookupDict(page.node.Resources(), 'Font');
  if (template === undefined || fonts === undefined) return undefined;
  for (const [, value] of fonts.entries()) {
    if (!(value instanceof PDFRef)) continue;
    const type0 = page.doc.context.lookup(value);
    const fontFile = type0 instanceof PDFDict ? fontFileOf(type0) : undefined;
    if (fontFile !== undefined && sameStream(fontFile, template.fontFile)) {
      const { font } = template;
      return {
        ref: value,
        encodeText: (text) => font.encodeText(text),
        widthOfTextAtSize: (text, size) => font.widthOfTextAtSize(text, size),
      };
    }
  }
  return undefined;
}

/**
 * The appearance font for a signature on `page`: the học bạ's own copy of the shared subset when
 * the page has it (a signature then adds a few hundred bytes instead of a second copy of the
 * font), else the shared subset embedded into the update.
 */
export async function appearanceFontFor(
  doc: PDFDocument,
  page: PDFPage,
  fontBytes: Uint8Array,
  lines: readonly string[],
): Promise<AppearanceFont> {
  return (
    (await reusableAppearanceFont(page, fontBytes, lines)) ??
    (await embedSharedSubsetFont(doc, fontBytes, appearanceCharacters))
  );
}
