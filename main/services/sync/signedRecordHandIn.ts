import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ApiErrorCode } from '../../../shared/auth/authWire';
import type { RecordHandInSummary } from '../../../shared/ipc/syncChannels';
import type { SchoolId } from '../../../shared/domain/ids';
import { UserFacingError } from '../userFacingError';
import type { SealedFiles } from '../files/sealedFiles';
import type { Logger } from '../logger';
import type { SignedRecordFile } from '../records/recordFileStore';
import type { ServerAnswer } from '../session/provinceServerClient';
import type { DeskSessionService } from '../session/deskSessionService';
import type { ProvinceSyncClient } from './provinceSyncClient';
import { handInStrings as strings } from './strings';

/**
 * Hands the signed học bạ of this desktop in to the province server (issue 12, point 5;
 * shared/sync/signedRecordWire.ts): each signed file, current or archived, goes up in chunks as the
 * signed-in account. A cut upload goes on from where the server stands (also after a restart: the
 * server finds the upload by account and file); a chunk is checked by its SHA-256 and the whole
 * file again before the server verifies it. What the server keeps or refuses is remembered here
 * by the file's SHA-256 (a sealed ledger per account database), so a file goes up once, and a
 * refused one is not sent again until it changes.
 */
export type SignedRecordHandIn = {
  /**
   * `retryRefused`: send again the files the server refused (the user asked, with "Đồng bộ
   * ngay"); a refusal is also tried again by itself a day later, since what the server trusts
   * can change (the province adds a root or a CRL).
   */
  readonly handIn: (options?: { readonly retryRefused?: boolean }) => Promise<RecordHandInSummary>;
};

export type SignedRecordHandInOptions = {
  readonly sessions: Pick<DeskSessionService, 'callAsAccount' | 'current'>;
  readonly client: ProvinceSyncClient;
  readonly records: { readonly signedFiles: () => Promise<SignedRecordFile[]> };
  readonly files: Pick<SealedFiles, 'read' | 'write'>;
  readonly dataDir: string;
  readonly logger: Logger;
  readonly now?: () => Date;
};

const ledgerEntrySchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('kept'), recordId: z.string(), version: z.number().int().min(1) }).strict(),
  z
    .object({ outcome: z.literal('refused'), recordId: z.string(), reason: z.string(), at: z.iso.datetime() })
    .strict(),
]);
type LedgerEntry = z.output<typeof ledgerEntrySchema>;
const ledgerSchema = z.object({ files: z.record(z.string(), ledgerEntrySchema) }).strict();

/** The server's refusals that concern the file, not the link: the answer goes to the caller as a value. */
const fileRefusals: readonly ApiErrorCode[] = ['conflict', 'refused', 'forbidden', 'badRequest', 'notFound'];
type Refusal = { readonly refused: ApiErrorCode; readonly message: string };
type Answer<T> = { readonly ok: T } | Refusal;

/** Files on their way at once. */
const filesAtOnce = 3;
/** A file the server refused is offered again after this long, unless it changed before. */
const refusalKeptMs = 24 * 3600 * 1000;
/** A chunk the server says arrived damaged is sent again at most this many times. */
const chunkTries = 3;
/** An upload whose place the server lost (dropped, refused mid-way) starts again at most this many times. */
const uploadTries = 3;

export function createSignedRecordHandIn(options: SignedRecordHandInOptions): SignedRecordHandIn {
  const { sessions, client, files, logger } = options;
  const now = options.now ?? (() => new Date());
  const refusedEntry = (recordId: string, reason: string): LedgerEntry => ({
    outcome: 'refused',
    recordId,
    reason,
    at: now().toISOString(),
  });
  /** SHA-256 of each file by its disk key: a file is read and hashed once while it stays the same. */
  const hashes = new Map<string, string>();
  let running: Promise<RecordHandInSummary> | undefined;

  const call = async <T>(
    send: (serverUrl: string, token: string, schoolId: SchoolId) => Promise<ServerAnswer<T>>,
  ): Promise<Answer<T>> =>
    sessions.callAsAccount(async (serverUrl, token, schoolId): Promise<ServerAnswer<Answer<T>>> => {
      const answer = await send(serverUrl, token, schoolId);
      if (answer.kind === 'ok') return { kind: 'ok', value: { ok: answer.value } };
      if (answer.kind === 'refused' && fileRefusals.includes(answer.code))
        return { kind: 'ok', value: { refused: answer.code, message: answer.message } };
      return answer;
    });

  /**
   * One ledger per account database (its name already stands for the server and the account),
   * sealed among the record files it speaks of (`records/hand-in/`, beside the school-year folders).
   */
  const ledgerDir = join(options.dataDir, 'records', 'hand-in');
  const ledgerPath = (): string => {
    const session = sessions.current();
    if (session.kind !== 'account') throw new UserFacingError('unauthorized', strings.needsAccount);
    return join(ledgerDir, `${session.databaseName}.json`);
  };
  const readLedger = async (path: string): Promise<Map<string, LedgerEntry>> => {
    const plain = await files.read(path).catch(() => undefined);
    if (plain === undefined) return new Map();
    const parsed = ledgerSchema.safeParse(JSON.parse(plain.toString('utf8')));
    if (!parsed.success) {
      logger.warn('records.handIn.ledgerUnreadable', {});
      return new Map();
    }
    return new Map(Object.entries(parsed.data.files));
  };
  const writeLedger = async (path: string, ledger: ReadonlyMap<string, LedgerEntry>) => {
    await mkdir(ledgerDir, { recursive: true });
    await files.write(path, new TextEncoder().encode(JSON.stringify({ files: Object.fromEntries(ledger) })));
  };

  /** Sends one file; returns what the server made of it. `sent` counts each chunk the server took. */
  const upload = async (
    recordId: string,
    sha256: string,
    bytes: Uint8Array,
    sent: (bytes: number) => void,
  ): Promise<LedgerEntry> => {
    for (let attempt = 1; ; attempt += 1) {
      const started = await call((url, token, school) =>
        client.startUpload(url, token, school, { recordId, sha256, bytes: bytes.length }),
      );
      if ('refused' in started) return refusedEntry(recordId, started.message);
      if (started.ok.state === 'stored')
        return { outcome: 'kept', recordId, version: started.ok.version.version };
      const { uploadId, chunkBytes } = started.ok;
      let offset = started.ok.receivedBytes;
      let damaged = 0;
      let lost = false;
      while (offset < bytes.length && !lost) {
        const chunk = bytes.subarray(offset, Math.min(bytes.length, offset + chunkBytes));
        const chunkSha = createHash('sha256').update(chunk).digest('hex');
        const put = await call((url, token, school) =>
          client.putChunk(url, token, school, { uploadId, offset, sha256: chunkSha, bytes: chunk }),
        );
        if ('ok' in put) {
          sent(chunk.length);
          offset = put.ok.receivedBytes;
        } else if (put.refused === 'conflict') {
          // The server stands elsewhere (an answer lost on the way): ask where, and go on from there.
          const state = await call((url, token, school) => client.uploadState(url, token, school, uploadId));
          if ('ok' in state) offset = state.ok.receivedBytes;
          else lost = true;
        } else if (put.refused === 'badRequest' && (damaged += 1) < chunkTries) {
          continue; // damaged on the way: the same chunk again
        } else if (put.refused === 'notFound') {
          lost = true;
        } else {
          return refusedEntry(recordId, put.message);
        }
      }
      if (!lost) {
        const done = await call((url, token, school) => client.completeUpload(url, token, school, uploadId));
        if ('ok' in done) return { outcome: 'kept', recordId, version: done.ok.version.version };
        // Not all of it arrived after all (another desktop of this account raced): send the rest.
        if (done.refused !== 'conflict' && done.refused !== 'notFound')
          return refusedEntry(recordId, done.message);
      }
      if (attempt >= uploadTries) throw new UserFacingError('unavailable', strings.uploadKeepsFailing);
    }
  };

  const handInAll = async (retryRefused: boolean): Promise<RecordHandInSummary> => {
    const path = ledgerPath();
    const ledger = await readLedger(path);
    const signed = await options.records.signedFiles();
    /** Whether the server's word on a file still stands (a refusal is asked again after a day, or when the user asks). */
    const settled = (sha256: string): boolean => {
      const entry = ledger.get(sha256);
      if (entry === undefined) return false;
      if (entry.outcome === 'kept') return true;
      return !retryRefused && now().getTime() - Date.parse(entry.at) < refusalKeptMs;
    };
    // Hashed one file at a time and not kept in memory: a school's first hand-in is a thousand files.
    const waiting: { readonly file: SignedRecordFile; readonly sha256: string }[] = [];
    for (const file of signed) {
      const known = hashes.get(file.diskKey);
      if (known !== undefined && settled(known)) continue;
      const sha256 =
        known ??
        createHash('sha256')
          .update(await files.read(file.path))
          .digest('hex');
      hashes.set(file.diskKey, sha256);
      if (!settled(sha256)) waiting.push({ file, sha256 });
    }
    let sentNow = 0;
    let bytesSent = 0;
    let problem: string | undefined;
    // The ledger is written after each file, one write after another.
    let ledgerWritten: Promise<void> = Promise.resolve();
    const queue = [...waiting];
    // A few files at once: each costs round trips and the server's verification, which a weak
    // link's bandwidth can carry alongside another file's bytes.
    const handInNext = async (): Promise<void> => {
      for (let next = queue.shift(); next !== undefined && problem === undefined; next = queue.shift()) {
        const { file, sha256 } = next;
        try {
          const bytes = new Uint8Array(await files.read(file.path));
          // Replaced since it was hashed (signed again meanwhile): the next round takes the new file.
          if (createHash('sha256').update(bytes).digest('hex') !== sha256) continue;
          let sent = 0;
          const entry = await upload(file.recordId, sha256, bytes, (n) => {
            sent += n;
            bytesSent += n;
          });
          ledger.set(sha256, entry);
          ledgerWritten = ledgerWritten.then(() => writeLedger(path, ledger));
          await ledgerWritten;
          if (entry.outcome === 'kept') sentNow += 1;
          logger.info('records.handIn', { recordId: file.recordId, outcome: entry.outcome, bytes: sent });
        } catch (error) {
          // The server went away: the rest waits for the next round; what went up stays up.
          problem ??= error instanceof UserFacingError ? error.message : strings.failed;
          logger.warn('records.handIn.stopped', { left: queue.length });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(filesAtOnce, queue.length) }, handInNext));
    const outcomes = signed.flatMap((file) => {
      const sha = hashes.get(file.diskKey);
      const entry = sha === undefined ? undefined : ledger.get(sha);
      return entry === undefined ? [] : [entry];
    });
    return {
      signedFiles: signed.length,
      kept: outcomes.filter((entry) => entry.outcome === 'kept').length,
      sentNow,
      bytesSent,
      waiting: signed.length - outcomes.length,
      refused: outcomes.flatMap((entry) =>
        entry.outcome === 'refused' ? [{ recordId: entry.recordId, reason: entry.reason }] : [],
      ),
      ...(problem === undefined ? {} : { problem }),
    };
  };

  return {
    // One hand-in at a time: a second call (the timer and the button at once) joins the first.
    handIn: (handInOptions = {}) => {
      running ??= handInAll(handInOptions.retryRefused === true).finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}
