import { describe, expect, it } from 'vitest';
import { levelsToType } from '../../bench/support/typedLevels';

describe('the levels the grade book benchmark types', () => {
  it('never types the value a cell already shows, round after round', () => {
    const shown = ['T', 'T', 'H', '', 'C'];
    const typed = levelsToType(shown, 23);
    const current = [...shown];
    typed.forEach((level, i) => {
      const row = i % shown.length;
      expect(level).not.toBe(current[row]);
      expect(['T', 'H', 'C']).toContain(level);
      current[row] = level;
    });
    expect(typed).toHaveLength(23);
  });

  it('uses every level, so the stored values keep changing', () => {
    expect(new Set(levelsToType(['T', 'T', 'T', 'T'], 12))).toEqual(new Set(['T', 'H', 'C']));
  });
});
