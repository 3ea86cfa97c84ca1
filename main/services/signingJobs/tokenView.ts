import type { TokenView } from '../../../shared/ipc/signingChannels';
import { allowsDigitalSignature, validityAt, type TokenCertificate, type TokenSummary } from '../token';

/** A token and its certificates as the signing screen lists them (no key material, no PIN). */
export function tokenView(
  token: TokenSummary,
  certificates: readonly TokenCertificate[],
  now: Date,
): TokenView {
  return {
    libraryPath: token.libraryPath,
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
    })),
  };
}
