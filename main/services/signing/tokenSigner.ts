import {
  allowsDigitalSignature,
  type SigningSession,
  type SignMechanism,
  type TokenCertificate,
  validityAt,
} from '../token';
import type { Signer } from '../../../shared/signing/signingTypes';
import { buildCertificateChain } from './certificateChain';
import { RecordSigningError } from './recordSigningError';
import { recordSigningStrings as strings } from './strings';

/** A Signer over a logged-in token, counting the time spent inside the token's sign call. */
export type TokenSigner = Signer & {
  readonly certificate: TokenCertificate;
  readonly keyIdHex: string;
  /** Milliseconds spent awaiting `session.sign` since the signer was made. */
  readonly tokenMs: () => number;
  readonly signatures: () => number;
};

export type TokenSignerOptions = {
  readonly session: SigningSession;
  /** CKA_ID of the key; when left out, the one certificate that can sign now is chosen. */
  readonly keyIdHex?: string;
  /** Intermediate CA certificates (DER) to complete the chain; unrelated ones are ignored. */
  readonly intermediates?: readonly Uint8Array[];
  readonly now?: Date;
};

/**
 * How the token signs for a certificate's key, matching the CMS the signer builds from that
 * certificate: RSA with CKM_SHA256_RSA_PKCS (sha256WithRSAEncryption), EC with CKM_ECDSA over a
 * SHA-256 digest made in software (ecdsa-with-SHA256, the signature converted to DER).
 */
function mechanismFor(certificate: TokenCertificate): SignMechanism | undefined {
  if (certificate.publicKeyAlgorithm === 'rsa') return 'sha256-rsa-pkcs';
  if (certificate.publicKeyAlgorithm === 'ec') return 'ecdsa-sha256';
  return undefined;
}

/** The certificate to sign with: by key id, else the only one with a private key, valid now and allowed to sign. */
export function chooseSigningCertificate(
  certificates: readonly TokenCertificate[],
  keyIdHex: string | undefined,
  now: Date,
): TokenCertificate {
  const withKey = certificates.filter((certificate) => certificate.hasPrivateKey === true);
  if (keyIdHex !== undefined) {
    const wanted = keyIdHex.toLowerCase();
    const found = withKey.find((certificate) => certificate.keyIdHex === wanted);
    if (found === undefined)
      throw new RecordSigningError('no-certificate', strings.certificateNotOnToken(wanted));
    return found;
  }
  const usable = withKey.filter(
    (certificate) =>
      mechanismFor(certificate) !== undefined &&
      validityAt(certificate, now) === 'valid' &&
      allowsDigitalSignature(certificate),
  );
  const [only, ...others] = usable;
  if (only === undefined) throw new RecordSigningError('no-certificate', strings.noCertificate);
  if (others.length > 0) {
    const choices = usable
      .map(
        (certificate) => `${certificate.keyIdHex} (${certificate.subjectCommonName ?? certificate.subject})`,
      )
      .join('; ');
    throw new RecordSigningError('ambiguous-certificate', strings.severalCertificates(choices));
  }
  return only;
}

/**
 * Adapts a token session to the PAdES Signer: the certificate comes from the token, its issuers
 * from the configured intermediates. The mechanism follows the key: RSA keys sign with
 * CKM_SHA256_RSA_PKCS, EC keys (P-256) with CKM_ECDSA over a SHA-256 digest, so the signature
 * matches the algorithm the CMS names for that certificate.
 */
export function createTokenSigner(options: TokenSignerOptions): TokenSigner {
  const { session } = options;
  const certificate = chooseSigningCertificate(
    session.certificates(),
    options.keyIdHex,
    options.now ?? new Date(),
  );
  const mechanism = mechanismFor(certificate);
  if (mechanism === undefined) throw new RecordSigningError('unsupported-key', strings.unsupportedKey);
  const certificateChain = buildCertificateChain(certificate.der, options.intermediates ?? []);
  let tokenMs = 0;
  let signatures = 0;
  return {
    certificate,
    keyIdHex: certificate.keyIdHex,
    certificateChain,
    sign: async (data) => {
      const started = performance.now();
      try {
        return await session.sign(certificate.keyIdHex, data, mechanism);
      } finally {
        tokenMs += performance.now() - started;
        signatures += 1;
      }
    },
    tokenMs: () => tokenMs,
    signatures: () => signatures,
  };
}
