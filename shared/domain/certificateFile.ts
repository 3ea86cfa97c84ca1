import { BasicConstraints, Certificate } from 'pkijs';
import { certificateIdentity, type CertificateIdentity } from '../signing/certificateIdentity';

/**
 * A certificate file the principal picks to pin (.cer, .crt, .pem; DER or PEM, possibly a PEM
 * chain as CAs hand them out). A certificate is 1–3 KB and a chain a few of them: anything
 * larger is not what we want, and is refused before it is parsed.
 */
export const maxCertificateFileBytes = 64 * 1024;

/** What setup keeps and shows of a picked certificate. */
export type PickedCertificate = {
  readonly identity: CertificateIdentity;
  /** ISO-8601 UTC. */
  readonly notBefore: string;
  readonly notAfter: string;
};

export type CertificateFileReading =
  | { readonly ok: true; readonly certificate: PickedCertificate }
  | { readonly ok: false; readonly message: string };

export const certificateFileStrings = {
  tooLarge:
    'Tệp quá lớn để là một chứng thư số (tối đa 64 KB). Hãy chọn tệp .cer, .crt hoặc .pem của chứng thư.',
  unreadable:
    'Tệp này không phải chứng thư số đọc được. Hãy xuất chứng thư từ phần mềm của token (định dạng .cer, .crt hoặc .pem) rồi chọn lại.',
  onlyAuthorities:
    'Tệp chỉ chứa chứng thư của nhà cung cấp (CA), không có chứng thư của người ký. Hãy chọn chứng thư của chính người hoặc trường cần đăng ký.',
} as const;

const basicConstraintsOid = '2.5.29.19';
const pemBlock = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/g;
const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 without atob/Buffer (shared/ has neither); undefined for text that is not base64. */
function base64Bytes(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '').replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let index = 0;
  for (const character of clean) {
    const value = base64Alphabet.indexOf(character);
    if (value < 0) return undefined;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index] = (buffer >> bits) & 0xff;
      index += 1;
    }
  }
  return out.subarray(0, index);
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

/** The DER of every certificate in the file: the PEM blocks, or the file itself. */
function derBlocks(bytes: Uint8Array): Uint8Array[] {
  const text = latin1(bytes);
  if (!text.includes('-----BEGIN CERTIFICATE-----')) return [bytes];
  return [...text.matchAll(pemBlock)].flatMap((match) => {
    const der = base64Bytes(match[1] ?? '');
    return der === undefined ? [] : [der];
  });
}

function isAuthority(certificate: Certificate): boolean {
  const extension = certificate.extensions?.find((entry) => entry.extnID === basicConstraintsOid);
  const parsed: unknown = extension?.parsedValue;
  return parsed instanceof BasicConstraints && parsed.cA;
}

function parsed(der: Uint8Array): Certificate | undefined {
  try {
    return Certificate.fromBER(der);
  } catch {
    return undefined;
  }
}

/**
 * Reads the certificate to pin from a picked file: the first certificate that is not a CA's (a
 * PEM chain lists the holder's with its issuers), with who it names and its validity.
 */
export function readCertificateFile(bytes: Uint8Array): CertificateFileReading {
  if (bytes.length > maxCertificateFileBytes) return { ok: false, message: certificateFileStrings.tooLarge };
  const certificates = derBlocks(bytes)
    .map(parsed)
    .filter((certificate) => certificate !== undefined);
  if (certificates.length === 0) return { ok: false, message: certificateFileStrings.unreadable };
  const holder = certificates.find((certificate) => !isAuthority(certificate));
  if (holder === undefined) return { ok: false, message: certificateFileStrings.onlyAuthorities };
  return {
    ok: true,
    certificate: {
      identity: certificateIdentity(holder),
      notBefore: holder.notBefore.value.toISOString(),
      notAfter: holder.notAfter.value.toISOString(),
    },
  };
}
