import type { Certificate, ICryptoEngine } from 'pkijs';
import { readPdfFile, type PdfFile } from '../pdf/pdfFile';
import { PdfStructureError } from '../pdf/pdfLimits';
import { pdfStructureMessage } from '../pdf/pdfStructureStrings';
import { dictGet, isArray, isString, textOf, type PdfObject } from '../pdf/pdfValues';
import { bytesEqual, concatBytes } from './bytes';
import { certificateInfo, parseCertificate, type CertificateInfo } from './certificateInfo';
import { certificateIdentity, type CertificateIdentity } from './certificateIdentity';
import { isReasonableKey, newPathBudget } from './certificatePath';
import { readDocumentSecurityStore } from './documentSecurityStore';
import {
  checkSignerCertificate,
  type SignerContext,
  type SigningTimeReport,
} from './signerCertificateChecks';
import type { EarlierSignatureTime } from './signingTime';
import { readCms } from './cmsView';
import { parsePdfDate } from './pdfDate';
import { judgeRevision, signedFieldsInFirstRevision, type RevisionJudgement } from './revisionChanges';
import { revisionStrings } from './revisionStrings';
import { roleLabels, verificationMessages as text } from './signingStrings';
import { signatureFieldNames, type Sha256 } from './signingTypes';
import type { SignerRole } from '../domain/signerRole';

/** `signed`: the file holds at least one signature (an unsigned file fails only this one). */
export type CheckName =
  | 'structure'
  | 'signed'
  | 'byteRange'
  | 'digest'
  | 'signature'
  | 'timestamp'
  | 'signingTime'
  | 'chain'
  | 'revocation'
  | 'revisions';

export type CheckResult = { readonly check: CheckName; readonly ok: boolean; readonly message: string };

export type SignatureReport = {
  /** 1-based, in the order the signatures were added. */
  readonly index: number;
  /** The form field the signature fills (`Sig_gvcn` …). */
  readonly fieldName: string | undefined;
  /** The role of that field; undefined for a field that is not one of the học bạ's. */
  readonly role: SignerRole | undefined;
  readonly signerName: string | undefined;
  readonly reason: string | undefined;
  /** The time the signer wrote in /M (ISO-8601 UTC): claimed, not proven. */
  readonly signingTime: string | undefined;
  /** The time the certificate was judged at, and whether a timestamp proves it. */
  readonly time: SigningTimeReport | undefined;
  readonly byteRange: readonly number[] | undefined;
  readonly coversWholeFile: boolean;
  /** The DocMDP permission when this signature certifies the document. */
  readonly certification: number | undefined;
  readonly certificate: CertificateInfo | undefined;
  /** Who the certificate names (holder, CCCD/CMND, MST/MNS), for matching it to a record's signer. */
  readonly identity: CertificateIdentity | undefined;
  readonly checks: readonly CheckResult[];
  readonly valid: boolean;
};

export type VerificationReport = {
  readonly valid: boolean;
  readonly verdict: string;
  readonly signatures: readonly SignatureReport[];
  /** File-level checks: the file's structure, and what each revision after the first changed. */
  readonly checks: readonly CheckResult[];
};

export type VerifyOptions = {
  readonly pdf: Uint8Array;
  /** DER root certificates to trust. */
  readonly trustAnchors: readonly Uint8Array[];
  /** DER intermediate CA certificates (untrusted) that may complete a signer's path. */
  readonly intermediates?: readonly Uint8Array[];
  readonly sha256: Sha256;
  /** A pkijs engine over WebCrypto, e.g. `new CryptoEngine({ name: 'node', crypto: globalThis.crypto })`. */
  readonly cryptoEngine: ICryptoEngine;
  /**
   * Check only the last signature and its revision: for the signer, right after adding it to a
   * file whose earlier revisions it left byte-identical. Verifiers always check every one.
   */
  readonly onlyLast?: boolean;
  /** A học bạ reserves its signature fields in the rendered file; no revision may add one. */
  readonly reservedFieldsOnly?: boolean;
  /** DER CRLs from the trust folders (the file's own DSS is read too). */
  readonly crls?: readonly Uint8Array[];
  /** Bounds the record puts on every signature's time: none may predate the confirmed year result. */
  readonly timeBounds?: { readonly yearResultConfirmedAt?: string; readonly schoolYear?: string };
  /** The verification time; now by default. */
  readonly now?: Date;
};

const roleByField = new Map<string, SignerRole>(
  (Object.entries(signatureFieldNames) as [SignerRole, string][]).map(([role, field]) => [field, role]),
);

function result(check: CheckName, ok: boolean, good: string, bad: string): CheckResult {
  return { check, ok, message: ok ? good : bad };
}

/** Trust anchors parsed once per byte array; the bytes are kept and compared (an array changed in place is parsed again). */
const parsedAnchors = new WeakMap<
  Uint8Array,
  { readonly der: Uint8Array; readonly certificate: Certificate }
>();

function parseAnchor(der: Uint8Array): Certificate {
  const known = parsedAnchors.get(der);
  if (known !== undefined && bytesEqual(known.der, der)) return known.certificate;
  const certificate = parseCertificate(der);
  parsedAnchors.set(der, { der: der.slice(), certificate });
  return certificate;
}

type SignatureDictionary = {
  readonly byteRange: readonly [number, number, number, number] | undefined;
  readonly contents: { readonly bytes: Uint8Array; readonly start: number; readonly end: number } | undefined;
  readonly signingTime: Date | undefined;
  readonly name: string | undefined;
  readonly reason: string | undefined;
};

function readSignatureDictionary(object: PdfObject): SignatureDictionary {
  const range = dictGet(object.value, 'ByteRange');
  const numbers = isArray(range) ? range.items : [];
  const integers = numbers.filter(
    (item): item is number => typeof item === 'number' && Number.isSafeInteger(item) && item >= 0,
  );
  const contents = dictGet(object.value, 'Contents');
  const time = textOf(dictGet(object.value, 'M'));
  return {
    byteRange:
      integers.length === 4 && numbers.length === 4
        ? [integers[0] ?? 0, integers[1] ?? 0, integers[2] ?? 0, integers[3] ?? 0]
        : undefined,
    contents:
      isString(contents) && contents.hex && object.offset >= 0
        ? { bytes: contents.bytes, start: contents.start, end: contents.end }
        : undefined,
    signingTime: time === undefined ? undefined : parsePdfDate(time),
    name: textOf(dictGet(object.value, 'Name')),
    reason: textOf(dictGet(object.value, 'Reason')),
  };
}

type Trust = { readonly anchors: readonly Certificate[]; readonly intermediates: readonly Certificate[] };

/** Bounded: a DSS carries the few certificates of three signers' paths. */
const maxDssCertificates = 32;

function signerContext(file: PdfFile, trust: Trust, options: Omit<VerifyOptions, 'pdf'>): SignerContext {
  const dss = readDocumentSecurityStore(file);
  const dssCertificates = dss.certificates.slice(0, maxDssCertificates).flatMap((der) => {
    try {
      return [parseCertificate(der)];
    } catch {
      return [];
    }
  });
  return {
    anchors: trust.anchors,
    pool: [...trust.intermediates, ...dssCertificates],
    crls: [...(options.crls ?? []), ...dss.crls],
    ocspResponses: dss.ocspResponses,
    yearResultConfirmedAt: options.timeBounds?.yearResultConfirmedAt,
    schoolYear: options.timeBounds?.schoolYear,
    sha256: options.sha256,
    cryptoEngine: options.cryptoEngine,
    now: options.now ?? new Date(),
    pathBudget: newPathBudget(),
  };
}

async function verifyOne(
  options: Omit<VerifyOptions, 'pdf'>,
  file: PdfFile,
  context: SignerContext,
  earlier: EarlierSignatureTime[],
  judgement: RevisionJudgement,
  index: number,
): Promise<SignatureReport | undefined> {
  const { signature } = judgement;
  if (!signature) return undefined;
  const { sha256, cryptoEngine } = options;
  const pdf = file.bytes;
  const dictionary = readSignatureDictionary(signature.object);
  const revision = file.revisions[judgement.revision];
  const checks: CheckResult[] = [];
  const range = dictionary.byteRange;
  const gap = dictionary.contents;
  const end = range ? range[2] + range[3] : -1;
  // The range is [0, gap start, gap end, rest]: everything of this revision but the signature's
  // own /Contents string, up to this revision's %%EOF (its trailing end-of-line is optional).
  const rangeOk =
    range !== undefined &&
    gap !== undefined &&
    revision !== undefined &&
    range[0] === 0 &&
    range[1] === gap.start &&
    range[2] === gap.end &&
    end >= revision.eofEnd &&
    end <= revision.end;
  checks.push(result('byteRange', rangeOk, text.byteRangeOk, text.byteRangeBad));
  const base = {
    index,
    fieldName: signature.field.name,
    role: roleByField.get(signature.field.name),
    signerName: dictionary.name,
    reason: dictionary.reason,
    signingTime: dictionary.signingTime?.toISOString(),
    byteRange: range,
    coversWholeFile: end === pdf.length,
    certification: judgement.certification?.permissions,
    time: undefined,
  };
  const cms = gap ? readCms(gap.bytes) : undefined;
  if (!rangeOk || !cms) {
    if (rangeOk) checks.push({ check: 'signature', ok: false, message: text.cmsUnreadable });
    return { ...base, certificate: undefined, identity: undefined, checks, valid: false };
  }
  const covered = concatBytes([pdf.subarray(0, range[1]), pdf.subarray(range[2], end)]);
  const digestOk =
    cms.digestIsSha256 && !!cms.messageDigest && bytesEqual(cms.messageDigest, sha256(covered));
  checks.push(result('digest', digestOk, text.digestOk, text.digestBad));

  let signatureOk = false;
  // A key no CA issues (see isReasonableKey) is not worth the milliseconds its check would cost.
  if (cms.signedAttributes && cms.signedAttributes.byteLength > 0 && isReasonableKey(cms.signer)) {
    try {
      signatureOk = await cryptoEngine.verifyWithPublicKey(
        cms.signedAttributes,
        cms.signature,
        cms.signer.subjectPublicKeyInfo,
        cms.signatureAlgorithm,
        'SHA-256',
      );
    } catch {
      signatureOk = false;
    }
  }
  // signingCertificateV2 must name this very certificate (RFC 5035), so it cannot be swapped.
  signatureOk =
    signatureOk &&
    !!cms.signingCertificateHash &&
    bytesEqual(cms.signingCertificateHash, sha256(cms.signerDer));
  checks.push(result('signature', signatureOk, text.signatureOk, text.signatureBad));

  const role = roleByField.get(signature.field.name);
  const signer = await checkSignerCertificate(cms, dictionary.signingTime, earlier, context);
  checks.push(...signer.checks);
  if (signer.judged)
    earlier.push({ ...signer.judged, label: role === undefined ? signature.field.name : roleLabels[role] });
  return {
    ...base,
    time: signer.time,
    certificate: certificateInfo(cms.signer),
    identity: certificateIdentity(cms.signer),
    checks,
    valid: checks.every((check) => check.ok),
  };
}

function structureFailure(error: PdfStructureError): VerificationReport {
  const message = pdfStructureMessage(error);
  return {
    valid: false,
    verdict: text.verdictInvalid,
    signatures: [],
    checks: [{ check: 'structure', ok: false, message }],
  };
}

/**
 * Checks a PAdES PDF with the bounded reader: its structure (every revision well formed, nothing
 * hidden), what every revision after the first changed (only what signing may change), and each
 * signature (coverage of exactly its revision, digest, CMS signature bound to its certificate,
 * the certificate's path to the trust anchors at the signing time).
 */
export async function verifyPdfSignatures(options: VerifyOptions): Promise<VerificationReport> {
  let file: PdfFile;
  try {
    file = readPdfFile(options.pdf);
  } catch (error) {
    if (error instanceof PdfStructureError) return structureFailure(error);
    throw error;
  }
  return verifyPdfFileSignatures(file, options);
}

/** `verifyPdfSignatures` for a file the caller has already read (the record verifier reads it once). */
export async function verifyPdfFileSignatures(
  file: PdfFile,
  options: Omit<VerifyOptions, 'pdf'> & { readonly pdf?: Uint8Array },
): Promise<VerificationReport> {
  const trust: Trust = {
    anchors: options.trustAnchors.map(parseAnchor),
    intermediates: (options.intermediates ?? []).map(parseAnchor),
  };
  const fileChecks: CheckResult[] = [];
  const judgements: RevisionJudgement[] = [];
  let certifiedWith: number | undefined;
  let signedBefore = false;
  try {
    if (signedFieldsInFirstRevision(file).length > 0)
      fileChecks.push({ check: 'revisions', ok: false, message: revisionStrings.signedInFirstRevision });
    for (let revision = 1; revision < file.revisions.length; revision += 1) {
      const judgement = judgeRevision(file, revision, {
        reservedFieldsOnly: options.reservedFieldsOnly ?? false,
        signedBefore,
        certifiedWith,
      });
      if (judgement.signature) {
        signedBefore = true;
        certifiedWith ??= judgement.certification?.permissions;
      }
      judgements.push(judgement);
    }
  } catch (error) {
    if (error instanceof PdfStructureError) return structureFailure(error);
    throw error;
  }
  // The signer checks only the revision it has just added; a verifier checks all of them.
  const judged = options.onlyLast === true ? judgements.slice(-1) : judgements;
  for (const judgement of judged)
    for (const problem of judgement.problems)
      fileChecks.push({ check: 'revisions', ok: false, message: problem });
  const signed = judgements.filter((judgement) => judgement.signature !== undefined);
  if (signed.length === 0) {
    fileChecks.push({ check: 'signed', ok: false, message: text.noSignatures });
    return { valid: false, verdict: text.verdictInvalid, signatures: [], checks: fileChecks };
  }
  if (fileChecks.every((check) => check.ok)) fileChecks.push(result('revisions', true, text.revisionOk, ''));
  const reports: SignatureReport[] = [];
  try {
    const context = signerContext(file, trust, options);
    const earlier: EarlierSignatureTime[] = [];
    for (const [position, judgement] of signed.entries()) {
      const report = await verifyOne(options, file, context, earlier, judgement, position + 1);
      // The signer's own check still judges the earlier times, for the order of the last one.
      if (report && (options.onlyLast !== true || judged.includes(judgement))) reports.push(report);
    }
  } catch (error) {
    if (error instanceof PdfStructureError) return structureFailure(error);
    throw error;
  }
  const valid = fileChecks.every((check) => check.ok) && reports.every((report) => report.valid);
  return {
    valid,
    verdict: valid ? text.verdictValid(reports.length) : text.verdictInvalid,
    signatures: reports,
    checks: fileChecks,
  };
}
