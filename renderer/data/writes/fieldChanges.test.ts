import { describe, expect, it } from 'vitest';
import { fieldChanges } from './fieldChanges';

describe('field-level changes for the audit trail', () => {
  it('walks nested objects to the changed leaf and ignores bookkeeping fields', () => {
    expect(
      fieldChanges(
        { id: 'x', CN: { level: 'H', score: 7, comment: '' }, updatedAt: 'a', rev: 1 },
        { id: 'x', CN: { level: 'T', score: 7, comment: '' }, updatedAt: 'b', rev: 2 },
      ),
    ).toEqual([{ field: 'CN.level', old: 'H', new: 'T' }]);
  });

  it('treats a period created from nothing as the values entered, not as a whole object', () => {
    expect(
      fieldChanges({ CN: null }, { CN: { level: 'T', score: null, retestScore: null, comment: '' } }),
    ).toEqual([{ field: 'CN.level', old: null, new: 'T' }]);
  });

  it('compares arrays as whole values and counts null, absent and empty text as the same nothing', () => {
    expect(fieldChanges({ electives: ['ngoai-ngu-1'] }, { electives: [] })).toEqual([
      { field: 'electives', old: ['ngoai-ngu-1'], new: [] },
    ]);
    expect(fieldChanges({ note: '' }, { note: null })).toEqual([]);
    expect(fieldChanges({ a: 1 }, { a: 1, b: 'x' })).toEqual([{ field: 'b', old: null, new: 'x' }]);
  });
});
