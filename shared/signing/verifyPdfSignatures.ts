import type { Certificate, ICryptoEngine } from 'pkijs';
import { bytesEqual, concatBytes, countBytes, latin1Decode, latin1Encode } from './bytes';
import { certificateInfo, parseCertificate, type CertificateInfo } from './certificateInfo';
import { validateCertificatePath } from './certificatePath';
import { readCms } from './cmsView';
import { findSignatures, type FoundSignature } from './findSignatures';
import { verificationMessages as text } from './signingStrings';
import type { Sha256 } from './signingTypes';

export type CheckName = 'byteRange' | 'digest' | 'signature' | 'chain' | 'revisions';

export type CheckResult = { readonly check: CheckName; readonly ok: boolean; readonly message: string };

export type SignatureReport = {
  /** 1-based, in file order. */
  readonly index: number;
  readonly signerName: string | undefined;
  readonly reason: string | undefined;
  readonly signingTime: string | undefined;
  readonly byteRange: readonly number[] | undefined;
  readonly coversWholeFile: boolean;
  readonly certificate: CertificateInfo | undefined;
  readonly checks: readonly CheckResult[];
  readonly valid: boolean;
};

export type VerificationReport = {
  readonly valid: boolean;
  readonly verdict: string;
  readonly signatures: readonly SignatureReport[];
  /** File-level checks: signatures present, nothing unsigned appended after the last one. */
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
   * Check only the last signature (and the file's tail): for the signer, right after adding it to
   * a file whose earlier revisions it left byte-identical. Verifiers always check every one.
   */
  readonly onlyLast?: boolean;
};

const eofPattern = /%%EOF[\r\n]*$/;

function result(check: CheckName, ok: boolean, good: string, bad: string): CheckResult {
  return { check, ok, message: ok ? good : bad };
}

/** The byte range must be [0, gapStart, gapEnd, n] with the gap being exactly the /Contents string. */
function byteRangeCheck(pdf: Uint8Array, found: FoundSignature): boolean {
  const range = found.byteRange;
  if (!range || !found.contents) return false;
  const [start, firstLength, secondStart, secondLength] = range;
  const end = secondStart + secondLength;
  return (
    start === 0 &&
    firstLength > 0 &&
    secondStart > firstLength &&
    end <= pdf.length &&
    eofPattern.test(latin1Decode(pdf, Math.max(0, end - 16), end))
  );
}

function coveredBytes(pdf: Uint8Array, range: readonly [number, number, number, number]): Uint8Array {
  const [start, firstLength, secondStart, secondLength] = range;
  return concatBytes([
    pdf.subarray(start, start + firstLength),
    pdf.subarray(secondStart, secondStart + secondLength),
  ]);
}

async function verifyOne(
  options: VerifyOptions,
  trust: { readonly anchors: readonly Certificate[]; readonly intermediates: readonly Certificate[] },
  found: FoundSignature,
  index: number,
  revisionsOk: boolean,
): Promise<SignatureReport> {
  const { pdf, sha256, cryptoEngine } = options;
  const checks: CheckResult[] = [];
  const base = {
    index,
    signerName: found.name,
    reason: found.reason,
    signingTime: found.signingTime?.toISOString(),
    byteRange: found.byteRange,
  };
  const rangeOk = byteRangeCheck(pdf, found);
  checks.push(result('byteRange', rangeOk, text.byteRangeOk, text.byteRangeBad));
  const cms = found.contents ? readCms(found.contents) : undefined;
  const coversWholeFile = !!found.byteRange && found.byteRange[2] + found.byteRange[3] === pdf.length;
  if (!rangeOk || !found.byteRange || !cms) {
    if (rangeOk) checks.push({ check: 'signature', ok: false, message: text.cmsUnreadable });
    return { ...base, coversWholeFile, certificate: undefined, checks, valid: false };
  }
  const signerCertificate = cms.signer;

  const digest = sha256(coveredBytes(pdf, found.byteRange));
  const digestOk = cms.digestIsSha256 && !!cms.messageDigest && bytesEqual(cms.messageDigest, digest);
  checks.push(result('digest', digestOk, text.digestOk, text.digestBad));

  let signatureOk = false;
  if (cms.signedAttributes && cms.signedAttributes.byteLength > 0) {
    try {
      signatureOk = await cryptoEngine.verifyWithPublicKey(
        cms.signedAttributes,
        cms.signature,
        signerCertificate.subjectPublicKeyInfo,
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

  const when = found.signingTime;
  if (!when) {
    checks.push({ check: 'chain', ok: false, message: text.signingTimeMissing });
  } else {
    // The signer's own certificate is the leaf; the CMS's other certificates and the trust
    // folders' intermediates may only complete the path to a configured anchor.
    const path = await validateCertificatePath({
      leaf: signerCertificate,
      pool: [...cms.certificates, ...trust.intermediates],
      anchors: trust.anchors,
      when,
      purpose: 'documentSigning',
      cryptoEngine,
    });
    checks.push({ check: 'chain', ok: path.ok, message: path.ok ? text.chainOk : path.message });
  }

  checks.push(result('revisions', revisionsOk, text.revisionOk, text.revisionBad));

  return {
    ...base,
    coversWholeFile,
    certificate: certificateInfo(signerCertificate),
    checks,
    valid: checks.every((check) => check.ok),
  };
}

const eofMarker = latin1Encode('%%EOF');

function countEofMarkers(pdf: Uint8Array, from: number, to: number): number {
  return countBytes(pdf, eofMarker, from, to);
}

/**
 * Trust anchors parsed once per byte array (a batch passes the same anchors for every file); the
 * bytes are kept and compared, so an array changed in place is parsed again.
 */
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

/**
 * Checks every signature of a PAdES PDF: coverage, digest, CMS signature, chain to the trust
 * anchors at signing time, key usage; and that each revision after a signature adds exactly the
 * next signature, with nothing unsigned after the last one.
 */
export async function verifyPdfSignatures(options: VerifyOptions): Promise<VerificationReport> {
  const { pdf } = options;
  const trust = {
    anchors: options.trustAnchors.map(parseAnchor),
    intermediates: (options.intermediates ?? []).map(parseAnchor),
  };
  const found = findSignatures(pdf);
  const fileChecks: CheckResult[] = [];
  const complete = found.filter((signature) => signature.byteRange);
  if (complete.length !== found.length) {
    fileChecks.push({ check: 'revisions', ok: false, message: text.incompleteSignature });
  }
  if (complete.length === 0) {
    fileChecks.push({ check: 'revisions', ok: false, message: text.noSignatures });
    return { valid: false, verdict: text.verdictInvalid, signatures: [], checks: fileChecks };
  }

  const ends = complete.map((signature) =>
    signature.byteRange ? signature.byteRange[2] + signature.byteRange[3] : 0,
  );
  const reports: SignatureReport[] = [];
  for (const [position, signature] of complete.entries()) {
    if (options.onlyLast === true && position < complete.length - 1) continue;
    const end = ends[position] ?? 0;
    const nextEnd = ends[position + 1];
    // The next signature's revision must be exactly one incremental update (one %%EOF) that
    // holds that signature; a second %%EOF means an unsigned revision slipped in between.
    const revisionsOk = nextEnd === undefined || (nextEnd > end && countEofMarkers(pdf, end, nextEnd) === 1);
    reports.push(await verifyOne(options, trust, signature, position + 1, revisionsOk));
  }

  const lastEnd = ends[ends.length - 1] ?? 0;
  const tailOk = lastEnd <= pdf.length && latin1Decode(pdf, lastEnd, pdf.length).trim() === '';
  fileChecks.push(result('revisions', tailOk, text.tailOk, text.tailBad));

  const valid = fileChecks.every((check) => check.ok) && reports.every((report) => report.valid);
  return {
    valid,
    verdict: valid ? text.verdictValid(reports.length) : text.verdictInvalid,
    signatures: reports,
    checks: fileChecks,
  };
}
