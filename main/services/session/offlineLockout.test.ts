import { describe, expect, it } from 'vitest';
import { offlineFreeAttempts, offlineLockSeconds, offlineLockout } from './offlineLockout';

describe('offline sign-in lockout', () => {
  const at = new Date('2026-12-05T08:00:00.000Z');
  const later = (seconds: number) => new Date(at.getTime() + seconds * 1000);

  it('lets a teacher mistype four times, then locks for five minutes, doubling up to a day', () => {
    expect(offlineLockSeconds(offlineFreeAttempts - 1)).toBe(0);
    expect(offlineLockSeconds(offlineFreeAttempts)).toBe(300);
    expect(offlineLockSeconds(offlineFreeAttempts + 1)).toBe(600);
    expect(offlineLockSeconds(offlineFreeAttempts + 100)).toBe(24 * 60 * 60);
  });

  it('counts from the last failure and lifts the lock when it ends', () => {
    const last = at.toISOString();
    expect(offlineLockout(4, last, later(1))).toEqual({ locked: false });
    expect(offlineLockout(5, last, later(1))).toEqual({ locked: true, retryAfterSeconds: 299 });
    expect(offlineLockout(5, last, later(300))).toEqual({ locked: false });
  });

  it('keeps the lock when the clock is set back before the last failure', () => {
    const lock = offlineLockout(6, at.toISOString(), new Date(at.getTime() - 3 * 24 * 3600 * 1000));
    expect(lock).toEqual({ locked: true, retryAfterSeconds: 600 });
  });
});
