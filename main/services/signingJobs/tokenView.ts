import type { CertificateIdentityView, TokenView } from '../../../shared/ipc/tokenChannels';
import { allowsDigitalSignature, validityAt, type TokenCertificate, type TokenSummary } from '../token';
import { certificateIdentityOf } from '../token/certificateInfo';

/** The certificate's identity for the screen: a certificate that cannot be read names no one. */
function identityView(certificate: TokenCertificate): CertificateIdentityView {
  try {
    const { commonName, ...identity } = certificateIdentityOf(certificate.der);
    return {
      ...(commonName === undefined ? {} : { commonName }),
      citizenIds: [...identity.citizenIds],
      formerIds: [...identity.formerIds],
      taxCodes: [...identity.taxCodes],
      budgetCodes: [...identity.budgetCodes],
      issuer: identity.issuer,
      serialNumberHex: identity.serialNumberHex,
    };
  } catch {
    return {
      citizenIds: [],
      formerIds: [],
      taxCodes: [],
      budgetCodes: [],
      issuer: '',
      serialNumberHex: certificate.serialNumberHex,
    };
  }
}

/**
 * A token and its certificates as the signing screen lists them (no key material, no PIN). The
 * library is named by its id: the screen sends that id back, never a path.
 */
export function tokenView(
  libraryId: string,
  token: TokenSummary,
  certificates: readonly TokenCertificate[],
  now: Date,
): TokenView {
  return {
    libraryId,
    slotId: token.slotId,
    label: token.label,
    serialNumber: token.serialNumber,
    manufacturer: token.manufacturer,
    model: token.model,
    ...(token.pinState.warning === undefined ? {} : { pinWarning: token.pinState.warning }),
    pinLocked: token.pinState.status === 'locked',
    pinStatus: token.pinState.status,
    certificates: certificates.map((certificate) => ({
      keyIdHex: certificate.keyIdHex,
      ...(certificate.subjectCommonName === undefined
        ? {}
        : { subjectCommonName: certificate.subjectCommonName }),
      ...(certificate.issuerCommonName === undefined
        ? {}
        : { issuerCommonName: certificate.issuerCommonName }),
      serialNumberHex: certificate.serialNumberHex,
      notBefore: certificate.notBefore.toISOString(),
      notAfter: certificate.notAfter.toISOString(),
      validity: validityAt(certificate, now),
      canSign: allowsDigitalSignature(certificate),
      keyAlgorithm: certificate.publicKeyAlgorithm,
      identity: identityView(certificate),
    })),
  };
}
