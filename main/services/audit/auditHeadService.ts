import { join } from 'node:path';
import { genesisHash } from '../../../shared/audit/auditChain';
import { accountChainDeviceId } from '../../../shared/audit/chainDevice';
import {
  judgeAgainstPoint,
  judgeChain,
  type ChainJudgement,
  type PointJudgement,
  type RecordedChain,
} from '../../../shared/audit/chainJudge';
import type {
  AuditChainClaim,
  AuditChainVerdict,
  AuditCheckChainRequest,
  AuditCheckChainResponse,
  AuditFinding,
  AuditRecordHeadRequest,
  AuditRecordHeadResponse,
} from '../../../shared/ipc/auditChannels';
import type { Logger } from '../logger';
import { noteAnomaly, shownAnomalies, type Anomaly } from './anomalyRecord';
import { newChainLog, type ChainLog } from './chainLog';
import { outcomeAgainstPoint, outcomeOf, worstVerdict, type ChainOutcome } from './chainOutcome';
import {
  chainRecordSchema,
  headStoreFileName,
  writeHeadStore,
  type ChainRecord,
  type HeadStoreBody,
  vouchedPointSchema,
  type VouchedPoint,
} from './headStoreFile';
import { auditHeadStrings } from './strings';

/**
 * Main's anchor for the renderer's audit chains: it records every event hash the renderer
 * reports right after a write, and judges the chain the renderer's database holds against that
 * record. Heads only move forward through reports; a report that contradicts the record is
 * refused and kept as an anomaly. Only the integrity check, after it has recorded what it found
 * (truncated, rewritten, unknown), makes the record follow the database's chain again, so the
 * app keeps working and later tampering is still caught; the anomaly stays in the record.
 */
export type AuditHeadService = {
  readonly deviceId: string;
  /**
   * The chain a database's audited writes go to on this desktop: the account database's own
   * (shared/audit/chainDevice.ts), or the desktop's id for a database that already wrote under it
   * (made before chains per database, or the trial's).
   */
  readonly chainDeviceIdFor: (database: string) => string;
  readonly recordHead: (request: AuditRecordHeadRequest) => Promise<AuditRecordHeadResponse>;
  readonly checkChain: (request: AuditCheckChainRequest) => Promise<AuditCheckChainResponse>;
  /**
   * Takes into the record the chains of a database restored from a verified backup, so the next
   * integrity check judges them against what the backup held instead of calling them unknown. A
   * chain the record already holds is only extended, never rewritten: where the record is ahead
   * of the backup or differs from it, it stays, and the check says what was lost.
   */
  readonly adoptRestored: (database: string, chains: readonly RestoredChain[]) => Promise<number>;
  /**
   * Notes how far a pull from the province server carried other desktops' chains into this
   * database, before the page gets the events: the integrity check then vouches for those chains
   * up to there, and calls anything else of them a problem. Only main's own pulls call this.
   */
  readonly notePulled: (database: string, events: readonly PulledAuditEvent[]) => Promise<void>;
};

/** An audit event as a pull from the province server brought it: whose chain, where, its hash. */
export type PulledAuditEvent = { readonly deviceId: string; readonly seq: number; readonly hash: string };

/** Other desktops' chains main keeps a vouched point of, over every database. */
export const maxVouchedPoints = 4096;

/** One device's chain in a restored database: its event hashes, by sequence from 1. */
export type RestoredChain = { readonly deviceId: string; readonly hashes: readonly string[] };

/** Chains main keeps a record of, so a page cannot fill the disk with made-up databases. */
export const maxRecordedChains = 64;

export type LoadedHeads = {
  readonly auditDir: string;
  readonly key: Uint8Array;
  readonly body: HeadStoreBody;
  readonly logs: Map<string, ChainLog>;
  /** What main found about its own files when it started (shown by every check of this run). */
  readonly startupFindings: readonly AuditFinding[];
  /** Whether this run had to make a new device identity (device.json and the head store were gone). */
  readonly identityCreated: boolean;
};

export function chainSubject(deviceId: string, database: string): string {
  return `${deviceId}/${database}`;
}

export function chainLogPath(auditDir: string, deviceId: string, database: string): string {
  return join(auditDir, 'chains', `${deviceId}~${database}.bin`);
}

export function unavailableHeadService(deviceId: string): AuditHeadService {
  return {
    deviceId,
    chainDeviceIdFor: (database) => accountChainDeviceId(deviceId, database),
    recordHead: () => Promise.resolve({ status: 'unavailable', mainSeq: 0 }),
    adoptRestored: () => Promise.resolve(0),
    notePulled: () => Promise.resolve(),
    checkChain: () =>
      Promise.resolve({
        status: 'done',
        verdict: 'unavailable',
        chains: [],
        findings: [{ kind: 'unavailable', severity: 'problem', message: auditHeadStrings.unavailable }],
        anomalies: [],
        anomalyCount: 0,
      }),
  };
}

export function createAuditHeadService(
  state: LoadedHeads,
  logger: Logger,
  now: () => Date = () => new Date(),
): AuditHeadService {
  const { body, logs, auditDir } = state;
  const deviceId = body.deviceId;
  let queue: Promise<unknown> = Promise.resolve();
  /** Reports refused since the last check, by chain: the next check (the start banner) shows them. */
  const refusedSinceCheck = new Map<string, AuditFinding>();
  /** One operation at a time: reports and checks read and write the same record. */
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const find = (chainDevice: string, database: string) =>
    body.chains.find((chain) => chain.deviceId === chainDevice && chain.database === database);

  /** Whether a chain is one this desktop writes for the database (its id, or the database's own). */
  const isOwnChain = (chainDevice: string, database: string) =>
    chainDevice === deviceId || chainDevice === accountChainDeviceId(deviceId, database);

  const chainDeviceIdFor = (database: string) =>
    (find(deviceId, database)?.seq ?? 0) > 0 ? deviceId : accountChainDeviceId(deviceId, database);

  const vouchedPoint = (chainDevice: string, database: string) =>
    body.vouched?.find((point) => point.deviceId === chainDevice && point.database === database);

  const recordedView = (chain: ChainRecord | undefined): RecordedChain | undefined => {
    if (!chain) return undefined;
    const log = logs.get(chainSubject(chain.deviceId, chain.database));
    return { seq: chain.seq, hashAt: (seq) => log?.hashAt(seq) };
  };

  const startChain = (chainDevice: string, database: string, at: string): ChainRecord => {
    const log = newChainLog(chainLogPath(auditDir, chainDevice, database));
    logs.set(chainSubject(chainDevice, database), log);
    const chain: ChainRecord = {
      deviceId: chainDevice,
      database,
      seq: 0,
      hash: genesisHash,
      logDigest: log.digest(),
      firstRecordedAt: at,
      recordedAt: at,
    };
    body.chains.push(chain);
    return chain;
  };

  const moveHead = (chain: ChainRecord, log: ChainLog, at: string) => {
    chain.seq = log.length();
    chain.hash = log.hashAt(chain.seq) ?? genesisHash;
    chain.logDigest = log.digest();
    chain.recordedAt = at;
  };

  /** The log first, then the record that vouches for it: a crash between leaves extra entries, never missing ones. */
  const persist = async (changed: Iterable<ChainRecord>) => {
    for (const chain of changed) await logs.get(chainSubject(chain.deviceId, chain.database))?.flush();
    await writeHeadStore(join(auditDir, headStoreFileName), state.key, body);
  };

  const recordHead = async (request: AuditRecordHeadRequest): Promise<AuditRecordHeadResponse> => {
    const at = now().toISOString();
    let chain = find(request.deviceId, request.database);
    if (!chain) {
      const first = request.fromSeq === 1 && request.prevHash === genesisHash;
      if (
        !isOwnChain(request.deviceId, request.database) ||
        !first ||
        body.chains.length >= maxRecordedChains
      )
        return { status: 'unknownChain', mainSeq: 0 };
      chain = startChain(request.deviceId, request.database, at);
    }
    const log = logs.get(chainSubject(chain.deviceId, chain.database));
    if (!log) return { status: 'unknownChain', mainSeq: 0 };
    const mainSeq = chain.seq;
    if (request.fromSeq > mainSeq + 1) return { status: 'gap', mainSeq };
    const recordedAt = (seq: number) => (seq === 0 ? genesisHash : log.hashAt(seq));
    let conflictAt: number | undefined;
    if (recordedAt(request.fromSeq - 1) !== request.prevHash) conflictAt = request.fromSeq - 1;
    else
      for (
        let seq = request.fromSeq;
        seq <= Math.min(mainSeq, request.fromSeq + request.hashes.length - 1);
        seq += 1
      )
        if (request.hashes[seq - request.fromSeq] !== recordedAt(seq)) {
          conflictAt = seq;
          break;
        }
    if (conflictAt !== undefined) {
      logger.warn('audit.report-conflict', { seq: conflictAt, mainSeq });
      const anomaly: Anomaly = {
        kind: 'conflictingReport',
        subject: chainSubject(chain.deviceId, chain.database),
        message: auditHeadStrings.conflictingReport(Math.max(conflictAt, 1)),
      };
      noteAnomaly(body, anomaly, at);
      if (!refusedSinceCheck.has(anomaly.subject))
        refusedSinceCheck.set(anomaly.subject, {
          kind: anomaly.kind,
          severity: 'problem',
          message: anomaly.message,
          deviceId: chain.deviceId,
        });
      await persist([]);
      return { status: 'conflict', mainSeq };
    }
    const fresh = request.hashes.slice(mainSeq + 1 - request.fromSeq);
    if (fresh.length === 0) return { status: 'duplicate', mainSeq };
    log.append(fresh);
    moveHead(chain, log, at);
    await persist([chain]);
    return { status: 'recorded', mainSeq: chain.seq };
  };

  const checkChain = async (request: AuditCheckChainRequest): Promise<AuditCheckChainResponse> => {
    const claims: AuditChainClaim[] = [...request.chains];
    // A chain main recorded for this database that the database no longer holds at all.
    for (const chain of body.chains)
      if (
        chain.database === request.database &&
        chain.seq > 0 &&
        !claims.some((claim) => claim.deviceId === chain.deviceId)
      )
        claims.push({ deviceId: chain.deviceId, head: { seq: 0, hash: genesisHash }, probes: [] });
    // Another desktop's chain sync carried here that the database no longer holds at all.
    for (const point of body.vouched ?? [])
      if (point.database === request.database && !claims.some((claim) => claim.deviceId === point.deviceId))
        claims.push({ deviceId: point.deviceId, head: { seq: 0, hash: genesisHash }, probes: [] });
    type Judged =
      | { readonly by: 'record'; readonly judgement: Exclude<ChainJudgement, { kind: 'needProbe' }> }
      | { readonly by: 'server'; readonly judgement: Exclude<PointJudgement, { kind: 'needProbe' }> };
    const judged: { claim: AuditChainClaim; judged: Judged }[] = [];
    for (const claim of claims) {
      // Another desktop's chain that main carried from the province server: judged against the
      // point it carried it to. Everything else: against main's own record.
      const point = isOwnChain(claim.deviceId, request.database)
        ? undefined
        : vouchedPoint(claim.deviceId, request.database);
      if (point) {
        const judgement = judgeAgainstPoint(point, claim);
        if (judgement.kind === 'needProbe')
          return { status: 'needProbe', deviceId: claim.deviceId, seq: judgement.seq };
        judged.push({ claim, judged: { by: 'server', judgement } });
        continue;
      }
      const judgement = judgeChain(recordedView(find(claim.deviceId, request.database)), claim);
      if (judgement.kind === 'needProbe')
        return { status: 'needProbe', deviceId: claim.deviceId, seq: judgement.seq };
      judged.push({ claim, judged: { by: 'record', judgement } });
    }

    const at = now().toISOString();
    const findings: AuditFinding[] = [...state.startupFindings, ...refusedSinceCheck.values()];
    refusedSinceCheck.clear();
    const verdicts: AuditChainVerdict[] = [];
    const changed = new Set<ChainRecord>();
    const noted: Anomaly[] = [];
    for (const { claim, judged: judging } of judged) {
      const subject = chainSubject(claim.deviceId, request.database);
      const outcome: ChainOutcome =
        judging.by === 'server'
          ? outcomeAgainstPoint(judging.judgement, { subject, chainDeviceId: claim.deviceId })
          : outcomeOf(judging.judgement, {
              subject,
              chainDeviceId: claim.deviceId,
              ownDeviceId: isOwnChain(claim.deviceId, request.database) ? claim.deviceId : deviceId,
              identityCreated: state.identityCreated,
            });
      if (outcome.verdict === 'restarted' && !noted.some((anomaly) => anomaly.kind === 'restarted')) {
        const restarted: Anomaly = {
          kind: 'restarted',
          subject: chainSubject(deviceId, request.database),
          message: auditHeadStrings.restarted(deviceId),
        };
        noted.push(restarted);
        findings.push({ kind: 'restarted', severity: 'problem', message: restarted.message, deviceId });
      }
      for (const anomaly of outcome.anomalies) {
        noted.push(anomaly);
        findings.push({
          kind: anomaly.kind,
          severity: 'problem',
          message: anomaly.message,
          deviceId: claim.deviceId,
        });
      }
      if (outcome.notice) findings.push({ ...outcome.notice, severity: 'notice', deviceId: claim.deviceId });
      const chain = find(claim.deviceId, request.database);
      const log = logs.get(subject);
      if (typeof outcome.follow === 'number' && chain && log) {
        // The anomaly is kept; from here on the record follows the chain the database holds.
        log.truncate(outcome.follow);
        moveHead(chain, log, at);
        changed.add(chain);
      } else if (outcome.follow === 'adopt' && !chain && body.chains.length < maxRecordedChains) {
        changed.add(startChain(claim.deviceId, request.database, at));
      }
      verdicts.push({
        deviceId: claim.deviceId,
        verdict: outcome.verdict,
        // Main takes no reports of a chain the server vouches for: nothing for the page to catch up.
        mainSeq:
          judging.by === 'server' ? claim.head.seq : (find(claim.deviceId, request.database)?.seq ?? 0),
        databaseSeq: claim.head.seq,
      });
    }
    for (const anomaly of noted) noteAnomaly(body, anomaly, at);
    const verdict = worstVerdict(verdicts.map((entry) => entry.verdict));
    if (changed.size > 0 || noted.length > 0) {
      await persist(changed);
      logger.warn('audit.chain-anomaly', { chains: verdicts.length, verdict });
    }
    return {
      status: 'done',
      verdict,
      chains: verdicts,
      findings,
      anomalies: shownAnomalies(body),
      anomalyCount: body.anomalyCount,
    };
  };

  const adoptRestored = async (database: string, chains: readonly RestoredChain[]): Promise<number> => {
    const at = now().toISOString();
    const changed: ChainRecord[] = [];
    const restorable = chainRecordSchema.shape;
    if (!restorable.database.safeParse(database).success) return 0;
    for (const restored of chains) {
      const wellFormed =
        restorable.deviceId.safeParse(restored.deviceId).success &&
        restored.hashes.every((hash) => restorable.hash.safeParse(hash).success);
      if (!wellFormed) continue;
      let chain = find(restored.deviceId, database);
      if (!chain) {
        if (body.chains.length >= maxRecordedChains) continue;
        chain = startChain(restored.deviceId, database, at);
      }
      const log = logs.get(chainSubject(chain.deviceId, chain.database));
      if (!log || log.length() > restored.hashes.length) continue;
      const samePrefix = restored.hashes
        .slice(0, log.length())
        .every((hash, index) => log.hashAt(index + 1) === hash);
      if (!samePrefix) continue;
      log.append(restored.hashes.slice(log.length()));
      moveHead(chain, log, at);
      changed.push(chain);
    }
    if (changed.length > 0) {
      await persist(changed);
      logger.info('audit.chains-restored', { chains: changed.length });
    }
    return changed.length;
  };

  const notePulled = async (database: string, events: readonly PulledAuditEvent[]): Promise<void> => {
    if (!chainRecordSchema.shape.database.safeParse(database).success) return;
    const furthest = new Map<string, PulledAuditEvent>();
    const { deviceId: deviceIdSchema, seq: seqSchema, hash: hashSchema } = vouchedPointSchema.shape;
    for (const event of events) {
      const wellFormed =
        deviceIdSchema.safeParse(event.deviceId).success &&
        seqSchema.safeParse(event.seq).success &&
        hashSchema.safeParse(event.hash).success;
      if (!wellFormed || isOwnChain(event.deviceId, database)) continue;
      const before = furthest.get(event.deviceId);
      if (!before || event.seq > before.seq) furthest.set(event.deviceId, event);
    }
    const at = now().toISOString();
    const points: VouchedPoint[] = (body.vouched ??= []);
    let moved = 0;
    for (const event of furthest.values()) {
      const point = vouchedPoint(event.deviceId, database);
      if (point) {
        if (event.seq <= point.seq) continue;
        Object.assign(point, { seq: event.seq, hash: event.hash, at });
      } else {
        if (points.length >= maxVouchedPoints) {
          logger.warn('audit.vouched-full', { points: points.length });
          continue;
        }
        points.push({ deviceId: event.deviceId, database, seq: event.seq, hash: event.hash, at });
      }
      moved += 1;
    }
    if (moved > 0) await persist([]);
  };

  return {
    deviceId,
    chainDeviceIdFor,
    notePulled: (database, events) => serially(() => notePulled(database, events)),
    adoptRestored: (database, chains) => serially(() => adoptRestored(database, chains)),
    recordHead: (request) => serially(() => recordHead(request)),
    checkChain: (request) => serially(() => checkChain(request)),
  };
}
