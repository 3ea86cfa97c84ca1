import * as asn1js from 'asn1js';
import { createHash } from 'node:crypto';
import * as pkijs from 'pkijs';
import type { RelativeDistinguishedNames } from 'pkijs';
import { certificateIdentity, type CertificateIdentity } from '../../../shared/signing/certificateIdentity';

/** RFC 5280 §4.2.1.3 bit order. */
export const keyUsageNames = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;
export type KeyUsageName = (typeof keyUsageNames)[number];

export type PublicKeyAlgorithm = 'rsa' | 'ec' | 'other';

export type CertificateInfo = {
  readonly subjectCommonName: string | undefined;
  readonly issuerCommonName: string | undefined;
  /** Whole names in RFC 4514-like order for display, e.g. `CN=…, O=…, C=VN`. */
  readonly subject: string;
  readonly issuer: string;
  /** Lower-case hex without the sign-padding zero byte, as `openssl x509 -serial` shows it. */
  readonly serialNumberHex: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Undefined when the certificate has no keyUsage extension (any usage then allowed by RFC 5280). */
  readonly keyUsage: readonly KeyUsageName[] | undefined;
  readonly publicKeyAlgorithm: PublicKeyAlgorithm;
  readonly sha256FingerprintHex: string;
  readonly der: Uint8Array;
};

const oids = {
  commonName: '2.5.4.3',
  keyUsage: '2.5.29.15',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecPublicKey: '1.2.840.10045.2.1',
} as const;

const shortNames: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.5': 'serialNumber',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

function attributeText(value: pkijs.AttributeValueType): string {
  return value.valueBlock.value.normalize('NFC');
}

function commonNameOf(name: RelativeDistinguishedNames): string | undefined {
  const attribute = name.typesAndValues.find((entry) => entry.type === oids.commonName);
  return attribute === undefined ? undefined : attributeText(attribute.value);
}

function describeName(name: RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((entry) => `${shortNames[entry.type] ?? entry.type}=${attributeText(entry.value)}`)
    .reverse()
    .join(', ');
}

function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

function serialHex(serial: asn1js.Integer): string {
  let bytes = serial.valueBlock.valueHexView;
  while (bytes.length > 1 && bytes[0] === 0) bytes = bytes.subarray(1);
  return toHex(bytes);
}

/** Decodes the keyUsage BIT STRING: bit 0 is the most significant bit of the first byte. */
export function keyUsageFromBits(bits: Uint8Array, unusedBits: number): KeyUsageName[] {
  const usages: KeyUsageName[] = [];
  const totalBits = bits.length * 8 - unusedBits;
  keyUsageNames.forEach((name, index) => {
    if (index >= totalBits) return;
    const byte = bits[index >> 3] ?? 0;
    if ((byte & (0x80 >> (index & 7))) !== 0) usages.push(name);
  });
  return usages;
}

function keyUsageOf(certificate: pkijs.Certificate): KeyUsageName[] | undefined {
  const extension = certificate.extensions?.find((entry) => entry.extnID === oids.keyUsage);
  if (extension === undefined) return undefined;
  const parsed = asn1js.fromBER(extension.extnValue.valueBlock.valueHexView);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.BitString)) {
    throw new Error('Malformed keyUsage extension');
  }
  return keyUsageFromBits(parsed.result.valueBlock.valueHexView, parsed.result.valueBlock.unusedBits);
}

function publicKeyAlgorithmOf(certificate: pkijs.Certificate): PublicKeyAlgorithm {
  const oid = certificate.subjectPublicKeyInfo.algorithm.algorithmId;
  if (oid === oids.rsaEncryption) return 'rsa';
  if (oid === oids.ecPublicKey) return 'ec';
  return 'other';
}

/** Parses a DER X.509 certificate read from a token. Throws on bytes that are not a certificate. */
export function parseCertificate(der: Uint8Array): CertificateInfo {
  const certificate = pkijs.Certificate.fromBER(der);
  return {
    subjectCommonName: commonNameOf(certificate.subject),
    issuerCommonName: commonNameOf(certificate.issuer),
    subject: describeName(certificate.subject),
    issuer: describeName(certificate.issuer),
    serialNumberHex: serialHex(certificate.serialNumber),
    notBefore: certificate.notBefore.value,
    notAfter: certificate.notAfter.value,
    keyUsage: keyUsageOf(certificate),
    publicKeyAlgorithm: publicKeyAlgorithmOf(certificate),
    sha256FingerprintHex: createHash('sha256').update(der).digest('hex'),
    der: Uint8Array.from(der),
  };
}

/**
 * Who a DER certificate names as Vietnamese CAs write it (CN, CCCD/CMND, MST/MNS, issuer and
 * serial): what the signer judges against a record's signers. Throws on bytes that are not a certificate.
 */
export function certificateIdentityOf(der: Uint8Array): CertificateIdentity {
  return certificateIdentity(pkijs.Certificate.fromBER(der));
}

export type ValidityStatus = 'valid' | 'not-yet-valid' | 'expired';

export function validityAt(info: Pick<CertificateInfo, 'notBefore' | 'notAfter'>, at: Date): ValidityStatus {
  if (at.getTime() < info.notBefore.getTime()) return 'not-yet-valid';
  if (at.getTime() > info.notAfter.getTime()) return 'expired';
  return 'valid';
}

/** True when the certificate may make document signatures (RFC 5280: no keyUsage means unrestricted). */
export function allowsDigitalSignature(info: Pick<CertificateInfo, 'keyUsage'>): boolean {
  return info.keyUsage === undefined || info.keyUsage.includes('digitalSignature');
}
