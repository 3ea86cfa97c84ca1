import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pinStateFromFlags, type TokenSummary } from '../token';
import { createTokenWatch, type TokenWatchOptions } from './tokenWatch';

const libraryPath = '/usr/lib/libtoken.so';
const libraryId = 'configured:0123456789abcdef';

function token(slotId: string, serialNumber: string): TokenSummary {
  return {
    libraryPath,
    slotId,
    label: `Token ${serialNumber}`,
    serialNumber,
    manufacturer: 'Test',
    model: 'Test',
    present: true,
    initialized: true,
    loginRequired: true,
    protectedAuthenticationPath: false,
    pinState: pinStateFromFlags(0),
  };
}

/** A desk whose tokens the test plugs in and pulls out; counts what the watch asks of it. */
function desk(options: Partial<TokenWatchOptions> = {}) {
  const plugged: TokenSummary[] = [];
  const calls = { list: 0, rescan: 0 };
  const watch = createTokenWatch({
    tokens: {
      listTokens: () => {
        calls.list += 1;
        return [...plugged];
      },
      rescan: () => {
        calls.rescan += 1;
        return true;
      },
    },
    libraries: {
      list: async () => ({
        libraries: [{ id: libraryId, provider: 'libtoken.so', path: libraryPath, source: 'configured' }],
        problems: [],
      }),
    },
    intervalMs: 1000,
    maxWaitMs: 25_000,
    idleStopMs: 10_000,
    rescanMs: 5000,
    ...options,
  });
  return { plugged, calls, watch };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the token watch (token:watch)', () => {
  it('answers a held wait when a token is plugged in or pulled out, one generation per change', async () => {
    const { plugged, watch } = desk();
    plugged.push(token('01', 'A'));
    const first = await watch.wait();
    expect(first.tokens).toEqual([{ libraryId, slotId: '01', serialNumber: 'A', label: 'Token A' }]);

    const held = watch.wait(first.generation);
    let answered = false;
    void held.then(() => {
      answered = true;
    });
    await vi.advanceTimersByTimeAsync(3000);
    expect(answered).toBe(false);
    plugged.push(token('02', 'B'), token('03', 'C'));
    await vi.advanceTimersByTimeAsync(1000);
    const two = await held;
    expect(two.generation).toBe(first.generation + 1);
    expect(two.tokens.map((entry) => entry.serialNumber)).toEqual(['A', 'B', 'C']);

    const next = watch.wait(two.generation);
    plugged.splice(0, 1);
    await vi.advanceTimersByTimeAsync(1000);
    expect((await next).tokens.map((entry) => entry.serialNumber)).toEqual(['B', 'C']);
    // A page that saw an older generation hears at once.
    await expect(watch.wait(first.generation)).resolves.toMatchObject({ generation: first.generation + 2 });
    watch.close();
  });

  it('loads a library that shows no token afresh, at most every few seconds, and leaves one with a token alone', async () => {
    const { plugged, calls, watch } = desk();
    const first = await watch.wait();
    expect(first.tokens).toEqual([]);
    const held = watch.wait(first.generation);
    await vi.advanceTimersByTimeAsync(10_000);
    // Ten polls, two rescans (at the first poll after the first, then 5 s later).
    expect(calls.list).toBe(11);
    expect(calls.rescan).toBe(2);
    plugged.push(token('01', 'A'));
    await vi.advanceTimersByTimeAsync(1000);
    await expect(held).resolves.toMatchObject({ generation: first.generation + 1 });
    const rescans = calls.rescan;
    const again = watch.wait(first.generation + 1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls.rescan).toBe(rescans);
    watch.close();
    await expect(again).resolves.toMatchObject({ generation: first.generation + 1 });
  });

  it('answers an unchanged wait after its bound, and stops polling once nobody waits', async () => {
    const { calls, watch } = desk();
    const first = await watch.wait();
    const held = watch.wait(first.generation);
    await vi.advanceTimersByTimeAsync(25_000);
    await expect(held).resolves.toEqual(first);
    await vi.advanceTimersByTimeAsync(10_000);
    const polls = calls.list;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls.list).toBe(polls);
    // Waiting again starts it again.
    await watch.wait(first.generation - 1);
    expect(calls.list).toBe(polls + 1);
    watch.close();
  });

  it('holds a bounded number of waits: a new one answers the oldest, unchanged', async () => {
    const { watch } = desk({ maxWaiters: 2 });
    const first = await watch.wait();
    const answered: string[] = [];
    const held = ['oldest', 'second', 'third'].map((name) =>
      watch.wait(first.generation).then((presence) => {
        answered.push(name);
        return presence;
      }),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(answered).toEqual(['oldest']);
    watch.close();
    await expect(Promise.all(held)).resolves.toEqual([first, first, first]);
    expect(answered).toEqual(['oldest', 'second', 'third']);
  });
});
