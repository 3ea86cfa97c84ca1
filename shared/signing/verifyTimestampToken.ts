import { OctetString, fromBER } from 'asn1js';
import { AlgorithmIdentifier, type Certificate, type ICryptoEngine } from 'pkijs';
import { bytesEqual, toArrayBuffer } from './bytes';
import { displayName, parseCertificate } from './certificateInfo';
import { subjectKeyIdentifierOf } from './certificateExtensions';
import { validateCertificatePath, type PathBudget } from './certificatePath';
import { digestOf, digestOids, hexOf, integerMagnitude, nameEquals } from './derValues';
import type { Sha256 } from './signingTypes';
import { clockSkewMs } from './signingTime';
import { timestampStrings as text } from './timeStrings';
import { readTimestampToken, timestampOids, type TimestampTokenView } from './timestampTokenView';
import { formatInstant } from '../domain/dates';

export type TimestampFailureCode =
  | 'unreadable'
  | 'weak-algorithm'
  | 'imprint-mismatch'
  | 'no-tsa-certificate'
  | 'altered'
  | 'signing-certificate'
  | 'bad-signature'
  | 'tsa-name-mismatch'
  | 'future'
  | 'untrusted-tsa';

export type TimestampVerification =
  | {
      readonly ok: true;
      /** The time the TSA vouches the signature value existed at. */
      readonly genTime: Date;
      readonly accuracyMs: number | undefined;
      /** The TSA certificate's holder name (its CN). */
      readonly tsaName: string;
      readonly tsaCertificate: Certificate;
      /** The TSA certificate's path, leaf first, anchor last (for a revocation check). */
      readonly path: readonly Certificate[];
      readonly serialNumberHex: string;
      readonly policy: string;
    }
  | { readonly ok: false; readonly code: TimestampFailureCode; readonly message: string };

export type VerifyTimestampOptions = {
  /** The DER TimeStampToken from the signature's id-aa-signatureTimeStampToken attribute. */
  readonly token: Uint8Array;
  /** The SignerInfo's signature value the token must be over. */
  readonly signatureValue: Uint8Array;
  /** Trust anchors the TSA's certificate must lead to (the same folders as signers'). */
  readonly anchors: readonly Certificate[];
  /** Untrusted certificates that may complete the TSA's path (the trust folders' intermediates, the DSS). */
  readonly pool: readonly Certificate[];
  readonly sha256: Sha256;
  readonly cryptoEngine: ICryptoEngine;
  readonly now: Date;
  /** The file's path-building budget, shared with its signers' paths. */
  readonly budget?: PathBudget;
};

const refuse = (code: TimestampFailureCode, message: string): TimestampVerification => ({
  ok: false,
  code,
  message,
});

/** Digest algorithms a timestamp may use for its imprint and its signature (SHA-1 is refused). */
const strongDigests: ReadonlySet<string> = new Set([digestOids.sha256, digestOids.sha384, digestOids.sha512]);

function hashWith(oid: string, data: Uint8Array, sha256: Sha256): Uint8Array | undefined {
  if (oid === digestOids.sha256) return sha256(data);
  return digestOf(oid)?.hash(data);
}

function isTsaCertificate(view: TimestampTokenView, candidate: Certificate): boolean {
  const id = view.signerId;
  if (id.kind === 'keyIdentifier') {
    const keyId = subjectKeyIdentifierOf(candidate);
    return keyId !== undefined && bytesEqual(keyId, id.keyIdentifier);
  }
  return (
    bytesEqual(
      integerMagnitude(candidate.serialNumber.valueBlock.valueHexView),
      integerMagnitude(id.serial),
    ) && nameEquals(id.issuer, candidate.issuer)
  );
}

/** A TSA sends its certificate and perhaps its chain; a token stuffed with more is not parsed further. */
const maxTokenCertificates = 8;

function certificatesOf(view: TimestampTokenView): Certificate[] {
  return view.certificates.slice(0, maxTokenCertificates).flatMap((der) => {
    try {
      return [parseCertificate(der)];
    } catch {
      return [];
    }
  });
}

function derOf(certificate: Certificate): Uint8Array {
  return new Uint8Array(certificate.toSchema().toBER(false));
}

async function signatureVerifies(
  view: TimestampTokenView,
  tsa: Certificate,
  cryptoEngine: ICryptoEngine,
  hashName: string,
): Promise<boolean> {
  try {
    const algorithm = fromBER(toArrayBuffer(view.signatureAlgorithm));
    if (algorithm.offset === -1) return false;
    return await cryptoEngine.verifyWithPublicKey(
      toArrayBuffer(view.signedAttributes),
      new OctetString({ valueHex: toArrayBuffer(view.signature) }),
      tsa.subjectPublicKeyInfo,
      new AlgorithmIdentifier({ schema: algorithm.result }),
      hashName,
    );
  } catch {
    return false;
  }
}

/**
 * Verifies a signature timestamp (RFC 3161, ETSI EN 319 122-1 signature-time-stamp): the token
 * imprints the hash of exactly this signature value; its CMS signature verifies over signed
 * attributes whose messageDigest is the hash of the TSTInfo as carried (so an altered TSTInfo
 * fails) and whose ESS signing-certificate(-v2) names the TSA certificate that signed; that
 * certificate leads to a configured anchor at genTime and is a TSA's (critical timeStamping
 * EKU, alone); genTime is not in the future. Returns genTime and the TSA's name, or a refusal in
 * Vietnamese.
 */
export async function verifyTimestampToken(options: VerifyTimestampOptions): Promise<TimestampVerification> {
  const { sha256, cryptoEngine } = options;
  let view: TimestampTokenView;
  try {
    view = readTimestampToken(options.token);
  } catch {
    return refuse('unreadable', text.tokenUnreadable);
  }
  const { tstInfo } = view;
  if (!strongDigests.has(tstInfo.imprintAlgorithm) || !strongDigests.has(view.digestAlgorithm))
    return refuse('weak-algorithm', text.weakAlgorithm);
  const expected = hashWith(tstInfo.imprintAlgorithm, options.signatureValue, sha256);
  if (expected === undefined || !bytesEqual(expected, tstInfo.imprint))
    return refuse('imprint-mismatch', text.imprintMismatch);

  const tokenCertificates = certificatesOf(view);
  const pool = [...tokenCertificates, ...options.pool];
  const tsa = pool.find((candidate) => isTsaCertificate(view, candidate));
  if (tsa === undefined) return refuse('no-tsa-certificate', text.noTsaCertificate);
  const tsaName = displayName(tsa.subject);

  const contentDigest = hashWith(view.digestAlgorithm, view.eContent, sha256);
  if (
    view.contentType !== timestampOids.tstInfo ||
    view.messageDigest === undefined ||
    contentDigest === undefined ||
    !bytesEqual(contentDigest, view.messageDigest)
  )
    return refuse('altered', text.tokenAltered);

  const ess = view.essCertId;
  const essHash = ess ? digestOf(ess.hashAlgorithm)?.hash(derOf(tsa)) : undefined;
  const serialOk =
    ess?.serial === undefined ||
    bytesEqual(integerMagnitude(ess.serial), integerMagnitude(tsa.serialNumber.valueBlock.valueHexView));
  if (ess === undefined || essHash === undefined || !bytesEqual(essHash, ess.hash) || !serialOk)
    return refuse('signing-certificate', text.signingCertificateMismatch(tsaName));

  const hashName = digestOf(view.digestAlgorithm)?.name ?? 'SHA-256';
  if (!(await signatureVerifies(view, tsa, cryptoEngine, hashName)))
    return refuse('bad-signature', text.tokenSignatureBad(tsaName));

  if (tstInfo.tsaName !== undefined && !nameEquals(tstInfo.tsaName, tsa.subject))
    return refuse('tsa-name-mismatch', text.tsaNameMismatch(tsaName));

  if (tstInfo.genTime.getTime() > options.now.getTime() + clockSkewMs)
    return refuse('future', text.genTimeInFuture(formatInstant(tstInfo.genTime.toISOString())));

  const path = await validateCertificatePath({
    leaf: tsa,
    pool,
    anchors: options.anchors,
    when: tstInfo.genTime,
    purpose: 'timeStamping',
    cryptoEngine,
    ...(options.budget ? { budget: options.budget } : {}),
  });
  if (!path.ok) return refuse('untrusted-tsa', text.tsaUntrusted(tsaName, path.message));

  return {
    ok: true,
    genTime: tstInfo.genTime,
    accuracyMs: tstInfo.accuracyMs,
    tsaName,
    tsaCertificate: tsa,
    path: path.path,
    serialNumberHex: hexOf(tstInfo.serialNumber),
    policy: tstInfo.policy,
  };
}
