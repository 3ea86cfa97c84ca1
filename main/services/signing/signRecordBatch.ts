import { readFile } from 'node:fs/promises';
import type { ICryptoEngine } from 'pkijs';
import { checkSignerCertificate } from '../../../shared/signing/certificateInfo';
import { PdfSigningError, type PdfSigningErrorCode } from '../../../shared/signing/pdfSigningError';
import type { Signer } from '../../../shared/signing/signingTypes';
import type { SignerRole } from '../../../shared/domain/signerRole';
import type { TimestampFunction } from '../../../shared/signing/timestampToken';
import type { Logger } from '../logger';
import { DataKeyLockedError } from '../files/sealedFiles';
import { TokenError } from '../token';
import { UserFacingError } from '../userFacingError';
import { RecordSigningError, type RecordSigningErrorCode } from './recordSigningError';
import { parseRecordPdf, removeStaleTempsOf, signParsedRecord } from './signRecordFile';
import { recordSigningStrings as strings } from './strings';

export type BatchFileOutcome = 'signed' | 'skipped' | 'refused';

export type BatchProgress = {
  /** Files finished so far (signed, skipped or refused). */
  readonly done: number;
  readonly total: number;
  /** The file about to be signed; undefined in the last report. */
  readonly current: string | undefined;
  /** How the previous file ended, when there was one. */
  readonly last: { readonly file: string; readonly outcome: BatchFileOutcome } | undefined;
};

export type BatchFileResult =
  | {
      readonly file: string;
      readonly outcome: 'signed';
      readonly ms: number;
      readonly tokenMs: number;
      /** Whether the signature carries the TSA's timestamp (PAdES B-T). */
      readonly timestamped: boolean;
    }
  | { readonly file: string; readonly outcome: 'skipped' }
  | {
      readonly file: string;
      readonly outcome: 'refused';
      readonly code: RecordSigningErrorCode | PdfSigningErrorCode;
      readonly message: string;
    };

export type BatchResult = {
  /** `stopped`: the token went away or failed; `cancelled`: the signal fired. Both can be resumed. */
  readonly outcome: 'completed' | 'cancelled' | 'stopped';
  /** The Vietnamese sentence to show when the batch did not complete. */
  readonly message: string | undefined;
  /** The token failure that stopped the batch (`resumable` tells whether re-running can finish it). */
  readonly error: TokenError | undefined;
  readonly files: readonly BatchFileResult[];
  readonly signed: number;
  readonly skipped: number;
  readonly refused: number;
  /** Signed files whose signature carries a timestamp (fewer than `signed` when the TSA did not answer). */
  readonly timestamped: number;
  readonly total: number;
  readonly totalMs: number;
  /** Time spent inside the token's sign call, for the signed files. */
  readonly tokenMs: number;
};

export type SignRecordBatchOptions = {
  /** Files signed in place, in this order. */
  readonly files: readonly string[];
  readonly role: SignerRole;
  /** One logged-in token (one PIN) for the whole batch, e.g. createTokenSigner(session). */
  readonly signer: Signer;
  readonly fontBytes: Uint8Array;
  readonly trustAnchors: readonly Uint8Array[];
  readonly onProgress?: (progress: BatchProgress) => void;
  /** Checked between files: a file being signed is finished (or left untouched), never cut in half. */
  readonly signal?: AbortSignal;
  readonly cryptoEngine?: ICryptoEngine;
  readonly logger?: Logger;
  readonly now?: () => Date;
  /**
   * The province TSA's client (`timestampFunctionFor`, `createTimestampClient`): each signature
   * gets a timestamp when the TSA answers, and is made without one when it does not.
   */
  readonly timestamp?: TimestampFunction;
  /**
   * How the files are read and replaced; plain files by default. The desktop's record store
   * passes its sealed files (files/sealedFiles.ts).
   */
  readonly fileAccess?: {
    readonly read: (file: string) => Promise<Uint8Array>;
    readonly write: (file: string, data: Uint8Array) => Promise<void>;
  };
};

/**
 * Signs a class's (or a school's) records with one token login. Files that already carry this
 * role's signature are skipped, so a batch stopped by a pulled token, a crash or a cancel is
 * finished by running it again. Each file is replaced atomically after verification, so every
 * file is either fully signed or byte-identical to before. A draft or a foreign file is refused
 * and the batch goes on; a token failure or an unfit certificate stops it.
 */
export async function signRecordBatch(options: SignRecordBatchOptions): Promise<BatchResult> {
  const { files, role, signer, logger } = options;
  const now = options.now ?? (() => new Date());
  const started = performance.now();
  const results: BatchFileResult[] = [];
  let tokenMs = 0;
  const timedSigner: Signer = {
    certificateChain: signer.certificateChain,
    sign: async (data) => {
      const begin = performance.now();
      try {
        return await signer.sign(data);
      } finally {
        tokenMs += performance.now() - begin;
      }
    },
  };
  const finish = (
    outcome: BatchResult['outcome'],
    message: string | undefined,
    error: TokenError | undefined,
  ): BatchResult => {
    const count = (wanted: BatchFileOutcome) => results.filter((entry) => entry.outcome === wanted).length;
    const result: BatchResult = {
      outcome,
      message,
      error,
      files: results,
      signed: count('signed'),
      skipped: count('skipped'),
      refused: count('refused'),
      timestamped: results.filter((entry) => entry.outcome === 'signed' && entry.timestamped).length,
      total: files.length,
      totalMs: performance.now() - started,
      tokenMs,
    };
    logger?.info('signing.batch', {
      role,
      outcome,
      total: result.total,
      signed: result.signed,
      skipped: result.skipped,
      refused: result.refused,
      timestamped: result.timestamped,
      code: error?.code ?? error?.kind,
    });
    return result;
  };

  // An unfit certificate is unfit for every file: refuse before touching any.
  const [certificate] = signer.certificateChain;
  if (certificate === undefined) throw new RecordSigningError('no-certificate', strings.noCertificate);
  const check = checkSignerCertificate(certificate, now());
  if (!check.ok) throw new PdfSigningError(check.code, check.message);

  // Temp files a crashed run left beside these files, removed before any file is looked at.
  await removeStaleTempsOf(files);
  let last: BatchProgress['last'];
  for (const file of files) {
    options.onProgress?.({ done: results.length, total: files.length, current: file, last });
    // Checked after the report, so a cancel pressed while a file was being signed stops before the next.
    if (options.signal?.aborted === true) {
      options.onProgress?.({ done: results.length, total: files.length, current: undefined, last });
      return finish('cancelled', strings.batchCancelled(results.length, files.length), undefined);
    }
    const fileStarted = performance.now();
    const tokenBefore = tokenMs;
    let entry: BatchFileResult;
    try {
      // Read and parsed once: the same parse tells a file to skip and is then signed.
      const bytes =
        options.fileAccess === undefined
          ? await readFile(file)
          : await options.fileAccess.read(file).catch((error: unknown) => {
              // A file that fails its seal is refused like a foreign file; the batch goes on.
              if (error instanceof UserFacingError && !(error instanceof DataKeyLockedError))
                throw new RecordSigningError('file-unreadable', error.message);
              throw error;
            });
      const parsed = await parseRecordPdf(new Uint8Array(bytes));
      if (parsed.signedRoles.includes(role)) {
        entry = { file, outcome: 'skipped' };
      } else {
        const signed = await signParsedRecord(parsed, {
          input: file,
          role,
          signer: timedSigner,
          fontBytes: options.fontBytes,
          trustAnchors: options.trustAnchors,
          signingTime: now(),
          cryptoEngine: options.cryptoEngine,
          timestamp: options.timestamp,
          ...(options.fileAccess === undefined ? {} : { replace: options.fileAccess.write }),
        });
        entry = {
          file,
          outcome: 'signed',
          ms: performance.now() - fileStarted,
          tokenMs: tokenMs - tokenBefore,
          timestamped: signed.timestamped,
        };
      }
    } catch (error) {
      if (error instanceof RecordSigningError || error instanceof PdfSigningError) {
        entry = { file, outcome: 'refused', code: error.code, message: error.message };
      } else if (error instanceof TokenError) {
        options.onProgress?.({ done: results.length, total: files.length, current: undefined, last });
        return finish('stopped', strings.batchStopped(results.length, files.length, error.message), error);
      } else {
        throw error;
      }
    }
    results.push(entry);
    last = { file, outcome: entry.outcome };
  }
  options.onProgress?.({ done: results.length, total: files.length, current: undefined, last });
  return finish('completed', undefined, undefined);
}
