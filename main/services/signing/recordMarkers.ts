import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from '@cantoo/pdf-lib';
import {
  parseSignatureBoxes,
  recordInfoKeys,
  type RecordPdfMarkers,
} from '../../../shared/record/render/recordPdfMarkers';

function textOf(info: PDFDict, key: string): string | undefined {
  const value = info.lookup(PDFName.of(key));
  return value instanceof PDFHexString || value instanceof PDFString ? value.decodeText() : undefined;
}

/**
 * The học bạ markers of a document the signer has already parsed (undefined when it is not one
 * of ours): the same reading as `readRecordPdfMarkers`, which takes bytes and parses them itself.
 * recordMarkers.test.ts holds the two to the same answers.
 */
export function recordMarkersOf(doc: PDFDocument): RecordPdfMarkers | undefined {
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  if (!(info instanceof PDFDict)) return undefined;
  const recordId = textOf(info, recordInfoKeys.recordId);
  const contentHash = textOf(info, recordInfoKeys.contentHash);
  const version = Number(textOf(info, recordInfoKeys.version));
  const status = textOf(info, recordInfoKeys.status);
  if (recordId === undefined || contentHash === undefined || !Number.isInteger(version)) return undefined;
  if (status !== 'draft' && status !== 'final') return undefined;
  const signatureBoxes = parseSignatureBoxes(textOf(info, recordInfoKeys.signatureBoxes));
  return { recordId, contentHash, version, status, signatureBoxes };
}
