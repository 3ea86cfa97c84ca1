import type { SignerRole } from '../domain/signerRole';

/**
 * Crypto comes in as parameters so this code runs in main (token), the CLI, the server and a
 * browser alike.
 */
export type Signer = {
  /** DER certificates, the signer's own first, then its issuers (the root may be left out). */
  readonly certificateChain: readonly Uint8Array[];
  /**
   * Signs SHA-256 of `data` with the key of the first certificate: for an RSA key the PKCS#1 v1.5
   * signature (like CKM_SHA256_RSA_PKCS); for an EC key the DER ECDSA-Sig-Value (CKM_ECDSA over
   * the digest, r‖s converted to DER).
   */
  sign(data: Uint8Array): Promise<Uint8Array>;
};

export type Sha256 = (data: Uint8Array) => Uint8Array;

/** One field per role, so each signer's field name is unique in the document. */
export const signatureFieldNames: Readonly<Record<SignerRole, string>> = {
  homeroomTeacher: 'Sig_gvcn',
  principal: 'Sig_hieutruong',
  schoolSeal: 'Sig_truong',
};

/** PDF user space rectangle, in points from the page's lower-left corner. */
export type SignatureRect = {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
};
