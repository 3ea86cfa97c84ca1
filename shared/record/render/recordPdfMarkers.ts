import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from '@cantoo/pdf-lib';
import { z } from 'zod';
import { parseStudyRecordJson, type ParsedStudyRecord } from '../recordHash';

/** The name of the canonical record JSON attached to every học bạ PDF. */
export const recordAttachmentName = 'hocba-record.json';

/** Document information keys the renderer writes, so a signer can tell a draft without parsing the record. */
export const recordInfoKeys = {
  recordId: 'HocbaRecordId',
  contentHash: 'HocbaContentHash',
  version: 'HocbaRecordVersion',
  status: 'HocbaRecordStatus',
  signatureBoxes: 'HocbaSignatureBoxes',
  signerNames: 'HocbaSignerNames',
} as const;

const signatureBoxSchema = z.strictObject({
  pageIndex: z.number().int().min(0),
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
});

/** The three boxes as the renderer writes them into the document information (JSON). */
export const signatureBoxesSchema = z.strictObject({
  homeroomTeacher: signatureBoxSchema,
  principal: signatureBoxSchema,
  seal: signatureBoxSchema,
});

/** A rectangle in PDF points (origin bottom-left) on a 0-based page. */
export type SignatureBox = z.infer<typeof signatureBoxSchema>;
export type SignatureRole = keyof z.infer<typeof signatureBoxesSchema>;
export type SignatureBoxes = Readonly<Record<SignatureRole, SignatureBox>>;

/** Who the record says signs in each role: the homeroom teacher, the principal, and the school (seal). */
export const signerNamesSchema = z.strictObject({
  homeroomTeacher: z.string(),
  principal: z.string(),
  schoolSeal: z.string(),
});
export type SignerNames = z.infer<typeof signerNamesSchema>;

export type RecordPdfMarkers = {
  readonly recordId: string;
  readonly contentHash: string;
  readonly version: number;
  readonly status: 'draft' | 'final';
  /** Where each signer's visible signature goes; undefined in files rendered before the boxes were recorded. */
  readonly signatureBoxes: SignatureBoxes | undefined;
  /** The names printed under each box; undefined in files rendered before they were recorded. */
  readonly signerNames: SignerNames | undefined;
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
  const recordId = textOf(info, recordInfoKeys.recordId);
  const contentHash = textOf(info, recordInfoKeys.contentHash);
  const version = Number(textOf(info, recordInfoKeys.version));
  const status = textOf(info, recordInfoKeys.status);
  if (recordId === undefined || contentHash === undefined || !Number.isInteger(version)) return undefined;
  if (status !== 'draft' && status !== 'final') return undefined;
  const signatureBoxes = parseSignatureBoxes(textOf(info, recordInfoKeys.signatureBoxes));
  const signerNames = parseJson(textOf(info, recordInfoKeys.signerNames), signerNamesSchema);
  return { recordId, contentHash, version, status, signatureBoxes, signerNames };
}

/** The record attached to a học bạ PDF, validated, with its recomputed content hash. */
export async function readAttachedRecord(pdf: Uint8Array): Promise<ParsedStudyRecord> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const attachment = doc.getAttachments().find((candidate) => candidate.name === recordAttachmentName);
  if (!attachment) return { ok: false, problems: ['Tệp PDF không có dữ liệu học bạ đính kèm.'] };
  return parseStudyRecordJson(utf8Decode(attachment.data));
}

/** UTF-8 decoding without TextDecoder (shared/ has no DOM types); the result is schema-checked after. */
function utf8Decode(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i] ?? 0;
    const extra = byte < 0x80 ? 0 : byte >= 0xf0 ? 3 : byte >= 0xe0 ? 2 : 1;
    let code = extra === 0 ? byte : byte & (0x3f >> extra);
    for (let k = 1; k <= extra; k += 1) code = (code << 6) | ((bytes[i + k] ?? 0) & 0x3f);
    text += String.fromCodePoint(code);
    i += extra + 1;
  }
  return text;
}
