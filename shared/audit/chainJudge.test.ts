import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { genesisHash, sealAuditEvent, type AuditEvent, type AuditEventBody } from './auditChain';
import {
  judgeAgainstPoint,
  judgeChain,
  maxChainProbes,
  type ChainJudgement,
  type RecordedChain,
} from './chainJudge';

function body(seq: number, prevHash: string, value: string): AuditEventBody {
  return {
    deviceId: 'device-1',
    seq,
    prevHash,
    actor: 'user:co-lan',
    at: '2026-03-02T01:00:00.000Z',
    collectionName: 'subjectResults',
    docId: 'subjectResult:student:1:toan:2025-2026',
    field: 'CN.score',
    old: 'null',
    new: value,
    studentId: 'student:1',
    classId: 'class:1',
    amendmentId: '',
  };
}

function chain(length: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  let prev = genesisHash;
  for (let seq = 1; seq <= length; seq += 1) {
    const event = sealAuditEvent(body(seq, prev, String(seq % 10)));
    events.push(event);
    prev = event.hash;
  }
  return events;
}

/** What an attacker with the database does: change one value, then re-hash every later event. */
function rewriteAndRehash(events: readonly AuditEvent[], seq: number, value: string): AuditEvent[] {
  const result: AuditEvent[] = [];
  let prev = genesisHash;
  for (const event of events) {
    const { hash: _hash, ...rest } = event;
    const sealed = sealAuditEvent({ ...rest, prevHash: prev, new: event.seq === seq ? value : rest.new });
    result.push(sealed);
    prev = sealed.hash;
  }
  return result;
}

function recordedOf(events: readonly AuditEvent[]): RecordedChain {
  return { seq: events.length, hashAt: (seq) => events[seq - 1]?.hash };
}

/** Runs the probe loop as the renderer does: answer each probe from the store, until a verdict. */
function judgeAll(recorded: RecordedChain | undefined, stored: readonly AuditEvent[]) {
  const head = stored.at(-1) ?? { seq: 0, hash: genesisHash };
  const probes: { seq: number; hash: string }[] = [];
  for (;;) {
    const judgement: ChainJudgement = judgeChain(recorded, {
      head: { seq: head.seq, hash: head.hash },
      probes,
    });
    if (judgement.kind !== 'needProbe') return { judgement, probes: probes.length };
    const event = stored[judgement.seq - 1];
    if (!event) throw new Error(`probe ${judgement.seq} outside the store`);
    probes.push({ seq: event.seq, hash: event.hash });
    if (probes.length > maxChainProbes) throw new Error('too many probes');
  }
}

describe('judging a stored chain against the recorded heads', () => {
  const events = chain(1234);
  const recorded = recordedOf(events);

  it('finds an untouched chain intact without a single probe', () => {
    expect(judgeAll(recorded, events)).toEqual({ judgement: { kind: 'intact', seq: 1234 }, probes: 0 });
  });

  it('reports the last events deleted with both sequence numbers', () => {
    expect(judgeAll(recorded, events.slice(0, 1230)).judgement).toEqual({
      kind: 'truncated',
      recordedSeq: 1234,
      storedSeq: 1230,
    });
  });

  it('reports a whole deleted chain as truncated to 0', () => {
    expect(judgeAll(recorded, []).judgement).toEqual({ kind: 'truncated', recordedSeq: 1234, storedSeq: 0 });
  });

  it('finds a value rewritten with every later event re-hashed, at its own sequence', () => {
    const tampered = rewriteAndRehash(events, 57, '10');
    const { judgement, probes } = judgeAll(recorded, tampered);
    expect(judgement).toEqual({ kind: 'rewritten', seq: 57, recordedSeq: 1234, storedSeq: 1234 });
    expect(probes).toBeLessThanOrEqual(12);
  });

  it('finds the first event rewritten and the head rewritten', () => {
    expect(judgeAll(recorded, rewriteAndRehash(events, 1, '9')).judgement).toMatchObject({
      kind: 'rewritten',
      seq: 1,
    });
    expect(judgeAll(recorded, rewriteAndRehash(events, 1234, '9')).judgement).toMatchObject({
      kind: 'rewritten',
      seq: 1234,
    });
  });

  it('sees a rewrite behind a truncation, and a rewrite followed by more events', () => {
    const shortened = rewriteAndRehash(events, 700, '9').slice(0, 1000);
    expect(judgeAll(recorded, shortened).judgement).toEqual({
      kind: 'rewritten',
      seq: 700,
      recordedSeq: 1234,
      storedSeq: 1000,
    });
    const longer = rewriteAndRehash(chain(1300), 1100, '9');
    expect(judgeAll(recorded, longer).judgement).toEqual({
      kind: 'rewritten',
      seq: 1100,
      recordedSeq: 1234,
      storedSeq: 1300,
    });
  });

  it('accepts a store ahead of the record (a report that never arrived) when the record is its prefix', () => {
    expect(judgeAll(recordedOf(events.slice(0, 1000)), events).judgement).toEqual({
      kind: 'ahead',
      recordedSeq: 1000,
      storedSeq: 1234,
    });
  });

  it('does not take a head that claims the recorded head hash at a lower sequence', () => {
    const stored = events.slice(0, 1230);
    const forged = { seq: 1230, hash: events[1233]?.hash ?? '' };
    const probes: { seq: number; hash: string }[] = [];
    let judgement = judgeChain(recorded, { head: forged, probes });
    while (judgement.kind === 'needProbe') {
      const event = stored[judgement.seq - 1];
      if (!event) throw new Error('probe outside the store');
      probes.push({ seq: event.seq, hash: event.hash });
      judgement = judgeChain(recorded, { head: forged, probes });
    }
    expect(judgement).toEqual({ kind: 'rewritten', seq: 1230, recordedSeq: 1234, storedSeq: 1230 });
  });

  it('has no record of a chain and says so when the store holds events of it', () => {
    expect(judgeAll(undefined, events.slice(0, 3)).judgement).toEqual({ kind: 'unknown', storedSeq: 3 });
    expect(judgeAll(undefined, []).judgement).toEqual({ kind: 'intact', seq: 0 });
  });

  it('always names an event that differs, right after one that matches (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 320 }),
        fc.integer({ min: 1, max: 320 }),
        (recordedLength, storedLength, rewriteAt) => {
          const recordedEvents = events.slice(0, recordedLength);
          const stored = rewriteAndRehash(chain(storedLength), rewriteAt, 'x');
          const { judgement } = judgeAll(recordedOf(recordedEvents), stored);
          const changedWithin = rewriteAt <= Math.min(recordedLength, storedLength);
          if (changedWithin) expect(judgement).toMatchObject({ kind: 'rewritten', seq: rewriteAt });
          else if (storedLength === recordedLength) expect(judgement.kind).toBe('intact');
          else expect(judgement.kind).toBe(storedLength > recordedLength ? 'ahead' : 'truncated');
        },
      ),
    );
  });
});

describe('judging a stored chain against one point an authority vouched for', () => {
  const events = chain(300);
  const pointAt = (seq: number) => ({ seq, hash: events[seq - 1]?.hash ?? '' });
  const headOf = (stored: readonly AuditEvent[]) => {
    const head = stored.at(-1);
    return head ? { seq: head.seq, hash: head.hash } : { seq: 0, hash: genesisHash };
  };

  it('vouches for a store that ends at the point without a probe', () => {
    expect(judgeAgainstPoint(pointAt(300), { head: headOf(events), probes: [] })).toEqual({
      kind: 'holds',
      seq: 300,
      storedSeq: 300,
    });
  });

  it('asks for the hash at the point when the store goes on, and says how far it goes', () => {
    const claim = { head: headOf(events), probes: [] as { seq: number; hash: string }[] };
    expect(judgeAgainstPoint(pointAt(120), claim)).toEqual({ kind: 'needProbe', seq: 120 });
    claim.probes.push(pointAt(120));
    expect(judgeAgainstPoint(pointAt(120), claim)).toEqual({ kind: 'holds', seq: 120, storedSeq: 300 });
  });

  it('finds an early event rewritten and every later one re-hashed, at the point', () => {
    const rewritten = rewriteAndRehash(events, 7, '9');
    const claim = { head: headOf(rewritten), probes: [] as { seq: number; hash: string }[] };
    expect(judgeAgainstPoint(pointAt(300), claim)).toEqual({ kind: 'differs', seq: 300, storedSeq: 300 });
    claim.probes.push({ seq: 120, hash: rewritten[119]?.hash ?? '' });
    expect(judgeAgainstPoint(pointAt(120), claim)).toEqual({ kind: 'differs', seq: 120, storedSeq: 300 });
  });

  it('does not take a head that names the point hash at another sequence', () => {
    const claim = { head: { seq: 301, hash: pointAt(300).hash }, probes: [] };
    expect(judgeAgainstPoint(pointAt(300), claim)).toEqual({ kind: 'needProbe', seq: 300 });
  });

  it('finds events the authority vouched for gone, with both sequence numbers', () => {
    expect(judgeAgainstPoint(pointAt(300), { head: headOf(events.slice(0, 250)), probes: [] })).toEqual({
      kind: 'short',
      seq: 300,
      storedSeq: 250,
    });
  });
});
