import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** A file that should hold certificates but holds none that can be read; the message says so in Vietnamese. */
export class CertificateFileError extends Error {
  override readonly name = 'CertificateFileError';
  constructor(readonly file: string) {
    super(`Không đọc được chứng thư số trong tệp ${basename(file)} (cần PEM hoặc DER).`);
  }
}

const pemBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Every certificate of one file's bytes (DER): any number of PEM blocks, or one DER certificate. */
export function parseCertificateFile(bytes: Uint8Array, file: string): Uint8Array[] {
  const blocks = Buffer.from(bytes).toString('latin1').match(pemBlock);
  try {
    const certificates =
      blocks === null
        ? [new X509Certificate(Buffer.from(bytes))]
        : blocks.map((pem) => new X509Certificate(pem));
    return certificates.map((certificate) => new Uint8Array(certificate.raw));
  } catch {
    throw new CertificateFileError(file);
  }
}

/** The certificates of the given files, in order (trust anchors, intermediates). */
export async function readCertificateFiles(paths: readonly string[]): Promise<Uint8Array[]> {
  const files = await Promise.all(
    paths.map(async (path) => parseCertificateFile(new Uint8Array(await readFile(path)), path)),
  );
  return files.flat();
}

const certificateExtensions = /\.(pem|crt|cer|der)$/i;

/** Every .pem/.crt/.cer/.der file of a folder (not recursive, by name); none when the folder is absent. */
export async function readCertificateFolder(folder: string): Promise<Uint8Array[]> {
  if (!existsSync(folder)) return [];
  const entries = await readdir(folder, { withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile() && certificateExtensions.test(entry.name))
    .map((entry) => join(folder, entry.name))
    .sort();
  return readCertificateFiles(paths);
}
