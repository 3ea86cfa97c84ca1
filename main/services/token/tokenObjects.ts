import pkcs11js from 'pkcs11js';
import { type CertificateInfo, parseCertificate } from './certificateInfo';
import type { Pkcs11 } from './moduleRegistry';

type Handle = Buffer;

export type KeyType = 'rsa' | 'ec' | 'other';

export type TokenCertificate = CertificateInfo & {
  /** CKA_ID in hex: what ties the certificate to its private key. */
  readonly keyIdHex: string;
  readonly label: string;
  /**
   * Whether a private key with the same CKA_ID is on the token. Undefined before login: most
   * tokens hide private keys (CKA_PRIVATE) until the PIN is given.
   */
  readonly hasPrivateKey: boolean | undefined;
};

export type PrivateKeyObject = {
  readonly handle: Handle;
  readonly keyIdHex: string;
  readonly label: string;
  readonly keyType: KeyType;
  /** RSA modulus size in bytes, or the EC signature size (2 × field size); sizes the output buffer. */
  readonly signatureBytes: number;
};

function findAll(pkcs11: Pkcs11, session: Handle, template: pkcs11js.Template): Handle[] {
  pkcs11.C_FindObjectsInit(session, template);
  try {
    const handles: Handle[] = [];
    for (;;) {
      const batch = pkcs11.C_FindObjects(session, 32);
      if (batch.length === 0) break;
      handles.push(...batch);
    }
    return handles;
  } finally {
    pkcs11.C_FindObjectsFinal(session);
  }
}

function attribute(pkcs11: Pkcs11, session: Handle, object: Handle, type: number): Buffer | undefined {
  try {
    const [result] = pkcs11.C_GetAttributeValue(session, object, [{ type }]);
    return result?.value;
  } catch {
    // Tokens answer CKR_ATTRIBUTE_TYPE_INVALID or _SENSITIVE for attributes they lack; treat as absent.
    return undefined;
  }
}

function labelOf(pkcs11: Pkcs11, session: Handle, object: Handle): string {
  return attribute(pkcs11, session, object, pkcs11js.CKA_LABEL)?.toString('utf8') ?? '';
}

function idOf(pkcs11: Pkcs11, session: Handle, object: Handle): string {
  return attribute(pkcs11, session, object, pkcs11js.CKA_ID)?.toString('hex') ?? '';
}

function ulongOf(value: Buffer | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value.length === 8) return Number(value.readBigUInt64LE());
  if (value.length === 4) return value.readUInt32LE();
  return undefined;
}

/** Field size in bytes of the named curves Vietnamese CAs issue on (P-256, P-384, P-521). */
function ecFieldBytes(ecParams: Buffer | undefined): number {
  const hex = ecParams?.toString('hex') ?? '';
  if (hex === '06052b81040022') return 48; // secp384r1
  if (hex === '06052b81040023') return 66; // secp521r1
  return 32; // prime256v1 and anything unrecognised
}

export function listPrivateKeys(pkcs11: Pkcs11, session: Handle): PrivateKeyObject[] {
  return findAll(pkcs11, session, [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY }]).map(
    (handle) => {
      const keyTypeCode = ulongOf(attribute(pkcs11, session, handle, pkcs11js.CKA_KEY_TYPE));
      const keyType: KeyType =
        keyTypeCode === pkcs11js.CKK_RSA ? 'rsa' : keyTypeCode === pkcs11js.CKK_EC ? 'ec' : 'other';
      const signatureBytes =
        keyType === 'rsa'
          ? (attribute(pkcs11, session, handle, pkcs11js.CKA_MODULUS)?.length ?? 512)
          : 2 * ecFieldBytes(attribute(pkcs11, session, handle, pkcs11js.CKA_EC_PARAMS));
      return {
        handle,
        keyIdHex: idOf(pkcs11, session, handle),
        label: labelOf(pkcs11, session, handle),
        keyType,
        signatureBytes,
      };
    },
  );
}

/**
 * Every X.509 certificate on the token, parsed, with its CKA_ID matched to the private keys
 * (pass `privateKeys` only after login; before it the answer is "unknown").
 */
export function listCertificates(
  pkcs11: Pkcs11,
  session: Handle,
  privateKeys: readonly PrivateKeyObject[] | undefined,
): TokenCertificate[] {
  const keyIds = privateKeys === undefined ? undefined : new Set(privateKeys.map((key) => key.keyIdHex));
  const handles = findAll(pkcs11, session, [
    { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
    { type: pkcs11js.CKA_CERTIFICATE_TYPE, value: pkcs11js.CKC_X_509 },
  ]);
  const certificates: TokenCertificate[] = [];
  for (const handle of handles) {
    const der = attribute(pkcs11, session, handle, pkcs11js.CKA_VALUE);
    if (der === undefined || der.length === 0) continue;
    let info: CertificateInfo;
    try {
      info = parseCertificate(der);
    } catch {
      continue; // A malformed object cannot sign anything; skip it rather than hide the others.
    }
    const keyIdHex = idOf(pkcs11, session, handle);
    certificates.push({
      ...info,
      keyIdHex,
      label: labelOf(pkcs11, session, handle),
      hasPrivateKey: keyIds === undefined ? undefined : keyIds.has(keyIdHex),
    });
  }
  return certificates;
}
