import { childrenOf, type Tlv } from './der';
import {
  bytesOf,
  children,
  hexOf,
  integerMagnitude,
  must,
  smallIntegerOf,
  timeOf,
  valueOf,
  wholeTlv,
} from './derValues';
import { readExtensions, type ExtensionView } from './extensionView';

/** CRL extensions (RFC 5280 §5.2) a reader here understands; another one marked critical refuses the CRL. */
const understoodCrlExtensions: ReadonlySet<string> = new Set([
  '2.5.29.35', // authorityKeyIdentifier
  '2.5.29.20', // cRLNumber
  '2.5.29.28', // issuingDistributionPoint
  '2.5.29.27', // deltaCRLIndicator
  '2.5.29.46', // freshestCRL
  '2.5.29.18', // issuerAltName
  '2.5.29.60', // expiredCertsOnCRL
  '1.3.6.1.5.5.7.1.1', // authorityInfoAccess
]);

const understoodEntryExtensions: ReadonlySet<string> = new Set([
  '2.5.29.21', // reasonCode
  '2.5.29.24', // invalidityDate
  '2.5.29.29', // certificateIssuer
]);

const crlOids = {
  authorityKeyIdentifier: '2.5.29.35',
  issuingDistributionPoint: '2.5.29.28',
  deltaCrlIndicator: '2.5.29.27',
  reasonCode: '2.5.29.21',
  certificateIssuer: '2.5.29.29',
} as const;

export type CrlScope = {
  /** indirectCRL: entries may be for certificates another CA issued. */
  readonly indirect: boolean;
  /** Only part of the issuer's certificates (a distribution point or some reasons): absence proves nothing. */
  readonly partitioned: boolean;
  readonly onlyUserCertificates: boolean;
  readonly onlyCaCertificates: boolean;
};

export type CrlView = {
  /** The issuer's DER Name. */
  readonly issuer: Uint8Array;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date | undefined;
  /** The signed tbsCertList bytes. */
  readonly tbs: Uint8Array;
  readonly signatureAlgorithm: Uint8Array;
  /** The BIT STRING's bits (whole bytes). */
  readonly signature: Uint8Array;
  readonly authorityKeyIdentifier: Uint8Array | undefined;
  readonly scope: CrlScope;
  readonly isDelta: boolean;
  /** OIDs of critical CRL extensions not understood. */
  readonly unknownCritical: readonly string[];
  readonly der: Uint8Array;
  readonly entries: Tlv | undefined;
};

export type CrlEntry = {
  readonly revokedAt: Date;
  /** CRLReason code (RFC 5280 §5.3.1), when given. */
  readonly reasonCode: number | undefined;
  /** The entry names another issuer (indirect CRL). */
  readonly otherIssuer: boolean;
  readonly unknownCritical: readonly string[];
};

function flag(bytes: Uint8Array, tlv: Tlv): boolean {
  return valueOf(bytes, tlv)[0] === 0xff;
}

function scopeOf(extension: ExtensionView | undefined): CrlScope {
  const scope = {
    indirect: false,
    partitioned: false,
    onlyUserCertificates: false,
    onlyCaCertificates: false,
  };
  if (extension === undefined) return scope;
  const { value } = extension;
  for (const part of children(value, wholeTlv(value, 0x30), 0x30)) {
    if (part.tag === 0xa0 || part.tag === 0x83) scope.partitioned = true;
    else if (part.tag === 0x81) scope.onlyUserCertificates = flag(value, part);
    else if (part.tag === 0x82) scope.onlyCaCertificates = flag(value, part);
    else if (part.tag === 0x84) scope.indirect = flag(value, part);
    else if (part.tag === 0x85 && flag(value, part)) scope.partitioned = true;
  }
  return scope;
}

/** AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING OPTIONAL, … } */
function keyIdentifierOf(extension: ExtensionView | undefined): Uint8Array | undefined {
  if (extension === undefined) return undefined;
  const { value } = extension;
  const keyId = children(value, wholeTlv(value, 0x30), 0x30).find((part) => part.tag === 0x80);
  return keyId ? valueOf(value, keyId) : undefined;
}

/**
 * Reads a DER CRL (RFC 5280 §5.1) by its TLVs, leaving the revoked entries unparsed until a
 * serial number is looked up: a national CA's CRL holds hundreds of thousands of entries.
 */
export function readCrl(der: Uint8Array): CrlView {
  const [tbsTlv, algorithm, signature] = children(der, wholeTlv(der, 0x30), 0x30);
  const fields = children(der, tbsTlv, 0x30);
  let index = fields[0]?.tag === 0x02 ? 1 : 0;
  if (index === 1 && smallIntegerOf(der, fields[0]) !== 1) throw new Error('unknown CRL version');
  index += 1; // signature AlgorithmIdentifier (the outer one is checked by the signature itself)
  const issuer = must(fields[index], 0x30);
  const thisUpdate = timeOf(der, fields[index + 1]);
  let rest = fields.slice(index + 2);
  let nextUpdate: Date | undefined;
  if (rest[0]?.tag === 0x17 || rest[0]?.tag === 0x18) {
    nextUpdate = timeOf(der, rest[0]);
    rest = rest.slice(1);
  }
  const entries = rest[0]?.tag === 0x30 ? rest[0] : undefined;
  const extensionsTlv = rest.find((part) => part.tag === 0xa0);
  const extensions = extensionsTlv ? readExtensions(der, must(childrenOf(der, extensionsTlv)[0], 0x30)) : [];
  const find = (oid: string) => extensions.find((extension) => extension.oid === oid);
  const bits = valueOf(der, must(signature, 0x03));
  return {
    issuer: bytesOf(der, issuer),
    thisUpdate,
    nextUpdate,
    tbs: bytesOf(der, must(tbsTlv, 0x30)),
    signatureAlgorithm: bytesOf(der, must(algorithm, 0x30)),
    signature: bits.subarray(1),
    authorityKeyIdentifier: keyIdentifierOf(find(crlOids.authorityKeyIdentifier)),
    scope: scopeOf(find(crlOids.issuingDistributionPoint)),
    isDelta: find(crlOids.deltaCrlIndicator) !== undefined,
    unknownCritical: extensions
      .filter((extension) => extension.critical && !understoodCrlExtensions.has(extension.oid))
      .map((extension) => extension.oid),
    der,
    entries,
  };
}

/** Entries by serial (hex of the magnitude), built on the first lookup of a CRL and kept with it. */
const entryIndexes = new WeakMap<CrlView, Map<string, Tlv>>();

function entryIndex(crl: CrlView): Map<string, Tlv> {
  let index = entryIndexes.get(crl);
  if (index !== undefined) return index;
  index = new Map();
  const { der } = crl;
  if (crl.entries !== undefined)
    for (const entry of childrenOf(der, crl.entries)) {
      const [serial] = children(der, entry, 0x30);
      const key = hexOf(integerMagnitude(valueOf(der, must(serial, 0x02))));
      if (!index.has(key)) index.set(key, entry);
    }
  entryIndexes.set(crl, index);
  return index;
}

/**
 * The entry for `serial` (the INTEGER's content bytes), or undefined. The first lookup indexes
 * the entries by serial, so a batch that checks thousands of signatures walks a CRL once.
 */
export function findCrlEntry(crl: CrlView, serial: Uint8Array): CrlEntry | undefined {
  const entry = entryIndex(crl).get(hexOf(integerMagnitude(serial)));
  if (entry === undefined) return undefined;
  const { der } = crl;
  const [, date, extensionsTlv] = children(der, entry, 0x30);
  const extensions = extensionsTlv?.tag === 0x30 ? readExtensions(der, extensionsTlv) : [];
  const reason = extensions.find((extension) => extension.oid === crlOids.reasonCode);
  const reasonValue = reason ? valueOf(reason.value, wholeTlv(reason.value, 0x0a)) : undefined;
  return {
    revokedAt: timeOf(der, date),
    reasonCode: reasonValue === undefined ? undefined : (reasonValue[0] ?? 0),
    otherIssuer: extensions.some((extension) => extension.oid === crlOids.certificateIssuer),
    unknownCritical: extensions
      .filter((extension) => extension.critical && !understoodEntryExtensions.has(extension.oid))
      .map((extension) => extension.oid),
  };
}
