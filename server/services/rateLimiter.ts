import type { Clock } from './clock';

/**
 * A small in-memory fixed-window limiter: at most `limit` hits per key per window. One process
 * holds it; behind several server processes each counts its own share, which still bounds guessing.
 */
export type RateLimiter = {
  /** Counts one hit; refused with the seconds until the key's window ends. */
  readonly hit: (key: string) => { allowed: true } | { allowed: false; retryAfterSeconds: number };
  readonly size: () => number;
};

export function createRateLimiter(options: {
  readonly limit: number;
  readonly windowSeconds: number;
  readonly clock: Clock;
  /** Beyond this many keys, ended windows are swept (a spray of addresses cannot grow memory unbounded). */
  readonly maxKeys?: number;
}): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  const windowMs = options.windowSeconds * 1000;
  const maxKeys = options.maxKeys ?? 100_000;
  const sweep = (now: number): void => {
    for (const [key, window] of windows) if (now - window.startedAt >= windowMs) windows.delete(key);
    // Still full of live windows: drop the oldest (Map keeps insertion order).
    for (const key of windows.keys()) {
      if (windows.size < maxKeys) break;
      windows.delete(key);
    }
  };
  return {
    hit: (key) => {
      const now = options.clock().getTime();
      let window = windows.get(key);
      if (window === undefined || now - window.startedAt >= windowMs) {
        if (window === undefined && windows.size >= maxKeys) sweep(now);
        window = { startedAt: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= options.limit) return { allowed: true };
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + windowMs - now) / 1000)),
      };
    },
    size: () => windows.size,
  };
}
