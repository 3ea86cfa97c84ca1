/**
 * Offline sign-in's own lockout: the server cannot count failures it never sees. Five wrong
 * passwords in a row lock the account on this desktop for 5 minutes, and each further failure
 * doubles the wait up to a day, so guessing through the desktop's own form is hopeless while a
 * teacher who mistypes waits minutes.
 */
export const offlineFreeAttempts = 5;
const firstLockSeconds = 5 * 60;
const longestLockSeconds = 24 * 60 * 60;

export type OfflineLock =
  { readonly locked: false } | { readonly locked: true; readonly retryAfterSeconds: number };

export function offlineLockSeconds(failedAttempts: number): number {
  if (failedAttempts < offlineFreeAttempts) return 0;
  const doublings = Math.min(failedAttempts - offlineFreeAttempts, 20);
  return Math.min(firstLockSeconds * 2 ** doublings, longestLockSeconds);
}

export function offlineLockout(failedAttempts: number, lastFailureAt: string | null, now: Date): OfflineLock {
  const seconds = offlineLockSeconds(failedAttempts);
  if (seconds === 0 || lastFailureAt === null) return { locked: false };
  const until = Date.parse(lastFailureAt) + seconds * 1000;
  // A clock set back before the last failure keeps the lock rather than lifting it.
  if (now.getTime() >= until) return { locked: false };
  return {
    locked: true,
    retryAfterSeconds: Math.ceil((until - Math.max(now.getTime(), Date.parse(lastFailureAt))) / 1000),
  };
}
