import { sha256 } from '@noble/hashes/sha2.js';
import { CryptoEngine } from 'pkijs';
import { verifyRecordPdf, type RecordVerificationReport } from '../../../shared/record/verifyRecordPdf';

/** What the worker needs to verify a PDF: its bytes (moved, not copied) and this desktop's trust. */
export type VerifyRecordPdfInput = {
  readonly pdf: ArrayBuffer;
  readonly trustAnchors: readonly Uint8Array[];
  readonly intermediates: readonly Uint8Array[];
  readonly crls: readonly Uint8Array[];
};

const cryptoEngine = new CryptoEngine({ name: 'node', crypto: globalThis.crypto });

/**
 * The worker task behind "Kiểm tra" and `hocba verify`: `verifyRecordPdf` on a file from outside,
 * off main's thread, inside the worker's memory limits and deadline (the reader's own caps bound
 * the rest). The report is plain data.
 */
export async function verifyRecordPdfTask(input: VerifyRecordPdfInput): Promise<RecordVerificationReport> {
  return verifyRecordPdf({
    pdf: new Uint8Array(input.pdf),
    trustAnchors: input.trustAnchors,
    intermediates: input.intermediates,
    crls: input.crls,
    sha256,
    cryptoEngine,
  });
}
