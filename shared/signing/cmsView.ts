import { OctetString, Sequence, fromBER } from 'asn1js';
import { AlgorithmIdentifier, Certificate, IssuerAndSerialNumber } from 'pkijs';
import { bytesEqual, latin1Decode, toArrayBuffer } from './bytes';
import { oids, parseCades, type ParsedCades } from './cadesSignedData';
import { parseCertificate } from './certificateInfo';
import { childrenOf, derOid, readTlv, type Tlv } from './der';
import { timestampOids } from './timestampTokenView';

/** What the verifier checks of one CMS signature, however it was read. */
export type CmsView = {
  readonly signer: Certificate;
  /** The signer certificate's DER, for the signingCertificateV2 hash. */
  readonly signerDer: Uint8Array;
  /** Every certificate the CMS carries, the signer's included. */
  readonly certificates: readonly Certificate[];
  readonly digestIsSha256: boolean;
  readonly messageDigest: Uint8Array | undefined;
  /** The signed attributes as the signature covers them (a DER SET), when there are any. */
  readonly signedAttributes: ArrayBuffer | undefined;
  readonly signatureAlgorithm: AlgorithmIdentifier;
  readonly signature: OctetString;
  /** The SignerInfo's signature value: what a signature timestamp is over. */
  readonly signatureValue: Uint8Array;
  /**
   * The DER TimeStampToken of the first id-aa-signatureTimeStampToken unsigned attribute (PAdES
   * B-T), when there is one. Unsigned: only its own verification gives it any weight.
   */
  readonly timestampToken: Uint8Array | undefined;
  /** certHash of the first ESSCertIDv2 of signingCertificateV2, when the attribute is there. */
  readonly signingCertificateHash: Uint8Array | undefined;
};

/**
 * Certificates parsed once per content: every file of a batch carries the same chain, and pkijs
 * takes over a millisecond per certificate. Keyed by the DER itself, so equal keys are equal
 * certificates. Bounded, as a verifier may see many chains.
 */
const certificateCache = new Map<string, Certificate>();

function certificateOf(der: Uint8Array): Certificate {
  const key = latin1Decode(der);
  let certificate = certificateCache.get(key);
  if (certificate === undefined) {
    certificate = parseCertificate(der);
    if (certificateCache.size >= 64) certificateCache.clear();
    certificateCache.set(key, certificate);
  }
  return certificate;
}

const sha256Oid = derOid(oids.sha256);
const messageDigestOid = derOid(oids.messageDigest);
const signingCertificateV2Oid = derOid(oids.signingCertificateV2);
const signedDataOid = derOid(oids.signedData);
const signatureTimestampOid = derOid(timestampOids.signatureTimeStampToken);

function bytesOf(der: Uint8Array, tlv: Tlv): Uint8Array {
  return der.subarray(tlv.start, tlv.end);
}

function valueOf(der: Uint8Array, tlv: Tlv): Uint8Array {
  return der.subarray(tlv.valueStart, tlv.end);
}

function must(tlv: Tlv | undefined, tag: number): Tlv {
  if (tlv?.tag !== tag) throw new Error('unexpected CMS structure');
  return tlv;
}

/** The first value of the signed attribute `oid`, or undefined. */
function attributeValue(der: Uint8Array, attributes: readonly Tlv[], oid: Uint8Array): Tlv | undefined {
  for (const attribute of attributes) {
    const [type, values] = childrenOf(der, must(attribute, 0x30));
    if (type !== undefined && bytesEqual(bytesOf(der, type), oid))
      return childrenOf(der, must(values, 0x31))[0];
  }
  return undefined;
}

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 { hashAlgorithm?, certHash, … }, … } */
function essCertHash(der: Uint8Array, value: Tlv | undefined): Uint8Array | undefined {
  if (value?.tag !== 0x30) return undefined;
  const [certs] = childrenOf(der, value);
  const [first] = certs?.tag === 0x30 ? childrenOf(der, certs) : [];
  const hash = first?.tag === 0x30 ? childrenOf(der, first).find((item) => item.tag === 0x04) : undefined;
  return hash === undefined ? undefined : valueOf(der, hash);
}

/** The issuer and serial number TLVs of a certificate, for matching a SignerInfo's sid. */
function issuerAndSerial(der: Uint8Array): readonly [Uint8Array, Uint8Array] {
  const [tbs] = childrenOf(der, readTlv(der, 0));
  const fields = tbs ? childrenOf(der, tbs) : [];
  const [serial, , issuer] = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  return [bytesOf(der, must(issuer, 0x30)), bytesOf(der, must(serial, 0x02))];
}

/**
 * Reads a DER ContentInfo/SignedData by its TLVs (trailing zero padding ignored): the certificates
 * are taken as they are and parsed through the cache, and pkijs only sees the small parts it
 * verifies with. Undefined for anything else (BER, several signers, no IssuerAndSerialNumber).
 */
function readDerCms(der: Uint8Array): CmsView | undefined {
  const contentInfo = must(readTlv(der, 0), 0x30);
  const [contentType, explicit] = childrenOf(der, contentInfo);
  if (contentType === undefined || !bytesEqual(bytesOf(der, contentType), signedDataOid)) return undefined;
  const [signedData] = childrenOf(der, must(explicit, 0xa0));
  const parts = childrenOf(der, must(signedData, 0x30));
  const certificateSet = parts.find((part) => part.tag === 0xa0);
  const signerInfos = childrenOf(der, must(parts.at(-1), 0x31));
  if (signerInfos.length !== 1) return undefined;
  const [version, sid, digestAlgorithm, ...rest] = childrenOf(der, must(signerInfos[0], 0x30));
  must(version, 0x02);
  const [issuer, serial] = childrenOf(der, must(sid, 0x30));
  const attributes = rest[0]?.tag === 0xa0 ? rest[0] : undefined;
  const [signatureAlgorithm, signature, unsigned] = attributes ? rest.slice(1) : rest;
  const [digestOid] = childrenOf(der, must(digestAlgorithm, 0x30));

  const certificateDers = (certificateSet ? childrenOf(der, certificateSet) : [])
    .filter((tlv) => tlv.tag === 0x30)
    .map((tlv) => bytesOf(der, tlv));
  const sidIssuer = bytesOf(der, must(issuer, 0x30));
  const sidSerial = bytesOf(der, must(serial, 0x02));
  const signerDer = certificateDers.find((candidate) => {
    const [candidateIssuer, candidateSerial] = issuerAndSerial(candidate);
    return bytesEqual(candidateIssuer, sidIssuer) && bytesEqual(candidateSerial, sidSerial);
  });
  if (signerDer === undefined) return undefined;

  const attributeList = attributes ? childrenOf(der, attributes) : [];
  const digestValue = attributeValue(der, attributeList, messageDigestOid);
  let signedAttributes: ArrayBuffer | undefined;
  if (attributes) {
    signedAttributes = toArrayBuffer(bytesOf(der, attributes));
    // The signature covers the attributes as a SET (tag 0x31), not as the [0] IMPLICIT field.
    new Uint8Array(signedAttributes)[0] = 0x31;
  }
  const algorithm = fromBER(toArrayBuffer(bytesOf(der, must(signatureAlgorithm, 0x30))));
  if (algorithm.offset === -1) return undefined;
  const signatureValue = valueOf(der, must(signature, 0x04)).slice();
  const token =
    unsigned?.tag === 0xa1
      ? attributeValue(der, childrenOf(der, unsigned), signatureTimestampOid)
      : undefined;
  return {
    signer: certificateOf(signerDer),
    signerDer,
    certificates: certificateDers.map(certificateOf),
    digestIsSha256: digestOid !== undefined && bytesEqual(bytesOf(der, digestOid), sha256Oid),
    messageDigest: digestValue?.tag === 0x04 ? valueOf(der, digestValue).slice() : undefined,
    signedAttributes,
    signatureAlgorithm: new AlgorithmIdentifier({ schema: algorithm.result }),
    signature: new OctetString({ valueHex: toArrayBuffer(signatureValue) }),
    signatureValue,
    timestampToken: token === undefined ? undefined : bytesOf(der, token).slice(),
    signingCertificateHash: essCertHash(der, attributeValue(der, attributeList, signingCertificateV2Oid)),
  };
}

function isCertificate(candidate: unknown): candidate is Certificate {
  return candidate instanceof Certificate;
}

/** The same view through pkijs, for CMS that is BER rather than DER (other signers' tools). */
function viewOfParsed(parsed: ParsedCades): CmsView | undefined {
  const sid: unknown = parsed.signerInfo.sid;
  const certificates = (parsed.signedData.certificates ?? []).filter(isCertificate);
  if (!(sid instanceof IssuerAndSerialNumber)) return undefined;
  const signer = certificates.find(
    (candidate) => candidate.issuer.isEqual(sid.issuer) && candidate.serialNumber.isEqual(sid.serialNumber),
  );
  if (!signer) return undefined;
  const attribute = parsed.signerInfo.signedAttrs?.attributes.find(
    (candidate) => candidate.type === oids.signingCertificateV2,
  );
  const value: unknown = attribute?.values[0];
  const certs = value instanceof Sequence ? value.valueBlock.value[0] : undefined;
  const first = certs instanceof Sequence ? certs.valueBlock.value[0] : undefined;
  const hash =
    first instanceof Sequence
      ? first.valueBlock.value.find((item) => item instanceof OctetString)
      : undefined;
  const token: unknown = parsed.signerInfo.unsignedAttrs?.attributes.find(
    (candidate) => candidate.type === timestampOids.signatureTimeStampToken,
  )?.values[0];
  return {
    signer,
    signerDer: new Uint8Array(signer.toSchema().toBER()),
    certificates,
    digestIsSha256: parsed.digestAlgorithmOid === oids.sha256,
    messageDigest: parsed.messageDigest,
    signedAttributes: parsed.signerInfo.signedAttrs?.encodedValue,
    signatureAlgorithm: parsed.signerInfo.signatureAlgorithm,
    signature: parsed.signerInfo.signature,
    signatureValue: new Uint8Array(parsed.signerInfo.signature.valueBlock.valueHexView),
    timestampToken: token instanceof Sequence ? new Uint8Array(token.toBER(false)) : undefined,
    signingCertificateHash:
      hash instanceof OctetString ? new Uint8Array(hash.valueBlock.valueHexView) : undefined,
  };
}

/** Reads a CMS signature from a /Contents value; undefined when it cannot be read or has no signer certificate. */
export function readCms(contents: Uint8Array): CmsView | undefined {
  try {
    const view = readDerCms(contents);
    if (view) return view;
  } catch {
    // Not DER (or not ours): pkijs reads BER too.
  }
  const parsed = parseCades(contents);
  return parsed ? viewOfParsed(parsed) : undefined;
}
