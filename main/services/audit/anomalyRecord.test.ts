import { describe, expect, it } from 'vitest';
import { maxKeptAnomalies, maxShownAnomalies, noteAnomaly, shownAnomalies } from './anomalyRecord';
import type { HeadStoreBody } from './headStoreFile';

const emptyBody = (): HeadStoreBody => ({
  format: 1,
  deviceId: 'device-11111111-2222-4333-8444-555555555555',
  createdAt: '2026-01-01T00:00:00.000Z',
  chains: [],
  anomalies: [],
  anomalyCount: 0,
});

describe('main’s record of anomalies', () => {
  it('counts a refused report repeated with every keystroke instead of listing it again', () => {
    const body = emptyBody();
    for (let i = 0; i < 30; i += 1)
      noteAnomaly(
        body,
        { kind: 'conflictingReport', subject: 'd/db', message: `m${String(i)}` },
        `t${String(i)}`,
      );
    expect(body.anomalies).toHaveLength(1);
    expect(body.anomalies[0]).toMatchObject({ count: 30, at: 't0', lastAt: 't29' });
  });

  it('keeps the first anomalies when a flood of others passes the cap, and shows them', () => {
    const body = emptyBody();
    noteAnomaly(body, { kind: 'truncated', subject: 'd/db', message: 'the real one' }, 'first');
    for (let i = 0; i < 1000; i += 1)
      noteAnomaly(
        body,
        { kind: 'unknownDevice', subject: `x${String(i)}/db`, message: 'noise' },
        `n${String(i)}`,
      );
    expect(body.anomalies).toHaveLength(maxKeptAnomalies);
    expect(body.anomalyCount).toBe(1001);
    expect(body.anomalies[0]?.message).toBe('the real one');
    const shown = shownAnomalies(body);
    expect(shown).toHaveLength(maxShownAnomalies);
    expect(shown[0]?.at).toBe('n999');
    expect(shown.at(-1)?.message).toBe('the real one');
  });
});
