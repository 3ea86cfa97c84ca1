import { X509Certificate } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { RecordSigningError } from './recordSigningError';
import { recordSigningStrings as strings } from './strings';

const pemBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Every certificate of one file: any number of PEM blocks, or one DER certificate. */
export function parseCertificateFile(bytes: Uint8Array, file: string): Uint8Array[] {
  const text = Buffer.from(bytes).toString('latin1');
  try {
    const blocks = text.match(pemBlock);
    if (blocks !== null) return blocks.map((block) => new Uint8Array(new X509Certificate(block).raw));
    return [new Uint8Array(new X509Certificate(Buffer.from(bytes)).raw)];
  } catch {
    throw new RecordSigningError('unreadable-chain', strings.unreadableChainFile(basename(file)));
  }
}

export async function readCertificateFiles(paths: readonly string[]): Promise<Uint8Array[]> {
  const files = await Promise.all(
    paths.map(async (path) => parseCertificateFile(new Uint8Array(await readFile(path)), path)),
  );
  return files.flat();
}

const certificateExtensions = /\.(pem|crt|cer|der)$/i;

/** The configured intermediates folder: every .pem/.crt/.cer/.der file in it (not recursive). */
export async function readCertificateFolder(folder: string): Promise<Uint8Array[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile() && certificateExtensions.test(entry.name))
    .map((entry) => join(folder, entry.name))
    .sort();
  return readCertificateFiles(paths);
}

/**
 * The chain a signature carries: the signer's certificate, then its issuers found in `pool` by
 * signature, up to (not including) a self-signed root, which the verifier brings as a trust anchor.
 * Certificates of the pool that are not on the path are left out.
 */
export function buildCertificateChain(signerDer: Uint8Array, pool: readonly Uint8Array[]): Uint8Array[] {
  const candidates = pool.map((der) => ({ der, certificate: new X509Certificate(der) }));
  const chain = [signerDer];
  let current = new X509Certificate(signerDer);
  for (let depth = 0; depth < 8; depth += 1) {
    const subject = current;
    const issuer = candidates.find(
      (candidate) =>
        subject.checkIssued(candidate.certificate) &&
        subject.verify(candidate.certificate.publicKey) &&
        !chain.some((der) => Buffer.from(der).equals(candidate.der)),
    );
    if (issuer === undefined || issuer.certificate.checkIssued(issuer.certificate)) break;
    chain.push(issuer.der);
    current = issuer.certificate;
  }
  return chain;
}
