import { bytesEqual } from './bytes';
import { der, derNull, derOctetString, derOid, derSequence, derSmallInteger } from './der';
import {
  bytesOf,
  children,
  digestOids,
  integerMagnitude,
  derPositiveInteger,
  smallIntegerOf,
  wholeTlv,
} from './derValues';
import type { Sha256 } from './signingTypes';
import { timestampStrings as text } from './timeStrings';
import { readTimestampToken, timestampOids } from './timestampTokenView';

/**
 * Asks a timestamp authority for a signature timestamp: given the signature value, returns the
 * DER TimeStampToken to embed, or undefined when none could be had (the signature is then made
 * without one, PAdES B-B). Never throws.
 */
export type TimestampFunction = (signatureValue: Uint8Array) => Promise<Uint8Array | undefined>;

export type TimestampRequest = {
  /** DER TimeStampReq, sent as `application/timestamp-query`. */
  readonly der: Uint8Array;
  /** SHA-256 of the signature value: what the token must carry as its message imprint. */
  readonly imprint: Uint8Array;
  readonly nonce: Uint8Array;
};

/** Bytes of randomness a nonce should have (RFC 3161 §2.4.1: a large random number). */
export const nonceLength = 16;

/**
 * A TimeStampReq (RFC 3161 §2.4.1) over SHA-256 of the signature value, with the nonce and
 * certReq TRUE so the token carries the TSA's certificate (the verifier needs it). The
 * AlgorithmIdentifier keeps the NULL parameters, as `openssl ts -query` sends it.
 */
export function buildTimestampRequest(options: {
  readonly signatureValue: Uint8Array;
  readonly nonce: Uint8Array;
  readonly sha256: Sha256;
}): TimestampRequest {
  if (options.nonce.length < 8) throw new Error('a timestamp nonce needs at least 8 random bytes');
  const imprint = options.sha256(options.signatureValue);
  const request = derSequence(
    derSmallInteger(1),
    derSequence(derSequence(derOid(digestOids.sha256), derNull), derOctetString(imprint)),
    derPositiveInteger(options.nonce),
    Uint8Array.of(0x01, 0x01, 0xff),
  );
  return { der: request, imprint, nonce: options.nonce };
}

export type TimestampResponseCode =
  'unreadable' | 'rejected' | 'no-token' | 'imprint-mismatch' | 'nonce-mismatch';

export type TimestampResponseResult =
  | { readonly ok: true; readonly token: Uint8Array; readonly genTime: Date }
  | { readonly ok: false; readonly code: TimestampResponseCode; readonly message: string };

const refused = (code: TimestampResponseCode, message: string): TimestampResponseResult => ({
  ok: false,
  code,
  message,
});

/**
 * Reads a TimeStampResp (RFC 3161 §2.4.2) and checks it answers this request before its token is
 * embedded: status granted (or granted with modifications), a token whose TSTInfo imprints
 * SHA-256 of exactly this signature value, and carries this request's nonce (so a replayed or
 * misrouted answer is refused). The TSA's signature and certificate are the verifier's to judge.
 */
export function readTimestampResponse(
  response: Uint8Array,
  request: TimestampRequest,
): TimestampResponseResult {
  let token: Uint8Array | undefined;
  try {
    const [status, tokenTlv] = children(response, wholeTlv(response, 0x30), 0x30);
    const [statusValue] = children(response, status, 0x30);
    const granted = smallIntegerOf(response, statusValue);
    if (granted !== 0 && granted !== 1) return refused('rejected', text.responseRejected(granted));
    if (tokenTlv === undefined) return refused('no-token', text.responseWithoutToken);
    token = bytesOf(response, tokenTlv).slice();
  } catch {
    return refused('unreadable', text.responseUnreadable);
  }
  let tstInfo;
  try {
    tstInfo = readTimestampToken(token).tstInfo;
  } catch {
    return refused('unreadable', text.responseUnreadable);
  }
  if (tstInfo.imprintAlgorithm !== digestOids.sha256 || !bytesEqual(tstInfo.imprint, request.imprint))
    return refused('imprint-mismatch', text.responseImprintMismatch);
  if (
    tstInfo.nonce === undefined ||
    !bytesEqual(integerMagnitude(tstInfo.nonce), integerMagnitude(request.nonce))
  )
    return refused('nonce-mismatch', text.responseNonceMismatch);
  return { ok: true, token, genTime: tstInfo.genTime };
}

/** The unsigned attribute that carries a signature timestamp (ETSI EN 319 122-1 §5.3). */
export function signatureTimestampAttribute(token: Uint8Array): Uint8Array {
  return derSequence(derOid(timestampOids.signatureTimeStampToken), der(0x31, token));
}
