import { afterEach, describe, expect, it } from 'vitest';
import { genesisHash, sealAuditEvent } from '../../../shared/audit/auditChain';
import { judgeChain } from '../../../shared/audit/chainJudge';
import type {
  AuditCheckChainRequest,
  AuditCheckChainResponse,
  AuditRecordHeadRequest,
  AuditRecordHeadResponse,
} from '../../../shared/ipc/auditChannels';
import type { IpcResult } from '../../../shared/ipc/result';
import { databaseHarness, seededDatabase, testDeviceId } from '../../../tests/support/browserDatabase';
import { auditEventIdOf, type AuditEventDoc } from '../../data/collections/auditEventsCollection';
import type { HocbaDatabase } from '../../data/database';
import { chainHeadReportsSettled, setChainHeadSink } from '../../data/writes/chainHeadReporter';
import { checkChainWithMain } from './chainCheck';

/**
 * The integrity check's renderer half on Chromium's IndexedDB, tampered with as someone with the
 * database would: it must give main the head and every probe from what the database really holds.
 * Main is played by a recorder that judges with the shared `judgeChain` (main's service itself is
 * tested under Node, and end to end through the bridge).
 */

const harness = databaseHarness();
afterEach(async () => {
  setChainHeadSink(undefined);
  await harness.cleanUp();
});

function fakeMain() {
  const chains = new Map<string, string[]>();
  const probesAsked: number[] = [];
  const recordHead = (request: AuditRecordHeadRequest): AuditRecordHeadResponse => {
    const hashes = chains.get(request.deviceId) ?? [];
    chains.set(request.deviceId, hashes);
    if (request.fromSeq > hashes.length + 1) return { status: 'gap', mainSeq: hashes.length };
    request.hashes.forEach((hash, index) => {
      if (request.fromSeq + index > hashes.length) hashes.push(hash);
    });
    return { status: 'recorded', mainSeq: hashes.length };
  };
  const checkChain = (request: AuditCheckChainRequest): IpcResult<AuditCheckChainResponse> => {
    const verdicts = [];
    for (const claim of request.chains) {
      const hashes = chains.get(claim.deviceId);
      const judgement = judgeChain(hashes && { seq: hashes.length, hashAt: (seq) => hashes[seq - 1] }, claim);
      if (judgement.kind === 'needProbe') {
        probesAsked.push(judgement.seq);
        return { ok: true, value: { status: 'needProbe', deviceId: claim.deviceId, seq: judgement.seq } };
      }
      verdicts.push({ claim, judgement });
    }
    return {
      ok: true,
      value: {
        status: 'done',
        verdict: 'intact',
        chains: verdicts.map(({ claim, judgement }) => ({
          deviceId: claim.deviceId,
          verdict: judgement.kind === 'unknown' ? 'unknownDevice' : judgement.kind,
          mainSeq: chains.get(claim.deviceId)?.length ?? 0,
          databaseSeq: claim.head.seq,
        })),
        findings: verdicts.map(({ judgement }) => ({
          kind: judgement.kind === 'unknown' ? 'unknownDevice' : judgement.kind,
          severity: 'notice',
          message: JSON.stringify(judgement),
        })),
        anomalies: [],
        anomalyCount: 0,
      },
    };
  };
  return { chains, probesAsked, recordHead, checkChain };
}

async function recordedSchool() {
  const main = fakeMain();
  setChainHeadSink((request) => Promise.resolve(main.recordHead(request)));
  const { database } = await seededDatabase(harness, 40);
  await chainHeadReportsSettled();
  return { database, main };
}

async function judgementOf(database: HocbaDatabase, main: ReturnType<typeof fakeMain>) {
  const result = await checkChainWithMain(database, testDeviceId, (request) =>
    Promise.resolve(main.checkChain(request)),
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.value.findings.map((finding) => JSON.parse(finding.message) as unknown);
}

async function events(database: HocbaDatabase): Promise<AuditEventDoc[]> {
  const docs = await database.auditEvents
    .find({ selector: { deviceId: testDeviceId }, sort: [{ seq: 'asc' }] })
    .exec();
  return docs.map((doc) => doc.toMutableJSON());
}

/** What someone with the database does: change one value, then re-hash it and every later event. */
async function rewriteFrom(database: HocbaDatabase, all: readonly AuditEventDoc[], target: number) {
  let prevHash = genesisHash;
  const rewritten: AuditEventDoc[] = [];
  for (const { id, hash: _hash, ...event } of all) {
    const sealed = sealAuditEvent({
      ...event,
      prevHash,
      new: event.seq === target ? '"Nguyễn Văn Giả"' : event.new,
    });
    prevHash = sealed.hash;
    if (event.seq >= target) rewritten.push({ ...sealed, id });
  }
  await database.auditEvents.bulkUpsert(rewritten);
}

describe('checking the database’s audit chain with main (Chromium IndexedDB)', () => {
  it('reports what this page has just written before main judges, so a new chain is not “unknown”', async () => {
    const main = fakeMain();
    // Main takes no report while the school is written (however fast this machine is, whenever
    // the reporter's pause passes, its send fails and waits to retry), so the check starts with
    // the events noted but not in main's record, as right after a sample school's import.
    let mainAnswers = false;
    setChainHeadSink((request) =>
      mainAnswers ? Promise.resolve(main.recordHead(request)) : Promise.reject(new Error('main is busy')),
    );
    const { database } = await seededDatabase(harness, 40);
    expect(main.chains.get(testDeviceId)).toBeUndefined();
    mainAnswers = true;
    const count = (await events(database)).length;
    expect(await judgementOf(database, main)).toEqual([{ kind: 'intact', seq: count }]);
  });

  it('finds an untouched chain intact from its head alone', async () => {
    const { database, main } = await recordedSchool();
    const count = (await events(database)).length;
    expect(await judgementOf(database, main)).toEqual([{ kind: 'intact', seq: count }]);
    expect(main.probesAsked).toEqual([]);
  });

  it('reports the last events deleted in IndexedDB with both sequence numbers', async () => {
    const { database, main } = await recordedSchool();
    const all = await events(database);
    const last = all.slice(-3).map((event) => event.id);
    await database.auditEvents.bulkRemove(last);
    expect(await judgementOf(database, main)).toEqual([
      { kind: 'truncated', recordedSeq: all.length, storedSeq: all.length - 3 },
    ]);
  });

  it('finds a value rewritten in IndexedDB with every later event re-hashed, at that event', async () => {
    const { database, main } = await recordedSchool();
    const all = await events(database);
    const target = 17;
    await rewriteFrom(database, all, target);
    expect(await judgementOf(database, main)).toEqual([
      { kind: 'rewritten', seq: target, recordedSeq: all.length, storedSeq: all.length },
    ]);
    // Bisection: a handful of one-event reads, not the whole chain.
    expect(main.probesAsked.length).toBeLessThanOrEqual(Math.ceil(Math.log2(all.length)) + 1);
  });

  it('answers a probe for an event deleted from the middle with a hash that never matches', async () => {
    const { database, main } = await recordedSchool();
    const all = await events(database);
    await rewriteFrom(database, all, 17);
    const middle = Math.floor(all.length / 2);
    await database.auditEvents.findOne(auditEventIdOf(testDeviceId, middle)).remove();
    expect(await judgementOf(database, main)).toEqual([
      { kind: 'rewritten', seq: 17, recordedSeq: all.length, storedSeq: all.length },
    ]);
    expect(main.probesAsked[0]).toBe(middle);
  });

  it('claims every device chain the database holds, and sends main what it was not told', async () => {
    const { database, main } = await recordedSchool();
    const other = 'device-22222222-3333-4444-8555-666666666666';
    const foreign = sealAuditEvent({
      deviceId: other,
      seq: 1,
      prevHash: genesisHash,
      actor: 'user:x',
      at: '2026-01-01T00:00:00.000Z',
      collectionName: 'people',
      docId: 'student:1',
      field: 'fullName',
      old: 'null',
      new: '"A"',
      studentId: '',
      classId: '',
      amendmentId: '',
    });
    await database.auditEvents.insert({ ...foreign, id: auditEventIdOf(other, 1) });
    // Main missed the last 4 reports of this device.
    const own = main.chains.get(testDeviceId) ?? [];
    own.splice(own.length - 4, 4);
    const findings = await judgementOf(database, main);
    expect(findings).toEqual([
      { kind: 'ahead', recordedSeq: own.length, storedSeq: own.length + 4 },
      { kind: 'unknown', storedSeq: 1 },
    ]);
    await chainHeadReportsSettled();
    expect(main.chains.get(testDeviceId)).toEqual((await events(database)).map((event) => event.hash));
  });
});
