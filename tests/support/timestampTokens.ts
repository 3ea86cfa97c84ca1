import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  der,
  derNull,
  derOctetString,
  derOid,
  derSequence,
  derSet,
  derSmallInteger,
  sortedForSetOf,
} from '../../shared/signing/der';
import { derPositiveInteger } from '../../shared/signing/derValues';
import { timestampOids } from '../../shared/signing/timestampTokenView';
import { ecdsaRawToDer, type IssuedCertificate } from './pkijsCertificates';

/**
 * RFC 3161 timestamp tokens made in-process, for tests that need tokens a real TSA would never
 * issue (another signature's imprint, a TSA certificate without the critical EKU, a genTime in
 * the future, a TSTInfo changed after signing). Built from DER parts like our own CMS.
 */

const sha256Oid = '2.16.840.1.101.3.4.2.1';

export type TokenOptions = {
  /** The TSA's certificate and key. */
  readonly tsa: IssuedCertificate;
  /** Certificates carried in the token (the TSA's first); `[tsa]` by default. */
  readonly certificates?: readonly IssuedCertificate[];
  /** What the token is over: its imprint is SHA-256 of this. */
  readonly signatureValue: Uint8Array;
  readonly genTime: Date;
  readonly nonce?: Uint8Array;
  /** ESS signing certificate: v2 (SHA-256, default), v1 (SHA-1), or none. */
  readonly ess?: 'v1' | 'v2' | 'none';
  /** The certificate the ESS attribute names (the TSA's by default). */
  readonly essCertificate?: IssuedCertificate;
  readonly serial?: number;
  /** Sign with this key instead of the TSA's (a forgery that carries the real TSA certificate). */
  readonly signWithKeys?: CryptoKeyPair;
};

function generalizedTime(date: Date): Uint8Array {
  const text = date
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return der(0x18, new TextEncoder().encode(text));
}

export function tstInfo(options: TokenOptions): Uint8Array {
  const imprint = derSequence(
    derSequence(derOid(sha256Oid), derNull),
    derOctetString(sha256(options.signatureValue)),
  );
  return derSequence(
    derSmallInteger(1),
    derOid('1.3.6.1.4.1.99999.1.1'),
    imprint,
    derPositiveInteger(Uint8Array.of(options.serial ?? 7)),
    generalizedTime(options.genTime),
    ...(options.nonce ? [derPositiveInteger(options.nonce)] : []),
  );
}

function essAttribute(options: TokenOptions): Uint8Array[] {
  const ess = options.ess ?? 'v2';
  if (ess === 'none') return [];
  const named = options.essCertificate ?? options.tsa;
  if (ess === 'v1')
    return [
      derSequence(
        derOid(timestampOids.signingCertificate),
        derSet(derSequence(derSequence(derSequence(derOctetString(sha1(named.der)))))),
      ),
    ];
  return [
    derSequence(
      derOid(timestampOids.signingCertificateV2),
      derSet(derSequence(derSequence(derSequence(derOctetString(sha256(named.der)))))),
    ),
  ];
}

/** Issuer and serial TLVs of a certificate, cut from its DER. */
function issuerAndSerial(certificate: IssuedCertificate): Uint8Array {
  const { issuer, serialNumber } = certificate.certificate;
  return derSequence(
    new Uint8Array(issuer.toSchema().toBER(false)),
    new Uint8Array(serialNumber.toBER(false)),
  );
}

async function signWith(algorithm: 'rsa' | 'ec', key: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  if (algorithm === 'rsa')
    return new Uint8Array(
      await globalThis.crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, new Uint8Array(data)),
    );
  const raw = new Uint8Array(
    await globalThis.crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, new Uint8Array(data)),
  );
  return ecdsaRawToDer(raw);
}

/** A DER TimeStampToken; `alterAfterSigning` changes the TSTInfo once it is signed. */
export async function makeTimestampToken(
  options: TokenOptions & { readonly alterAfterSigning?: (content: Uint8Array) => Uint8Array },
): Promise<Uint8Array> {
  const content = tstInfo(options);
  const attributes = sortedForSetOf([
    derSequence(derOid(timestampOids.contentType), derSet(derOid(timestampOids.tstInfo))),
    derSequence(derOid(timestampOids.messageDigest), derSet(derOctetString(sha256(content)))),
    ...essAttribute(options),
  ]);
  const key = (options.signWithKeys ?? options.tsa.keys).privateKey;
  const signature = await signWith(options.tsa.algorithm, key, derSet(...attributes));
  const signatureAlgorithm =
    options.tsa.algorithm === 'rsa'
      ? derSequence(derOid('1.2.840.113549.1.1.11'), derNull)
      : derSequence(derOid('1.2.840.10045.4.3.2'));
  const signerInfo = derSequence(
    derSmallInteger(1),
    issuerAndSerial(options.tsa),
    derSequence(derOid(sha256Oid), derNull),
    der(0xa0, ...attributes),
    signatureAlgorithm,
    derOctetString(signature),
  );
  const carried = (options.certificates ?? [options.tsa]).map((certificate) => certificate.der);
  const eContent = options.alterAfterSigning ? options.alterAfterSigning(content) : content;
  const signedData = derSequence(
    derSmallInteger(3),
    derSet(derSequence(derOid(sha256Oid), derNull)),
    derSequence(derOid(timestampOids.tstInfo), der(0xa0, derOctetString(eContent))),
    ...(carried.length > 0 ? [der(0xa0, ...carried)] : []),
    derSet(signerInfo),
  );
  return derSequence(derOid(timestampOids.signedData), der(0xa0, signedData));
}

/** A TimeStampResp around a token (status granted), or with a refusal status and no token. */
export function timestampResponse(token: Uint8Array | undefined, status = 0): Uint8Array {
  return derSequence(derSequence(Uint8Array.of(0x02, 0x01, status)), ...(token ? [token] : []));
}
