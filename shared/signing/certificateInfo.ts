import { BitString, fromBER } from 'asn1js';
import { Certificate, type RelativeDistinguishedNames } from 'pkijs';
import { formatInstant } from '../domain/dates';
import { bytesEqual, toArrayBuffer } from './bytes';
import { signingErrors } from './signingStrings';
import { samePersonName } from '../domain/personName';

const commonNameOid = '2.5.4.3';
const keyUsageOid = '2.5.29.15';

export type CertificateInfo = {
  readonly subjectName: string;
  readonly issuerName: string;
  readonly serialNumberHex: string;
  /** ISO-8601 UTC instants. */
  readonly notBefore: string;
  readonly notAfter: string;
  /** Undefined when the certificate has no key usage extension (any use allowed). */
  readonly keyUsage: { readonly digitalSignature: boolean; readonly nonRepudiation: boolean } | undefined;
};

export type CertificateCheck =
  | { readonly ok: true; readonly info: CertificateInfo }
  | {
      readonly ok: false;
      readonly code: 'unreadable' | 'expired' | 'not-yet-valid' | 'no-signing-usage' | 'wrong-holder';
      readonly message: string;
    };

export function parseCertificate(der: Uint8Array): Certificate {
  const asn1 = fromBER(toArrayBuffer(der));
  if (asn1.offset === -1) throw new Error('certificate is not valid BER');
  return new Certificate({ schema: asn1.result });
}

function attributeValue(names: RelativeDistinguishedNames, oid: string): string | undefined {
  const found = names.typesAndValues.find((entry) => entry.type === oid);
  const value: unknown = found?.value.valueBlock.value;
  return typeof value === 'string' ? value : undefined;
}

/** The CN of a name, or its whole RDN sequence when it has none. */
export function displayName(names: RelativeDistinguishedNames): string {
  return (
    attributeValue(names, commonNameOid) ??
    names.typesAndValues.map((entry) => entry.value.valueBlock.value).join(', ')
  );
}

export function readKeyUsage(certificate: Certificate): CertificateInfo['keyUsage'] {
  const extension = certificate.extensions?.find((candidate) => candidate.extnID === keyUsageOid);
  if (!extension) return undefined;
  const parsed = fromBER(toArrayBuffer(extension.extnValue.valueBlock.valueHexView));
  if (!(parsed.result instanceof BitString)) return { digitalSignature: false, nonRepudiation: false };
  const first = parsed.result.valueBlock.valueHexView[0] ?? 0;
  // KeyUsage bit 0 is the most significant bit of the first byte (RFC 5280 §4.2.1.3).
  return { digitalSignature: (first & 0x80) !== 0, nonRepudiation: (first & 0x40) !== 0 };
}

export function certificateInfo(certificate: Certificate): CertificateInfo {
  return {
    subjectName: displayName(certificate.subject),
    issuerName: displayName(certificate.issuer),
    serialNumberHex: Array.from(certificate.serialNumber.valueBlock.valueHexView, (byte) =>
      byte.toString(16).padStart(2, '0'),
    ).join(''),
    notBefore: certificate.notBefore.value.toISOString(),
    notAfter: certificate.notAfter.value.toISOString(),
    keyUsage: readKeyUsage(certificate),
  };
}

/**
 * The signer's certificate read once per byte array: a batch checks the same certificate before
 * every file. The bytes are kept and compared, so an array changed in place is read again.
 */
const readCertificates = new WeakMap<
  Uint8Array,
  { readonly der: Uint8Array; readonly info: CertificateInfo }
>();

function certificateInfoOf(der: Uint8Array): CertificateInfo {
  const known = readCertificates.get(der);
  if (known !== undefined && bytesEqual(known.der, der)) return known.info;
  const info = certificateInfo(parseCertificate(der));
  readCertificates.set(der, { der: der.slice(), info });
  return info;
}

/**
 * Refuses to sign with a certificate that is expired, not yet valid, lacks digital-signature
 * (or non-repudiation) usage, or belongs to someone other than the signed-in account.
 */
export function checkSignerCertificate(
  certificateDer: Uint8Array,
  now: Date,
  expectedName?: string,
): CertificateCheck {
  let info: CertificateInfo;
  try {
    info = certificateInfoOf(certificateDer);
  } catch {
    return { ok: false, code: 'unreadable', message: signingErrors.certificateUnreadable };
  }
  if (now.getTime() > Date.parse(info.notAfter)) {
    return {
      ok: false,
      code: 'expired',
      message: signingErrors.certificateExpired(formatInstant(info.notAfter)),
    };
  }
  if (now.getTime() < Date.parse(info.notBefore)) {
    return {
      ok: false,
      code: 'not-yet-valid',
      message: signingErrors.certificateNotYetValid(formatInstant(info.notBefore)),
    };
  }
  if (info.keyUsage && !info.keyUsage.digitalSignature && !info.keyUsage.nonRepudiation) {
    return { ok: false, code: 'no-signing-usage', message: signingErrors.certificateNoSigningUsage };
  }
  if (expectedName !== undefined && !samePersonName(info.subjectName, expectedName)) {
    return {
      ok: false,
      code: 'wrong-holder',
      message: signingErrors.certificateWrongHolder(info.subjectName, expectedName),
    };
  }
  return { ok: true, info };
}
