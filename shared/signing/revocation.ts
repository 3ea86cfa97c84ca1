import { BitString, fromBER } from 'asn1js';
import { AlgorithmIdentifier, type Certificate, type ICryptoEngine } from 'pkijs';
import { formatInstant } from '../domain/dates';
import { bytesEqual, toArrayBuffer } from './bytes';
import { displayName, parseCertificate } from './certificateInfo';
import { basicConstraintsOf, keyUsageOf, subjectKeyIdentifierOf } from './certificateExtensions';
import { validateCertificatePath } from './certificatePath';
import { findCrlEntry, readCrl, type CrlView } from './crlView';
import { digestOf, hexOf, integerMagnitude, nameEquals } from './derValues';
import { readOcspResponse, type BasicOcspView, type OcspSingleResponse } from './ocspView';
import { revocationReasonLabels, revocationStrings as text } from './revocationStrings';
import {
  revocationReasonOf,
  type CertificateRevocation,
  type RevocationReason,
  type RevocationResult,
  type RevocationSource,
} from './revocationTypes';
import { clockSkewMs } from './signingTime';

export type CheckRevocationOptions = {
  /** A validated path, leaf first, trust anchor last (the anchor itself is not checked). */
  readonly path: readonly Certificate[];
  /** The judged signing time. */
  readonly when: Date;
  /** Whether `when` is proven by a timestamp (else it is only the signer's claim). */
  readonly proven: boolean;
  /** DER CRLs: the trust folders' `crl/` and the file's DSS. */
  readonly crls: readonly Uint8Array[];
  /** DER OCSPResponses: the file's DSS. */
  readonly ocspResponses: readonly Uint8Array[];
  readonly cryptoEngine: ICryptoEngine;
  readonly now: Date;
};

type Statement =
  | { readonly source: RevocationSource; readonly date: Date; readonly status: 'good' }
  | {
      readonly source: RevocationSource;
      readonly date: Date;
      readonly status: 'revoked';
      readonly revokedAt: Date;
      readonly reason: RevocationReason | undefined;
    };

/** Bounds against a file or folder stuffed with revocation data. */
const maxItems = 64;

const crlCache = new WeakMap<Uint8Array, CrlView | undefined>();
const ocspCache = new WeakMap<Uint8Array, BasicOcspView | undefined>();
/** Signature checks by data and signer, for a batch that checks the same CRL for every file. */
const signatureCache = new WeakMap<Uint8Array, WeakMap<Certificate, boolean>>();

function cached<T>(cache: WeakMap<Uint8Array, T | undefined>, der: Uint8Array, read: (der: Uint8Array) => T) {
  if (cache.has(der)) return cache.get(der);
  let value: T | undefined;
  try {
    value = read(der);
  } catch {
    value = undefined;
  }
  cache.set(der, value);
  return value;
}

async function signedBy(
  data: { readonly tbs: Uint8Array; readonly signatureAlgorithm: Uint8Array; readonly signature: Uint8Array },
  signer: Certificate,
  cryptoEngine: ICryptoEngine,
): Promise<boolean> {
  const known = signatureCache.get(data.tbs)?.get(signer);
  if (known !== undefined) return known;
  let good = false;
  try {
    const algorithm = fromBER(toArrayBuffer(data.signatureAlgorithm));
    good =
      algorithm.offset !== -1 &&
      (await cryptoEngine.verifyWithPublicKey(
        toArrayBuffer(data.tbs),
        new BitString({ valueHex: toArrayBuffer(data.signature) }),
        signer.subjectPublicKeyInfo,
        new AlgorithmIdentifier({ schema: algorithm.result }),
      ));
  } catch {
    good = false;
  }
  const bySigner = signatureCache.get(data.tbs) ?? new WeakMap<Certificate, boolean>();
  bySigner.set(signer, good);
  signatureCache.set(data.tbs, bySigner);
  return good;
}

const serialOf = (certificate: Certificate) => certificate.serialNumber.valueBlock.valueHexView;
const publicKeyBits = (certificate: Certificate) =>
  certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;

async function crlStatements(
  certificate: Certificate,
  issuer: Certificate,
  crls: readonly CrlView[],
  options: CheckRevocationOptions,
  note: (message: string) => void,
): Promise<Statement[]> {
  const issuerName = displayName(issuer.subject);
  const isCa = basicConstraintsOf(certificate)?.ca === true;
  const statements: Statement[] = [];
  for (const crl of crls) {
    if (!nameEquals(crl.issuer, certificate.issuer)) continue;
    const issuerKeyId = subjectKeyIdentifierOf(issuer);
    // Another key of a CA with the same name (re-keyed): not this issuer's CRL.
    if (crl.authorityKeyIdentifier && issuerKeyId && !bytesEqual(crl.authorityKeyIdentifier, issuerKeyId))
      continue;
    if (crl.isDelta) {
      note(text.crlDelta(issuerName));
      continue;
    }
    if (crl.scope.indirect) {
      note(text.crlIndirect(issuerName));
      continue;
    }
    const [unknown] = crl.unknownCritical;
    if (unknown !== undefined) {
      note(text.crlCriticalExtension(issuerName, unknown));
      continue;
    }
    if (crl.thisUpdate.getTime() > options.now.getTime() + clockSkewMs) {
      note(text.crlFuture(issuerName));
      continue;
    }
    const usage = keyUsageOf(issuer);
    if (usage && !usage.cRLSign) {
      note(text.crlIssuerCannotSign(issuerName));
      continue;
    }
    if (!(await signedBy(crl, issuer, options.cryptoEngine))) {
      note(text.crlForged(issuerName));
      continue;
    }
    if ((crl.scope.onlyUserCertificates && isCa) || (crl.scope.onlyCaCertificates && !isCa)) continue;
    const entry = findCrlEntry(crl, serialOf(certificate));
    if (entry !== undefined) {
      if (entry.otherIssuer) {
        note(text.crlIndirect(issuerName));
        continue;
      }
      const [unknownEntry] = entry.unknownCritical;
      if (unknownEntry !== undefined) {
        note(text.crlCriticalExtension(issuerName, unknownEntry));
        continue;
      }
      statements.push({
        source: 'crl',
        date: crl.thisUpdate,
        status: 'revoked',
        revokedAt: entry.revokedAt,
        reason: revocationReasonOf(entry.reasonCode),
      });
    } else if (!crl.scope.partitioned) {
      statements.push({ source: 'crl', date: crl.thisUpdate, status: 'good' });
    }
  }
  return statements;
}

function isForCertificate(
  single: OcspSingleResponse,
  certificate: Certificate,
  issuer: Certificate,
): boolean {
  const digest = digestOf(single.hashAlgorithm);
  if (digest === undefined) return false;
  if (!bytesEqual(integerMagnitude(single.serial), integerMagnitude(serialOf(certificate)))) return false;
  const issuerNameDer = new Uint8Array(certificate.issuer.toSchema().toBER(false));
  return (
    bytesEqual(digest.hash(issuerNameDer), single.issuerNameHash) &&
    bytesEqual(digest.hash(publicKeyBits(issuer)), single.issuerKeyHash)
  );
}

function isResponder(response: BasicOcspView, candidate: Certificate): boolean {
  const id = response.responderId;
  if (id.kind === 'name') return nameEquals(id.name, candidate.subject);
  return bytesEqual(
    digestOf('1.3.14.3.2.26')?.hash(publicKeyBits(candidate)) ?? new Uint8Array(),
    id.keyHash,
  );
}

/**
 * The certificate that may sign OCSP answers about `issuer`'s certificates (RFC 6960 §4.2.2.2):
 * the issuer itself, or a responder certificate the issuer issued with id-kp-OCSPSigning, valid
 * when the response was produced. Undefined when the response's signer is neither.
 */
async function authorisedResponder(
  response: BasicOcspView,
  issuer: Certificate,
  cryptoEngine: ICryptoEngine,
): Promise<Certificate | undefined> {
  if (isResponder(response, issuer)) return issuer;
  for (const der of response.certificates.slice(0, 4)) {
    let candidate: Certificate;
    try {
      candidate = parseCertificate(der);
    } catch {
      continue;
    }
    if (!isResponder(response, candidate)) continue;
    const path = await validateCertificatePath({
      leaf: candidate,
      pool: [],
      anchors: [issuer],
      when: response.producedAt,
      purpose: 'ocspSigning',
      cryptoEngine,
    });
    if (path.ok) return candidate;
  }
  return undefined;
}

async function ocspStatements(
  certificate: Certificate,
  issuer: Certificate,
  responses: readonly BasicOcspView[],
  options: CheckRevocationOptions,
  note: (message: string) => void,
): Promise<Statement[]> {
  const issuerName = displayName(issuer.subject);
  const statements: Statement[] = [];
  for (const response of responses) {
    const singles = response.responses.filter((single) => isForCertificate(single, certificate, issuer));
    if (singles.length === 0) continue;
    const responder = await authorisedResponder(response, issuer, options.cryptoEngine);
    if (responder === undefined || !(await signedBy(response, responder, options.cryptoEngine))) {
      note(text.ocspForged(issuerName));
      continue;
    }
    const latest = options.now.getTime() + clockSkewMs;
    if (
      response.producedAt.getTime() > latest ||
      singles.some((single) => single.thisUpdate.getTime() > latest)
    ) {
      note(text.ocspFuture(issuerName));
      continue;
    }
    for (const single of singles) {
      const status = single.certStatus;
      if (status.status === 'good')
        statements.push({ source: 'ocsp', date: single.thisUpdate, status: 'good' });
      else if (status.status === 'revoked')
        statements.push({
          source: 'ocsp',
          date: single.thisUpdate,
          status: 'revoked',
          revokedAt: status.revokedAt,
          reason: revocationReasonOf(status.reasonCode),
        });
    }
  }
  return statements;
}

const show = (date: Date) => formatInstant(date.toISOString());
const sourceLabel = (source: RevocationSource) => (source === 'crl' ? text.sourceCrl : text.sourceOcsp);
const latestFirst = (a: Statement, b: Statement) => b.date.getTime() - a.date.getTime();

/**
 * One certificate's status from what every usable source says: a revocation wins (a stale "good"
 * cannot hide it), except a certificate hold that a later source says is lifted; "good" counts
 * only from data issued at or after the signing time, since earlier data cannot tell whether the
 * certificate was revoked in between.
 */
function judge(
  certificate: Certificate,
  statements: readonly Statement[],
  options: CheckRevocationOptions,
): CertificateRevocation {
  const subjectName = displayName(certificate.subject);
  const base = { subjectName, serialNumberHex: hexOf(integerMagnitude(serialOf(certificate))) };
  const sorted = [...statements].sort(latestFirst);
  const revoked = sorted
    .flatMap((statement) => (statement.status === 'revoked' ? [statement] : []))
    .filter(
      (statement) =>
        statement.reason !== 'certificateHold' ||
        !sorted.some((other) => other.status === 'good' && other.date > statement.date),
    )
    .sort((a, b) => a.revokedAt.getTime() - b.revokedAt.getTime());
  const [first] = revoked;
  if (first !== undefined) {
    const reason =
      first.reason === undefined ? revocationReasonLabels.unspecified : revocationReasonLabels[first.reason];
    const before = first.revokedAt.getTime() <= options.when.getTime();
    const failsSignature = !options.proven || before;
    const message = !options.proven
      ? text.revokedUnproven(subjectName, show(first.revokedAt), reason)
      : before
        ? text.revokedBefore(subjectName, show(first.revokedAt), reason, show(options.when))
        : text.revokedAfter(subjectName, show(first.revokedAt), reason, show(options.when));
    return {
      ...base,
      status: 'revoked',
      source: first.source,
      revokedAt: first.revokedAt,
      reason: first.reason,
      failsSignature,
      message,
    };
  }
  const good = sorted.find((statement) => statement.status === 'good');
  if (good === undefined) return { ...base, status: 'unknown', message: text.unknown(subjectName) };
  if (good.date.getTime() < options.when.getTime())
    return { ...base, status: 'unknown', message: text.stale(subjectName, show(good.date)) };
  return {
    ...base,
    status: 'good',
    source: good.source,
    checkedAt: good.date,
    message: text.good(subjectName, sourceLabel(good.source), show(good.date)),
  };
}

/**
 * Revocation of every certificate of a signer's (or a TSA's) path but the anchor, from CRLs and
 * OCSP responses. A CRL counts only when its issuer is the certificate's issuer and that
 * issuer's key signed it (an indirect or delta CRL is ignored and said so); an OCSP response only
 * when the issuer or a responder it delegated (id-kp-OCSPSigning) signed it, for this
 * certificate's CertID. A revoked certificate fails the signature when the proven signing time is
 * at or after the revocation, and always when the time is only claimed. No data gives "unknown",
 * which never fails: this desktop has no network, so the report says revocation was not checked.
 */
export async function checkRevocation(options: CheckRevocationOptions): Promise<RevocationResult> {
  const ignored = new Set<string>();
  const note = (message: string) => ignored.add(message);
  if (options.crls.length > maxItems || options.ocspResponses.length > maxItems) note(text.tooMany);
  const crls = options.crls.slice(0, maxItems).flatMap((der) => {
    const view = cached(crlCache, der, readCrl);
    if (view === undefined) note(text.unreadableCrl);
    return view === undefined ? [] : [view];
  });
  const responses = options.ocspResponses.slice(0, maxItems).flatMap((der) => {
    const view = cached(ocspCache, der, readOcspResponse);
    if (view === undefined) note(text.unreadableOcsp);
    return view === undefined ? [] : [view];
  });

  const certificates: CertificateRevocation[] = [];
  for (const [index, certificate] of options.path.slice(0, -1).entries()) {
    const issuer = options.path[index + 1];
    if (issuer === undefined) break;
    const statements = [
      ...(await crlStatements(certificate, issuer, crls, options, note)),
      ...(await ocspStatements(certificate, issuer, responses, options, note)),
    ];
    certificates.push(judge(certificate, statements, options));
  }

  const failed = certificates.find((entry) => entry.status === 'revoked' && entry.failsSignature);
  const checked = certificates.every((entry) => entry.status !== 'unknown');
  return {
    ok: failed === undefined,
    checked,
    message: failed?.message ?? (checked ? text.allGood : text.notChecked),
    certificates,
    ignored: [...ignored],
  };
}
