/** CRLReason (RFC 5280 §5.3.1), by name. */
export type RevocationReason =
  | 'unspecified'
  | 'keyCompromise'
  | 'caCompromise'
  | 'affiliationChanged'
  | 'superseded'
  | 'cessationOfOperation'
  | 'certificateHold'
  | 'removeFromCrl'
  | 'privilegeWithdrawn'
  | 'aaCompromise';

const reasonsByCode: readonly (RevocationReason | undefined)[] = [
  'unspecified',
  'keyCompromise',
  'caCompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  undefined,
  'removeFromCrl',
  'privilegeWithdrawn',
  'aaCompromise',
];

export function revocationReasonOf(code: number | undefined): RevocationReason | undefined {
  return code === undefined ? undefined : reasonsByCode[code];
}

export type RevocationSource = 'crl' | 'ocsp';

/** What one certificate's revocation data says, judged at the signing time. */
export type CertificateRevocation = {
  readonly subjectName: string;
  readonly serialNumberHex: string;
  readonly message: string;
} & (
  | {
      readonly status: 'good';
      readonly source: RevocationSource;
      /** thisUpdate of the CRL or OCSP response that says so (at or after the signing time). */
      readonly checkedAt: Date;
    }
  | {
      readonly status: 'revoked';
      readonly source: RevocationSource;
      readonly revokedAt: Date;
      readonly reason: RevocationReason | undefined;
      /** Whether this revocation makes the signature fail (see checkRevocation). */
      readonly failsSignature: boolean;
    }
  | { readonly status: 'unknown' }
);

export type RevocationResult = {
  /** False when a certificate of the path was revoked in a way that fails the signature. */
  readonly ok: boolean;
  /** True when every certificate's status is known (good or revoked); unknown never fails. */
  readonly checked: boolean;
  /** The first failure, else "not checked" when some status is unknown, else "all good". */
  readonly message: string;
  /** One per certificate of the path, the anchor excluded, leaf first. */
  readonly certificates: readonly CertificateRevocation[];
  /** Data that did not count, and why (forged, indirect, unreadable…), in Vietnamese. */
  readonly ignored: readonly string[];
};
