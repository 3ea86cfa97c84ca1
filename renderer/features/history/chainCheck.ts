import { genesisHash } from '../../../shared/audit/auditChain';
import {
  maxChainsPerCheck,
  type AuditChainClaim,
  type AuditCheckChainRequest,
  type AuditCheckChainResponse,
} from '../../../shared/ipc/auditChannels';
import type { IpcResult } from '../../../shared/ipc/result';
import { auditEventIdOf } from '../../data/collections/auditEventsCollection';
import type { HocbaDatabase } from '../../data/database';
import { applyJournalLocked } from '../../data/journal/writeJournal';
import { storedChainHead, withAuditLock } from '../../data/writes/auditLog';
import { catchUpChainHead, flushChainHeadReports } from '../../data/writes/chainHeadReporter';
import { historyStrings } from './strings';

export type ChainCheckAnswer = Extract<AuditCheckChainResponse, { status: 'done' }>;
export type CheckChainCall = (request: AuditCheckChainRequest) => Promise<IpcResult<AuditCheckChainResponse>>;

/** Main asks one probe per round; bisection over any real chain needs far fewer than this. */
const maxRounds = 200;
/** What the database answers for an event it does not hold: never a recorded hash. */
const missingEvent = 'f'.repeat(64);

/** This device's chain and every other device's chain the database holds, with their heads. */
async function chainClaims(database: HocbaDatabase, deviceId: string): Promise<AuditChainClaim[]> {
  const own = await storedChainHead(database, deviceId);
  const claims: AuditChainClaim[] = [{ deviceId, head: own, probes: [] }];
  let after = '';
  // One indexed step per device id (the ['deviceId', 'seq'] index, ascending, first match only).
  for (let step = 0; step < maxChainsPerCheck * 2 && claims.length < maxChainsPerCheck; step += 1) {
    const next = await database.auditEvents
      .findOne({ selector: { deviceId: { $gt: after } }, sort: [{ deviceId: 'asc' }, { seq: 'asc' }] })
      .exec();
    if (!next) break;
    after = next.deviceId;
    if (after !== deviceId)
      claims.push({ deviceId: after, head: await storedChainHead(database, after), probes: [] });
  }
  return claims;
}

async function hashAt(database: HocbaDatabase, deviceId: string, seq: number): Promise<string> {
  if (seq === 0) return genesisHash;
  const event = await database.auditEvents.findOne(auditEventIdOf(deviceId, seq)).exec();
  return event?.hash ?? missingEvent;
}

/**
 * Has main judge this database's audit chains against the heads it recorded at write time:
 * sends each chain's head, answers main's probes (one event hash at a time) until main gives
 * its verdict, then sends main whatever it was not told yet. Runs under the device's audit lock
 * so no write moves the head while main compares.
 */
export async function checkChainWithMain(
  database: HocbaDatabase,
  deviceId: string,
  call: CheckChainCall,
): Promise<IpcResult<ChainCheckAnswer>> {
  const result = await withAuditLock(deviceId, async (): Promise<IpcResult<ChainCheckAnswer>> => {
    // Under the lock every stored event has been noted: report what this page wrote before main
    // judges, so a chain whose first report was still waiting for a pause in the writing (a sample
    // school imported a moment ago) is not taken for a chain main never heard of. Saves still in
    // the write journal are applied (and noted) first, so RxDB holds the whole chain.
    await applyJournalLocked(database);
    await flushChainHeadReports(database, deviceId);
    const claims = await chainClaims(database, deviceId);
    for (let round = 0; round < maxRounds; round += 1) {
      const answer = await call({ database: database.name, chains: claims });
      if (!answer.ok) return answer;
      if (answer.value.status === 'done') return { ok: true, value: answer.value };
      const { deviceId: asked, seq } = answer.value;
      const claim = claims.find((candidate) => candidate.deviceId === asked);
      if (!claim) claims.push({ deviceId: asked, head: { seq: 0, hash: genesisHash }, probes: [] });
      const target = claim ?? claims.at(-1);
      if (!target) break;
      target.probes = [...target.probes, { seq, hash: await hashAt(database, asked, seq) }];
    }
    return { ok: false, error: { code: 'failed', message: historyStrings.mainCheckFailed } };
  });
  if (result.ok)
    for (const chain of result.value.chains)
      catchUpChainHead(database, chain.deviceId, chain.mainSeq, chain.databaseSeq);
  return result;
}
