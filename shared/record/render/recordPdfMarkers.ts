import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from '@cantoo/pdf-lib';
import { z } from 'zod';
import type { SignerRole } from '../../domain/signerRole';
import { decodeUtf8 } from '../../pdf/pdfValues';
import { parseStudyRecordJson, type ParsedStudyRecord } from '../recordHash';
import { recordSignersSchema, type RecordSigners } from '../studyRecord';

/** The name of the canonical record JSON attached to every học bạ PDF. */
export const recordAttachmentName = 'hocba-record.json';

/** Document information keys the renderer writes, so a signer can tell a draft without parsing the record. */
export const recordInfoKeys = {
  recordId: 'HocbaRecordId',
  contentHash: 'HocbaContentHash',
  version: 'HocbaRecordVersion',
  status: 'HocbaRecordStatus',
  signatureBoxes: 'HocbaSignatureBoxes',
  /**
   * The record's `signers` (names, personal IDs, pinned certificates, the school's codes) as JSON,
   * so main can judge a token's certificate against each file without parsing the attached record.
   * Files rendered before it carried `HocbaSignerNames` (names only), which is no longer read.
   */
  signers: 'HocbaSigners',
} as const;

const signatureBoxSchema = z.strictObject({
  pageIndex: z.number().int().min(0),
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
});

/**
 * The three boxes as the renderer writes them into the document information (JSON). The seal's
 * box is spelt `seal` there, as in every file already rendered and signed: that spelling stays in
 * the files and is mapped to and from the role `schoolSeal` here only.
 */
const signatureBoxesMarkerSchema = z.strictObject({
  homeroomTeacher: signatureBoxSchema,
  principal: signatureBoxSchema,
  seal: signatureBoxSchema,
});

/** A rectangle in PDF points (origin bottom-left) on a 0-based page. */
export type SignatureBox = z.infer<typeof signatureBoxSchema>;
/** Each signer's box, by role. */
export type SignatureBoxes = Readonly<Record<SignerRole, SignatureBox>>;
/** The boxes as the marker spells them (`seal` for the school's seal). */
export type SignatureBoxesMarker = z.infer<typeof signatureBoxesMarkerSchema>;

const signatureBoxesSchema = signatureBoxesMarkerSchema.transform((boxes): SignatureBoxes => ({
  homeroomTeacher: boxes.homeroomTeacher,
  principal: boxes.principal,
  schoolSeal: boxes.seal,
}));

/** The boxes as the marker spells them, in the order the renderer has always written them. */
export function signatureBoxesMarkerOf(boxes: SignatureBoxes): SignatureBoxesMarker {
  return { homeroomTeacher: boxes.homeroomTeacher, principal: boxes.principal, seal: boxes.schoolSeal };
}

export type RecordPdfMarkers = {
  readonly recordId: string;
  readonly contentHash: string;
  readonly version: number;
  readonly status: 'draft' | 'final';
  /** Where each signer's visible signature goes; undefined in files rendered before the boxes were recorded. */
  readonly signatureBoxes: SignatureBoxes | undefined;
  /**
   * Who signs in each box and what tells their certificate from a namesake's; undefined in files
   * rendered before it was recorded, or when the value is not a valid `signers` object.
   */
  readonly signers: RecordSigners | undefined;
};

function parseJson<T>(json: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (json === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Parses the JSON of the boxes; undefined when it is missing or not three well-formed boxes. */
export function parseSignatureBoxes(json: string | undefined): SignatureBoxes | undefined {
  return parseJson(json, signatureBoxesSchema);
}

/** Parses the JSON of the signers; undefined when it is missing or not a valid `signers` object. */
export function parseSignersMarker(json: string | undefined): RecordSigners | undefined {
  return parseJson(json, recordSignersSchema);
}

/** The value the renderer writes for the signature boxes. */
export function signatureBoxesMarkerJson(boxes: SignatureBoxes): string {
  return JSON.stringify(signatureBoxesMarkerOf(boxes));
}

/** The value the renderer writes for a record's signers. */
export function signersMarkerOf(signers: RecordSigners): string {
  return JSON.stringify(signers);
}

function textOf(info: PDFDict, key: string): string | undefined {
  const value = info.lookup(PDFName.of(key));
  return value instanceof PDFHexString || value instanceof PDFString ? value.decodeText() : undefined;
}

/**
 * The markers of a học bạ PDF (undefined when the file is not one of ours). Signers refuse a
 * draft; a verifier must still check the attached record's hash, not trust these markers.
 */
export async function readRecordPdfMarkers(pdf: Uint8Array): Promise<RecordPdfMarkers | undefined> {
  return recordPdfMarkersOf(await PDFDocument.load(pdf, { updateMetadata: false }));
}

/** The markers of an already parsed học bạ PDF (one parse serves several readers). */
export function recordPdfMarkersOf(doc: PDFDocument): RecordPdfMarkers | undefined {
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  if (!(info instanceof PDFDict)) return undefined;
  return recordPdfMarkersFrom((key) => textOf(info, key));
}

/** The markers from the document information's text values, however the file was read. */
export function recordPdfMarkersFrom(
  text: (key: string) => string | undefined,
): RecordPdfMarkers | undefined {
  const recordId = text(recordInfoKeys.recordId);
  const contentHash = text(recordInfoKeys.contentHash);
  const version = Number(text(recordInfoKeys.version));
  const status = text(recordInfoKeys.status);
  if (recordId === undefined || contentHash === undefined || !Number.isInteger(version)) return undefined;
  if (status !== 'draft' && status !== 'final') return undefined;
  const signatureBoxes = parseSignatureBoxes(text(recordInfoKeys.signatureBoxes));
  const signers = parseSignersMarker(text(recordInfoKeys.signers));
  return { recordId, contentHash, version, status, signatureBoxes, signers };
}

/** The record attached to a học bạ PDF, validated, with its recomputed content hash. */
export async function readAttachedRecord(pdf: Uint8Array): Promise<ParsedStudyRecord> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const attachment = doc.getAttachments().find((candidate) => candidate.name === recordAttachmentName);
  if (!attachment) return { ok: false, problems: ['Tệp PDF không có dữ liệu học bạ đính kèm.'] };
  return parseStudyRecordJson(decodeUtf8(attachment.data));
}
