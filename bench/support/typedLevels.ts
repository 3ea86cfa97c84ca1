/**
 * The level typed into each row of the grade book's first column: never the value the cell
 * shows, so every key is a real change that is saved with its audit event (a key that types the
 * value already there saves nothing and would flatter the figures).
 */
export function levelsToType(shown: readonly string[], count: number): string[] {
  const levels = ['T', 'H', 'C'];
  const current = [...shown];
  const typed: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const row = i % current.length;
    const choices = levels.filter((level) => level !== current[row]);
    const level = choices[i % choices.length] ?? 'T';
    current[row] = level;
    typed.push(level);
  }
  return typed;
}
