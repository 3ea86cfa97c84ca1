import { TokenError, toTokenError } from './tokenError';
import type { TokenSummary } from './tokenSummary';

export type TokenPresenceEvent = {
  readonly type: 'added' | 'removed';
  /** For 'removed', the token as last seen. */
  readonly token: TokenSummary;
};

export type HotPlugPoller = {
  readonly start: () => void;
  readonly stop: () => void;
  readonly isRunning: () => boolean;
  /** One poll now (also what the timer runs); returns the events it emitted. */
  readonly pollNow: () => TokenPresenceEvent[];
  /** Tokens present at the last poll. */
  readonly current: () => TokenSummary[];
};

export type HotPlugPollerOptions = {
  /** Usually `() => tokenService.listTokens(libraryPath)`. */
  readonly listTokens: () => TokenSummary[];
  readonly onEvent: (event: TokenPresenceEvent) => void;
  readonly onError?: (error: TokenError) => void;
  /** PKCS#11 has C_WaitForSlotEvent, but many CA modules do not implement it; polling works everywhere. */
  readonly intervalMs?: number;
};

/** A token is the same token while it stays in the same slot with the same serial number. */
function identity(token: TokenSummary): string {
  return `${token.libraryPath}\u0000${token.slotId}\u0000${token.serialNumber}`;
}

/** Pure diff of two polls: what appeared, then what disappeared. */
export function diffTokens(
  previous: readonly TokenSummary[],
  next: readonly TokenSummary[],
): TokenPresenceEvent[] {
  const before = new Map(previous.map((token) => [identity(token), token]));
  const after = new Map(next.map((token) => [identity(token), token]));
  const events: TokenPresenceEvent[] = [];
  for (const [key, token] of after) if (!before.has(key)) events.push({ type: 'added', token });
  for (const [key, token] of before) if (!after.has(key)) events.push({ type: 'removed', token });
  return events;
}

/**
 * Polls the token list and reports tokens plugged in and pulled out. The first poll reports every
 * present token as added. A failing poll reports the error and counts as "no tokens", so tokens
 * come back as added once the module answers again.
 */
export function createHotPlugPoller(options: HotPlugPollerOptions): HotPlugPoller {
  const intervalMs = options.intervalMs ?? 1500;
  let known: TokenSummary[] = [];
  let timer: NodeJS.Timeout | undefined;

  const pollNow = (): TokenPresenceEvent[] => {
    let next: TokenSummary[];
    try {
      next = options.listTokens();
    } catch (error) {
      options.onError?.(error instanceof TokenError ? error : toTokenError(error));
      next = [];
    }
    const events = diffTokens(known, next);
    known = next;
    for (const event of events) options.onEvent(event);
    return events;
  };

  return {
    start: () => {
      if (timer !== undefined) return;
      pollNow();
      timer = setInterval(pollNow, intervalMs);
      // The poller alone must not keep a CLI run or a test process alive.
      timer.unref();
    },
    stop: () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
    isRunning: () => timer !== undefined,
    pollNow,
    current: () => [...known],
  };
}
