import { bytesEqual } from './bytes';
import { childrenOf, derOid, readTlv, type Tlv } from './der';
import {
  algorithmOid,
  bytesOf,
  children,
  generalizedTime,
  must,
  oidOf,
  smallIntegerOf,
  valueOf,
  wholeTlv,
} from './derValues';

/** OIDs of RFC 3161 timestamp tokens and the CMS around them. */
export const timestampOids = {
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  /** ESS signing-certificate (RFC 2634, SHA-1 hashes). */
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  /** ESS signing-certificate-v2 (RFC 5035). */
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  /** id-aa-signatureTimeStampToken: the unsigned attribute of a CAdES signature holding its timestamp. */
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
} as const;

export type TstInfoView = {
  readonly policy: string;
  readonly imprintAlgorithm: string;
  readonly imprint: Uint8Array;
  readonly serialNumber: Uint8Array;
  readonly genTime: Date;
  /** Accuracy in milliseconds, when the TSA states one. */
  readonly accuracyMs: number | undefined;
  readonly nonce: Uint8Array | undefined;
  /** The DER Name of the `tsa` field when it is a directoryName. */
  readonly tsaName: Uint8Array | undefined;
};

/** The signer identifier of the token's SignerInfo. */
export type TokenSignerId =
  | {
      readonly kind: 'issuerSerial';
      /** The DER Name. */
      readonly issuer: Uint8Array;
      /** The INTEGER's content bytes. */
      readonly serial: Uint8Array;
    }
  | { readonly kind: 'keyIdentifier'; readonly keyIdentifier: Uint8Array };

/** ESSCertID(v2): which certificate the TSA says signed. */
export type EssCertId = {
  readonly hashAlgorithm: string;
  readonly hash: Uint8Array;
  /** IssuerSerial's serial number, when present. */
  readonly serial: Uint8Array | undefined;
};

export type TimestampTokenView = {
  readonly tstInfo: TstInfoView;
  /** The encapsulated TSTInfo DER, which messageDigest covers. */
  readonly eContent: Uint8Array;
  readonly certificates: readonly Uint8Array[];
  readonly signerId: TokenSignerId;
  readonly digestAlgorithm: string;
  readonly contentType: string | undefined;
  readonly messageDigest: Uint8Array | undefined;
  readonly essCertId: EssCertId | undefined;
  /** The signed attributes as the signature covers them (re-tagged as a SET). */
  readonly signedAttributes: Uint8Array;
  /** The DER AlgorithmIdentifier of the signature. */
  readonly signatureAlgorithm: Uint8Array;
  readonly signature: Uint8Array;
};

const sha256Oid = '2.16.840.1.101.3.4.2.1';

/** Accuracy ::= SEQUENCE { seconds INTEGER OPTIONAL, millis [0] INTEGER OPTIONAL, micros [1] INTEGER OPTIONAL } */
function accuracyOf(bytes: Uint8Array, tlv: Tlv): number {
  let ms = 0;
  for (const part of childrenOf(bytes, tlv)) {
    const value = valueOf(bytes, part);
    let number = 0;
    for (const byte of value.subarray(0, 6)) number = number * 256 + byte;
    if (part.tag === 0x02) ms += number * 1000;
    else if (part.tag === 0x80) ms += number;
    else if (part.tag === 0x81) ms += number / 1000;
  }
  return ms;
}

/** TSTInfo (RFC 3161 §2.4.2). */
export function readTstInfo(bytes: Uint8Array): TstInfoView {
  const fields = children(bytes, wholeTlv(bytes, 0x30), 0x30);
  const [version, policy, imprint, serial, genTime, ...optional] = fields;
  if (smallIntegerOf(bytes, must(version, 0x02)) !== 1) throw new Error('unknown TSTInfo version');
  const [algorithm, hashed] = children(bytes, imprint, 0x30);
  let accuracyMs: number | undefined;
  let nonce: Uint8Array | undefined;
  let tsaName: Uint8Array | undefined;
  for (const field of optional) {
    if (field.tag === 0x30) accuracyMs = accuracyOf(bytes, field);
    else if (field.tag === 0x02) nonce = valueOf(bytes, field);
    else if (field.tag === 0xa0) {
      const [name] = childrenOf(bytes, field);
      // GeneralName directoryName is [4] EXPLICIT Name.
      if (name?.tag === 0xa4) tsaName = bytesOf(bytes, must(childrenOf(bytes, name)[0], 0x30));
    }
  }
  return {
    policy: oidOf(bytes, policy),
    imprintAlgorithm: algorithmOid(bytes, algorithm),
    imprint: valueOf(bytes, must(hashed, 0x04)),
    serialNumber: valueOf(bytes, must(serial, 0x02)),
    genTime: generalizedTime(valueOf(bytes, must(genTime, 0x18))),
    accuracyMs,
    nonce,
    tsaName,
  };
}

function attributeValue(bytes: Uint8Array, attributes: readonly Tlv[], oid: string): Tlv | undefined {
  const wanted = derOid(oid);
  for (const attribute of attributes) {
    const [type, values] = children(bytes, attribute, 0x30);
    if (type !== undefined && bytesEqual(bytesOf(bytes, type), wanted))
      return children(bytes, values, 0x31)[0];
  }
  return undefined;
}

/** The first ESSCertID of signing-certificate (SHA-1) or signing-certificate-v2 (SHA-256 by default). */
function essCertIdOf(bytes: Uint8Array, attributes: readonly Tlv[]): EssCertId | undefined {
  const v2 = attributeValue(bytes, attributes, timestampOids.signingCertificateV2);
  const v1 = v2 ? undefined : attributeValue(bytes, attributes, timestampOids.signingCertificate);
  const value = v2 ?? v1;
  if (value === undefined) return undefined;
  const [certs] = children(bytes, value, 0x30);
  const [first] = children(bytes, certs, 0x30);
  const parts = children(bytes, first, 0x30);
  let hashAlgorithm = v2 ? sha256Oid : '1.3.14.3.2.26';
  let rest = parts;
  if (v2 && parts[0]?.tag === 0x30) {
    hashAlgorithm = algorithmOid(bytes, parts[0]);
    rest = parts.slice(1);
  }
  const [hash, issuerSerial] = rest;
  const serial = issuerSerial?.tag === 0x30 ? childrenOf(bytes, issuerSerial)[1] : undefined;
  return {
    hashAlgorithm,
    hash: valueOf(bytes, must(hash, 0x04)),
    serial: serial?.tag === 0x02 ? valueOf(bytes, serial) : undefined,
  };
}

/**
 * Reads a DER TimeStampToken (a CMS SignedData over a TSTInfo, RFC 3161 §2.4.2) by its TLVs.
 * Throws on anything else (BER indefinite lengths, several signers, another content type).
 */
export function readTimestampToken(token: Uint8Array): TimestampTokenView {
  const [contentType, explicit] = children(token, wholeTlv(token, 0x30), 0x30);
  if (oidOf(token, contentType) !== timestampOids.signedData) throw new Error('not a SignedData');
  const [signedData] = children(token, explicit, 0xa0);
  const parts = children(token, signedData, 0x30);
  const [, , encapsulated] = parts;
  const [eContentType, eContentWrapper] = children(token, encapsulated, 0x30);
  if (oidOf(token, eContentType) !== timestampOids.tstInfo) throw new Error('not a TSTInfo');
  const [eContentTlv] = children(token, eContentWrapper, 0xa0);
  const eContent = valueOf(token, must(eContentTlv, 0x04));
  const certificateSet = parts.slice(3).find((part) => part.tag === 0xa0);
  const certificates = (certificateSet ? childrenOf(token, certificateSet) : [])
    .filter((tlv) => tlv.tag === 0x30)
    .map((tlv) => bytesOf(token, tlv));
  const signerInfos = children(token, parts.at(-1), 0x31);
  if (signerInfos.length !== 1) throw new Error('a timestamp token has exactly one signer');
  const [, sid, digestAlgorithm, attributes, signatureAlgorithm, signature] = children(
    token,
    signerInfos[0],
    0x30,
  );
  let signerId: TokenSignerId;
  if (sid?.tag === 0x80) signerId = { kind: 'keyIdentifier', keyIdentifier: valueOf(token, sid) };
  else {
    const [issuer, serial] = children(token, sid, 0x30);
    signerId = {
      kind: 'issuerSerial',
      issuer: bytesOf(token, must(issuer, 0x30)),
      serial: valueOf(token, must(serial, 0x02)),
    };
  }
  const attributeList = children(token, attributes, 0xa0);
  const signedAttributes = bytesOf(token, must(attributes, 0xa0)).slice();
  // The signature covers the attributes as a SET (tag 0x31), not as the [0] IMPLICIT field.
  signedAttributes[0] = 0x31;
  const contentTypeValue = attributeValue(token, attributeList, timestampOids.contentType);
  const digestValue = attributeValue(token, attributeList, timestampOids.messageDigest);
  return {
    tstInfo: readTstInfo(eContent),
    eContent,
    certificates,
    signerId,
    digestAlgorithm: algorithmOid(token, digestAlgorithm),
    contentType: contentTypeValue?.tag === 0x06 ? oidOf(token, contentTypeValue) : undefined,
    messageDigest: digestValue?.tag === 0x04 ? valueOf(token, digestValue) : undefined,
    essCertId: essCertIdOf(token, attributeList),
    signedAttributes,
    signatureAlgorithm: bytesOf(token, must(signatureAlgorithm, 0x30)),
    signature: valueOf(token, must(signature, 0x04)),
  };
}

/** Whether `bytes` is one whole DER TLV (what may be embedded as an attribute value). */
export function isSingleTlv(bytes: Uint8Array): boolean {
  try {
    return readTlv(bytes, 0).end === bytes.length;
  } catch {
    return false;
  }
}
