import { readPdfFile, type PdfFile } from '../pdf/pdfFile';
import { PdfStructureError } from '../pdf/pdfLimits';
import { dictGet, isArray, isDict, isName, isString, textOf } from '../pdf/pdfValues';
import { parsePdfDate } from './pdfDate';

/** A signature dictionary as written in the file (no judgement of what it signs). */
export type SignatureDictionary = {
  /** The /ByteRange when it is four integers. */
  readonly byteRange: readonly [number, number, number, number] | undefined;
  /** The CMS bytes of /Contents (zero padding included). */
  readonly contents: Uint8Array;
  /** Offsets of `<` and one past `>` of the /Contents hex string in the file. */
  readonly contentsGap: readonly [number, number];
  readonly signingTime: Date | undefined;
  readonly name: string | undefined;
  readonly reason: string | undefined;
};

function readOrUndefined(pdf: Uint8Array): PdfFile | undefined {
  try {
    return readPdfFile(pdf);
  } catch (error) {
    if (error instanceof PdfStructureError) return undefined;
    throw error;
  }
}

/**
 * Every signature (and document timestamp) dictionary written as an indirect object of its own,
 * in file order, read with the bounded reader in one linear pass. A file the reader refuses has
 * none: callers either verify it (and get the reader's reason) or sign it the slow way.
 */
export function readSignatureDictionaries(pdf: Uint8Array): SignatureDictionary[] {
  const file = readOrUndefined(pdf);
  if (!file) return [];
  const found: SignatureDictionary[] = [];
  for (const revision of file.revisions)
    for (const object of [...revision.objects.values()].sort((a, b) => a.offset - b.offset)) {
      if (object.offset < 0 || !isDict(object.value)) continue;
      const type = dictGet(object.value, 'Type');
      if (!isName(type, 'Sig') && !isName(type, 'DocTimeStamp')) continue;
      const contents = dictGet(object.value, 'Contents');
      if (!isString(contents) || !contents.hex) continue;
      const range = dictGet(object.value, 'ByteRange');
      const numbers = isArray(range)
        ? range.items.filter((item): item is number => typeof item === 'number')
        : [];
      const time = textOf(dictGet(object.value, 'M'));
      found.push({
        byteRange:
          numbers.length === 4
            ? [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0, numbers[3] ?? 0]
            : undefined,
        contents: contents.bytes,
        contentsGap: [contents.start, contents.end],
        signingTime: time === undefined ? undefined : parsePdfDate(time),
        name: textOf(dictGet(object.value, 'Name')),
        reason: textOf(dictGet(object.value, 'Reason')),
      });
    }
  return found;
}

/**
 * Where each earlier signature's /Contents hex string sits, for the signer: it blanks them in the
 * copy pdf-lib parses (pdf-lib builds those long strings one character at a time).
 */
export function signatureContentsGaps(pdf: Uint8Array): (readonly [number, number])[] {
  return readSignatureDictionaries(pdf).map((signature) => signature.contentsGap);
}
