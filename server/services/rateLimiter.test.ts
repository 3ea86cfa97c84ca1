import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rateLimiter';

describe('rate limiter', () => {
  const clockAt = () => {
    let now = 0;
    return { clock: () => new Date(now), advance: (ms: number) => (now += ms) };
  };

  it('allows the limit per window, then refuses with the seconds left, then allows again', () => {
    const time = clockAt();
    const limiter = createRateLimiter({ limit: 3, windowSeconds: 60, clock: time.clock });
    expect([1, 2, 3].map(() => limiter.hit('a').allowed)).toEqual([true, true, true]);
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    time.advance(45_500);
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 15 });
    expect(limiter.hit('b').allowed).toBe(true);
    time.advance(14_500);
    expect(limiter.hit('a').allowed).toBe(true);
  });

  it('keeps its memory bounded under a spray of keys', () => {
    const time = clockAt();
    const limiter = createRateLimiter({ limit: 1, windowSeconds: 60, clock: time.clock, maxKeys: 100 });
    for (let i = 0; i < 1000; i += 1) limiter.hit(`10.0.${Math.floor(i / 250)}.${i % 250}`);
    expect(limiter.size()).toBeLessThanOrEqual(100);
    time.advance(61_000);
    limiter.hit('late');
    expect(limiter.size()).toBeLessThanOrEqual(100);
  });
});
