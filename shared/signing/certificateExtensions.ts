import { BitString, Integer, OctetString } from 'asn1js';
import {
  AuthorityKeyIdentifier,
  BasicConstraints,
  ExtKeyUsage,
  NameConstraints,
  type Certificate,
  type Extension,
} from 'pkijs';
import { bytesEqual } from './bytes';

/** Extension OIDs (RFC 5280 §4.2). */
export const extensionOids = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  issuerAltName: '2.5.29.18',
  basicConstraints: '2.5.29.19',
  nameConstraints: '2.5.29.30',
  crlDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  /** id-pkix-ocsp-nocheck: an OCSP responder's certificate is not itself checked for revocation. */
  ocspNoCheck: '1.3.6.1.5.5.7.48.1.5',
} as const;

/** Extended key usage purposes (RFC 5280 §4.2.1.12 and vendors). */
export const keyPurposeOids = {
  any: '2.5.29.37.0',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
  /** id-kp-documentSigning (RFC 9336). */
  documentSigning: '1.3.6.1.5.5.7.3.36',
  /** Adobe Authentic Documents Trust (PDF signing). */
  adobePdfSigning: '1.2.840.113583.1.1.5',
  /** Microsoft Document Signing. */
  microsoftDocumentSigning: '1.3.6.1.4.1.311.10.3.12',
} as const;

/**
 * Purposes that allow signing a document. Vietnamese CAs issue personal and organisational
 * signing certificates with `clientAuth` and `emailProtection` (S/MIME): the latter is what Adobe
 * and EU validators accept for document signatures, so a certificate whose EKU lists only
 * `clientAuth`, `serverAuth`, `codeSigning`, `timeStamping` or `OCSPSigning` is refused.
 */
export const documentSigningPurposes: readonly string[] = [
  keyPurposeOids.any,
  keyPurposeOids.emailProtection,
  keyPurposeOids.documentSigning,
  keyPurposeOids.adobePdfSigning,
  keyPurposeOids.microsoftDocumentSigning,
];

/** The extensions path validation understands; any other extension marked critical refuses the path. */
export const understoodExtensions: ReadonlySet<string> = new Set<string>([...Object.values(extensionOids)]);

export type KeyUsageBits = {
  readonly digitalSignature: boolean;
  readonly nonRepudiation: boolean;
  readonly keyCertSign: boolean;
  readonly cRLSign: boolean;
};

function extension(certificate: Certificate, oid: string): Extension | undefined {
  return certificate.extensions?.find((candidate) => candidate.extnID === oid);
}

/** The key usage bits, or undefined when the extension is absent (any use allowed, RFC 5280 §4.2.1.3). */
export function keyUsageOf(certificate: Certificate): KeyUsageBits | undefined {
  const found = extension(certificate, extensionOids.keyUsage);
  if (!found) return undefined;
  const parsed: unknown = found.parsedValue;
  const bits = parsed instanceof BitString ? parsed.valueBlock.valueHexView : new Uint8Array();
  const first = bits[0] ?? 0;
  // Bit 0 is the most significant bit of the first byte.
  return {
    digitalSignature: (first & 0x80) !== 0,
    nonRepudiation: (first & 0x40) !== 0,
    keyCertSign: (first & 0x04) !== 0,
    cRLSign: (first & 0x02) !== 0,
  };
}

export type BasicConstraintsValue = { readonly ca: boolean; readonly pathLength: number | undefined };

/** basicConstraints, or undefined when absent. */
export function basicConstraintsOf(certificate: Certificate): BasicConstraintsValue | undefined {
  const found = extension(certificate, extensionOids.basicConstraints);
  if (!found) return undefined;
  const parsed: unknown = found.parsedValue;
  if (!(parsed instanceof BasicConstraints)) return { ca: false, pathLength: undefined };
  const length = parsed.pathLenConstraint;
  const pathLength = length instanceof Integer ? length.valueBlock.valueDec : length;
  return { ca: parsed.cA, pathLength };
}

/** The extended key usage purposes, or undefined when the extension is absent. */
export function extendedKeyUsageOf(certificate: Certificate): readonly string[] | undefined {
  const found = extension(certificate, extensionOids.extKeyUsage);
  if (!found) return undefined;
  const parsed: unknown = found.parsedValue;
  return parsed instanceof ExtKeyUsage ? parsed.keyPurposes : [];
}

export function isExtendedKeyUsageCritical(certificate: Certificate): boolean {
  return extension(certificate, extensionOids.extKeyUsage)?.critical === true;
}

export function subjectKeyIdentifierOf(certificate: Certificate): Uint8Array | undefined {
  const parsed: unknown = extension(certificate, extensionOids.subjectKeyIdentifier)?.parsedValue;
  return parsed instanceof OctetString ? parsed.valueBlock.valueHexView : undefined;
}

export function authorityKeyIdentifierOf(certificate: Certificate): Uint8Array | undefined {
  const parsed: unknown = extension(certificate, extensionOids.authorityKeyIdentifier)?.parsedValue;
  if (!(parsed instanceof AuthorityKeyIdentifier)) return undefined;
  const keyIdentifier: unknown = parsed.keyIdentifier;
  return keyIdentifier instanceof OctetString ? keyIdentifier.valueBlock.valueHexView : undefined;
}

export function nameConstraintsOf(certificate: Certificate): NameConstraints | undefined {
  const parsed: unknown = extension(certificate, extensionOids.nameConstraints)?.parsedValue;
  return parsed instanceof NameConstraints ? parsed : undefined;
}

/** OIDs of critical extensions this validator does not understand. */
export function unknownCriticalExtensions(certificate: Certificate): string[] {
  return (certificate.extensions ?? [])
    .filter((candidate) => candidate.critical && !understoodExtensions.has(candidate.extnID))
    .map((candidate) => candidate.extnID);
}

/** Whether the child's authority key identifier (when both carry one) names the candidate issuer's key. */
export function keyIdentifiersAgree(child: Certificate, issuer: Certificate): boolean {
  const authority = authorityKeyIdentifierOf(child);
  const subject = subjectKeyIdentifierOf(issuer);
  return authority === undefined || subject === undefined || bytesEqual(authority, subject);
}

export function isSelfIssued(certificate: Certificate): boolean {
  return certificate.subject.isEqual(certificate.issuer);
}
