import {
  ParseSpeeds,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
} from '@cantoo/pdf-lib';
import { appearanceFontFor } from './appearanceFont';
import { bytesEqual, indexOfBytes, latin1Decode, latin1Encode } from './bytes';
import { signatureContentsGaps } from './signatureDictionaries';
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
  /**
   * `pdf` already parsed by `loadForSigning`, so a caller that read the document (markers, signed
   * roles) does not pay for a second parse. It is used up: the update is built into it.
   */
  readonly document?: PDFDocument;
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

/**
 * The first signature of a document certifies it (ISO 32000-1 §12.8.2.2, DocMDP): P 2 allows
 * what later signers do, filling signature fields, and nothing else.
 */
const certificationReference =
  '/Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /Type /TransformParams /P 2 /V /1.2 >> >>]';

function signatureDictionary(
  options: PlaceholderOptions,
  contentsSize: number,
  certify: boolean,
): Uint8Array {
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
    ...(certify ? [certificationReference] : []),
    '/Prop_Build << /App << /Name /HocBaSo >> >>',
    '>>',
  ].join('\n');
  return latin1Encode(text);
}

type ExistingField = { readonly ref: PDFRef | undefined; readonly dict: PDFDict; readonly name: string };

function fieldsOf(fields: PDFArray): ExistingField[] {
  const found: ExistingField[] = [];
  for (let i = 0; i < fields.size(); i += 1) {
    const raw = fields.get(i);
    const field = fields.lookup(i);
    if (!(field instanceof PDFDict)) continue;
    const name = field.lookup(PDFName.of('T'));
    if (name instanceof PDFString || name instanceof PDFHexString)
      found.push({ ref: raw instanceof PDFRef ? raw : undefined, dict: field, name: name.decodeText() });
  }
  return found;
}

/** Whether the last revision's cross-reference section is a stream rather than an `xref` table. */
export function lastXrefIsStream(pdf: Uint8Array): boolean {
  const tail = latin1Decode(pdf, Math.max(0, pdf.length - 1024));
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) return false;
  const offset = Number(match[1]);
  return latin1Decode(pdf, offset, Math.min(pdf.length, offset + 4)) !== 'xref';
}

/**
 * Parses a PDF for one incremental update. All at once (pdf-lib's default yields to the event
 * loop every 100 objects, a timer tick each); without touching /Info (an update must not change
 * what it does not need to).
 *
 * The earlier signatures' /Contents are blanked in the copy pdf-lib parses: pdf-lib builds a
 * string one character at a time for each 32,768-digit hex value, which made every signature
 * make the next one slower. Nothing reads or writes those values through pdf-lib (an update adds
 * objects and rewrites only the page, the form and the catalog), and the document keeps the real
 * bytes as its original, so the saved file starts with them unchanged.
 */
export async function loadForSigning(pdf: Uint8Array): Promise<PDFDocument> {
  const gaps = signatureContentsGaps(pdf);
  let parsed = pdf;
  if (gaps.length > 0) {
    parsed = pdf.slice();
    // `<hex>` becomes `0` and spaces: same length, so every offset stays where it was.
    for (const [start, end] of gaps) {
      parsed[start] = 0x30;
      parsed.fill(0x20, start + 1, end);
    }
  }
  const doc = await PDFDocument.load(parsed, {
    forIncrementalUpdate: true,
    updateMetadata: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
  doc.context.pdfFileDetails.originalBytes = pdf;
  return doc;
}

/**
 * Runs `build` with pdf-lib's change tracking off. With `forIncrementalUpdate`, every `set` or
 * `push` on a direct object makes pdf-lib search the whole object graph for its container, which
 * made a signature cost more the larger the document and the more signatures it had. New objects
 * are saved anyway (their numbers are above the snapshot's); the existing objects `build` changes
 * are named by it and marked here.
 */
function withoutChangeTracking(doc: PDFDocument, build: () => Promise<readonly PDFRef[]>): Promise<void> {
  const snapshot = doc.context.snapshot;
  if (snapshot === undefined) throw new Error('the document was not loaded for an incremental update');
  doc.context.snapshot = undefined;
  return build().then(
    (changed) => {
      doc.context.snapshot = snapshot;
      snapshot.markRefsForSave([...changed]);
    },
    (error: unknown) => {
      doc.context.snapshot = snapshot;
      throw error;
    },
  );
}

/** The indirect object that holds `key` of `dict` (itself when the value is a reference). */
function holderOf(dict: PDFDict, key: string, dictRef: PDFRef): PDFRef {
  const raw = dict.get(PDFName.of(key));
  return raw instanceof PDFRef ? raw : dictRef;
}

/**
 * Appends one incremental update with a signature field, its visible widget and an empty /Sig
 * dictionary. The original bytes stay byte-identical, so earlier signatures stay valid.
 */
export async function prepareSignaturePlaceholder(options: PlaceholderOptions): Promise<PreparedPlaceholder> {
  const contentsSize = options.contentsSize ?? defaultContentsSize;
  const doc = options.document ?? (await loadForSigning(options.pdf));
  if (doc.context.pdfFileDetails.originalBytes !== options.pdf)
    throw new Error('the parsed document is not the one being signed');
  const page = doc.getPages()[options.pageIndex];
  if (!page) throw new PdfSigningError('page-missing', signingErrors.pageMissing(options.pageIndex + 1));
  const catalogRef = doc.context.trailerInfo.Root;
  if (!(catalogRef instanceof PDFRef)) throw new Error('the trailer has no /Root reference');

  await withoutChangeTracking(doc, async () => {
    const acroForm = doc.catalog.getOrCreateAcroForm();
    const acroFormHolder = holderOf(doc.catalog, 'AcroForm', catalogRef);
    let fields = acroForm.dict.lookup(PDFName.of('Fields'));
    if (!(fields instanceof PDFArray)) {
      fields = doc.context.obj([]);
      acroForm.dict.set(PDFName.of('Fields'), fields);
    }
    if (!(fields instanceof PDFArray)) throw new Error('AcroForm /Fields is not an array');
    const existing = fieldsOf(fields);
    const reserved = existing.find((field) => field.name === options.fieldName);
    if (reserved?.dict.has(PDFName.of('V'))) {
      throw new PdfSigningError('already-signed', options.alreadySignedMessage);
    }
    // The first signature certifies the document; a học bạ's later signers only fill their fields.
    const certify = !existing.some((field) => field.dict.has(PDFName.of('V')));

    // The whole Vietnamese alphabet as one subset, encoded and compressed once per process: the
    // record renderer embeds the same subset, which the appearance then uses where it can.
    const font = await appearanceFontFor(doc, page, options.fontBytes, options.appearanceLines);
    const appearance = buildSignatureAppearance(doc, font, options.rect, options.appearanceLines);

    // Raw bytes, so pdf-lib writes the dictionary verbatim and never into an object stream.
    const signatureRef = doc.context.register(
      PDFInvalidObject.of(signatureDictionary(options, contentsSize, certify)),
    );
    const changed: PDFRef[] = [catalogRef, acroFormHolder];
    if (certify) doc.catalog.set(PDFName.of('Perms'), doc.context.obj({ DocMDP: signatureRef }));
    if (reserved) {
      // The record reserved this field (and its widget) in the rendered file: fill it in place.
      if (reserved.ref === undefined)
        throw new Error('the reserved signature field is not an indirect object');
      reserved.dict.set(PDFName.of('V'), signatureRef);
      reserved.dict.set(PDFName.of('AP'), doc.context.obj({ N: appearance }));
      changed.push(reserved.ref);
    } else {
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
      changed.push(
        page.ref,
        holderOf(page.node, 'Annots', page.ref),
        holderOf(acroForm.dict, 'Fields', acroFormHolder),
      );
    }
    const flags = acroForm.dict.lookup(PDFName.of('SigFlags'));
    const current = flags instanceof PDFNumber ? flags.asNumber() : 0;
    // SignaturesExist | AppendOnly (ISO 32000-1 §12.7.2).
    acroForm.dict.set(PDFName.of('SigFlags'), PDFNumber.of(current | 3));
    // The font's objects are made here too, not while saving, where tracking is back on.
    await doc.flush();
    // Every existing object changed above; the catalog is always rewritten.
    return changed;
  });

  // An update keeps the cross-reference form of the revision it extends (ISO 32000-1 §7.5.8.4).
  const pdf = await doc.save({ useObjectStreams: lastXrefIsStream(options.pdf), objectsPerTick: Infinity });
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
