import { genesisHash } from './auditChain';

/**
 * Judging a device chain held by an untrusted store (the renderer's IndexedDB) against the heads
 * an anchor recorded at write time (main today, the province server once sync exists). The
 * anchor knows the hash of every event it was told about; the store tells its head and, when
 * asked, its own hash at one sequence at a time. Because every event's hash covers the hash
 * before it, an event rewritten and every later one re-hashed differs from the record at its
 * own sequence and at every later one, so the first difference is found by bisection.
 */

/** A chain as the anchor recorded it: its head sequence and the hash it was told for each event. */
export type RecordedChain = {
  readonly seq: number;
  readonly hashAt: (seq: number) => string | undefined;
};

export type ChainPoint = { readonly seq: number; readonly hash: string };

/** What the store says of its chain: its head, and its hash at sequences the anchor asked about. */
export type ChainClaim = {
  readonly head: ChainPoint;
  readonly probes: readonly ChainPoint[];
};

export type ChainJudgement =
  /** The anchor needs the store's hash at `seq` to go on. */
  | { readonly kind: 'needProbe'; readonly seq: number }
  | { readonly kind: 'intact'; readonly seq: number }
  /** The store holds everything the anchor recorded and more it was not told about yet (a missed report). */
  | { readonly kind: 'ahead'; readonly recordedSeq: number; readonly storedSeq: number }
  /** The store ends before the anchor's head; what it still holds is as recorded. */
  | { readonly kind: 'truncated'; readonly recordedSeq: number; readonly storedSeq: number }
  /** Event `seq` differs from what was recorded (and every event before it is as recorded). */
  | {
      readonly kind: 'rewritten';
      readonly seq: number;
      readonly recordedSeq: number;
      readonly storedSeq: number;
    }
  /** The anchor has no record of this chain, yet the store holds events of it. */
  | { readonly kind: 'unknown'; readonly storedSeq: number };

/** How many probes a claim may carry: bisection over 10^12 sequences needs 40. */
export const maxChainProbes = 64;

function storedHashAt(claim: ChainClaim, seq: number): string | undefined {
  if (seq === 0) return genesisHash;
  if (seq === claim.head.seq) return claim.head.hash;
  return claim.probes.find((probe) => probe.seq === seq)?.hash;
}

function recordedHashAt(recorded: RecordedChain, seq: number): string | undefined {
  return seq === 0 ? genesisHash : recorded.hashAt(seq);
}

/**
 * Compares the store's claim with the recorded chain; asks for one probe at a time until it can
 * judge. Deterministic and stateless: the caller sends the same claim with one more probe.
 */
export function judgeChain(recorded: RecordedChain | undefined, claim: ChainClaim): ChainJudgement {
  const storedSeq = claim.head.seq;
  if (!recorded) return storedSeq === 0 ? { kind: 'intact', seq: 0 } : { kind: 'unknown', storedSeq };
  const recordedSeq = recorded.seq;
  const common = Math.min(storedSeq, recordedSeq);
  const atCommon = storedHashAt(claim, common);
  if (atCommon === undefined) return { kind: 'needProbe', seq: common };
  if (atCommon === recordedHashAt(recorded, common)) {
    if (storedSeq === recordedSeq) return { kind: 'intact', seq: storedSeq };
    return storedSeq > recordedSeq
      ? { kind: 'ahead', recordedSeq, storedSeq }
      : { kind: 'truncated', recordedSeq, storedSeq };
  }
  // Bisection between the highest sequence known to match and the lowest known to differ. Every
  // answer it gives is true of the store: event `high` differs and event `high - 1` matches.
  let high = common;
  for (const probe of claim.probes)
    if (probe.seq >= 1 && probe.seq < high && probe.hash !== recordedHashAt(recorded, probe.seq))
      high = probe.seq;
  let low = 0;
  for (const probe of claim.probes)
    if (probe.seq > low && probe.seq < high && probe.hash === recordedHashAt(recorded, probe.seq))
      low = probe.seq;
  if (high - low === 1) return { kind: 'rewritten', seq: high, recordedSeq, storedSeq };
  return { kind: 'needProbe', seq: Math.floor((low + high) / 2) };
}

/**
 * What a store's chain is against one point an authority vouched for (the province server, whose
 * events main carried to this database): the store must hold that event with that hash. Because
 * each hash covers every event before it, a match vouches for the whole prefix; nothing is
 * known of events the store holds after the point.
 */
export type PointJudgement =
  | { readonly kind: 'needProbe'; readonly seq: number }
  /** The store holds the point; `storedSeq - seq` events follow it that the authority did not vouch for. */
  | { readonly kind: 'holds'; readonly seq: number; readonly storedSeq: number }
  /** The store ends before the point: events the authority vouched for are gone. */
  | { readonly kind: 'short'; readonly seq: number; readonly storedSeq: number }
  /** The store's event at the point has another hash: it or an event before it was rewritten. */
  | { readonly kind: 'differs'; readonly seq: number; readonly storedSeq: number };

export function judgeAgainstPoint(point: ChainPoint, claim: ChainClaim): PointJudgement {
  const storedSeq = claim.head.seq;
  if (storedSeq < point.seq) return { kind: 'short', seq: point.seq, storedSeq };
  const stored = storedHashAt(claim, point.seq);
  if (stored === undefined) return { kind: 'needProbe', seq: point.seq };
  return stored === point.hash
    ? { kind: 'holds', seq: point.seq, storedSeq }
    : { kind: 'differs', seq: point.seq, storedSeq };
}
