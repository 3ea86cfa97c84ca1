import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecordTrust } from './recordVerification';

/**
 * HOCBA_TRUST_DIR on the server, in the desktop's layout (resources/trust/README.md): root CA
 * certificates in the folder, intermediate CAs in `intermediates/`, CRLs in `crl/`; PEM (any
 * number of blocks) or DER. Read on every use, so a province IT officer's new root or CRL counts
 * without a restart. A certificate file that holds no readable certificate is an error naming the
 * file: the officer dropped the wrong thing, and silently trusting less would refuse every record.
 */
const certificateFile = /\.(pem|crt|cer|der)$/i;
const crlFile = /\.(crl|der|pem)$/i;
/** A national CA's CRL can reach tens of MB; past this it is not a CRL anyone meant to drop in. */
const maxCrlBytes = 32 * 1024 * 1024;

function pemBlocks(bytes: Uint8Array, label: string): Uint8Array[] | undefined {
  const text = Buffer.from(bytes).toString('latin1');
  if (!text.includes('-----BEGIN')) return undefined;
  const block = new RegExp(`-----BEGIN ${label}-----([\\s\\S]+?)-----END ${label}-----`, 'g');
  return [...text.matchAll(block)].map((match) => new Uint8Array(Buffer.from(match[1] ?? '', 'base64')));
}

async function filesOf(folder: string, pattern: RegExp): Promise<string[]> {
  if (!existsSync(folder)) return [];
  return (await readdir(folder, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => join(folder, entry.name))
    .sort();
}

async function certificatesIn(folder: string): Promise<Uint8Array[]> {
  const found: Uint8Array[] = [];
  for (const path of await filesOf(folder, certificateFile)) {
    const bytes = new Uint8Array(await readFile(path));
    const candidates = pemBlocks(bytes, 'CERTIFICATE') ?? [bytes];
    try {
      for (const der of candidates) found.push(new Uint8Array(new X509Certificate(der).raw));
    } catch {
      throw new Error(`${path} holds no readable certificate (PEM or DER expected)`);
    }
    if (candidates.length === 0) throw new Error(`${path} holds no certificate`);
  }
  return found;
}

async function crlsIn(folder: string): Promise<Uint8Array[]> {
  const found: Uint8Array[] = [];
  for (const path of await filesOf(join(folder, 'crl'), crlFile)) {
    if ((await stat(path)).size > maxCrlBytes) continue;
    const bytes = new Uint8Array(await readFile(path));
    found.push(...(pemBlocks(bytes, 'X509 CRL') ?? [bytes]));
  }
  return found;
}

export function recordTrustFolder(folder: string): RecordTrust {
  return {
    anchors: () => certificatesIn(folder),
    intermediates: () => certificatesIn(join(folder, 'intermediates')),
    crls: () => crlsIn(folder),
  };
}
