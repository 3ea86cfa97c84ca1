import { describe, expect, it } from 'vitest';
import { parseCellInput } from './cellValues';
import { parseClipboardTable, toClipboardTable } from './clipboard';
import {
  editText,
  handleKey,
  initialGridState,
  leaveEditTo,
  pasteBlock,
  positionsIn,
  selectionOf,
  type GridShape,
  type GridState,
  type KeyPress,
} from './gridModel';

const shape: GridShape = {
  rows: 4,
  columns: [
    { key: 'level', kind: 'subjectLevel', label: 'Mức' },
    { key: 'score', kind: 'score', label: 'Điểm' },
    { key: 'comment', kind: 'comment', label: 'Nhận xét' },
  ],
  // Student 2 does not take this elective: their cells are read-only.
  editable: (position) => position.row !== 2,
};

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

function run(keys: (string | KeyPress)[], start: GridState = initialGridState) {
  let state = start;
  const actions = [];
  for (const key of keys) {
    const result = handleKey(state, shape, typeof key === 'string' ? press(key) : key);
    state = result.state;
    actions.push(result.action);
  }
  return { state, actions: actions.filter((action) => action.type !== 'none') };
}

describe('grade book keyboard', () => {
  it('moves with arrows and stays inside the grid', () => {
    expect(run(['ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowRight']).state.active).toEqual({
      row: 2,
      column: 2,
    });
    expect(run(['ArrowUp', 'ArrowLeft']).state.active).toEqual({ row: 0, column: 0 });
  });

  it('writes a level letter at once and moves down, accepting lower case', () => {
    const { state, actions } = run(['t', 'h']);
    expect(actions).toEqual([
      { type: 'write', cells: [{ position: { row: 0, column: 0 }, raw: 't' }] },
      { type: 'write', cells: [{ position: { row: 1, column: 0 }, raw: 'h' }] },
    ]);
    expect(state.active).toEqual({ row: 2, column: 0 });
  });

  it('refuses a letter that is not a level, and any edit of a read-only cell', () => {
    expect(run(['x']).actions).toEqual([{ type: 'refused', reason: 'notALevel' }]);
    expect(run(['ArrowDown', 'ArrowDown', 't']).actions).toEqual([{ type: 'refused', reason: 'readOnly' }]);
    expect(run(['ArrowDown', 'ArrowDown', 'Delete']).actions).toEqual([
      { type: 'refused', reason: 'readOnly' },
    ]);
  });

  it('types a two-digit score, and commits it with Enter (down) or Tab (right)', () => {
    let result = run(['ArrowRight', '1']);
    expect(result.state.editing).toEqual({ text: '1' });
    result = run(['Enter'], { ...result.state, editing: { text: '10' } });
    expect(result.actions).toEqual([
      { type: 'write', cells: [{ position: { row: 0, column: 1 }, raw: '10' }] },
    ]);
    expect(result.state).toEqual({ active: { row: 1, column: 1 }, editing: null });
    const tab = run(['Tab'], { active: { row: 1, column: 1 }, editing: { text: '7' } });
    expect(tab.state.active).toEqual({ row: 1, column: 2 });
    expect(tab.actions).toHaveLength(1);
  });

  it('cancels an edit with Escape, and Tab wraps to the next student', () => {
    expect(run(['Escape'], { active: { row: 0, column: 2 }, editing: { text: 'Chăm' } })).toEqual({
      state: { active: { row: 0, column: 2 }, editing: null },
      actions: [],
    });
    expect(run(['Tab'], { active: { row: 0, column: 2 }, editing: null }).state.active).toEqual({
      row: 1,
      column: 0,
    });
    expect(
      run([press('Tab', { shiftKey: true })], { active: { row: 1, column: 0 }, editing: null }).state.active,
    ).toEqual({ row: 0, column: 2 });
  });

  it('keeps arrows for the caret inside a comment, but leaves a score with them', () => {
    expect(
      run(['ArrowDown'], { active: { row: 0, column: 2 }, editing: { text: 'abc' } }).state.editing,
    ).toEqual({ text: 'abc' });
    expect(
      run(['ArrowDown'], { active: { row: 0, column: 1 }, editing: { text: '9' } }).actions,
    ).toHaveLength(1);
  });

  it('clears with Delete and asks for undo with Ctrl+Z', () => {
    expect(run(['Delete']).actions).toEqual([
      { type: 'write', cells: [{ position: { row: 0, column: 0 }, raw: '' }] },
    ]);
    expect(run([press('z', { ctrlKey: true })]).actions).toEqual([{ type: 'undo' }]);
  });
});

describe('pasting from Excel', () => {
  it('reads tab-separated rows, quoted cells and the trailing newline Excel adds', () => {
    expect(parseClipboardTable('T\t9\r\nH\t7\r\n')).toEqual([
      ['T', '9'],
      ['H', '7'],
    ]);
    expect(parseClipboardTable('"Ngoan, lễ phép\nchăm chỉ"\tx\n')).toEqual([
      ['Ngoan, lễ phép\nchăm chỉ', 'x'],
    ]);
    expect(parseClipboardTable(toClipboardTable([['a"b', 'c\td']]))).toEqual([['a"b', 'c\td']]);
  });

  it('spreads a block from the active cell, cut at the edges, skipping read-only cells', () => {
    const block = parseClipboardTable('T\t9\nH\t8\nC\t4\nT\t10\nH\t6\n');
    const { cells, skipped } = pasteBlock({ row: 0, column: 1 }, block, shape);
    expect(skipped).toBe(2);
    expect(cells.map((cell) => `${cell.position.row},${cell.position.column}=${cell.raw}`)).toEqual([
      '0,1=T',
      '0,2=9',
      '1,1=H',
      '1,2=8',
      '3,1=T',
      '3,2=10',
    ]);
  });
});

describe('cell values', () => {
  it.each([
    ['subjectLevel', 'h', 'H'],
    ['subjectLevel', 'Hoàn thành tốt', 'T'],
    ['traitLevel', 'd', 'Đ'],
    ['traitLevel', 'Đạt', 'Đ'],
    ['traitLevel', 'cần cố gắng', 'C'],
    ['score', ' 10 ', 10],
    ['score', '', null],
    ['comment', '  Chăm ngoan  ', 'Chăm ngoan'],
  ] as const)('reads %s "%s" as %j', (kind, raw, value) => {
    expect(parseCellInput(kind, raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['subjectLevel', 'Đ'],
    ['traitLevel', 'H'],
    ['score', '8,5'],
    ['score', '11'],
    ['score', 'chín'],
  ] as const)('refuses %s "%s" with a message', (kind, raw) => {
    const parsed = parseCellInput(kind, raw);
    expect(parsed.ok).toBe(false);
  });
});

describe('a value the column cannot hold (issue 10, point 3)', () => {
  const editingScore: GridState = { active: { row: 0, column: 1 }, editing: { text: '11' } };

  it('keeps the cursor and the typed text on Enter, Tab or an arrow, and says why', () => {
    for (const key of ['Enter', 'Tab', 'ArrowDown']) {
      const { state, action } = handleKey(editingScore, shape, press(key));
      expect(action).toEqual({ type: 'none' });
      expect(state.active).toEqual({ row: 0, column: 1 });
      expect(state.editing).toEqual({ text: '11', problem: parseCellInputMessage('score', '11') });
    }
  });

  it('keeps them on a click elsewhere too', () => {
    const { state, action } = leaveEditTo(editingScore, shape, { row: 3, column: 0 });
    expect(action).toEqual({ type: 'none' });
    expect(state.active).toEqual({ row: 0, column: 1 });
    expect(state.editing?.problem).toBeDefined();
  });

  it('forgets the reason once the text changes, and commits the fixed value and moves on', () => {
    const refused = handleKey(editingScore, shape, press('Enter')).state;
    const fixed = editText(refused, '9');
    expect(fixed.editing).toEqual({ text: '9' });
    const { state, action } = handleKey(fixed, shape, press('Enter'));
    expect(action).toEqual({ type: 'write', cells: [{ position: { row: 0, column: 1 }, raw: '9' }] });
    expect(state).toEqual({ active: { row: 1, column: 1 }, editing: null });
  });

  it('lets Escape give the typed text up', () => {
    const refused = handleKey(editingScore, shape, press('Enter')).state;
    expect(handleKey(refused, shape, press('Escape')).state).toEqual({
      active: { row: 0, column: 1 },
      editing: null,
    });
  });

  it('commits a good value on a click elsewhere and moves there', () => {
    const { state, action } = leaveEditTo({ active: { row: 0, column: 1 }, editing: { text: '7' } }, shape, {
      row: 3,
      column: 0,
    });
    expect(action).toEqual({ type: 'write', cells: [{ position: { row: 0, column: 1 }, raw: '7' }] });
    expect(state).toEqual({ active: { row: 3, column: 0 }, editing: null });
  });
});

function parseCellInputMessage(kind: 'score', raw: string): string | undefined {
  const parsed = parseCellInput(kind, raw);
  return parsed.ok ? undefined : parsed.message;
}

describe('selecting, copying, filling down (issue 10, point 6)', () => {
  const shift = (key: string) => press(key, { shiftKey: true });
  const control = (key: string) => press(key, { ctrlKey: true });

  it('grows a rectangle with Shift+arrows from where it started, and a plain arrow drops it', () => {
    const { state } = run([shift('ArrowDown'), shift('ArrowDown'), shift('ArrowRight')]);
    expect(state.active).toEqual({ row: 2, column: 1 });
    expect(selectionOf(state)).toEqual({ top: 0, bottom: 2, left: 0, right: 1 });
    const dropped = handleKey(state, shape, press('ArrowUp')).state;
    expect(selectionOf(dropped)).toEqual({ top: 1, bottom: 1, left: 1, right: 1 });
    expect(positionsIn({ top: 0, bottom: 1, left: 1, right: 2 })).toEqual([
      { row: 0, column: 1 },
      { row: 0, column: 2 },
      { row: 1, column: 1 },
      { row: 1, column: 2 },
    ]);
  });

  it('fills the selection down from its top row with Ctrl+D, and a single cell from the one above', () => {
    const selected = run([shift('ArrowDown'), shift('ArrowDown'), shift('ArrowDown')]).state;
    expect(handleKey(selected, shape, control('d')).action).toEqual({
      type: 'fillDown',
      range: { top: 0, bottom: 3, left: 0, right: 0 },
    });
    const single = run(['ArrowDown', 'ArrowDown']).state;
    expect(handleKey(single, shape, control('d')).action).toEqual({
      type: 'fillDown',
      range: { top: 1, bottom: 2, left: 0, right: 0 },
    });
    // The first row has nothing above it.
    expect(handleKey(initialGridState, shape, control('d')).action).toEqual({ type: 'none' });
  });

  it('clears the whole selection with Delete, leaving cells that cannot be written', () => {
    const selected = run([shift('ArrowDown'), shift('ArrowDown'), shift('ArrowDown')]).state;
    expect(handleKey(selected, shape, press('Delete')).action).toEqual({
      type: 'write',
      cells: [0, 1, 3].map((row) => ({ position: { row, column: 0 }, raw: '' })),
    });
  });
});
