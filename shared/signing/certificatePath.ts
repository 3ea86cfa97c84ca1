import { RSAPublicKey, type Certificate, type ICryptoEngine } from 'pkijs';
import { formatInstant } from '../domain/dates';
import { bytesEqual } from './bytes';
import { displayName } from './certificateInfo';
import {
  basicConstraintsOf,
  documentSigningPurposes,
  extendedKeyUsageOf,
  isExtendedKeyUsageCritical,
  isSelfIssued,
  keyIdentifiersAgree,
  keyPurposeOids,
  keyUsageOf,
  unknownCriticalExtensions,
} from './certificateExtensions';
import { nameConstraintFailure } from './nameConstraints';
import { certificatePathStrings as text } from './certificatePathStrings';

/**
 * What the end-entity certificate is used for: a document signature (the học bạ signers), a
 * timestamp token (RFC 3161 §2.3: id-kp-timeStamping, critical, alone) or an OCSP response signed
 * by a delegated responder (id-kp-OCSPSigning).
 */
export type CertificatePurpose = 'documentSigning' | 'timeStamping' | 'ocspSigning';

export type PathFailureCode =
  | 'no-anchors'
  | 'no-issuer'
  | 'self-signed'
  | 'signer-is-anchor'
  | 'bad-signature'
  | 'issuer-not-ca'
  | 'issuer-key-usage'
  | 'path-length'
  | 'name-constraints'
  | 'critical-extension'
  | 'not-valid-at'
  | 'signer-is-ca'
  | 'signer-key-usage'
  | 'signer-extended-key-usage'
  | 'too-many-certificates';

export type CertificatePathResult =
  | {
      readonly ok: true;
      /** The signer's certificate first, the trust anchor last. */
      readonly path: readonly Certificate[];
    }
  | { readonly ok: false; readonly code: PathFailureCode; readonly message: string };

export type ValidatePathOptions = {
  /** The end-entity certificate: the leaf of the path, whatever order a CMS lists its certificates in. */
  readonly leaf: Certificate;
  /** Untrusted certificates that may complete the path: the CMS's, the trust folders' intermediates, the DSS's. */
  readonly pool: readonly Certificate[];
  readonly anchors: readonly Certificate[];
  /** The time the whole path must be valid at (the proven or claimed signing time). */
  readonly when: Date;
  readonly purpose: CertificatePurpose;
  readonly cryptoEngine: ICryptoEngine;
  /**
   * Signature checks all the paths of one file may still make (a file of many signatures must
   * not multiply the cost of building each path); a fresh budget per call by default.
   */
  readonly budget?: PathBudget;
};

export type PathBudget = { signatureChecks: number };

/** What one file's path validations may spend: a học bạ's three paths take a dozen checks. */
export function newPathBudget(): PathBudget {
  return { signatureChecks: 160 };
}

/** Bounds that keep a hostile CMS (hundreds of certificates, long chains) from costing seconds. */
const maxPoolSize = 64;
const maxDepth = 8;
const maxSignatureChecks = 64;
/** Issuers of one name tried at the most (a re-keyed or cross-certified CA has two or three). */
const maxIssuersPerName = 8;

/**
 * Keys no CA issues: RSA beyond 4096 bits or with an exponent beyond 2^32 would make each
 * signature check cost milliseconds, the lever of a file built to be slow to verify.
 */
export function isReasonableKey(certificate: Certificate): boolean {
  const key: unknown = certificate.subjectPublicKeyInfo.parsedKey;
  if (!(key instanceof RSAPublicKey)) return true;
  const modulus = key.modulus.valueBlock.valueHexView;
  const leadingZero = modulus[0] === 0 ? 1 : 0;
  const exponent = key.publicExponent.valueBlock.valueHexView;
  const exponentBytes = exponent.length - (exponent[0] === 0 ? 1 : 0);
  return modulus.length - leadingZero <= 512 && exponentBytes <= 4;
}

type Failure = { readonly code: PathFailureCode; readonly message: string };

const nameOf = (certificate: Certificate) => displayName(certificate.subject);
const failure = (code: PathFailureCode, message: string): Failure => ({ code, message });

/** Same certificate: byte-identical, or the same subject and key (a re-issued trust anchor). */
function sameCertificate(a: Certificate, b: Certificate): boolean {
  if (a === b) return true;
  const aKey = a.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
  const bKey = b.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
  return a.subject.isEqual(b.subject) && bytesEqual(aKey, bKey);
}

/**
 * Signatures found good, by certificate object identity (the verifier parses each DER once per
 * content and each anchor once per byte array). Only successes are kept; bounded.
 */
const goodSignatures = new Map<string, true>();
const objectIds = new WeakMap<object, number>();
let nextObjectId = 0;

function idOf(value: object): number {
  let id = objectIds.get(value);
  if (id === undefined) {
    nextObjectId += 1;
    id = nextObjectId;
    objectIds.set(value, id);
  }
  return id;
}

type Budget = { signatureChecks: number; readonly file: PathBudget };

async function issuedBy(
  child: Certificate,
  issuer: Certificate,
  engine: ICryptoEngine,
  budget: Budget,
): Promise<boolean | 'spent'> {
  const key = `${idOf(engine)}:${idOf(child)}:${idOf(issuer)}`;
  if (goodSignatures.has(key)) return true;
  if (budget.signatureChecks >= maxSignatureChecks || budget.file.signatureChecks <= 0) return 'spent';
  if (!isReasonableKey(issuer)) return false;
  budget.signatureChecks += 1;
  budget.file.signatureChecks -= 1;
  let good = false;
  try {
    good = await child.verify(issuer, engine);
  } catch {
    good = false;
  }
  if (good) {
    if (goodSignatures.size >= 1024) goodSignatures.clear();
    goodSignatures.set(key, true);
  }
  return good;
}

function validAt(certificate: Certificate, when: Date): Failure | undefined {
  const from = certificate.notBefore.value;
  const until = certificate.notAfter.value;
  if (from <= when && when <= until) return undefined;
  return failure(
    'not-valid-at',
    text.notValidAt(
      nameOf(certificate),
      formatInstant(when.toISOString()),
      formatInstant(from.toISOString()),
      formatInstant(until.toISOString()),
    ),
  );
}

function leafFailure(leaf: Certificate, purpose: CertificatePurpose): Failure | undefined {
  const usage = keyUsageOf(leaf);
  const purposes = extendedKeyUsageOf(leaf);
  const name = nameOf(leaf);
  if (purpose === 'documentSigning') {
    // A CA's key, or a key allowed to sign certificates (RFC 5280 §4.2.1.3: only a CA's may be).
    if (basicConstraintsOf(leaf)?.ca === true || usage?.keyCertSign === true)
      return failure('signer-is-ca', text.signerIsCa(name));
    if (usage && !usage.digitalSignature && !usage.nonRepudiation)
      return failure('signer-key-usage', text.signerKeyUsage(name));
    if (purposes && !purposes.some((oid) => documentSigningPurposes.includes(oid)))
      return failure('signer-extended-key-usage', text.signerExtendedKeyUsage(name));
    return undefined;
  }
  if (purpose === 'timeStamping') {
    // RFC 3161 §2.3: exactly one purpose, id-kp-timeStamping, in a critical extension.
    const onlyTimestamping =
      purposes?.length === 1 &&
      purposes[0] === keyPurposeOids.timeStamping &&
      isExtendedKeyUsageCritical(leaf);
    if (!onlyTimestamping || (usage && !usage.digitalSignature && !usage.nonRepudiation))
      return failure('signer-extended-key-usage', text.timestampAuthorityUsage(name));
    return undefined;
  }
  if (!purposes?.includes(keyPurposeOids.ocspSigning))
    return failure('signer-extended-key-usage', text.signerExtendedKeyUsage(name));
  return undefined;
}

function issuerFailure(
  issuer: Certificate,
  isAnchor: boolean,
  intermediatesBelow: number,
): Failure | undefined {
  const constraints = basicConstraintsOf(issuer);
  const name = nameOf(issuer);
  // A version 1 root has no extensions at all; it is trusted only because it is configured.
  const legacyRoot = isAnchor && constraints === undefined && issuer.version === 0;
  if (!legacyRoot && constraints?.ca !== true) return failure('issuer-not-ca', text.issuerNotCa(name));
  const usage = keyUsageOf(issuer);
  if (usage && !usage.keyCertSign)
    return failure('issuer-key-usage', text.issuerCannotSignCertificates(name));
  if (constraints?.pathLength !== undefined && intermediatesBelow > constraints.pathLength)
    return failure('path-length', text.pathTooLong(name));
  return undefined;
}

/** RFC 5280 §6.1 checks, without policy processing, of a path from the leaf to an anchor. */
function pathFailure(path: readonly Certificate[], options: ValidatePathOptions): Failure | undefined {
  const { when, purpose } = options;
  for (const [index, certificate] of path.entries()) {
    const isAnchor = index === path.length - 1;
    const invalid = validAt(certificate, when);
    if (invalid) return invalid;
    if (!isAnchor) {
      const [unknown] = unknownCriticalExtensions(certificate);
      if (unknown !== undefined)
        return failure('critical-extension', text.unknownCriticalExtension(nameOf(certificate), unknown));
    }
    if (index === 0) {
      const leaf = leafFailure(certificate, purpose);
      if (leaf) return leaf;
      continue;
    }
    // Intermediate CA certificates between this issuer and the leaf; self-issued ones do not count.
    const intermediatesBelow = path.slice(1, index).filter((below) => !isSelfIssued(below)).length;
    const issuer = issuerFailure(certificate, isAnchor, intermediatesBelow);
    if (issuer) return issuer;
    const constrained = nameConstraintFailure(certificate, path.slice(0, index));
    if (constrained === 'unsupported')
      return failure('name-constraints', text.nameConstraintUnsupported(nameOf(certificate)));
    if (constrained !== undefined)
      return failure(
        'name-constraints',
        text.nameConstraintViolated(nameOf(constrained), nameOf(certificate)),
      );
  }
  return undefined;
}

/**
 * Builds and validates the certificate path of `leaf`: the leaf is always the signer's own
 * certificate (never whatever comes last in a CMS's list), each issuer is found by name and key
 * identifier among the pool and the anchors and must really have signed its child, every issuer
 * must be a CA allowed to sign certificates within its path length, every certificate must be
 * valid at `when` and carry no critical extension we do not understand, and the leaf must be fit
 * for `purpose`. Alternative issuers (cross-certificates, re-issued CAs) are tried in turn.
 * Revocation is checked separately on the returned path.
 */
export async function validateCertificatePath(options: ValidatePathOptions): Promise<CertificatePathResult> {
  const { leaf, anchors, cryptoEngine } = options;
  if (anchors.length === 0) return { ok: false, code: 'no-anchors', message: text.noTrustAnchors };
  if (options.pool.length > maxPoolSize)
    return { ok: false, code: 'too-many-certificates', message: text.tooManyCandidates };
  if (anchors.some((anchor) => sameCertificate(anchor, leaf)))
    return { ok: false, code: 'signer-is-anchor', message: text.signerIsAnchor(nameOf(leaf)) };
  const candidates = [...anchors, ...options.pool.filter((certificate) => certificate !== leaf)];
  const budget: Budget = { signatureChecks: 0, file: options.budget ?? newPathBudget() };
  let firstFailure: Failure | undefined;
  const remember = (found: Failure) => {
    firstFailure ??= found;
  };

  const extend = async (path: readonly Certificate[]): Promise<readonly Certificate[] | undefined> => {
    const current = path[path.length - 1];
    if (current === undefined) return undefined;
    if (path.length > 1 && anchors.some((anchor) => sameCertificate(anchor, current))) {
      const problem = pathFailure(path, options);
      if (problem === undefined) return path;
      remember(problem);
      return undefined;
    }
    if (path.length > maxDepth) return undefined;
    const issuers = candidates
      .filter(
        (candidate) =>
          candidate.subject.isEqual(current.issuer) &&
          keyIdentifiersAgree(current, candidate) &&
          !path.some((onPath) => sameCertificate(onPath, candidate)),
      )
      .slice(0, maxIssuersPerName);
    for (const issuer of issuers) {
      const issued = await issuedBy(current, issuer, cryptoEngine, budget);
      if (issued === 'spent') {
        remember(failure('too-many-certificates', text.tooManyCandidates));
        continue;
      }
      if (!issued) {
        remember(failure('bad-signature', text.badIssuerSignature(nameOf(current), nameOf(issuer))));
        continue;
      }
      const found = await extend([...path, issuer]);
      if (found) return found;
    }
    if (issuers.length === 0)
      remember(
        path.length === 1 && isSelfIssued(current)
          ? failure('self-signed', text.selfSignedSigner(nameOf(current)))
          : failure('no-issuer', text.noIssuer(nameOf(current))),
      );
    return undefined;
  };

  const path = await extend([leaf]);
  if (path) return { ok: true, path };
  const reason = firstFailure ?? failure('no-issuer', text.noIssuer(nameOf(leaf)));
  return { ok: false, ...reason };
}
