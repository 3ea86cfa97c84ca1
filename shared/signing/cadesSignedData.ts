import { OctetString, Sequence, fromBER } from 'asn1js';
import { ContentInfo, SignedData, type SignerInfo } from 'pkijs';
import { bytesEqual, toArrayBuffer } from './bytes';
import {
  childrenOf,
  der,
  derNull,
  derOctetString,
  derOid,
  derSequence,
  derSet,
  derSmallInteger,
  readTlv,
  sortedForSetOf,
} from './der';
import type { Sha256, Signer } from './signingTypes';
import { signatureTimestampAttribute, type TimestampFunction } from './timestampToken';
import { isSingleTlv } from './timestampTokenView';

export const oids = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

/** The signature algorithms a signer's key can make, named by the certificate's public key. */
export type SignatureAlgorithm = 'sha256-rsa-pkcs1' | 'ecdsa-sha256';

const rsaEncryption = derOid('1.2.840.113549.1.1.1');
const ecPublicKey = derOid('1.2.840.10045.2.1');

/** What a CMS needs of a signer certificate, cut out of its DER as it is (no re-encoding). */
type SignerCertificateParts = {
  readonly issuer: Uint8Array;
  readonly serialNumber: Uint8Array;
  readonly algorithm: SignatureAlgorithm | undefined;
};

/** Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version?, serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, … }, … } */
function signerCertificateParts(certificateDer: Uint8Array): SignerCertificateParts {
  const certificate = readTlv(certificateDer, 0);
  const [tbs] = childrenOf(certificateDer, certificate);
  if (tbs === undefined) throw new Error('the certificate has no tbsCertificate');
  const fields = childrenOf(certificateDer, tbs);
  const [serial, , issuer, , , spki] = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  if (serial?.tag !== 0x02 || issuer?.tag !== 0x30 || spki?.tag !== 0x30)
    throw new Error('the certificate is not an X.509 certificate');
  const [algorithmIdentifier] = childrenOf(certificateDer, spki);
  const [oid] = algorithmIdentifier ? childrenOf(certificateDer, algorithmIdentifier) : [];
  const oidBytes = oid ? certificateDer.subarray(oid.start, oid.end) : new Uint8Array();
  return {
    issuer: certificateDer.subarray(issuer.start, issuer.end),
    serialNumber: certificateDer.subarray(serial.start, serial.end),
    algorithm: bytesEqual(oidBytes, rsaEncryption)
      ? 'sha256-rsa-pkcs1'
      : bytesEqual(oidBytes, ecPublicKey)
        ? 'ecdsa-sha256'
        : undefined,
  };
}

/** The signature algorithm a certificate's key makes with SHA-256, or undefined for keys we cannot use. */
export function signatureAlgorithmOf(certificateDer: Uint8Array): SignatureAlgorithm | undefined {
  try {
    return signerCertificateParts(certificateDer).algorithm;
  } catch {
    return undefined;
  }
}

/** The parts of a SignedData that are the same for every signature of one signer. */
type PreparedSigner = {
  readonly chain: readonly Uint8Array[];
  readonly signerIdentifier: Uint8Array;
  readonly signingCertificateV2: Uint8Array;
  readonly certificates: Uint8Array;
  readonly signatureAlgorithm: Uint8Array;
};

const digestAlgorithm = derSequence(derOid(oids.sha256));
const contentTypeAttribute = derSequence(derOid(oids.contentType), derSet(derOid(oids.data)));
const prepared = new WeakMap<readonly Uint8Array[], PreparedSigner>();

/**
 * ESS signingCertificateV2 (RFC 5035) binds the signer certificate into the signed attributes:
 * SEQUENCE { certs SEQUENCE { ESSCertIDv2 { certHash, issuerSerial { GeneralNames { [4] Name }, serial } } } }.
 * hashAlgorithm is left out because SHA-256 is its DER default.
 */
function prepareSigner(chain: readonly Uint8Array[], sha256: Sha256): PreparedSigner {
  const known = prepared.get(chain);
  // Compared, not trusted by identity: an array changed in place is prepared again.
  const unchanged =
    known?.chain.length === chain.length &&
    known.chain.every((certificate, index) => bytesEqual(certificate, chain[index] ?? new Uint8Array()));
  if (known && unchanged) return known;
  const [signerDer] = chain;
  if (!signerDer) throw new Error('the certificate chain is empty');
  const parts = signerCertificateParts(signerDer);
  if (parts.algorithm === undefined) throw new Error('the signer key is neither RSA nor EC');
  const issuerSerial = derSequence(derSequence(der(0xa4, parts.issuer)), parts.serialNumber);
  const essCertIdV2 = derSequence(derOctetString(sha256(signerDer)), issuerSerial);
  const entry: PreparedSigner = {
    chain: chain.map((certificate) => certificate.slice()),
    signerIdentifier: derSequence(parts.issuer, parts.serialNumber),
    signingCertificateV2: derSequence(
      derOid(oids.signingCertificateV2),
      derSet(derSequence(derSequence(essCertIdV2))),
    ),
    // [0] IMPLICIT CertificateSet, in chain order, each certificate exactly as issued.
    certificates: der(0xa0, ...chain),
    // RSA keeps the NULL parameters (RFC 4055); ECDSA leaves them out (RFC 5758 §3.2).
    signatureAlgorithm:
      parts.algorithm === 'ecdsa-sha256'
        ? derSequence(derOid(oids.ecdsaWithSha256))
        : derSequence(derOid(oids.sha256WithRsa), derNull),
  };
  prepared.set(chain, entry);
  return entry;
}

/**
 * A detached CAdES signature for PAdES baseline B-B (ETSI EN 319 142-1): content type, message
 * digest and signingCertificateV2 signed; no signing-time attribute, the time is the PDF's /M.
 * With `timestamp` and a TSA that answers, B-T: the TimeStampToken over the signature value is
 * added as the unsigned attribute id-aa-signatureTimeStampToken (RFC 3161 appendix A, ETSI EN
 * 319 122-1 §5.3); without an answer the signature is B-B as before.
 * The signature algorithm follows the signer certificate's key: sha256WithRSAEncryption for RSA,
 * ecdsa-with-SHA256 for EC. Assembled from DER parts; the certificates are carried byte for
 * byte and only parsed once per signer. Returns the DER ContentInfo.
 */
export async function buildCadesSignature(options: {
  readonly digest: Uint8Array;
  readonly signer: Signer;
  readonly sha256: Sha256;
  /** Asks the province's TSA for a token over the signature value; undefined when it cannot. */
  readonly timestamp?: TimestampFunction;
}): Promise<Uint8Array> {
  const { digest, signer, sha256 } = options;
  const parts = prepareSigner(signer.certificateChain, sha256);
  const attributes = sortedForSetOf([
    contentTypeAttribute,
    derSequence(derOid(oids.messageDigest), derSet(derOctetString(digest))),
    parts.signingCertificateV2,
  ]);
  // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] IMPLICIT field.
  const signature = await signer.sign(derSet(...attributes));
  const token = options.timestamp ? await options.timestamp(signature) : undefined;
  // A token that is not one DER value would corrupt the CMS around it: signed without it then.
  const unsigned =
    token !== undefined && isSingleTlv(token) ? [der(0xa1, signatureTimestampAttribute(token))] : [];

  const signerInfo = derSequence(
    derSmallInteger(1),
    parts.signerIdentifier,
    digestAlgorithm,
    der(0xa0, ...attributes),
    parts.signatureAlgorithm,
    derOctetString(signature),
    ...unsigned,
  );
  const signedData = derSequence(
    derSmallInteger(1),
    derSet(digestAlgorithm),
    derSequence(derOid(oids.data)),
    parts.certificates,
    derSet(signerInfo),
  );
  return derSequence(derOid(oids.signedData), der(0xa0, signedData));
}

export type ParsedCades = {
  readonly signedData: SignedData;
  readonly signerInfo: SignerInfo;
  readonly messageDigest: Uint8Array | undefined;
  readonly digestAlgorithmOid: string;
};

/** Parses a CMS ContentInfo; trailing zero padding (from the /Contents placeholder) is ignored. */
export function parseCades(der: Uint8Array): ParsedCades | undefined {
  const asn1 = fromBER(toArrayBuffer(der));
  if (asn1.offset === -1) return undefined;
  try {
    const contentInfo = new ContentInfo({ schema: asn1.result });
    if (contentInfo.contentType !== oids.signedData) return undefined;
    const signedData = new SignedData({ schema: contentInfo.content });
    const signerInfo = signedData.signerInfos[0];
    if (!signerInfo) return undefined;
    const digestAttribute = signerInfo.signedAttrs?.attributes.find(
      (attribute) => attribute.type === oids.messageDigest,
    );
    const digestValue: unknown = digestAttribute?.values[0];
    const messageDigest =
      digestValue instanceof OctetString ? new Uint8Array(digestValue.valueBlock.valueHexView) : undefined;
    return {
      signedData,
      signerInfo,
      messageDigest,
      digestAlgorithmOid: signerInfo.digestAlgorithm.algorithmId,
    };
  } catch {
    return undefined;
  }
}

export function hasSigningCertificateV2(
  parsed: ParsedCades,
  signerCertificateDer: Uint8Array,
  sha256: Sha256,
): boolean {
  const attribute = parsed.signerInfo.signedAttrs?.attributes.find(
    (candidate) => candidate.type === oids.signingCertificateV2,
  );
  const value: unknown = attribute?.values[0];
  if (!(value instanceof Sequence)) return false;
  const certs = value.valueBlock.value[0];
  if (!(certs instanceof Sequence)) return false;
  const first = certs.valueBlock.value[0];
  if (!(first instanceof Sequence)) return false;
  const hash = first.valueBlock.value.find((item) => item instanceof OctetString);
  return (
    hash instanceof OctetString &&
    bytesEqual(new Uint8Array(hash.valueBlock.valueHexView), sha256(signerCertificateDer))
  );
}
