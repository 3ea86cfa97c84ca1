import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { SigningJobState, signingStartRequestSchema } from '../../../shared/ipc/signingChannels';
import type { TokenList } from '../../../shared/ipc/tokenChannels';
import { checkSignerCertificate } from '../../../shared/signing/certificateInfo';
import { PdfSigningError } from '../../../shared/signing/pdfSigningError';
import { selectForSigning, type SigningSelection } from '../../../shared/record/signingOrder';
import { UserFacingError } from '../userFacingError';
import type { Logger } from '../logger';
import type { RecordFileStore } from '../records/recordFileStore';
import type { TrustStore } from '../records/trustStore';
import type { RecordFontBytes } from '../recordFonts';
import { createTokenSigner, RecordSigningError, signRecordBatch, type BatchResult } from '../signing';
import { TokenError, type TokenRef, type TokenService } from '../token';
import { certificateIdentityOf } from '../token/certificateInfo';
import { timestampFunctionFor } from '../timestamp';
import { signingJobStrings as strings } from './strings';
import type { TokenLibraryCatalogue } from './tokenLibraries';
import { tokenView } from './tokenView';

type SigningStartRequest = z.output<typeof signingStartRequestSchema>;

/**
 * Batch signing from the app: one PIN per batch (the PIN is used for one C_Login and dropped),
 * the batch runs in the background while the screen polls its progress, and a cancel stops it
 * between two files. A pulled token or a cancel leaves every file whole; starting the same batch
 * again skips what is signed and finishes the rest.
 */
export type SigningJobService = {
  /** The tokens of every library main may load (see TokenLibraryCatalogue), by library id. */
  readonly listTokens: () => Promise<TokenList>;
  readonly start: (request: SigningStartRequest) => Promise<SigningJobState>;
  readonly status: (jobId: string) => SigningJobState;
  readonly cancel: (jobId: string) => SigningJobState;
  /** The batch running now, if any. */
  readonly current: () => SigningJobState | undefined;
  /** Resolves when the job has ended (for tests and shutdown). */
  readonly settled: (jobId: string) => Promise<SigningJobState>;
};

export type SigningJobServiceOptions = {
  readonly tokens: TokenService;
  readonly records: RecordFileStore;
  readonly trust: TrustStore;
  readonly fonts: () => Promise<RecordFontBytes>;
  readonly libraries: TokenLibraryCatalogue;
  readonly logger?: Logger;
  readonly now?: () => Date;
};

type Job = {
  state: SigningJobState;
  readonly abort: AbortController;
  readonly done: Promise<SigningJobState>;
};

function errorCodeOf(error: unknown): string | undefined {
  const code: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The DER of the certificate `keyIdHex` names, as the token lists it before login; undefined when
 * it cannot be read then (some tokens show certificates only after the PIN), so the check after
 * login decides alone.
 */
function listedCertificate(tokens: TokenService, ref: TokenRef, keyIdHex: string): Uint8Array | undefined {
  try {
    return tokens.readCertificates(ref).find((certificate) => certificate.keyIdHex === keyIdHex)?.der;
  } catch {
    return undefined;
  }
}

/** A refusal or token fault as the message the dispatcher shows (the PIN is in none of them). */
function userError(error: unknown): never {
  if (error instanceof TokenError || error instanceof RecordSigningError || error instanceof PdfSigningError)
    throw new UserFacingError('failed', error.message);
  throw error;
}

export function createSigningJobService(options: SigningJobServiceOptions): SigningJobService {
  const jobs = new Map<string, Job>();
  /** The job signing now (`starting` while its login is under way). */
  let running: string | undefined;
  const now = options.now ?? (() => new Date());

  const finished = (
    job: Job,
    role: SigningJobState['role'],
    result: BatchResult,
    idOf: (file: string) => string,
  ) => {
    job.state = {
      ...job.state,
      role,
      state: result.outcome,
      done: job.state.refused.length + result.files.length,
      signed: result.signed,
      skipped: result.skipped,
      refused: [
        ...job.state.refused,
        ...result.files.flatMap((file) =>
          file.outcome === 'refused' ? [{ recordId: idOf(file.file), message: file.message }] : [],
        ),
      ],
      ...(result.message === undefined ? {} : { message: result.message }),
      resumable: result.outcome === 'cancelled' || (result.error?.resumable ?? false),
    };
    return job.state;
  };

  const jobOf = (jobId: string): Job => {
    const job = jobs.get(jobId);
    if (job === undefined) throw new UserFacingError('failed', strings.unknownJob);
    return job;
  };

  return {
    listTokens: async () => {
      const { libraries, problems, chooseAgain } = await options.libraries.list();
      const result: TokenList = {
        libraries,
        tokens: [],
        problems: [...problems],
        ...(chooseAgain === undefined ? {} : { chooseAgain }),
      };
      for (const library of libraries) {
        try {
          for (const token of options.tokens.listTokens(library.path)) {
            const ref = {
              libraryPath: library.path,
              slotId: token.slotId,
              expectedSerial: token.serialNumber,
            };
            result.tokens.push(tokenView(library.id, token, options.tokens.readCertificates(ref), now()));
          }
        } catch (error) {
          result.problems.push({
            libraryId: library.id,
            message: error instanceof TokenError ? error.message : strings.libraryFailed,
          });
        }
      }
      return result;
    },

    start: async (request) => {
      // One batch at a time on this desktop: a second login to a token already logged in would
      // not check its PIN, and two batches would race on the same files.
      if (running !== undefined) throw new UserFacingError('failed', strings.alreadySigning);
      running = 'starting';
      // The id must name a library listed now; a forged or stale one is refused before any load.
      let library: Awaited<ReturnType<TokenLibraryCatalogue['resolve']>>;
      try {
        library = await options.libraries.resolve(request.token.libraryId);
      } catch (error) {
        running = undefined;
        throw error;
      }
      const recordIds = [...new Set(request.recordIds)];
      // Held until the batch ends: produce and amend cannot replace these files meanwhile.
      const lock = options.records.lock(recordIds);
      let handedOver = false;
      try {
        // The rules are applied here, not only on screen: a file that is not a final record, is
        // not its turn (teacher → principal → seal) or whose signer for this box is not the
        // certificate's holder (names folded, CCCD/CMND, a pinned certificate; the school's name
        // and codes for the seal) is left out and reported; the rest are signed. Who the page
        // says is signing plays no part: main judges the certificate on the token.
        const states = await options.records.states(recordIds);
        const select = (certificateDer: Uint8Array) =>
          selectForSigning(states, request.role, { certificate: certificateIdentityOf(certificateDer) });
        const requireSome = (selection: SigningSelection) => {
          const [firstRefusal] = selection.refused;
          if (selection.toSign.length === 0)
            throw new UserFacingError('failed', firstRefusal?.message ?? strings.nothingToSign);
        };
        const ref = {
          libraryPath: library.path,
          slotId: request.token.slotId,
          expectedSerial: request.token.serialNumber,
        };
        // Judged first on the certificate as listed (readable without a PIN), so the wrong
        // person's token is refused before a PIN try is spent on it; judged again below on the
        // certificate the logged-in session really signs with.
        const listed = listedCertificate(options.tokens, ref, request.keyIdHex);
        if (listed !== undefined) requireSome(select(listed));
        const [fonts, intermediates, trustAnchors] = await Promise.all([
          options.fonts(),
          options.trust.intermediates(),
          options.trust.anchors(),
        ]);
        const session = await options.tokens
          .login(ref, request.pin, { acknowledgeFinalTry: request.acknowledgeFinalTry })
          .catch(userError);
        let signer: ReturnType<typeof createTokenSigner>;
        let selection: SigningSelection;
        try {
          signer = createTokenSigner({ session, keyIdHex: request.keyIdHex, intermediates, now: now() });
          // An unfit certificate (expired, no signing usage) is refused now, not as a failed
          // batch a moment later; so is one that is not the records' signer for this box.
          const check = checkSignerCertificate(signer.certificate.der, now());
          if (!check.ok) throw new PdfSigningError(check.code, check.message);
          selection = select(signer.certificate.der);
          requireSome(selection);
        } catch (error) {
          session.close();
          return userError(error);
        }
        const refused = selection.refused.map(({ recordId, message }) => ({ recordId, message }));
        const byFile = new Map(
          selection.toSign.map((recordId) => [options.records.pathOf(recordId), recordId]),
        );
        const idOf = (file: string) => byFile.get(file) ?? file;
        const jobId = `job-${randomBytes(8).toString('hex')}`;
        const abort = new AbortController();
        const signerName = signer.certificate.subjectCommonName ?? signer.certificate.subject;
        const initial: SigningJobState = {
          jobId,
          role: request.role,
          state: 'running',
          done: refused.length,
          total: recordIds.length,
          signed: 0,
          skipped: 0,
          refused,
          resumable: false,
          signerName,
        };
        let resolveDone: (state: SigningJobState) => void = () => undefined;
        const job: Job = {
          state: initial,
          abort,
          done: new Promise((resolve) => {
            resolveDone = resolve;
          }),
        };
        jobs.set(jobId, job);
        running = jobId;
        options.logger?.info('signing.job.start', { jobId, role: request.role, total: recordIds.length });

        const run = async () => {
          try {
            const result = await signRecordBatch({
              files: [...byFile.keys()],
              role: request.role,
              signer,
              fontBytes: fonts.regular,
              trustAnchors,
              // The province's timestamp authority, when configured and reachable (PAdES B-T);
              // without one the batch signs as before and the time stays the signer's claim.
              timestamp: await timestampFunctionFor(options.trust, options.logger),
              signal: abort.signal,
              // The record store's sealed files: read, signed and sealed again in place.
              fileAccess: options.records.files,
              logger: options.logger,
              now,
              onProgress: (progress) => {
                job.state = { ...job.state, done: refused.length + progress.done };
              },
            });
            return finished(job, request.role, result, idOf);
          } catch (error) {
            const known =
              error instanceof RecordSigningError ||
              error instanceof PdfSigningError ||
              error instanceof TokenError;
            // Only the kind of failure is logged: a file error's message holds the student code.
            if (!known)
              options.logger?.error('signing.job.failed', {
                jobId,
                error: error instanceof Error ? error.name : typeof error,
                code: errorCodeOf(error),
              });
            job.state = {
              ...job.state,
              state: 'failed',
              message: known ? error.message : strings.unexpected,
              resumable: false,
            };
            return job.state;
          } finally {
            session.close();
            lock.release();
            running = undefined;
          }
        };
        void run().then(resolveDone);
        handedOver = true;
        return initial;
      } finally {
        if (!handedOver) {
          lock.release();
          running = undefined;
        }
      }
    },

    current: () => (running === undefined || running === 'starting' ? undefined : jobs.get(running)?.state),

    status: (jobId) => jobOf(jobId).state,

    cancel: (jobId) => {
      const job = jobOf(jobId);
      job.abort.abort();
      return job.state;
    },

    settled: (jobId) => jobOf(jobId).done,
  };
}
