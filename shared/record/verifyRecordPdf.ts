import type { ICryptoEngine } from 'pkijs';
import { samePersonName } from '../domain/personName';
import { indexOfBytes, latin1Encode } from '../signing/bytes';
import { roleLabels } from '../signing/signingStrings';
import type { Sha256, SignerRole } from '../signing/signingTypes';
import {
  verifyPdfSignatures,
  type CheckResult,
  type VerificationReport,
} from '../signing/verifyPdfSignatures';
import type { ParsedStudyRecord } from './recordHash';
import { drawnQrMatches } from './drawnRecordQr';
import { readAttachedRecord, readRecordPdfMarkers, type RecordPdfMarkers } from './render/recordPdfMarkers';
import { recordQrPayload } from './render/recordQr';
import { verifyRecordStrings as text } from './verifyRecordStrings';

export type RecordCheckName =
  | 'pdf'
  | 'recordAttached'
  | 'markers'
  | 'contentHash'
  | 'qrCode'
  | 'recordId'
  | 'notDraft'
  | 'recordSigned'
  | 'recordUnchanged'
  | 'signerNames';

export type RecordCheck = { readonly check: RecordCheckName; readonly ok: boolean; readonly message: string };

/** One signer as a person reads it: who, in which role, when. */
export type RecordSigner = {
  /** 1-based, in file order (teacher, principal, seal). */
  readonly index: number;
  /** Undefined when the signature's reason is not one of our role labels (signed by another tool). */
  readonly role: SignerRole | undefined;
  readonly roleLabel: string | undefined;
  /** The certificate holder's name; the /Name of the signature when the certificate is unreadable. */
  readonly name: string | undefined;
  readonly issuer: string | undefined;
  /** ISO-8601 UTC, from the signature's /M. */
  readonly signingTime: string | undefined;
  readonly valid: boolean;
};

export type RecordSummary = {
  readonly recordId: string;
  readonly version: number;
  readonly status: 'draft' | 'final';
  readonly contentHash: string;
  readonly studentName: string;
  readonly schoolName: string;
  readonly schoolYear: string;
  readonly className: string;
  /** What the QR code printed on the record must say, for a check with a phone scanner. */
  readonly qrPayload: string | undefined;
};

/** JSON-friendly: plain objects, strings, numbers and booleans only. */
export type RecordVerificationReport = {
  readonly valid: boolean;
  readonly verdict: string;
  readonly record: RecordSummary | undefined;
  readonly signers: readonly RecordSigner[];
  readonly recordChecks: readonly RecordCheck[];
  readonly signatureReport: VerificationReport;
};

export type VerifyRecordPdfOptions = {
  readonly pdf: Uint8Array;
  /** DER root certificates to trust. */
  readonly trustAnchors: readonly Uint8Array[];
  /** DER intermediate CA certificates (untrusted) that may complete a signer's path. */
  readonly intermediates?: readonly Uint8Array[];
  readonly sha256: Sha256;
  readonly cryptoEngine: ICryptoEngine;
};

type RecordView = {
  readonly markers: RecordPdfMarkers | undefined;
  readonly attached: ParsedStudyRecord;
  /** Whether page 1 shows the QR code of the attached record's id, version and recomputed hash. */
  readonly qrMatches: boolean | undefined;
};

const eof = latin1Encode('%%EOF');

/** End of the first revision (the rendered file, before any signature): after its first %%EOF line. */
export function firstRevisionEnd(pdf: Uint8Array): number | undefined {
  const at = indexOfBytes(pdf, eof);
  if (at < 0) return undefined;
  let end = at + eof.length;
  if (pdf[end] === 0x0d) end += 1;
  if (pdf[end] === 0x0a) end += 1;
  return end;
}

function countEof(pdf: Uint8Array, from: number, to: number): number {
  let count = 0;
  for (
    let at = indexOfBytes(pdf, eof, from);
    at >= 0 && at + eof.length <= to;
    at = indexOfBytes(pdf, eof, at + 1)
  )
    count += 1;
  return count;
}

function qrPayloadOf(attached: ParsedStudyRecord): string | undefined {
  if (!attached.ok) return undefined;
  const { record, contentHash } = attached;
  try {
    return recordQrPayload({ recordId: record.id, version: record.version.number, contentHash });
  } catch {
    return undefined;
  }
}

async function readView(pdf: Uint8Array, withQr: boolean): Promise<RecordView | undefined> {
  try {
    const attached = await readAttachedRecord(pdf);
    const payload = qrPayloadOf(attached);
    return {
      markers: await readRecordPdfMarkers(pdf),
      attached,
      qrMatches: withQr && payload !== undefined ? await drawnQrMatches(pdf, payload) : undefined,
    };
  } catch {
    return undefined;
  }
}

const roleByLabel = new Map<string, SignerRole>(
  (Object.entries(roleLabels) as [SignerRole, string][]).map(([role, label]) => [label, role]),
);

function signersOf(report: VerificationReport): RecordSigner[] {
  return report.signatures.map((signature) => {
    const role = signature.reason === undefined ? undefined : roleByLabel.get(signature.reason);
    return {
      index: signature.index,
      role,
      roleLabel: role === undefined ? signature.reason : roleLabels[role],
      name: signature.certificate?.subjectName ?? signature.signerName,
      issuer: signature.certificate?.issuerName,
      signingTime: signature.signingTime,
      valid: signature.valid,
    };
  });
}

function check(name: RecordCheckName, ok: boolean, good: string, bad: string): RecordCheck {
  return { check: name, ok, message: ok ? good : bad };
}

function sameView(a: RecordView, b: RecordView | undefined): boolean {
  if (!b) return false;
  const hashOf = (view: RecordView) => (view.attached.ok ? view.attached.contentHash : undefined);
  return (
    hashOf(a) !== undefined &&
    hashOf(a) === hashOf(b) &&
    JSON.stringify(a.markers ?? null) === JSON.stringify(b.markers ?? null)
  );
}

/**
 * The record checks on top of the signature checks. The record is read from the first revision
 * (the rendered file, which the first signature must cover) and again from the whole file as a
 * reader sees it, so data swapped in by a later revision is caught even apart from the unsigned
 * revision the signature checks report.
 *
 * The QR code is checked module for module against the code of the attached record's id,
 * version and recomputed hash (drawnRecordQr.ts): the renderer draws it as vector rectangles, so
 * there is no payload text to read, but its modules can be read back exactly. `qrPayload` in the
 * report is what a phone scanner must read off the paper.
 */
function recordChecks(
  pdf: Uint8Array,
  first: RecordView | undefined,
  latest: RecordView | undefined,
  signatures: VerificationReport,
): RecordCheck[] {
  if (!first) return [{ check: 'pdf', ok: false, message: text.pdfUnreadable }];
  const checks: RecordCheck[] = [];
  const { markers, attached } = first;
  checks.push(
    check(
      'recordAttached',
      attached.ok,
      text.recordAttachedOk,
      text.recordAttachedBad(attached.ok ? '' : attached.problems.slice(0, 5).join('; ')),
    ),
  );
  checks.push(check('markers', markers !== undefined, text.markersOk, text.markersBad));
  if (attached.ok && markers) {
    checks.push(
      check(
        'contentHash',
        attached.contentHash === markers.contentHash,
        text.contentHashOk,
        text.contentHashBad(attached.contentHash, markers.contentHash),
      ),
    );
    checks.push(check('qrCode', first.qrMatches === true, text.qrCodeOk, text.qrCodeBad));
    checks.push(
      check(
        'recordId',
        attached.record.id === markers.recordId && attached.record.version.number === markers.version,
        text.recordIdOk,
        text.recordIdBad(markers.recordId, attached.record.id),
      ),
    );
  }
  const draft = markers?.status !== 'final' || (attached.ok && attached.record.status !== 'final');
  checks.push(check('notDraft', !draft, text.notDraftOk, text.notDraftBad));

  const end = firstRevisionEnd(pdf);
  const range = signatures.signatures[0]?.byteRange;
  // The first signature's gap (its own /Contents) must lie after the whole first revision, and
  // its revision must be the very next one: an unsigned update between rendering and the first
  // signature could change what the page shows without touching the attached data.
  const covered =
    end !== undefined &&
    range?.[0] === 0 &&
    (range[1] ?? 0) >= end &&
    countEof(pdf, end, (range[2] ?? 0) + (range[3] ?? 0)) === 1;
  checks.push(check('recordSigned', covered, text.recordSignedOk, text.recordSignedBad));
  checks.push(
    check('recordUnchanged', sameView(first, latest), text.recordUnchangedOk, text.recordUnchangedBad),
  );
  if (attached.ok) {
    // Each box belongs to the person the record names in it (the school, for the seal): a
    // valid signature by someone else in the principal's box is not the principal's approval.
    const { record } = attached;
    const named: Readonly<Record<SignerRole, string>> = {
      homeroomTeacher: record.year.homeroomTeacherName,
      principal: record.year.principalName,
      schoolSeal: record.school.name,
    };
    const wrong = signersOf(signatures).find(
      (signer) =>
        signer.role !== undefined &&
        signer.name !== undefined &&
        !samePersonName(signer.name, named[signer.role]),
    );
    checks.push(
      check(
        'signerNames',
        wrong === undefined,
        text.signerNamesOk,
        wrong?.role === undefined
          ? ''
          : text.signerNamesBad(roleLabels[wrong.role], named[wrong.role], wrong.name ?? ''),
      ),
    );
  }
  return checks;
}

function summaryOf(view: RecordView | undefined): RecordSummary | undefined {
  if (!view?.attached.ok) return undefined;
  const { record, contentHash } = view.attached;
  return {
    recordId: record.id,
    version: record.version.number,
    status: record.status,
    contentHash,
    studentName: record.student.fullName,
    schoolName: record.school.name,
    schoolYear: record.year.schoolYear,
    className: record.year.className,
    qrPayload: qrPayloadOf(view.attached),
  };
}

function firstFailure(signatures: VerificationReport, checks: readonly RecordCheck[]): string {
  // An unsigned file: say so rather than name a record check that follows from it.
  if (signatures.signatures.length === 0) {
    const unsigned = signatures.checks.find((entry) => !entry.ok);
    if (unsigned) return unsigned.message;
  }
  const failing: CheckResult | RecordCheck | undefined =
    checks.find((entry) => !entry.ok) ??
    signatures.checks.find((entry) => !entry.ok) ??
    signatures.signatures.flatMap((signature) => signature.checks).find((entry) => !entry.ok);
  return failing?.message ?? signatures.verdict;
}

/**
 * Verifies a signed học bạ PDF: every signature (coverage, digest, CMS, chain to the trust anchors
 * at signing time, nothing unsigned appended) and the record it carries (attached JSON valid, its
 * recomputed hash equal to the marked hash and to the printed QR code's, id and version matching,
 * final not draft, signed first as rendered, not replaced later). One function for the app, the CLI and the server.
 */
export async function verifyRecordPdf(options: VerifyRecordPdfOptions): Promise<RecordVerificationReport> {
  const { pdf } = options;
  const signatureReport = await verifyPdfSignatures(options);
  const end = firstRevisionEnd(pdf);
  const first = end === undefined ? undefined : await readView(pdf.subarray(0, end), true);
  const latest = end === pdf.length ? first : await readView(pdf, false);
  const checks = recordChecks(pdf, first, latest, signatureReport);
  const valid = signatureReport.valid && checks.every((entry) => entry.ok);
  return {
    valid,
    verdict: valid
      ? text.verdictValid(signatureReport.signatures.length)
      : text.verdictInvalid(firstFailure(signatureReport, checks)),
    record: summaryOf(first),
    signers: signersOf(signatureReport),
    recordChecks: checks,
    signatureReport,
  };
}
