import {
  BitString,
  Integer,
  ObjectIdentifier,
  OctetString,
  PrintableString,
  Sequence,
  Utf8String,
} from 'asn1js';
import {
  AttributeTypeAndValue,
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  CertificateRevocationList,
  CryptoEngine,
  ExtKeyUsage,
  Extension,
  GeneralName,
  GeneralSubtree,
  NameConstraints,
  RelativeDistinguishedNames,
  RevokedCertificate,
  Time,
  TimeType,
} from 'pkijs';
import type { Signer } from '../../shared/signing/signingTypes';

/**
 * Certificates made in-process with pkijs over WebCrypto, for tests that need many shapes of
 * certificate quickly (forged leaves, CA flags, key usages, Vietnamese subject identifiers)
 * without the openssl CLI. Keys are RSA 2048 (generated once per test file and reused where the
 * key itself does not matter) or EC P-256.
 */
export const testCryptoEngine = new CryptoEngine({ name: 'node', crypto: globalThis.crypto });

export type NameAttribute = {
  /** OID, or a short name: CN, O, OU, C, ST, L, UID, serialNumber, title. */
  readonly type: string;
  readonly value: string;
  /** PrintableString instead of UTF8String (serialNumber and C must be printable). */
  readonly printable?: boolean;
};

const shortNames: Readonly<Record<string, string>> = {
  CN: '2.5.4.3',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  C: '2.5.4.6',
  ST: '2.5.4.8',
  L: '2.5.4.7',
  title: '2.5.4.12',
  serialNumber: '2.5.4.5',
  UID: '0.9.2342.19200300.100.1.1',
};

export type IssuedCertificate = {
  readonly der: Uint8Array;
  readonly keys: CryptoKeyPair;
  readonly certificate: Certificate;
  readonly algorithm: 'rsa' | 'ec';
};

export type IssueOptions = {
  readonly subject: string | readonly NameAttribute[];
  /** Self-signed when absent. */
  readonly issuer?: IssuedCertificate;
  /** Name the issuer without its key signing (a forgery that claims an issuer): the leaf signs itself. */
  readonly claimedIssuer?: IssuedCertificate;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** basicConstraints: true/false, or omitted entirely with `undefined` and `omitBasicConstraints`. */
  readonly ca?: boolean;
  readonly omitBasicConstraints?: boolean;
  readonly pathLength?: number;
  /** keyUsage byte (bit 0 = 0x80 digitalSignature … bit 5 = 0x04 keyCertSign, bit 6 = 0x02 cRLSign); null leaves it out. */
  readonly keyUsage?: number | null;
  readonly extendedKeyUsage?: readonly string[];
  readonly extendedKeyUsageCritical?: boolean;
  /** Directory-name subtrees a CA may issue under (name constraints). */
  readonly permittedNames?: readonly (readonly NameAttribute[])[];
  readonly extraExtensions?: readonly Extension[];
  readonly keyAlgorithm?: 'rsa' | 'ec';
  /** Reuse a key pair (fast: RSA generation costs tens of milliseconds). */
  readonly keys?: CryptoKeyPair;
  readonly serial?: number;
};

function attributesOf(subject: IssueOptions['subject']): readonly NameAttribute[] {
  return typeof subject === 'string' ? [{ type: 'CN', value: subject }] : subject;
}

export function distinguishedName(attributes: readonly NameAttribute[]): RelativeDistinguishedNames {
  const names = new RelativeDistinguishedNames();
  for (const attribute of attributes) {
    const type = shortNames[attribute.type] ?? attribute.type;
    const value = attribute.printable
      ? new PrintableString({ value: attribute.value })
      : new Utf8String({ value: attribute.value });
    names.typesAndValues.push(new AttributeTypeAndValue({ type, value }));
  }
  return names;
}

function extension(extnID: string, critical: boolean, value: ArrayBuffer): Extension {
  return new Extension({ extnID, critical, extnValue: value });
}

export async function generateKeys(algorithm: 'rsa' | 'ec' = 'rsa'): Promise<CryptoKeyPair> {
  const parameters =
    algorithm === 'rsa'
      ? {
          name: 'RSASSA-PKCS1-v1_5',
          modulusLength: 2048,
          publicExponent: new Uint8Array([1, 0, 1]),
          hash: 'SHA-256',
        }
      : { name: 'ECDSA', namedCurve: 'P-256' };
  return globalThis.crypto.subtle.generateKey(parameters, true, ['sign', 'verify']);
}

let nextSerial = 1000;

async function keyIdentifier(keys: CryptoKeyPair): Promise<ArrayBuffer> {
  const spki = await globalThis.crypto.subtle.exportKey('spki', keys.publicKey);
  return globalThis.crypto.subtle.digest('SHA-1', spki);
}

/** Issues (or self-signs) one certificate. */
export async function issueCertificate(options: IssueOptions): Promise<IssuedCertificate> {
  const algorithm = options.keyAlgorithm ?? 'rsa';
  const keys = options.keys ?? (await generateKeys(algorithm));
  const certificate = new Certificate();
  certificate.version = 2;
  nextSerial += 1;
  certificate.serialNumber = new Integer({ value: options.serial ?? nextSerial });
  certificate.subject = distinguishedName(attributesOf(options.subject));
  const issuer = options.issuer ?? options.claimedIssuer;
  certificate.issuer = issuer ? issuer.certificate.subject : distinguishedName(attributesOf(options.subject));
  certificate.notBefore.value = options.notBefore;
  certificate.notAfter.value = options.notAfter;
  const extensions: Extension[] = [];
  if (!options.omitBasicConstraints) {
    const constraints = new BasicConstraints({
      cA: options.ca ?? false,
      ...(options.pathLength === undefined ? {} : { pathLenConstraint: options.pathLength }),
    });
    extensions.push(extension('2.5.29.19', true, constraints.toSchema().toBER(false)));
  }
  const usage = options.keyUsage === undefined ? (options.ca ? 0x06 : 0xc0) : options.keyUsage;
  if (usage !== null) {
    const unusedBits = usage === 0 ? 7 : Math.min(7, Math.log2(usage & -usage));
    const bits = new BitString({ valueHex: new Uint8Array([usage]).buffer, unusedBits });
    extensions.push(extension('2.5.29.15', true, bits.toBER(false)));
  }
  if (options.extendedKeyUsage) {
    const purposes = new ExtKeyUsage({ keyPurposes: [...options.extendedKeyUsage] });
    extensions.push(
      extension('2.5.29.37', options.extendedKeyUsageCritical ?? false, purposes.toSchema().toBER(false)),
    );
  }
  if (options.permittedNames) {
    const constraints = new NameConstraints({
      permittedSubtrees: options.permittedNames.map(
        (attributes) =>
          new GeneralSubtree({ base: new GeneralName({ type: 4, value: distinguishedName(attributes) }) }),
      ),
    });
    extensions.push(extension('2.5.29.30', true, constraints.toSchema().toBER(false)));
  }
  extensions.push(
    extension('2.5.29.14', false, new OctetString({ valueHex: await keyIdentifier(keys) }).toBER(false)),
  );
  const signingKeys = options.issuer?.keys ?? keys;
  const authority = new AuthorityKeyIdentifier({
    keyIdentifier: new OctetString({ valueHex: await keyIdentifier(issuer?.keys ?? keys) }),
  });
  extensions.push(extension('2.5.29.35', false, authority.toSchema().toBER(false)));
  extensions.push(...(options.extraExtensions ?? []));
  certificate.extensions = extensions;
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey, testCryptoEngine);
  await certificate.sign(signingKeys.privateKey, 'SHA-256', testCryptoEngine);
  const der = new Uint8Array(certificate.toSchema().toBER());
  // Read back as a verifier would (pkijs keeps encodings it made; a parse gives the real DER view).
  const parsed = Certificate.fromBER(der);
  return { der, keys, certificate: parsed, algorithm };
}

/** An unknown extension, e.g. to test critical extensions the validator does not understand. */
export function customExtension(oid: string, critical: boolean): Extension {
  return extension(oid, critical, new ObjectIdentifier({ value: '1.2.3' }).toBER(false));
}

/** A Signer over a WebCrypto private key: what a token would do, in-process. */
export function webCryptoSigner(leaf: IssuedCertificate, chain: readonly IssuedCertificate[]): Signer {
  return {
    certificateChain: [leaf.der, ...chain.map((issued) => issued.der)],
    sign: async (data) => {
      if (leaf.algorithm === 'rsa') {
        return new Uint8Array(
          await globalThis.crypto.subtle.sign(
            'RSASSA-PKCS1-v1_5',
            leaf.keys.privateKey,
            new Uint8Array(data),
          ),
        );
      }
      const raw = new Uint8Array(
        await globalThis.crypto.subtle.sign(
          { name: 'ECDSA', hash: 'SHA-256' },
          leaf.keys.privateKey,
          new Uint8Array(data),
        ),
      );
      return ecdsaRawToDer(raw);
    },
  };
}

function derInteger(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  const trimmed = bytes.subarray(start);
  const padded = (trimmed[0] ?? 0) & 0x80 ? new Uint8Array([0, ...trimmed]) : trimmed;
  return new Uint8Array([0x02, padded.length, ...padded]);
}

/** WebCrypto's ECDSA r‖s as the DER ECDSA-Sig-Value a CMS carries. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const r = derInteger(raw.subarray(0, half));
  const s = derInteger(raw.subarray(half));
  return new Uint8Array([0x30, r.length + s.length, ...r, ...s]);
}

/** A CRL issued by `issuer`, listing `revoked` (certificates and when they were revoked). */
export async function issueCrl(
  issuer: IssuedCertificate,
  revoked: readonly { readonly certificate: IssuedCertificate; readonly at: Date }[],
  thisUpdate = new Date(),
): Promise<Uint8Array> {
  const crl = new CertificateRevocationList();
  crl.version = 1;
  crl.issuer = issuer.certificate.subject;
  crl.thisUpdate = new Time({ type: TimeType.UTCTime, value: thisUpdate });
  crl.nextUpdate = new Time({
    type: TimeType.UTCTime,
    value: new Date(thisUpdate.getTime() + 7 * 86_400_000),
  });
  if (revoked.length > 0)
    crl.revokedCertificates = revoked.map(
      ({ certificate, at }) =>
        new RevokedCertificate({
          userCertificate: certificate.certificate.serialNumber,
          revocationDate: new Time({ type: TimeType.UTCTime, value: at }),
        }),
    );
  await crl.sign(issuer.keys.privateKey, 'SHA-256', testCryptoEngine);
  const schema: unknown = crl.toSchema(true);
  if (!(schema instanceof Sequence)) throw new Error('pkijs did not encode the CRL as a SEQUENCE');
  return new Uint8Array(schema.toBER());
}

/** A root CA and an intermediate CA (path length 0) under it, each with its own key. */
export async function createTestCa(
  notBefore: Date,
  notAfter: Date,
): Promise<{ readonly root: IssuedCertificate; readonly intermediate: IssuedCertificate }> {
  const root = await issueCertificate({ subject: 'CA Gốc Thử Nghiệm', notBefore, notAfter, ca: true });
  const intermediate = await issueCertificate({
    subject: 'CA Trung Gian Thử Nghiệm',
    issuer: root,
    notBefore,
    notAfter,
    ca: true,
    pathLength: 0,
  });
  return { root, intermediate };
}
