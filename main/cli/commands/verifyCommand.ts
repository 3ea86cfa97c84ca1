import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { CryptoEngine } from 'pkijs';
import { verifyRecordPdf } from '../../../shared/record/verifyRecordPdf';
import {
  CertificateFileError,
  readCertificateFiles,
  readCertificateFolder,
} from '../../services/certificateFiles';
import { defaultTrustDir } from '../../services/trustAnchors';
import { CliUsageError, type CliCommand } from '../cliIo';
import { parseCommandArgs } from '../parseArgs';
import { verifyStrings as strings } from './verifyStrings';

async function trustAnchors(files: readonly string[], cwd: string): Promise<Uint8Array[]> {
  try {
    const given = await readCertificateFiles(files.map((file) => resolve(cwd, file)));
    const dir = defaultTrustDir();
    const shipped = dir === undefined ? [] : await readCertificateFolder(dir);
    return [...given, ...shipped];
  } catch (error) {
    if (error instanceof CertificateFileError) throw new CliUsageError(strings.badTrustFile(error.file));
    const path: unknown =
      typeof error === 'object' && error !== null ? Reflect.get(error, 'path') : undefined;
    throw new CliUsageError(strings.cannotRead(typeof path === 'string' ? path : String(error)));
  }
}

/**
 * `hocba verify <file.pdf> [--trust <ca.pem>]...`: prints the JSON report of verifyRecordPdf;
 * exit 0 only when every check passes. The trust anchors are the --trust files plus the
 * certificates shipped in resources/trust/.
 */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: strings.summary,
  help: strings.help,
  run: async (args, io) => {
    const { values, positionals } = parseCommandArgs(args, { trust: { type: 'string', multiple: true } });
    const [file] = positionals;
    if (file === undefined || positionals.length !== 1) throw new CliUsageError(strings.needsOneFile);
    const path = resolve(io.cwd, file);
    let pdf: Uint8Array;
    try {
      pdf = new Uint8Array(await readFile(path));
    } catch {
      throw new CliUsageError(strings.cannotRead(path));
    }
    const anchors = await trustAnchors(values.trust ?? [], io.cwd);
    if (anchors.length === 0) io.stderr(`${strings.noTrustAnchors}\n`);
    const report = await verifyRecordPdf({
      pdf,
      trustAnchors: anchors,
      sha256,
      cryptoEngine: new CryptoEngine({ name: 'node', crypto: globalThis.crypto }),
    });
    await io.stdout(`${JSON.stringify({ file: path, ...report }, null, 2)}\n`);
    io.stderr(`${report.valid ? strings.valid(path) : strings.invalid(path)}\n${report.verdict}\n`);
    return report.valid ? 0 : 1;
  },
};
