import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  CertificateFileError,
  readCertificateFiles,
  readCertificateFolder,
} from '../../services/certificateFiles';
import { createIsolationRunner } from '../../services/isolation/isolationRunner';
import { resolveUntrustedFilesWorker } from '../../services/isolation/untrustedFilesWorkerPath';
import { createRecordVerifier } from '../../services/records/recordVerifier';
import { createTrustStore } from '../../services/records/trustStore';
import { defaultTrustDir } from '../../services/trustAnchors';
import type { RecordVerificationReport } from '../../../shared/record/verifyRecordPdf';
import type { UntrustedFileTasks } from '../../workers/untrustedFileTasks';
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

/** DER CRLs from `--crl` files (DER or PEM `X509 CRL` blocks). */
async function readCrlFiles(files: readonly string[], cwd: string): Promise<Uint8Array[]> {
  const crls: Uint8Array[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(resolve(cwd, file));
    } catch {
      throw new CliUsageError(strings.cannotRead(resolve(cwd, file)));
    }
    const pem = bytes.toString('latin1').match(/-----BEGIN X509 CRL-----[\s\S]+?-----END X509 CRL-----/g);
    if (pem === null) crls.push(new Uint8Array(bytes));
    else
      for (const block of pem)
        crls.push(new Uint8Array(Buffer.from(block.replace(/-----[A-Z0-9 ]+-----|\s/g, ''), 'base64')));
  }
  return crls;
}

/**
 * `hocba verify <file.pdf> [--trust <ca.pem>]... [--crl <ds.crl>]...`: prints the JSON report of
 * verifyRecordPdf, run in the isolated worker; exit 0 for a valid, completely signed record, 1
 * for an invalid one, 3 for one not yet signed in every box (unsigned, partly signed, a draft)
 * whose present signatures are all valid. Trust: the --trust files and resources/trust/.
 */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: strings.summary,
  help: strings.help,
  run: async (args, io) => {
    const { values, positionals } = parseCommandArgs(args, {
      trust: { type: 'string', multiple: true },
      crl: { type: 'string', multiple: true },
    });
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
    const given = await readCrlFiles(values.crl ?? [], io.cwd);
    const shipped = defaultTrustDir();
    const folders = createTrustStore(shipped === undefined ? [] : [shipped]);
    // The file is read in the isolated worker, as the app reads it: a hostile PDF is refused at
    // the deadline or the memory limit instead of hanging or killing the command.
    const untrustedFiles = createIsolationRunner<UntrustedFileTasks>({
      workerPath: resolveUntrustedFilesWorker,
    });
    let report: RecordVerificationReport;
    try {
      const verifier = createRecordVerifier({
        trust: {
          anchors: async () => anchors,
          intermediates: folders.intermediates,
          crls: async () => [...given, ...(await folders.crls())],
        },
        untrustedFiles,
      });
      ({ report } = await verifier.report(pdf));
    } finally {
      await untrustedFiles.close();
    }
    await io.stdout(`${JSON.stringify({ file: path, ...report }, null, 2)}\n`);
    const headline =
      report.status === 'complete'
        ? strings.valid(path)
        : report.status === 'invalid'
          ? strings.invalid(path)
          : strings.incomplete(path);
    io.stderr(`${headline}\n${report.verdict}\n`);
    // 0 valid and complete, 1 invalid, 3 valid so far but not (yet) a signed record.
    return report.status === 'complete' ? 0 : report.status === 'invalid' ? 1 : 3;
  },
};
