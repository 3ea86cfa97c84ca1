import { childrenOf, type Tlv } from './der';
import {
  algorithmOid,
  bytesOf,
  children,
  generalizedTime,
  must,
  oidOf,
  valueOf,
  wholeTlv,
} from './derValues';

const basicResponseOid = '1.3.6.1.5.5.7.48.1.1';

export type OcspCertStatus =
  | { readonly status: 'good' }
  | { readonly status: 'revoked'; readonly revokedAt: Date; readonly reasonCode: number | undefined }
  | { readonly status: 'unknown' };

export type OcspSingleResponse = {
  readonly hashAlgorithm: string;
  readonly issuerNameHash: Uint8Array;
  readonly issuerKeyHash: Uint8Array;
  /** The serial number INTEGER's content bytes. */
  readonly serial: Uint8Array;
  readonly certStatus: OcspCertStatus;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date | undefined;
};

export type OcspResponderId =
  | { readonly kind: 'name'; readonly name: Uint8Array }
  | { readonly kind: 'key'; readonly keyHash: Uint8Array };

export type BasicOcspView = {
  readonly responderId: OcspResponderId;
  readonly producedAt: Date;
  readonly responses: readonly OcspSingleResponse[];
  /** The signed ResponseData bytes. */
  readonly tbs: Uint8Array;
  readonly signatureAlgorithm: Uint8Array;
  /** The BIT STRING's bits (whole bytes). */
  readonly signature: Uint8Array;
  /** DER certificates the responder included (a delegated responder's own). */
  readonly certificates: readonly Uint8Array[];
};

function certStatusOf(bytes: Uint8Array, tlv: Tlv | undefined): OcspCertStatus {
  if (tlv?.tag === 0x80) return { status: 'good' };
  if (tlv?.tag === 0xa1) {
    const [time, reason] = childrenOf(bytes, tlv);
    const reasonCode =
      reason?.tag === 0xa0 ? valueOf(bytes, must(childrenOf(bytes, reason)[0], 0x0a))[0] : undefined;
    return { status: 'revoked', revokedAt: generalizedTime(valueOf(bytes, must(time, 0x18))), reasonCode };
  }
  if (tlv?.tag === 0x82) return { status: 'unknown' };
  throw new Error('unknown OCSP certificate status');
}

function singleResponseOf(bytes: Uint8Array, tlv: Tlv): OcspSingleResponse {
  const [certId, status, thisUpdate, ...rest] = children(bytes, tlv, 0x30);
  const [algorithm, nameHash, keyHash, serial] = children(bytes, certId, 0x30);
  const next = rest.find((part) => part.tag === 0xa0);
  return {
    hashAlgorithm: algorithmOid(bytes, algorithm),
    issuerNameHash: valueOf(bytes, must(nameHash, 0x04)),
    issuerKeyHash: valueOf(bytes, must(keyHash, 0x04)),
    serial: valueOf(bytes, must(serial, 0x02)),
    certStatus: certStatusOf(bytes, status),
    thisUpdate: generalizedTime(valueOf(bytes, must(thisUpdate, 0x18))),
    nextUpdate: next ? generalizedTime(valueOf(bytes, must(childrenOf(bytes, next)[0], 0x18))) : undefined,
  };
}

/**
 * Reads a DER OCSPResponse (RFC 6960 §4.2.1) whose status is successful and whose body is a
 * BasicOCSPResponse. Throws on anything else, including a responder's error status.
 */
export function readOcspResponse(der: Uint8Array): BasicOcspView {
  const [status, wrapped] = children(der, wholeTlv(der, 0x30), 0x30);
  if (valueOf(der, must(status, 0x0a))[0] !== 0) throw new Error('OCSP response is not successful');
  const [responseBytes] = children(der, wrapped, 0xa0);
  const [type, octets] = children(der, responseBytes, 0x30);
  if (oidOf(der, type) !== basicResponseOid) throw new Error('not a BasicOCSPResponse');
  const basic = valueOf(der, must(octets, 0x04));
  const [tbsTlv, algorithm, signature, certsWrapper] = children(basic, wholeTlv(basic, 0x30), 0x30);
  const fields = children(basic, tbsTlv, 0x30);
  const [responder, producedAt, responses] = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  let responderId: OcspResponderId;
  if (responder?.tag === 0xa1) {
    responderId = { kind: 'name', name: bytesOf(basic, must(childrenOf(basic, responder)[0], 0x30)) };
  } else {
    const [keyHash] = children(basic, responder, 0xa2);
    responderId = { kind: 'key', keyHash: valueOf(basic, must(keyHash, 0x04)) };
  }
  const certificates =
    certsWrapper?.tag === 0xa0
      ? children(basic, childrenOf(basic, certsWrapper)[0], 0x30).map((tlv) => bytesOf(basic, tlv))
      : [];
  return {
    responderId,
    producedAt: generalizedTime(valueOf(basic, must(producedAt, 0x18))),
    responses: children(basic, responses, 0x30).map((single) => singleResponseOf(basic, single)),
    tbs: bytesOf(basic, must(tbsTlv, 0x30)),
    signatureAlgorithm: bytesOf(basic, must(algorithm, 0x30)),
    signature: valueOf(basic, must(signature, 0x03)).subarray(1),
    certificates,
  };
}
