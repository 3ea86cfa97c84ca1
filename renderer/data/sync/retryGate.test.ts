import { describe, expect, it } from 'vitest';
import { createRetryGate, SyncStopped } from './retryGate';

describe('the retry gate: backoff between tries, cut short by “Đồng bộ ngay”', () => {
  it('tries again after each failure with a wait that doubles up to the most', async () => {
    // Waits far longer than the test: only a kick lets each try go on.
    const gate = createRetryGate({ firstMs: 60_000, maxMs: 200_000 });
    const waits: number[] = [];
    let tries = 0;
    const result = gate.run(
      async () => {
        tries += 1;
        if (tries < 5) throw new Error(`không kết nối được (${String(tries)})`);
        return 'xong';
      },
      (_error, waitMs) => {
        waits.push(waitMs);
        // The wait begins as this returns; a kick right after cuts it short (no timer runs out).
        queueMicrotask(() => gate.kick());
      },
    );
    await expect(result).resolves.toBe('xong');
    expect(waits).toEqual([60_000, 120_000, 200_000, 200_000]);
  });

  it('ends a waiting call with SyncStopped when sync stops, and tries nothing more', async () => {
    const gate = createRetryGate({ firstMs: 60_000, maxMs: 60_000 });
    let tries = 0;
    let failed!: () => void;
    const failedOnce = new Promise<void>((resolve) => (failed = resolve));
    const result = gate.run(
      async () => {
        tries += 1;
        throw new Error('máy chủ không trả lời');
      },
      () => failed(),
    );
    await failedOnce;
    gate.stop();
    await expect(result).rejects.toBeInstanceOf(SyncStopped);
    expect(tries).toBe(1);
    await expect(
      gate.run(
        async () => 'không chạy',
        () => undefined,
      ),
    ).rejects.toBeInstanceOf(SyncStopped);
  });
});
