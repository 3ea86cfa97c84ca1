import type { RecordVerification } from '../../../shared/ipc/recordChannels';
import type { RecordVerificationReport } from '../../../shared/record/verifyRecordPdf';
import type { IsolationRefusal, IsolationRunner } from '../isolation/isolationRunner';
import { transferableBytes } from '../isolation/transferableBytes';
import type { UntrustedFileTasks } from '../../workers/untrustedFileTasks';
import { recordVerifierStrings as text } from './recordVerifierStrings';
import type { TrustStore } from './trustStore';

/** How long one PDF may take to verify: a genuine học bạ takes well under a second. */
export const verificationDeadlineMs = 10_000;

/** The screen's cut of a full report: each signer with its own checks, then the file's checks. */
export function recordVerificationView(
  report: RecordVerificationReport,
  trustAnchors: number,
): RecordVerification {
  const { record } = report;
  return {
    valid: report.valid,
    status: report.status,
    verdict: report.verdict,
    missingRoles: [...report.missingRoles],
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
      timeProven: signer.timeProven,
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

function refusalMessage(refusal: IsolationRefusal): string {
  switch (refusal.kind) {
    case 'deadline':
      return text.deadline(Math.round(refusal.deadlineMs / 1000));
    case 'out-of-memory':
      return text.outOfMemory;
    case 'closed':
      return text.closing;
    case 'unavailable':
      return text.unavailable;
    case 'crashed':
    case 'task-error':
      return text.failed;
  }
}

/** A file the worker could not verify, as a report: invalid, with the reason on top. */
export function refusedReport(refusal: IsolationRefusal): RecordVerificationReport {
  const message = refusalMessage(refusal);
  return {
    valid: false,
    status: 'invalid',
    verdict: text.verdict(message),
    missingRoles: [],
    record: undefined,
    signers: [],
    recordChecks: [{ check: 'pdf', ok: false, message }],
    signatureReport: { valid: false, verdict: message, signatures: [], checks: [] },
  };
}

export type RecordVerifier = {
  /** The full report (the CLI prints it). */
  readonly report: (
    pdf: Uint8Array,
  ) => Promise<{ readonly report: RecordVerificationReport; readonly anchors: number }>;
  /** The screen's view of it. */
  readonly verify: (pdf: Uint8Array) => Promise<RecordVerification>;
};

/**
 * Verifies PDFs from outside against this desktop's trust store in the isolated worker (never on
 * main's thread): a file built to hang or exhaust the verifier is refused at the deadline or the
 * memory limit, and main keeps answering.
 */
export function createRecordVerifier(options: {
  readonly trust: Pick<TrustStore, 'anchors' | 'intermediates' | 'crls'>;
  readonly untrustedFiles: IsolationRunner<UntrustedFileTasks>;
}): RecordVerifier {
  const report = async (pdf: Uint8Array) => {
    const [trustAnchors, intermediates, crls] = await Promise.all([
      options.trust.anchors(),
      options.trust.intermediates(),
      options.trust.crls(),
    ]);
    const bytes = transferableBytes(pdf);
    const outcome = await options.untrustedFiles.run(
      'verifyRecordPdf',
      { pdf: bytes, trustAnchors, intermediates, crls },
      { transfer: [bytes], deadlineMs: verificationDeadlineMs },
    );
    return {
      report: outcome.ok ? outcome.value : refusedReport(outcome.refusal),
      anchors: trustAnchors.length,
    };
  };
  return {
    report,
    verify: async (pdf) => {
      const { report: full, anchors } = await report(pdf);
      return recordVerificationView(full, anchors);
    },
  };
}
