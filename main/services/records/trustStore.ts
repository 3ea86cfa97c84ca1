import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readCertificateFolder } from '../certificateFiles';
import { readTimestampSettings, type TimestampSettings } from '../timestamp/timestampConfig';

/**
 * The certificates this desktop trusts: the roots in each trust folder (the one shipped in the
 * app's resources, then `<data>/trust/` where a province IT officer drops its CA), and the
 * intermediate CAs in their `intermediates/` subfolders, which complete a token's chain; the
 * CRLs in their `crl/` subfolders; and the province's timestamp authority (`timestamp.json`).
 * Read afresh on every use, so a file dropped in is used without a restart.
 */
export type TrustStore = {
  readonly folders: readonly string[];
  readonly anchors: () => Promise<Uint8Array[]>;
  readonly intermediates: () => Promise<Uint8Array[]>;
  /** DER CRLs, bounded in count and size (see `crlLimits`); unreadable ones are the verifier's to report. */
  readonly crls: () => Promise<Uint8Array[]>;
  readonly timestamp: () => Promise<TimestampSettings>;
};

/**
 * A national CA's CRL can hold hundreds of thousands of entries (tens of MB); more than this is
 * not a CRL the officer meant to drop in.
 */
export const crlLimits = { maxFiles: 32, maxFileBytes: 32 * 1024 * 1024, maxTotalBytes: 96 * 1024 * 1024 };

export type CrlLimits = typeof crlLimits;

const crlExtensions = /\.(crl|der|pem)$/i;
const pemCrl = /-----BEGIN X509 CRL-----([\s\S]+?)-----END X509 CRL-----/g;

/** The DER CRLs of one file: PEM blocks, or the file itself when it is DER. */
function crlsOfFile(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
  if (!text.includes('-----BEGIN')) return [bytes];
  return [...Buffer.from(bytes).toString('latin1').matchAll(pemCrl)].map(
    (match) => new Uint8Array(Buffer.from(match[1] ?? '', 'base64')),
  );
}

async function readCrlFolders(folders: readonly string[], limits: CrlLimits): Promise<Uint8Array[]> {
  const found: Uint8Array[] = [];
  let files = 0;
  let total = 0;
  for (const folder of folders) {
    const dir = join(folder, 'crl');
    if (!existsSync(dir)) continue;
    const names = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && crlExtensions.test(entry.name))
      .map((entry) => entry.name)
      .sort();
    for (const name of names) {
      if (files >= limits.maxFiles) return found;
      const path = join(dir, name);
      const { size } = await stat(path);
      if (size > limits.maxFileBytes || total + size > limits.maxTotalBytes) continue;
      files += 1;
      total += size;
      found.push(...crlsOfFile(new Uint8Array(await readFile(path))));
    }
  }
  return found;
}

export function createTrustStore(folders: readonly string[], limits: CrlLimits = crlLimits): TrustStore {
  const readAll = async (subfolder: string | undefined) => {
    const lists = await Promise.all(
      folders.map((folder) =>
        readCertificateFolder(subfolder === undefined ? folder : join(folder, subfolder)),
      ),
    );
    return lists.flat();
  };
  return {
    folders,
    anchors: () => readAll(undefined),
    intermediates: () => readAll('intermediates'),
    crls: () => readCrlFolders(folders, limits),
    timestamp: () => readTimestampSettings(folders),
  };
}
