import { resolve } from 'node:path';
import { PdfSigningError } from '../../../shared/signing/pdfSigningError';
import { roleLabels } from '../../../shared/signing/signingStrings';
import type { SignerRole } from '../../../shared/domain/signerRole';
import { loadRecordFonts, RecordFontsMissing } from '../../services/recordFonts';
import { createTokenSigner, RecordSigningError, signRecordFile } from '../../services/signing';
import { libraryRefusalMessages } from '../../services/signingJobs/strings';
import { createTokenService, TokenError, type TokenService } from '../../services/token';
import { inspectLibraryFile, libraryPathRefusal } from '../../services/token/knownLibraries';
import { CliUsageError, type CliCommand, type CliIo } from '../cliIo';
import { parseCommandArgs } from '../parseArgs';
import { signCommandStrings as strings } from './signCommandStrings';
import { CertificateFileError, readCertificateFiles } from '../../services/certificateFiles';
import { createTimestampClient, tsaUrlSchema } from '../../services/timestamp';

const roles: Readonly<Record<string, SignerRole>> = {
  gvcn: 'homeroomTeacher',
  hieutruong: 'principal',
  truong: 'schoolSeal',
};

/** The PIN is the first line of stdin; a PIN has no newline, and nothing else is read. */
async function readPin(io: CliIo): Promise<string> {
  const [pin = ''] = (await io.readStdin(1024)).split(/\r?\n/);
  if (pin === '') throw new CliUsageError(strings.emptyPin);
  return pin;
}

/**
 * `--module` is the user's own shell choice, but held to the app's rules: a local, regular
 * .dll/.so/.dylib file, loaded by its canonical path.
 */
function libraryFile(module: string, cwd: string): string {
  // Judged as typed first: on Linux resolve() would turn //server/x.so into /server/x.so.
  const typed = libraryPathRefusal(module);
  if (typed === 'network' || typed === 'invalid') throw new CliUsageError(libraryRefusalMessages[typed]);
  const check = inspectLibraryFile(resolve(cwd, module));
  if (!check.ok) throw new CliUsageError(libraryRefusalMessages[check.reason]);
  return check.path;
}

function findTokenRef(service: TokenService, libraryPath: string, label: string) {
  const matching = service.listTokens(libraryPath).filter((token) => token.label.trim() === label.trim());
  const [token, ...others] = matching;
  if (token === undefined) throw new RecordSigningError('no-certificate', strings.tokenNotFound(label));
  if (others.length > 0) throw new RecordSigningError('no-certificate', strings.severalTokens(label));
  return { libraryPath, slotId: token.slotId, expectedSerial: token.serialNumber };
}

export const signCommand: CliCommand = {
  name: 'sign',
  summary: strings.summary,
  help: strings.help,
  run: async (args, io) => {
    const { values, positionals } = parseCommandArgs(args, {
      role: { type: 'string' },
      module: { type: 'string' },
      token: { type: 'string' },
      'pin-stdin': { type: 'boolean' },
      out: { type: 'string' },
      'key-id': { type: 'string' },
      chain: { type: 'string', multiple: true },
      trust: { type: 'string', multiple: true },
      tsa: { type: 'string' },
    });
    const [input, ...extra] = positionals;
    if (input === undefined || extra.length > 0 || values.out === undefined)
      throw new CliUsageError(strings.needsFiles);
    const role = values.role === undefined ? undefined : roles[values.role];
    if (role === undefined) throw new CliUsageError(strings.badRole);
    if (values.module === undefined || values.token === undefined)
      throw new CliUsageError(strings.needsToken);
    if (values['pin-stdin'] !== true) throw new CliUsageError(strings.needsPinStdin);
    const keyId = values['key-id'];
    if (keyId !== undefined && !/^(?:[0-9a-f]{2})+$/i.test(keyId)) throw new CliUsageError(strings.badKeyId);
    const modulePath = libraryFile(values.module, io.cwd);
    const tsaUrl = values.tsa === undefined ? undefined : tsaUrlSchema.safeParse(values.tsa);
    if (tsaUrl?.success === false) throw new CliUsageError(strings.badTsa);

    const service = createTokenService();
    try {
      const intermediates = await readCertificateFiles(
        (values.chain ?? []).map((file) => resolve(io.cwd, file)),
      );
      const trustAnchors = await readCertificateFiles(
        (values.trust ?? []).map((file) => resolve(io.cwd, file)),
      );
      const fonts = await loadRecordFonts();
      const ref = findTokenRef(service, modulePath, values.token);
      const session = await service.login(ref, await readPin(io));
      if (session.warningBeforeLogin !== undefined) io.stderr(`${session.warningBeforeLogin}\n`);
      const signer = createTokenSigner({ session, keyIdHex: keyId, intermediates });
      const out = resolve(io.cwd, values.out);
      const signed = await signRecordFile({
        input: resolve(io.cwd, input),
        output: out,
        role,
        signer,
        fontBytes: fonts.regular,
        trustAnchors,
        timestamp: tsaUrl?.success === true ? createTimestampClient({ url: tsaUrl.data }) : undefined,
      });
      session.close();
      const signerName = signer.certificate.subjectCommonName ?? signer.certificate.subject;
      await io.stdout(
        `${JSON.stringify(
          {
            out,
            recordId: signed.recordId,
            role,
            signer: signerName,
            keyId: signer.keyIdHex,
            bytes: signed.bytes,
            signatures: signed.report.signatures.length,
            chainChecked: trustAnchors.length > 0,
            timestamped: signed.timestamped,
            valid: trustAnchors.length > 0 ? signed.report.valid : undefined,
          },
          null,
          2,
        )}\n`,
      );
      if (trustAnchors.length === 0) io.stderr(`${strings.chainNotChecked}\n`);
      if (tsaUrl !== undefined && !signed.timestamped) io.stderr(`${strings.notTimestamped}\n`);
      io.stderr(`${strings.signed(roleLabels[role], signerName, out)}\n`);
      return 0;
    } catch (error) {
      // Refusals and token faults: a sentence the user can act on (the PIN is in none of them).
      if (
        error instanceof TokenError ||
        error instanceof RecordSigningError ||
        error instanceof PdfSigningError ||
        error instanceof RecordFontsMissing ||
        error instanceof CertificateFileError
      ) {
        io.stderr(`${error.message}\n`);
        return 1;
      }
      throw error;
    } finally {
      service.close();
    }
  },
};
