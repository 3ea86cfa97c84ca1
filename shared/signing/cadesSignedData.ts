import { Constructed, Integer, Null, ObjectIdentifier, OctetString, Sequence, fromBER } from 'asn1js';
import {
  AlgorithmIdentifier,
  Attribute,
  ContentInfo,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedAndUnsignedAttributes,
  SignedData,
  SignerInfo,
} from 'pkijs';
import { bytesEqual, toArrayBuffer } from './bytes';
import { parseCertificate } from './certificateInfo';
import type { Sha256, Signer } from './signingTypes';

export const oids = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
} as const;

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

/**
 * ESS signingCertificateV2 (RFC 5035): binds the signer certificate into the signed attributes.
 * hashAlgorithm is left out because SHA-256 is its DER default.
 */
function signingCertificateV2(certificateDer: Uint8Array, sha256: Sha256): Attribute {
  const certificate = parseCertificate(certificateDer);
  const issuerSerial = new Sequence({
    value: [
      // GeneralNames with one directoryName [4] (explicit, since Name is a CHOICE).
      new Sequence({
        value: [
          new Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [certificate.issuer.toSchema()] }),
        ],
      }),
      new Integer({ valueHex: toArrayBuffer(certificate.serialNumber.valueBlock.valueHexView) }),
    ],
  });
  const essCertIdV2 = new Sequence({
    value: [new OctetString({ valueHex: toArrayBuffer(sha256(certificateDer)) }), issuerSerial],
  });
  return new Attribute({
    type: oids.signingCertificateV2,
    values: [new Sequence({ value: [new Sequence({ value: [essCertIdV2] })] })],
  });
}

/** DER SET OF needs its members in ascending order of their encodings (X.690 §11.6). */
function sortedForDer(attributes: Attribute[]): Attribute[] {
  return attributes
    .map((attribute) => ({ attribute, der: new Uint8Array(attribute.toSchema().toBER()) }))
    .sort((a, b) => compareBytes(a.der, b.der))
    .map((entry) => entry.attribute);
}

/**
 * A detached CAdES signature for PAdES baseline B-B (ETSI EN 319 142-1): content type, message
 * digest and signingCertificateV2 signed; no signing-time attribute, the time is the PDF's /M.
 * Returns the DER ContentInfo.
 */
export async function buildCadesSignature(options: {
  readonly digest: Uint8Array;
  readonly signer: Signer;
  readonly sha256: Sha256;
}): Promise<Uint8Array> {
  const { digest, signer, sha256 } = options;
  const [signerCertificateDer] = signer.certificateChain;
  if (!signerCertificateDer) throw new Error('the certificate chain is empty');
  const certificates = signer.certificateChain.map(parseCertificate);
  const signerCertificate = certificates[0];
  if (!signerCertificate) throw new Error('the certificate chain is empty');

  const attributes = sortedForDer([
    new Attribute({ type: oids.contentType, values: [new ObjectIdentifier({ value: oids.data })] }),
    new Attribute({
      type: oids.messageDigest,
      values: [new OctetString({ valueHex: toArrayBuffer(digest) })],
    }),
    signingCertificateV2(signerCertificateDer, sha256),
  ]);
  const signedAttributes = new SignedAndUnsignedAttributes({ type: 0, attributes });
  // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] IMPLICIT field.
  const toBeSigned = new Uint8Array(signedAttributes.toSchema().toBER());
  toBeSigned[0] = 0x31;
  const signature = await signer.sign(toBeSigned);

  const signerInfo = new SignerInfo({
    version: 1,
    sid: new IssuerAndSerialNumber({
      issuer: signerCertificate.issuer,
      serialNumber: signerCertificate.serialNumber,
    }),
    digestAlgorithm: new AlgorithmIdentifier({ algorithmId: oids.sha256 }),
    signedAttrs: signedAttributes,
    signatureAlgorithm: new AlgorithmIdentifier({
      algorithmId: oids.sha256WithRsa,
      algorithmParams: new Null(),
    }),
    signature: new OctetString({ valueHex: toArrayBuffer(signature) }),
  });
  const signedData = new SignedData({
    version: 1,
    digestAlgorithms: [new AlgorithmIdentifier({ algorithmId: oids.sha256 })],
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: oids.data }),
    certificates,
    signerInfos: [signerInfo],
  });
  const contentInfo = new ContentInfo({ contentType: oids.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER());
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
