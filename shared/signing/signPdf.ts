import type { PDFDocument } from '@cantoo/pdf-lib';
import { formatInstant } from '../domain/dates';
import { bytesToHex, concatBytes, latin1Encode } from './bytes';
import { buildCadesSignature, signatureAlgorithmOf } from './cadesSignedData';
import { checkSignerCertificate } from './certificateInfo';
import { PdfSigningError } from './pdfSigningError';
import { byteRangePlaceholder, prepareSignaturePlaceholder } from './signaturePlaceholder';
import { appearanceStrings, roleLabels, signingErrors } from './signingStrings';
import { signatureFieldNames, type Sha256, type SignatureRect, type Signer } from './signingTypes';
import type { SignerRole } from '../domain/signerRole';
import type { TimestampFunction } from './timestampToken';

export type SignPdfOptions = {
  readonly pdf: Uint8Array;
  readonly signer: Signer;
  readonly sha256: Sha256;
  readonly role: SignerRole;
  /** Zero-based page index of the signature box. */
  readonly pageIndex: number;
  readonly rect: SignatureRect;
  readonly fontBytes: Uint8Array;
  readonly signingTime: Date;
  /** The signed-in account's name; signing is refused when the certificate's holder differs. */
  readonly expectedSignerName?: string;
  readonly contentsSize?: number;
  /**
   * `pdf` already parsed with `loadForSigning`, for a caller that has read it (markers, signed
   * roles) and should not parse it again. It is used up by this call.
   */
  readonly document?: PDFDocument;
  /**
   * Asks the province's timestamp authority for a token over the signature value (PAdES B-T);
   * returns undefined when it cannot be reached, and the signature is then made without one.
   */
  readonly timestamp?: TimestampFunction;
};

/** `[0 a b c]` padded with spaces to exactly the placeholder's width. */
export function formatByteRange(range: readonly [number, number, number, number]): string {
  const body = `[${range.join(' ')}`;
  if (body.length + 1 > byteRangePlaceholder.length)
    throw new Error('byte range does not fit its placeholder');
  return `${body}${' '.repeat(byteRangePlaceholder.length - body.length - 1)}]`;
}

/**
 * Adds one PAdES (ETSI.CAdES.detached) signature to `pdf` as an incremental update. The bytes of
 * `pdf` are kept as they are at the start of the result.
 */
export async function signPdf(options: SignPdfOptions): Promise<Uint8Array> {
  const [certificateDer] = options.signer.certificateChain;
  if (!certificateDer) throw new PdfSigningError('empty-chain', signingErrors.emptyChain);
  const check = checkSignerCertificate(certificateDer, options.signingTime, options.expectedSignerName);
  if (!check.ok) throw new PdfSigningError(check.code, check.message);
  if (signatureAlgorithmOf(certificateDer) === undefined)
    throw new PdfSigningError('unsupported-key', signingErrors.unsupportedKey);

  const signerName = check.info.subjectName.normalize('NFC');
  const roleLabel = roleLabels[options.role];
  const prepared = await prepareSignaturePlaceholder({
    pdf: options.pdf,
    fieldName: signatureFieldNames[options.role],
    pageIndex: options.pageIndex,
    rect: options.rect,
    appearanceLines: [
      roleLabel,
      appearanceStrings.signedBy(signerName),
      appearanceStrings.signedAt(formatInstant(options.signingTime.toISOString())),
    ],
    fontBytes: options.fontBytes,
    signingTime: options.signingTime,
    signerName,
    reason: roleLabel,
    contentsSize: options.contentsSize,
    alreadySignedMessage: signingErrors.alreadySigned(roleLabel),
    document: options.document,
  });

  const { pdf, byteRangeOffset, contentsStart, contentsEnd } = prepared;
  const range = [0, contentsStart, contentsEnd, pdf.length - contentsEnd] as const;
  pdf.set(latin1Encode(formatByteRange(range)), byteRangeOffset);

  const digest = options.sha256(concatBytes([pdf.subarray(0, contentsStart), pdf.subarray(contentsEnd)]));
  const cms = await buildCadesSignature({
    digest,
    signer: options.signer,
    sha256: options.sha256,
    timestamp: options.timestamp,
  });
  const hex = bytesToHex(cms);
  if (hex.length > contentsEnd - contentsStart - 2) {
    throw new PdfSigningError('signature-too-large', signingErrors.signatureTooLarge);
  }
  pdf.set(latin1Encode(hex), contentsStart + 1);
  return pdf;
}
