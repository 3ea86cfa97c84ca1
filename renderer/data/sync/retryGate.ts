/** The replication was stopped while a call waited to be tried again. */
export class SyncStopped extends Error {
  override name = 'SyncStopped';
}

export type RetryGate = {
  /**
   * Calls until the call succeeds: after each failure `onFailure` hears why and how long the wait
   * is, and the wait doubles (from `firstMs` up to `maxMs`); `kick` cuts every wait short.
   */
  readonly run: <T>(
    call: () => Promise<T>,
    onFailure: (error: unknown, waitMs: number) => void,
  ) => Promise<T>;
  /** "Đồng bộ ngay", or the page back online: every waiting call is tried now. */
  readonly kick: () => void;
  /** Ends every wait; calls waiting reject with SyncStopped. */
  readonly stop: () => void;
};

/**
 * Backoff for the replication's calls to the province server: a school's link that is down is
 * asked again after 5 s, then 10 s, 20 s… up to five minutes, not hammered; a teacher's "Đồng
 * bộ ngay" (or the network coming back) tries at once. The calls wait here, inside the
 * replication's handlers, so RxDB sees one slow call rather than failures.
 */
export function createRetryGate(options: { readonly firstMs: number; readonly maxMs: number }): RetryGate {
  let waiting: (() => void)[] = [];
  let stopped = false;
  /** Read through a call: `stop` may have come while a try was under way. */
  const isStopped = () => stopped;
  const kick = () => {
    const woken = waiting;
    waiting = [];
    for (const wake of woken) wake();
  };
  return {
    run: async (call, onFailure) => {
      let waitMs = options.firstMs;
      for (;;) {
        if (isStopped()) throw new SyncStopped();
        try {
          return await call();
        } catch (error) {
          if (isStopped()) throw new SyncStopped();
          onFailure(error, waitMs);
          await new Promise<void>((resolve) => {
            const wake = () => {
              clearTimeout(timer);
              resolve();
            };
            const timer = setTimeout(() => {
              waiting = waiting.filter((other) => other !== wake);
              resolve();
            }, waitMs);
            waiting.push(wake);
          });
          waitMs = Math.min(options.maxMs, waitMs * 2);
        }
      }
    },
    kick,
    stop: () => {
      stopped = true;
      kick();
    },
  };
}
