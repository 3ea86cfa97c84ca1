import { allowsDigitalSignature, type SigningSession, type TokenCertificate, validityAt } from '../token';
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
      certificate.publicKeyAlgorithm === 'rsa' &&
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
 * from the configured intermediates. The CMS is built as sha256WithRSAEncryption, so the key must
 * be RSA and is always asked for CKM_SHA256_RSA_PKCS.
 */
export function createTokenSigner(options: TokenSignerOptions): TokenSigner {
  const { session } = options;
  const certificate = chooseSigningCertificate(
    session.certificates(),
    options.keyIdHex,
    options.now ?? new Date(),
  );
  if (certificate.publicKeyAlgorithm !== 'rsa')
    throw new RecordSigningError('unsupported-key', strings.notRsa);
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
        return await session.sign(certificate.keyIdHex, data, 'sha256-rsa-pkcs');
      } finally {
        tokenMs += performance.now() - started;
        signatures += 1;
      }
    },
    tokenMs: () => tokenMs,
    signatures: () => signatures,
  };
}
