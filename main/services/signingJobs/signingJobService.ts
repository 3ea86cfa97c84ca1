import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { z } from 'zod';
import type {
  SigningJobState,
  TokenList,
  signingStartRequestSchema,
} from '../../../shared/ipc/recordChannels';
import { checkSignerCertificate } from '../../../shared/signing/certificateInfo';
import { PdfSigningError } from '../../../shared/signing/pdfSigningError';
import { signingTurnOf } from '../../../shared/record/signingOrder';
import { UserFacingError } from '../../ipc/dispatcher';
import type { Logger } from '../logger';
import type { RecordFileStore } from '../records/recordFileStore';
import type { TrustStore } from '../records/trustStore';
import type { RecordFontBytes } from '../recordFonts';
import { createTokenSigner, RecordSigningError, signRecordBatch, type BatchResult } from '../signing';
import { findTokenLibraries, TokenError, type TokenPlatform, type TokenService } from '../token';
import { signingJobStrings as strings } from './strings';
import { tokenView } from './tokenView';

type SigningStartRequest = z.output<typeof signingStartRequestSchema>;

/**
 * Batch signing from the app: one PIN per batch (the PIN is used for one C_Login and dropped),
 * the batch runs in the background while the screen polls its progress, and a cancel stops it
 * between two files. A pulled token or a cancel leaves every file whole; starting the same batch
 * again skips what is signed and finishes the rest.
 */
export type SigningJobService = {
  readonly listTokens: (userLibraryPath?: string) => TokenList;
  readonly start: (request: SigningStartRequest) => Promise<SigningJobState>;
  readonly status: (jobId: string) => SigningJobState;
  readonly cancel: (jobId: string) => SigningJobState;
  /** Resolves when the job has ended (for tests and shutdown). */
  readonly settled: (jobId: string) => Promise<SigningJobState>;
};

export type SigningJobServiceOptions = {
  readonly tokens: TokenService;
  readonly records: RecordFileStore;
  readonly trust: TrustStore;
  readonly fonts: () => Promise<RecordFontBytes>;
  readonly platform: TokenPlatform;
  readonly logger?: Logger;
  readonly now?: () => Date;
};

type Job = {
  state: SigningJobState;
  readonly abort: AbortController;
  readonly done: Promise<SigningJobState>;
};

const platformLibraries = (platform: TokenPlatform, userLibraryPath: string | undefined) =>
  findTokenLibraries(platform, existsSync, userLibraryPath);

/** A refusal or token fault as the message the dispatcher shows (the PIN is in none of them). */
function userError(error: unknown): never {
  if (error instanceof TokenError || error instanceof RecordSigningError || error instanceof PdfSigningError)
    throw new UserFacingError('failed', error.message);
  throw error;
}

export function createSigningJobService(options: SigningJobServiceOptions): SigningJobService {
  const jobs = new Map<string, Job>();
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
    listTokens: (userLibraryPath) => {
      const libraries = platformLibraries(options.platform, userLibraryPath);
      const result: TokenList = { libraries, tokens: [], problems: [] };
      for (const library of libraries) {
        try {
          for (const token of options.tokens.listTokens(library.path)) {
            const ref = {
              libraryPath: library.path,
              slotId: token.slotId,
              expectedSerial: token.serialNumber,
            };
            result.tokens.push(tokenView(token, options.tokens.readCertificates(ref), now()));
          }
        } catch (error) {
          result.problems.push({
            libraryPath: library.path,
            message: error instanceof TokenError ? error.message : strings.libraryFailed,
          });
        }
      }
      return result;
    },

    start: async (request) => {
      // The order rule (teacher, principal, seal) is checked here, not only on screen: a record
      // whose earlier signature is missing is left out and reported, the rest are signed.
      const waiting: { recordId: string; message: string }[] = [];
      const inTurn: string[] = [];
      for (const state of await options.records.states(request.recordIds)) {
        const turn = signingTurnOf(request.role, state.signedRoles);
        if (turn.turn === 'waiting') waiting.push({ recordId: state.recordId, message: turn.message });
        else inTurn.push(state.recordId);
      }
      if (inTurn.length === 0)
        throw new UserFacingError('failed', waiting[0]?.message ?? strings.nothingToSign);
      const byFile = new Map(inTurn.map((recordId) => [options.records.pathOf(recordId), recordId]));
      const idOf = (file: string) => byFile.get(file) ?? file;
      const ref = {
        libraryPath: request.token.libraryPath,
        slotId: request.token.slotId,
        expectedSerial: request.token.serialNumber,
      };
      const [fonts, intermediates, trustAnchors] = await Promise.all([
        options.fonts(),
        options.trust.intermediates(),
        options.trust.anchors(),
      ]);
      const session = await options.tokens
        .login(ref, request.pin, { acknowledgeFinalTry: request.acknowledgeFinalTry })
        .catch(userError);
      let signer: ReturnType<typeof createTokenSigner>;
      try {
        signer = createTokenSigner({ session, keyIdHex: request.keyIdHex, intermediates, now: now() });
        // An unfit certificate (expired, no signing usage, someone else's) is refused now, not as a
        // failed batch a moment later.
        const check = checkSignerCertificate(signer.certificate.der, now(), request.expectedSignerName);
        if (!check.ok) throw new PdfSigningError(check.code, check.message);
      } catch (error) {
        session.close();
        return userError(error);
      }
      const jobId = `job-${randomBytes(8).toString('hex')}`;
      const abort = new AbortController();
      const signerName = signer.certificate.subjectCommonName ?? signer.certificate.subject;
      const initial: SigningJobState = {
        jobId,
        role: request.role,
        state: 'running',
        done: waiting.length,
        total: request.recordIds.length,
        signed: 0,
        skipped: 0,
        refused: waiting,
        resumable: false,
        signerName,
        ...(session.warningBeforeLogin === undefined ? {} : { message: session.warningBeforeLogin }),
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
      options.logger?.info('signing.job.start', {
        jobId,
        role: request.role,
        total: request.recordIds.length,
      });

      const run = async () => {
        try {
          const result = await signRecordBatch({
            files: [...byFile.keys()],
            role: request.role,
            signer,
            fontBytes: fonts.regular,
            trustAnchors,
            expectedSignerName: request.expectedSignerName,
            signal: abort.signal,
            logger: options.logger,
            now,
            onProgress: (progress) => {
              job.state = { ...job.state, done: waiting.length + progress.done };
            },
          });
          return finished(job, request.role, result, idOf);
        } catch (error) {
          const message =
            error instanceof RecordSigningError ||
            error instanceof PdfSigningError ||
            error instanceof TokenError
              ? error.message
              : strings.unexpected;
          if (message === strings.unexpected)
            options.logger?.error('signing.job.failed', { jobId, error: String(error) });
          job.state = { ...job.state, state: 'failed', message, resumable: false };
          return job.state;
        } finally {
          session.close();
        }
      };
      void run().then(resolveDone);
      return initial;
    },

    status: (jobId) => jobOf(jobId).state,

    cancel: (jobId) => {
      const job = jobOf(jobId);
      job.abort.abort();
      return job.state;
    },

    settled: (jobId) => jobOf(jobId).done,
  };
}
