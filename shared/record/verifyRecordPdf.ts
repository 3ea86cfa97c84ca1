import type { ICryptoEngine } from 'pkijs';
import type { CompiledCatalogue } from '../domain/evaluation/compiledCatalogue';
import { readPdfFile, type PdfFile } from '../pdf/pdfFile';
import { PdfStructureError } from '../pdf/pdfLimits';
import { pdfStructureMessage } from '../pdf/pdfStructureStrings';
import { roleLabels } from '../signing/signingStrings';
import { signatureFieldNames, type Sha256 } from '../signing/signingTypes';
import type { SignerRole } from '../domain/signerRole';
import {
  verifyPdfFileSignatures,
  type CheckResult,
  type SignatureReport,
  type VerificationReport,
} from '../signing/verifyPdfSignatures';
import { drawnQrMatchesContent } from './drawnRecordQr';
import { checkRecordConsistency } from './recordConsistency';
import { readRecordPdfView, type RecordPdfView } from './recordPdfView';
import type { ParsedStudyRecord } from './recordHash';
import { recordQrPayload } from './render/recordQr';
import { matchPerson, matchSchool } from './signerIdentity';
import { signingOrder } from './signingOrder';
import type { StudyRecord } from './studyRecord';
import { verifyRecordStrings as text } from './verifyRecordStrings';

export type RecordCheckName =
  | 'pdf'
  | 'recordAttached'
  | 'markers'
  | 'contentHash'
  | 'qrCode'
  | 'recordId'
  | 'notDraft'
  | 'results'
  | 'reservedFields'
  | 'renderedContent'
  | 'signingOrder'
  | 'signers';

export type RecordCheck = { readonly check: RecordCheckName; readonly ok: boolean; readonly message: string };

/**
 * What the file is as a record, in the words a teacher reads:
 * `complete` every box signed, in order, by the people the record names, and everything checks;
 * `partial` the signatures present are valid but some boxes are still empty;
 * `unsigned` a final record nobody has signed yet (a normal state, not a fault);
 * `draft` a draft, which can never be signed;
 * `invalid` something failed: the first reason is the verdict.
 */
export type RecordVerdictStatus = 'complete' | 'partial' | 'unsigned' | 'draft' | 'invalid';

/** One signer as a person reads it: who, in which role, when. */
export type RecordSigner = {
  /** 1-based, in the order the signatures were added. */
  readonly index: number;
  /** From the field the record reserved for the role; undefined for a field that is not one of them. */
  readonly role: SignerRole | undefined;
  readonly roleLabel: string | undefined;
  /** The certificate holder's name; the /Name of the signature when the certificate is unreadable. */
  readonly name: string | undefined;
  readonly issuer: string | undefined;
  /**
   * ISO-8601 UTC: the time the signature was judged at, the timestamp's when one proves it, else
   * the signer's /M.
   */
  readonly signingTime: string | undefined;
  /** Whether an RFC 3161 timestamp proves the time (else the signer only claims it). */
  readonly timeProven: boolean;
  readonly valid: boolean;
};

export type RecordSummary = {
  readonly recordId: string;
  readonly version: number;
  readonly status: 'draft' | 'final';
  readonly contentHash: string;
  readonly studentName: string;
  readonly schoolName: string;
  /** Mã trường: the school the record says it belongs to (the province server checks it is the uploader's). */
  readonly schoolCode: string;
  readonly schoolYear: string;
  readonly className: string;
  /** What the QR code printed on the record must say, for a check with a phone scanner. */
  readonly qrPayload: string | undefined;
};

/** JSON-friendly: plain objects, strings, numbers and booleans only. */
export type RecordVerificationReport = {
  /** Only a complete record is valid. */
  readonly valid: boolean;
  readonly status: RecordVerdictStatus;
  readonly verdict: string;
  /** The roles whose boxes are still empty (for `partial` and `unsigned`). */
  readonly missingRoles: readonly SignerRole[];
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
  /** Catalogue editions to recompute results with (a province's corrected one first); the shipped one by default. */
  readonly catalogues?: readonly CompiledCatalogue[];
  /** DER CRLs from the trust folders (the file's own DSS is read too). */
  readonly crls?: readonly Uint8Array[];
  /** The verification time; now by default. */
  readonly now?: Date;
};

function check(name: RecordCheckName, ok: boolean, good: string, bad: string): RecordCheck {
  return { check: name, ok, message: ok ? good : bad };
}

function qrPayloadOf(attached: ParsedStudyRecord): string | undefined {
  if (!attached.ok) return undefined;
  try {
    return recordQrPayload({
      recordId: attached.record.id,
      version: attached.record.version.number,
      contentHash: attached.contentHash,
    });
  } catch {
    return undefined;
  }
}

function signersOf(report: VerificationReport): RecordSigner[] {
  return report.signatures.map((signature) => ({
    index: signature.index,
    role: signature.role,
    roleLabel: signature.role === undefined ? signature.fieldName : roleLabels[signature.role],
    name: signature.certificate?.subjectName ?? signature.signerName,
    issuer: signature.certificate?.issuerName,
    signingTime: signature.time?.when ?? signature.signingTime,
    timeProven: signature.time?.proven ?? false,
    valid: signature.valid,
  }));
}

/** Checks of the record as the first revision holds it: the data the teacher's signature covers. */
function recordDataChecks(view: RecordPdfView, options: VerifyRecordPdfOptions): RecordCheck[] {
  const { markers, attached } = view;
  const checks: RecordCheck[] = [
    check(
      'recordAttached',
      attached.ok,
      text.recordAttachedOk,
      text.recordAttachedBad(attached.ok ? '' : attached.problems.slice(0, 5).join('; ')),
    ),
    check('markers', markers !== undefined, text.markersOk, text.markersBad),
  ];
  if (attached.ok && markers) {
    const payload = qrPayloadOf(attached);
    checks.push(
      check(
        'contentHash',
        attached.contentHash === markers.contentHash,
        text.contentHashOk,
        text.contentHashBad(attached.contentHash, markers.contentHash),
      ),
      check(
        'qrCode',
        payload !== undefined && drawnQrMatchesContent(view.firstPageContent, payload),
        text.qrCodeOk,
        text.qrCodeBad,
      ),
      check(
        'recordId',
        attached.record.id === markers.recordId && attached.record.version.number === markers.version,
        text.recordIdOk,
        text.recordIdBad(markers.recordId, attached.record.id),
      ),
    );
  }
  if (attached.ok) {
    const consistency = checkRecordConsistency(attached.record, options.catalogues);
    checks.push(
      check('results', consistency.ok, text.resultsOk, consistency.ok ? '' : (consistency.problems[0] ?? '')),
    );
  }
  const reserved = Object.values<string>(signatureFieldNames).every((name) =>
    view.fields.some((field) => field.name === name && field.signature && !field.signed),
  );
  checks.push(check('reservedFields', reserved, text.reservedFieldsOk, text.reservedFieldsBad));
  checks.push(
    check(
      'renderedContent',
      view.unexpectedContent.length === 0,
      text.renderedContentOk,
      view.unexpectedContent.includes('drawing') ? text.unexpectedDrawing : text.unexpectedAnnotation,
    ),
  );
  return checks;
}

/** The signatures' roles must follow teacher → principal → seal, one each, by the people the record names. */
function signerChecks(record: StudyRecord, signatures: readonly SignatureReport[]): RecordCheck[] {
  const roles = signatures.map((signature) => signature.role);
  const inOrder = roles.every((role, index) => role !== undefined && role === signingOrder[index]);
  const orderMessage = roles.includes(undefined)
    ? text.unknownField
    : text.outOfOrder(roles.map((role) => (role === undefined ? '?' : roleLabels[role])).join(' → '));
  const checks = [check('signingOrder', inOrder, text.signingOrderOk, orderMessage)];
  let wrong: string | undefined;
  for (const signature of signatures) {
    if (signature.role === undefined || signature.identity === undefined) continue;
    const match =
      signature.role === 'schoolSeal'
        ? matchSchool(signature.identity, record.signers.schoolSeal)
        : matchPerson(signature.identity, record.signers[signature.role]);
    if (!match.ok) {
      wrong = text.signerBad(roleLabels[signature.role], match.message);
      break;
    }
  }
  checks.push(check('signers', wrong === undefined, text.signersOk, wrong ?? ''));
  return checks;
}

function summaryOf(view: RecordPdfView | undefined): RecordSummary | undefined {
  if (!view?.attached.ok) return undefined;
  const { record, contentHash } = view.attached;
  return {
    recordId: record.id,
    version: record.version.number,
    status: record.status,
    contentHash,
    studentName: record.student.fullName,
    schoolName: record.school.name,
    schoolCode: record.school.code,
    schoolYear: record.year.schoolYear,
    className: record.year.className,
    qrPayload: qrPayloadOf(view.attached),
  };
}

function firstFailure(
  recordChecks: readonly RecordCheck[],
  signatures: VerificationReport,
): string | undefined {
  const failing: CheckResult | RecordCheck | undefined =
    signatures.checks.find((entry) => !entry.ok && entry.check === 'structure') ??
    signatures.checks.find((entry) => !entry.ok && entry.check === 'revisions') ??
    recordChecks.find((entry) => !entry.ok) ??
    signatures.checks.find((entry) => !entry.ok) ??
    signatures.signatures.flatMap((signature) => signature.checks).find((entry) => !entry.ok);
  return failing?.message;
}

function invalid(
  reason: string,
  signatureReport: VerificationReport,
  recordChecks: readonly RecordCheck[],
  view?: RecordPdfView,
): RecordVerificationReport {
  return {
    valid: false,
    status: 'invalid',
    verdict: text.verdictInvalid(reason),
    missingRoles: [],
    record: summaryOf(view),
    signers: signersOf(signatureReport),
    recordChecks,
    signatureReport,
  };
}

async function verifyParsed(
  file: PdfFile,
  options: VerifyRecordPdfOptions,
): Promise<RecordVerificationReport> {
  let view: RecordPdfView;
  try {
    view = readRecordPdfView(file, 0);
  } catch (error) {
    if (!(error instanceof PdfStructureError)) throw error;
    const message = pdfStructureMessage(error);
    const failed: VerificationReport = {
      valid: false,
      verdict: message,
      signatures: [],
      checks: [{ check: 'structure', ok: false, message }],
    };
    return invalid(message, failed, [{ check: 'pdf', ok: false, message }]);
  }
  // No signature of this record can predate its school year or the confirmation of its result.
  const record = view.attached.ok ? view.attached.record : undefined;
  const confirmedAt = record?.year.resultConfirmedAt ?? undefined;
  const signatureReport = await verifyPdfFileSignatures(file, {
    ...options,
    reservedFieldsOnly: true,
    ...(record === undefined
      ? {}
      : {
          timeBounds: {
            schoolYear: record.year.schoolYear,
            ...(confirmedAt === undefined ? {} : { yearResultConfirmedAt: confirmedAt }),
          },
        }),
  });
  const recordChecks = recordDataChecks(view, options);
  const { attached, markers } = view;
  const draft = markers?.status !== 'final' || (attached.ok && attached.record.status !== 'final');
  const signatures = signatureReport.signatures;
  if (draft) recordChecks.push(check('notDraft', signatures.length === 0, text.notDraftOk, text.notDraftBad));
  if (attached.ok) recordChecks.push(...signerChecks(attached.record, signatures));
  // An unsigned file fails only the "signed" check; anything else wrong makes it invalid.
  const unsignedOnly =
    signatures.length === 0 && signatureReport.checks.every((entry) => entry.ok || entry.check === 'signed');
  const failure = firstFailure(recordChecks, signatureReport);
  if (signatures.length === 0 && unsignedOnly && recordChecks.every((entry) => entry.ok)) {
    return {
      valid: false,
      status: draft ? 'draft' : 'unsigned',
      verdict: draft ? text.verdictDraft : text.verdictUnsigned,
      missingRoles: [...signingOrder],
      record: summaryOf(view),
      signers: [],
      recordChecks,
      signatureReport,
    };
  }
  if (failure !== undefined || !signatureReport.valid)
    return invalid(failure ?? signatureReport.verdict, signatureReport, recordChecks, view);
  const signedRoles = signatures.flatMap((signature) =>
    signature.role === undefined ? [] : [signature.role],
  );
  const missingRoles = signingOrder.filter((role) => !signedRoles.includes(role));
  const signers = signersOf(signatureReport);
  return {
    valid: missingRoles.length === 0,
    status: missingRoles.length === 0 ? 'complete' : 'partial',
    verdict:
      missingRoles.length === 0
        ? text.verdictComplete(signers.map((signer) => signer.name ?? '').join(', '))
        : text.verdictPartial(missingRoles.map((role) => roleLabels[role]).join(', ')),
    missingRoles,
    record: summaryOf(view),
    signers,
    recordChecks,
    signatureReport,
  };
}

/**
 * Verifies a học bạ PDF: the file's structure (read once, strictly and within bounds), every
 * revision after the rendered one (only signing may change it), every signature (coverage,
 * digest, CMS, the signer's certificate path at the signing time), and the record the teacher
 * signed (attached data, its hash in the markers and the QR code, results recomputed from its
 * values, the three reserved signature fields, the roles in order, each by the person or school
 * the record names). One function for the app, the CLI and the server.
 */
export async function verifyRecordPdf(options: VerifyRecordPdfOptions): Promise<RecordVerificationReport> {
  let file: PdfFile;
  try {
    file = readPdfFile(options.pdf);
  } catch (error) {
    if (!(error instanceof PdfStructureError)) throw error;
    const message = pdfStructureMessage(error);
    const signatureReport: VerificationReport = {
      valid: false,
      verdict: message,
      signatures: [],
      checks: [{ check: 'structure', ok: false, message }],
    };
    return invalid(message, signatureReport, [{ check: 'pdf', ok: false, message }]);
  }
  return verifyParsed(file, options);
}
