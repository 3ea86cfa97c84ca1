import type { AuditEvent } from '../../../shared/audit/auditChain';
import {
  maxHashesPerReport,
  type AuditRecordHeadRequest,
  type AuditRecordHeadResponse,
} from '../../../shared/ipc/auditChannels';
import type { HocbaDatabase } from '../database';

/**
 * Tells main the hash of every audit event this page appends, so main can later tell a chain
 * cut back or rewritten in IndexedDB from the one that was written. A write never waits for it:
 * the events are noted after they are stored, and sent at the next pause in the writing, all that
 * piled up in one report (a typist's keystrokes share one). A report that cannot reach main is
 * retried with a growing pause; one that is lost with the page (a crash, a closed window) is
 * caught by the next integrity check, which finds the database ahead of main and sends the rest
 * from IndexedDB.
 */

/** `unreachable`: try again later; `refused`: main will not take this report as sent. */
export type ChainHeadSink = (
  request: AuditRecordHeadRequest,
) => Promise<AuditRecordHeadResponse | 'unreachable' | 'refused'>;

type Entry = { readonly seq: number; readonly hash: string; readonly prevHash: string };

type ChainState = {
  readonly database: HocbaDatabase;
  readonly deviceId: string;
  /** Main's head as it last answered; undefined when not known yet or after a refusal. */
  acked: number | undefined;
  /** Where to start while main's head is not known: the first event noted since. */
  floor: number | undefined;
  /** The highest sequence the database is known to hold. */
  target: number;
  /** Hashes noted and not yet acknowledged (a cache: what is not here is read from IndexedDB). */
  pending: Entry[];
  running: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  retryDelay: number;
  /** When the last event was noted, and the first one not yet sent (performance.now()). */
  lastNoteAt: number;
  firstUnsentAt: number | undefined;
  /** Called when the send under way (or the next one) ends, however it ended. */
  attemptWaiters: (() => void)[];
};

/**
 * Reports wait for a pause in the writing (a typist's keys come 100-300 ms apart) but never
 * longer than `maxWaitMs`: a report, and main's writing of its record, then never competes with
 * the next keystroke's own write.
 */
const quietMs = 400;
const maxWaitMs = 3000;
const firstRetryMs = 1000;
const maxRetryMs = 30_000;
/** Beyond this many unsent hashes in memory, they are read back from IndexedDB when sent. */
const maxPending = 20_000;

let sink: ChainHeadSink | undefined;
const chains = new WeakMap<HocbaDatabase, Map<string, ChainState>>();
const live = new Set<ChainState>();
const idleWaiters = new Set<() => void>();

/** Where reports go (the app sets main's `audit:recordHead`); without one, nothing is reported. */
export function setChainHeadSink(next: ChainHeadSink | undefined): void {
  sink = next;
  for (const state of live) schedule(state, 0);
  settle();
}

function stateOf(database: HocbaDatabase, deviceId: string): ChainState {
  const byDevice = chains.get(database) ?? new Map<string, ChainState>();
  chains.set(database, byDevice);
  let state = byDevice.get(deviceId);
  if (!state) {
    state = {
      database,
      deviceId,
      acked: undefined,
      floor: undefined,
      target: 0,
      pending: [],
      running: false,
      timer: undefined,
      retryDelay: firstRetryMs,
      lastNoteAt: 0,
      firstUnsentAt: undefined,
      attemptWaiters: [],
    };
    byDevice.set(deviceId, state);
    live.add(state);
  }
  return state;
}

function nextSeq(state: ChainState): number | undefined {
  return state.acked === undefined ? state.floor : state.acked + 1;
}

function hasWork(state: ChainState): boolean {
  const next = nextSeq(state);
  return sink !== undefined && !state.database.closed && next !== undefined && next <= state.target;
}

function settle(): void {
  // A closed database (a user signed out) has nothing more to send; its next page start checks it.
  for (const state of live) if (state.database.closed && !state.running) live.delete(state);
  for (const state of live) if (state.running || state.timer !== undefined || hasWork(state)) return;
  for (const resolve of idleWaiters) resolve();
  idleWaiters.clear();
}

/** How long to wait for a pause in the writing before sending what was noted. */
function quietDelay(state: ChainState): number {
  const now = performance.now();
  const waited = state.firstUnsentAt === undefined ? 0 : now - state.firstUnsentAt;
  return Math.max(0, Math.min(quietMs - (now - state.lastNoteAt), maxWaitMs - waited));
}

function schedule(state: ChainState, delay: number): void {
  if (state.running || state.timer !== undefined || !hasWork(state)) return;
  state.timer = setTimeout(() => {
    state.timer = undefined;
    state.running = true;
    state.firstUnsentAt = undefined;
    void send(state)
      .catch(() => 'retry' as const)
      .then((outcome) => {
        state.running = false;
        const waiters = state.attemptWaiters;
        state.attemptWaiters = [];
        for (const resolve of waiters) resolve();
        if (outcome === 'retry') {
          const pause = state.retryDelay;
          state.retryDelay = Math.min(pause * 2, maxRetryMs);
          schedule(state, pause);
        } else {
          state.retryDelay = firstRetryMs;
          schedule(state, quietDelay(state));
        }
        settle();
      });
  }, delay);
}

/** Called by the audit log right after events were stored. Returns at once. */
export function noteAppendedEvents(
  database: HocbaDatabase,
  deviceId: string,
  events: readonly AuditEvent[],
): void {
  const first = events[0];
  const last = events.at(-1);
  if (!sink || !first || !last) return;
  const state = stateOf(database, deviceId);
  if (state.pending.at(-1)?.seq !== first.seq - 1) state.pending = [];
  for (const { seq, hash, prevHash } of events) state.pending.push({ seq, hash, prevHash });
  if (state.pending.length > maxPending) state.pending = [];
  state.floor ??= first.seq;
  state.target = Math.max(state.target, last.seq);
  state.lastNoteAt = performance.now();
  state.firstUnsentAt ??= state.lastNoteAt;
  // Each write moves the send back to the next pause (up to maxWaitMs after the first unsent one).
  if (state.timer !== undefined && state.retryDelay === firstRetryMs) {
    clearTimeout(state.timer);
    state.timer = undefined;
  }
  schedule(state, quietDelay(state));
}

/**
 * After an integrity check: main holds this chain up to `mainSeq`, the database up to
 * `databaseSeq`; send what main lacks (read from IndexedDB where this page did not note it).
 */
export function catchUpChainHead(
  database: HocbaDatabase,
  deviceId: string,
  mainSeq: number,
  databaseSeq: number,
): void {
  if (!sink || databaseSeq <= mainSeq) return;
  const state = stateOf(database, deviceId);
  state.acked = mainSeq;
  state.target = Math.max(state.target, databaseSeq);
  if (state.timer !== undefined) clearTimeout(state.timer);
  state.timer = undefined;
  schedule(state, 0);
}

function attemptEnded(state: ChainState): Promise<void> {
  return new Promise((resolve) => state.attemptWaiters.push(resolve));
}

/**
 * Sends now, without waiting for a pause in the writing, what this page noted of a chain, and
 * resolves when that attempt has ended (main answered, refused, or could not be reached): the
 * start check runs after it, so events this page has just written (a sample school imported a
 * moment ago) are in main's record before main judges the chain.
 */
export async function flushChainHeadReports(database: HocbaDatabase, deviceId: string): Promise<void> {
  const state = chains.get(database)?.get(deviceId);
  if (!state) return;
  if (state.running) await attemptEnded(state);
  if (!hasWork(state)) return;
  if (state.timer !== undefined) clearTimeout(state.timer);
  state.timer = undefined;
  const ended = attemptEnded(state);
  schedule(state, 0);
  await ended;
}

/** Resolves once main has answered every event noted so far (or refused them): for tests and benchmarks. */
export function chainHeadReportsSettled(): Promise<void> {
  return new Promise((resolve) => {
    idleWaiters.add(resolve);
    settle();
  });
}

async function entriesFor(state: ChainState, from: number, to: number): Promise<Entry[]> {
  const cached = state.pending.filter((entry) => entry.seq >= from && entry.seq <= to);
  if (cached[0]?.seq === from && cached.length === to - from + 1) return cached;
  const found = await state.database.auditEvents
    .find({ selector: { deviceId: state.deviceId, seq: { $gte: from, $lte: to } }, sort: [{ seq: 'asc' }] })
    .exec();
  const entries: Entry[] = [];
  for (const doc of found) {
    if (doc.seq !== from + entries.length) break;
    entries.push({ seq: doc.seq, hash: doc.hash, prevHash: doc.prevHash });
  }
  return entries;
}

/** Stops until the next write or integrity check (main keeps its record and any anomaly). */
function standDown(state: ChainState): void {
  state.acked = undefined;
  state.floor = undefined;
  state.pending = [];
}

async function send(state: ChainState): Promise<'done' | 'retry'> {
  for (let from = nextSeq(state); sink && from !== undefined && from <= state.target; from = nextSeq(state)) {
    if (state.database.closed) return 'done';
    const entries = await entriesFor(state, from, Math.min(state.target, from + maxHashesPerReport - 1));
    const first = entries[0];
    if (!first) {
      // The database does not hold what should follow: the integrity check will say why.
      standDown(state);
      return 'done';
    }
    const answer = await sink({
      deviceId: state.deviceId,
      database: state.database.name,
      fromSeq: from,
      prevHash: first.prevHash,
      hashes: entries.map((entry) => entry.hash),
    });
    if (answer === 'unreachable') return 'retry';
    if (answer === 'refused' || !['recorded', 'duplicate', 'gap'].includes(answer.status)) {
      standDown(state);
      return 'done';
    }
    if (answer.status !== 'gap' && answer.mainSeq < from) {
      standDown(state);
      return 'done';
    }
    state.acked = answer.mainSeq;
    state.pending = state.pending.filter((entry) => entry.seq > answer.mainSeq);
  }
  return 'done';
}
