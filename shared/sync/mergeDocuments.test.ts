import { describe, expect, it } from 'vitest';
import { isRefusalOfOwnChange, mergeDocumentStates, type DocumentState } from './mergeDocuments';

const base: DocumentState = {
  id: 'subjectResult:hs1:toan:2026-2027',
  _deleted: false,
  schoolId: 'school:01234567',
  updatedAt: '2026-12-01T01:00:00.000Z',
  updatedBy: 'user:a',
  rev: 0,
  GK1: null,
  CK1: { level: 'H', score: 7, comment: 'Tiến bộ.' },
};
const at = (time: string, by: string) => ({ updatedAt: time, updatedBy: by });

describe('three-way merge of two writers’ changes', () => {
  it('keeps what each changed when they changed different fields', () => {
    const master = {
      ...base,
      ...at('2026-12-02T01:00:00.000Z', 'user:b'),
      GK1: { level: 'T', score: 9, comment: '' },
    };
    const mine = {
      ...base,
      ...at('2026-12-02T02:00:00.000Z', 'user:a'),
      CK1: { level: 'T', score: 7, comment: 'Tiến bộ.' },
    };
    const outcome = mergeDocumentStates({ assumed: base, master, mine });
    expect(outcome.document).toEqual({
      ...master,
      CK1: mine.CK1,
      updatedAt: mine.updatedAt,
      updatedBy: 'user:a',
    });
    expect(outcome.mineKept).toEqual(['CK1']);
    expect(outcome.serverKept).toEqual([]);
  });

  it('merges inside a period: a level and a comment changed by different writers both stay', () => {
    const master = { ...base, CK1: { level: 'T', score: 7, comment: 'Tiến bộ.' } };
    const mine = { ...base, CK1: { level: 'H', score: 7, comment: 'Cần cẩn thận hơn khi tính.' } };
    const outcome = mergeDocumentStates({ assumed: base, master, mine });
    expect(outcome.document.CK1).toEqual({ level: 'T', score: 7, comment: 'Cần cẩn thận hơn khi tính.' });
    expect(outcome.mineKept).toEqual(['CK1.comment']);
    expect(outcome.serverKept).toEqual([]);
  });

  it('keeps the server’s value where both changed the same field, and says which', () => {
    const master = { ...base, CK1: { level: 'T', score: 8, comment: 'Tiến bộ.' } };
    const mine = { ...base, CK1: { level: 'H', score: 9, comment: 'Tiến bộ.' } };
    const outcome = mergeDocumentStates({ assumed: base, master, mine });
    expect(outcome.document).toBe(master);
    expect(outcome.serverKept).toEqual(['CK1.score']);
    expect(outcome.mineKept).toEqual([]);
  });

  it('brings nothing when both made the same change', () => {
    const changed = { ...base, CK1: { level: 'T', score: 7, comment: 'Tiến bộ.' } };
    const outcome = mergeDocumentStates({ assumed: base, master: changed, mine: { ...changed } });
    expect(outcome).toEqual({ document: changed, serverKept: [], mineKept: [] });
  });

  it('treats a document both created independently as changed by both wherever both hold a value', () => {
    const master = { ...base, GK1: { level: 'T', score: null, comment: '' } };
    const mine = { ...base, CK1: { level: 'C', score: 4, comment: 'Cần cố gắng.' } };
    const outcome = mergeDocumentStates({ assumed: undefined, master, mine });
    expect(outcome.document).toBe(master);
    // GK1 is blank here: nothing of this desktop's to bring, so it is no conflict.
    expect([...outcome.serverKept].sort()).toEqual(['CK1.comment', 'CK1.level', 'CK1.score']);
  });

  it('never merges a deletion: the server’s state stays', () => {
    const deleted = { ...base, _deleted: true };
    const mine = { ...base, CK1: { level: 'T', score: 7, comment: '' } };
    expect(mergeDocumentStates({ assumed: base, master: deleted, mine }).document).toBe(deleted);
    const master = { ...base, GK1: { level: 'T', score: 9, comment: '' } };
    const outcome = mergeDocumentStates({ assumed: base, master, mine: { ...base, _deleted: true } });
    expect(outcome.document).toBe(master);
    expect(outcome.serverKept).toEqual(['_deleted']);
  });

  it('never lets a writer field decide: who wrote last follows the values kept', () => {
    const master = { ...base, ...at('2026-12-03T00:00:00.000Z', 'user:b') };
    const mine = { ...base, ...at('2026-12-04T00:00:00.000Z', 'user:a') };
    const outcome = mergeDocumentStates({ assumed: base, master, mine });
    expect(outcome.document).toBe(master);
    expect(outcome).toMatchObject({ serverKept: [], mineKept: [] });
  });
});

describe('a refusal of one’s own change, or another writer’s change', () => {
  it('is a refusal when the server still holds what the desktop started from', () => {
    expect(isRefusalOfOwnChange(base, { ...base })).toBe(true);
    expect(isRefusalOfOwnChange(undefined, { ...base, _deleted: true })).toBe(true);
    expect(isRefusalOfOwnChange({ ...base, _deleted: true }, { ...base, _deleted: true, rev: 3 })).toBe(true);
  });
  it('is another writer’s change when the server moved on', () => {
    expect(isRefusalOfOwnChange(base, { ...base, CK1: null })).toBe(false);
    expect(isRefusalOfOwnChange(undefined, base)).toBe(false);
  });
});
