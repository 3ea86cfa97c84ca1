import { sha256 } from '@noble/hashes/sha2.js';
import { CryptoEngine } from 'pkijs';
import type { RecordVerification } from '../../../shared/ipc/recordChannels';
import { verifyRecordPdf, type RecordVerificationReport } from '../../../shared/record/verifyRecordPdf';
import type { TrustStore } from './trustStore';

const cryptoEngine = new CryptoEngine({ name: 'node', crypto: globalThis.crypto });

/** The screen's cut of a full report: each signer with its own checks, then the file's checks. */
export function recordVerificationView(
  report: RecordVerificationReport,
  trustAnchors: number,
): RecordVerification {
  const { record } = report;
  return {
    valid: report.valid,
    verdict: report.verdict,
    ...(record === undefined
      ? {}
      : {
          record: {
            recordId: record.recordId,
            version: record.version,
            status: record.status,
            contentHash: record.contentHash,
            studentName: record.studentName,
            schoolName: record.schoolName,
            schoolYear: record.schoolYear,
            className: record.className,
          },
        }),
    signers: report.signers.map((signer) => ({
      index: signer.index,
      ...(signer.roleLabel === undefined ? {} : { roleLabel: signer.roleLabel }),
      ...(signer.name === undefined ? {} : { name: signer.name }),
      ...(signer.issuer === undefined ? {} : { issuer: signer.issuer }),
      ...(signer.signingTime === undefined ? {} : { signingTime: signer.signingTime }),
      valid: signer.valid,
      checks: (report.signatureReport.signatures[signer.index - 1]?.checks ?? []).map(
        ({ check, ok, message }) => ({ check, ok, message }),
      ),
    })),
    checks: [...report.recordChecks, ...report.signatureReport.checks].map(({ check, ok, message }) => ({
      check,
      ok,
      message,
    })),
    trustAnchors,
  };
}

/** Verifies a học bạ PDF against this desktop's trust store, as `hocba verify` does. */
export async function verifyRecordFile(pdf: Uint8Array, trust: TrustStore): Promise<RecordVerification> {
  const [anchors, intermediates] = await Promise.all([trust.anchors(), trust.intermediates()]);
  const report = await verifyRecordPdf({ pdf, trustAnchors: anchors, intermediates, sha256, cryptoEngine });
  return recordVerificationView(report, anchors.length);
}
