import {
  CertificateChainValidationEngine,
  IssuerAndSerialNumber,
  type Certificate,
  type ICryptoEngine,
} from 'pkijs';
import { bytesEqual, concatBytes, latin1Decode } from './bytes';
import { hasSigningCertificateV2, oids, parseCades, type ParsedCades } from './cadesSignedData';
import { certificateInfo, parseCertificate, readKeyUsage, type CertificateInfo } from './certificateInfo';
import { findSignatures, type FoundSignature } from './findSignatures';
import { verificationMessages as text } from './signingStrings';
import type { Sha256 } from './signingTypes';

export type CheckName =
  'byteRange' | 'digest' | 'signature' | 'chain' | 'validity' | 'keyUsage' | 'revisions';

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

function findSignerCertificate(parsed: ParsedCades): Certificate | undefined {
  const sid: unknown = parsed.signerInfo.sid;
  const certificates = (parsed.signedData.certificates ?? []).filter(
    (candidate): candidate is Certificate => 'subjectPublicKeyInfo' in candidate,
  );
  if (!(sid instanceof IssuerAndSerialNumber)) return undefined;
  return certificates.find(
    (candidate) => candidate.issuer.isEqual(sid.issuer) && candidate.serialNumber.isEqual(sid.serialNumber),
  );
}

/** Walks issuer names from the signer up to a self-signed certificate; for validity reporting. */
function namePath(signer: Certificate, pool: readonly Certificate[]): Certificate[] {
  const path = [signer];
  let current = signer;
  for (let depth = 0; depth < 10 && !current.issuer.isEqual(current.subject); depth += 1) {
    const issuer = pool.find((candidate) => candidate.subject.isEqual(current.issuer));
    if (!issuer) break;
    path.push(issuer);
    current = issuer;
  }
  return path;
}

function validAt(certificate: Certificate, when: Date): boolean {
  return certificate.notBefore.value <= when && when <= certificate.notAfter.value;
}

async function verifyOne(
  options: VerifyOptions,
  anchors: readonly Certificate[],
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
  const parsed = found.contents ? parseCades(found.contents) : undefined;
  const signerCertificate = parsed ? findSignerCertificate(parsed) : undefined;
  const coversWholeFile = !!found.byteRange && found.byteRange[2] + found.byteRange[3] === pdf.length;
  if (!rangeOk || !found.byteRange || !parsed || !signerCertificate) {
    if (rangeOk) checks.push({ check: 'signature', ok: false, message: text.cmsUnreadable });
    return { ...base, coversWholeFile, certificate: undefined, checks, valid: false };
  }

  const digest = sha256(coveredBytes(pdf, found.byteRange));
  const digestOk =
    parsed.digestAlgorithmOid === oids.sha256 &&
    !!parsed.messageDigest &&
    bytesEqual(parsed.messageDigest, digest);
  checks.push(result('digest', digestOk, text.digestOk, text.digestBad));

  const signedAttributes = parsed.signerInfo.signedAttrs?.encodedValue;
  let signatureOk = false;
  if (signedAttributes && signedAttributes.byteLength > 0) {
    try {
      signatureOk = await cryptoEngine.verifyWithPublicKey(
        signedAttributes,
        parsed.signerInfo.signature,
        signerCertificate.subjectPublicKeyInfo,
        parsed.signerInfo.signatureAlgorithm,
        'SHA-256',
      );
    } catch {
      signatureOk = false;
    }
  }
  const signerDer = new Uint8Array(signerCertificate.toSchema().toBER());
  signatureOk = signatureOk && hasSigningCertificateV2(parsed, signerDer, sha256);
  checks.push(result('signature', signatureOk, text.signatureOk, text.signatureBad));

  const when = found.signingTime;
  const included = (parsed.signedData.certificates ?? []).filter(
    (candidate): candidate is Certificate => 'subjectPublicKeyInfo' in candidate,
  );
  if (!when) {
    checks.push({ check: 'chain', ok: false, message: text.signingTimeMissing });
  } else {
    let chainOk = false;
    let reason = '';
    try {
      const engine = new CertificateChainValidationEngine({
        trustedCerts: [...anchors],
        certs: [signerCertificate, ...included.filter((candidate) => candidate !== signerCertificate)],
        checkDate: when,
      });
      const chain = await engine.verify(undefined, cryptoEngine);
      chainOk = chain.result;
      reason = chain.resultMessage;
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    checks.push({ check: 'chain', ok: chainOk, message: chainOk ? text.chainOk : text.chainBad(reason) });
    const path = namePath(signerCertificate, [...included, ...anchors]);
    const validityOk = path.every((certificate) => validAt(certificate, when));
    checks.push(result('validity', validityOk, text.validityOk, text.validityBad));
  }

  const usage = readKeyUsage(signerCertificate);
  const usageOk = !usage || usage.digitalSignature || usage.nonRepudiation;
  checks.push(result('keyUsage', usageOk, text.keyUsageOk, text.keyUsageBad));
  checks.push(result('revisions', revisionsOk, text.revisionOk, text.revisionBad));

  return {
    ...base,
    coversWholeFile,
    certificate: certificateInfo(signerCertificate),
    checks,
    valid: checks.every((check) => check.ok),
  };
}

function countEofMarkers(pdf: Uint8Array, from: number, to: number): number {
  return latin1Decode(pdf, from, to).split('%%EOF').length - 1;
}

/**
 * Checks every signature of a PAdES PDF: coverage, digest, CMS signature, chain to the trust
 * anchors at signing time, key usage; and that each revision after a signature adds exactly the
 * next signature, with nothing unsigned after the last one.
 */
export async function verifyPdfSignatures(options: VerifyOptions): Promise<VerificationReport> {
  const { pdf } = options;
  const anchors = options.trustAnchors.map(parseCertificate);
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
    reports.push(await verifyOne(options, anchors, signature, position + 1, revisionsOk));
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
