import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFString,
  type PDFRef,
} from '@cantoo/pdf-lib';
import { embedSharedSubsetFont, vietnameseCharacters } from '../pdf/cachedFontkit';
import { bytesEqual, indexOfBytes, latin1Decode, latin1Encode } from './bytes';
import { PdfSigningError } from './pdfSigningError';
import { buildSignatureAppearance } from './signatureAppearance';
import { signingErrors } from './signingStrings';
import type { SignatureRect } from './signingTypes';

/** Bytes reserved for the CMS; a CAdES signature with a three-certificate chain needs about 5 KB. */
export const defaultContentsSize = 16_384;
export const byteRangePlaceholder = '[0 /********** /********** /**********]';

export type PlaceholderOptions = {
  readonly pdf: Uint8Array;
  readonly fieldName: string;
  /** Zero-based page index. */
  readonly pageIndex: number;
  readonly rect: SignatureRect;
  /** Lines drawn in the visible appearance (already NFC). */
  readonly appearanceLines: readonly string[];
  /** TTF bytes with full Vietnamese coverage (Be Vietnam Pro). */
  readonly fontBytes: Uint8Array;
  readonly signingTime: Date;
  readonly signerName: string;
  readonly reason: string;
  readonly contentsSize?: number;
  /** Shown when the document already has `fieldName`. */
  readonly alreadySignedMessage: string;
};

export type PreparedPlaceholder = {
  /** The original bytes followed by one incremental update holding the empty signature. */
  readonly pdf: Uint8Array;
  /** Offset of the `[` of the /ByteRange placeholder. */
  readonly byteRangeOffset: number;
  /** Offsets of `<` and one past `>` of the /Contents hex string. */
  readonly contentsStart: number;
  readonly contentsEnd: number;
};

/** PDF date (ISO 32000-1 §7.9.4) in UTC. */
export function pdfDate(instant: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return (
    `D:${instant.getUTCFullYear()}${pad(instant.getUTCMonth() + 1)}${pad(instant.getUTCDate())}` +
    `${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}${pad(instant.getUTCSeconds())}Z`
  );
}

function signatureDictionary(options: PlaceholderOptions, contentsSize: number): Uint8Array {
  const text = [
    '<<',
    '/Type /Sig',
    '/Filter /Adobe.PPKLite',
    '/SubFilter /ETSI.CAdES.detached',
    `/ByteRange ${byteRangePlaceholder}`,
    `/Contents <${'0'.repeat(contentsSize * 2)}>`,
    `/M ${PDFString.of(pdfDate(options.signingTime)).toString()}`,
    `/Name ${PDFHexString.fromText(options.signerName.normalize('NFC')).toString()}`,
    `/Reason ${PDFHexString.fromText(options.reason.normalize('NFC')).toString()}`,
    '/Prop_Build << /App << /Name /HocBaSo >> >>',
    '>>',
  ].join('\n');
  return latin1Encode(text);
}

function fieldNames(fields: PDFArray): string[] {
  const names: string[] = [];
  for (let i = 0; i < fields.size(); i += 1) {
    const field = fields.lookup(i);
    if (!(field instanceof PDFDict)) continue;
    const name = field.lookup(PDFName.of('T'));
    if (name instanceof PDFString || name instanceof PDFHexString) names.push(name.decodeText());
  }
  return names;
}

/** Whether the last revision's cross-reference section is a stream rather than an `xref` table. */
export function lastXrefIsStream(pdf: Uint8Array): boolean {
  const tail = latin1Decode(pdf, Math.max(0, pdf.length - 1024));
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) return false;
  const offset = Number(match[1]);
  return latin1Decode(pdf, offset, Math.min(pdf.length, offset + 4)) !== 'xref';
}

const appearanceCharacters = vietnameseCharacters().join('');

/**
 * Appends one incremental update with a signature field, its visible widget and an empty /Sig
 * dictionary. The original bytes stay byte-identical, so earlier signatures stay valid.
 */
export async function prepareSignaturePlaceholder(options: PlaceholderOptions): Promise<PreparedPlaceholder> {
  const contentsSize = options.contentsSize ?? defaultContentsSize;
  const doc = await PDFDocument.load(options.pdf, { forIncrementalUpdate: true, updateMetadata: false });
  const page = doc.getPages()[options.pageIndex];
  if (!page) throw new PdfSigningError('page-missing', signingErrors.pageMissing(options.pageIndex + 1));

  const acroForm = doc.catalog.getOrCreateAcroForm();
  let fields = acroForm.dict.lookup(PDFName.of('Fields'));
  if (!(fields instanceof PDFArray)) {
    fields = doc.context.obj([]);
    acroForm.dict.set(PDFName.of('Fields'), fields);
  }
  if (!(fields instanceof PDFArray)) throw new Error('AcroForm /Fields is not an array');
  if (fieldNames(fields).includes(options.fieldName)) {
    throw new PdfSigningError('already-signed', options.alreadySignedMessage);
  }

  // The whole Vietnamese alphabet as one subset, encoded and compressed once per process: the
  // record renderer shares it for the same font bytes, and no signature pays for subsetting.
  const font = await embedSharedSubsetFont(doc, options.fontBytes, appearanceCharacters);
  const appearance = buildSignatureAppearance(doc, font, options.rect, options.appearanceLines);

  // Raw bytes, so pdf-lib writes the dictionary verbatim and never into an object stream.
  const signatureRef = doc.context.register(PDFInvalidObject.of(signatureDictionary(options, contentsSize)));
  const { x, y, width, height } = options.rect;
  const widget = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [x, y, x + width, y + height],
    V: signatureRef,
    T: PDFString.of(options.fieldName),
    F: 4,
    P: page.ref,
    AP: { N: appearance },
  });
  const widgetRef: PDFRef = doc.context.register(widget);

  const annots = page.node.lookup(PDFName.of('Annots'));
  if (annots instanceof PDFArray) annots.push(widgetRef);
  else page.node.set(PDFName.of('Annots'), doc.context.obj([widgetRef]));
  fields.push(widgetRef);
  const flags = acroForm.dict.lookup(PDFName.of('SigFlags'));
  const current = flags instanceof PDFNumber ? flags.asNumber() : 0;
  // SignaturesExist | AppendOnly (ISO 32000-1 §12.7.2).
  acroForm.dict.set(PDFName.of('SigFlags'), PDFNumber.of(current | 3));

  // An update keeps the cross-reference form of the revision it extends (ISO 32000-1 §7.5.8.4).
  const pdf = await doc.save({ useObjectStreams: lastXrefIsStream(options.pdf) });
  // Earlier signatures survive only if every byte before this update is untouched.
  if (!bytesEqual(pdf.subarray(0, options.pdf.length), options.pdf)) {
    throw new Error('the incremental save changed bytes of the earlier revision');
  }
  const byteRangeAt = indexOfBytes(
    pdf,
    latin1Encode(`/ByteRange ${byteRangePlaceholder}`),
    options.pdf.length,
  );
  const contentsAt = byteRangeAt < 0 ? -1 : indexOfBytes(pdf, latin1Encode('/Contents <'), byteRangeAt);
  if (contentsAt < 0) throw new PdfSigningError('placeholder-missing', signingErrors.placeholderMissing);
  const contentsStart = contentsAt + '/Contents '.length;
  return {
    pdf,
    byteRangeOffset: byteRangeAt + '/ByteRange '.length,
    contentsStart,
    contentsEnd: contentsStart + contentsSize * 2 + 2,
  };
}
