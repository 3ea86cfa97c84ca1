import { describe, expect, it } from 'vitest';
import { compareWithServerHeads } from './serverHeadCheck';

const hash = (n: number) => n.toString(16).padStart(64, '0');
/** This database: the own device's events 1–10, another desktop's 1–4, each with hash(seq·device). */
const local = new Map<string, string>([
  ...Array.from({ length: 10 }, (_, i) => [`own#${String(i + 1)}`, hash(100 + i + 1)] as const),
  ...Array.from({ length: 4 }, (_, i) => [`other#${String(i + 1)}`, hash(200 + i + 1)] as const),
]);
const check = (heads: { deviceId: string; seq: number; hash: string }[]) =>
  compareWithServerHeads({
    heads,
    ownDeviceId: 'own',
    hashAt: (deviceId, seq) => local.get(`${deviceId}#${String(seq)}`),
    localHeadOf: (deviceId) => (deviceId === 'own' ? 10 : deviceId === 'other' ? 4 : 0),
  });

describe('comparing the history with the province server', () => {
  it('matches where the server’s heads are the events held here, and lets another desktop be ahead', () => {
    const result = check([
      { deviceId: 'own', seq: 8, hash: hash(108) },
      { deviceId: 'other', seq: 6, hash: hash(999) },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.devices).toEqual([
      { deviceId: 'own', verdict: 'match' },
      { deviceId: 'other', verdict: 'behind' },
    ]);
  });

  it('names an event rewritten here or on the server', () => {
    const result = check([{ deviceId: 'other', seq: 3, hash: hash(555) }]);
    expect(result.devices).toEqual([{ deviceId: 'other', verdict: 'differs', seq: 3 }]);
    expect(result.problems[0]).toMatch(/Sự kiện 3 của một máy khác/);
  });

  it('says when this desktop lost its own events the server holds (an old backup restored)', () => {
    const result = check([{ deviceId: 'own', seq: 12, hash: hash(112) }]);
    expect(result.devices).toEqual([{ deviceId: 'own', verdict: 'missingHere', seq: 12 }]);
    expect(result.problems[0]).toMatch(/giữ 12 sự kiện của máy này, nhưng máy này chỉ còn 10/);
  });

  it('counts an event missing inside the chain here as a difference', () => {
    local.delete('own#5');
    const result = check([{ deviceId: 'own', seq: 5, hash: hash(105) }]);
    expect(result.devices).toEqual([{ deviceId: 'own', verdict: 'differs', seq: 5 }]);
  });
});
