import { parseCellInput, type ColumnKind } from './cellValues';

/**
 * The grade book's keyboard model, pure so it is tested without a browser: where the cursor is,
 * whether a cell is being edited, and what each key does. Spreadsheet habits: arrows move, Tab
 * and Enter commit and move on, typing a level letter writes it at once and moves down, typing
 * into a score or comment cell starts editing, Delete clears, Escape cancels, Ctrl+Z undoes.
 */
export type GridColumn = { readonly key: string; readonly kind: ColumnKind; readonly label: string };
export type GridPosition = { readonly row: number; readonly column: number };
/**
 * What is being typed into the active cell; `problem` says why the column refused it when the
 * teacher tried to leave (the editor stays open on the cell with the text, until fixed or Escape).
 */
export type CellEdit = { readonly text: string; readonly problem?: string };
/**
 * `anchor`: where a Shift+arrow selection started; the selection is the rectangle from it to the
 * active cell (a single cell without it).
 */
export type GridState = {
  readonly active: GridPosition;
  readonly editing: CellEdit | null;
  readonly anchor?: GridPosition;
};
/** A rectangle of cells, inclusive. */
export type GridRange = {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
};
export type GridShape = {
  readonly rows: number;
  readonly columns: readonly GridColumn[];
  /** Whether a cell may be written (assignment, electives); read-only cells are skipped by edits. */
  readonly editable: (position: GridPosition) => boolean;
};

/** Why the grid did not take a key or a paste (DataGrid's `onRefused`); the screen words it. */
export type GridRefusal = 'readOnly' | 'notALevel' | 'pasteSkipped';

/** A value to write at a position, as typed or pasted; the screen parses and validates it. */
export type CellInput = { readonly position: GridPosition; readonly raw: string };

export type GridAction =
  | { readonly type: 'none' }
  | { readonly type: 'write'; readonly cells: readonly CellInput[] }
  /** Ctrl+D: the selection's top row copied into the rows below it (the screen reads the values). */
  | { readonly type: 'fillDown'; readonly range: GridRange }
  | { readonly type: 'undo' }
  | { readonly type: 'refused'; readonly reason: 'readOnly' | 'notALevel' };

export type KeyPress = {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
};

export const initialGridState: GridState = { active: { row: 0, column: 0 }, editing: null };

const levelKeys: Readonly<Record<'subjectLevel' | 'traitLevel', readonly string[]>> = {
  subjectLevel: ['t', 'h', 'c'],
  traitLevel: ['t', 'd', 'đ', 'c'],
};

function clamp(position: GridPosition, shape: GridShape): GridPosition {
  return {
    row: Math.max(0, Math.min(shape.rows - 1, position.row)),
    column: Math.max(0, Math.min(shape.columns.length - 1, position.column)),
  };
}

/** The next cell in reading order (Tab), wrapping to the next row; Shift+Tab goes back. */
function step(position: GridPosition, shape: GridShape, backwards: boolean): GridPosition {
  const width = shape.columns.length;
  const index = position.row * width + position.column + (backwards ? -1 : 1);
  const bounded = Math.max(0, Math.min(shape.rows * width - 1, index));
  return { row: Math.floor(bounded / width), column: bounded % width };
}

function moveBy(state: GridState, shape: GridShape, rows: number, columns: number): GridState {
  return {
    active: clamp({ row: state.active.row + rows, column: state.active.column + columns }, shape),
    editing: null,
  };
}

const isPrintable = (press: KeyPress) =>
  press.key.length === 1 && !press.ctrlKey && !press.metaKey && !press.altKey;
const none: GridAction = { type: 'none' };

/**
 * Commits what is being typed and goes to `next`, unless the column cannot hold it (a score of
 * 11, a level "X"): then the cursor stays, the text stays, and the editor says why.
 */
function commitEdit(
  state: GridState,
  column: GridColumn,
  next: GridState,
): { state: GridState; action: GridAction } {
  const text = state.editing?.text ?? '';
  const parsed = parseCellInput(column.kind, text);
  if (!parsed.ok) return { state: { ...state, editing: { text, problem: parsed.message } }, action: none };
  return { state: next, action: { type: 'write', cells: [{ position: state.active, raw: text }] } };
}

/** A click on `target` while a cell is being edited: commit it and move, or stay and say why. */
export function leaveEditTo(
  state: GridState,
  shape: GridShape,
  target: GridPosition,
): { state: GridState; action: GridAction } {
  const column = shape.columns[state.active.column];
  if (!state.editing || !column) return { state: { active: target, editing: null }, action: none };
  return commitEdit(state, column, { active: target, editing: null });
}

function whileEditing(
  state: GridState,
  shape: GridShape,
  press: KeyPress,
  column: GridColumn,
): { state: GridState; action: GridAction } {
  const commit = (next: GridState) => commitEdit(state, column, next);
  switch (press.key) {
    case 'Escape':
      return { state: { ...state, editing: null }, action: none };
    case 'Enter':
      return commit(moveBy(state, shape, press.shiftKey ? -1 : 1, 0));
    case 'Tab':
      return commit({ active: step(state.active, shape, press.shiftKey), editing: null });
    case 'ArrowUp':
    case 'ArrowDown':
      // A score is short: arrows leave it like Excel; in a comment they move the caret.
      if (column.kind === 'comment') return { state, action: none };
      return commit(moveBy(state, shape, press.key === 'ArrowUp' ? -1 : 1, 0));
    default:
      return { state, action: none };
  }
}

/** The selected rectangle: from the anchor to the active cell, or the active cell alone. */
export function selectionOf(state: GridState): GridRange {
  const anchor = state.anchor ?? state.active;
  return {
    top: Math.min(anchor.row, state.active.row),
    bottom: Math.max(anchor.row, state.active.row),
    left: Math.min(anchor.column, state.active.column),
    right: Math.max(anchor.column, state.active.column),
  };
}

/** Every cell of a range, row by row. */
export function positionsIn(range: GridRange): GridPosition[] {
  const positions: GridPosition[] = [];
  for (let row = range.top; row <= range.bottom; row += 1)
    for (let column = range.left; column <= range.right; column += 1) positions.push({ row, column });
  return positions;
}

const arrowSteps: Readonly<Record<string, readonly [number, number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

export function handleKey(
  state: GridState,
  shape: GridShape,
  press: KeyPress,
): { state: GridState; action: GridAction } {
  const column = shape.columns[state.active.column];
  if (!column || shape.rows === 0) return { state, action: none };
  if (state.editing) return whileEditing(state, shape, press, column);

  const control = press.ctrlKey || press.metaKey;
  if (control && press.key.toLowerCase() === 'z') return { state, action: { type: 'undo' } };
  // Ctrl+D fills the selection down from its top row, as in Excel; a single cell takes the one above.
  if (control && press.key.toLowerCase() === 'd') {
    const range = selectionOf(state);
    const filled = range.top === range.bottom ? { ...range, top: Math.max(0, range.top - 1) } : range;
    return filled.top === filled.bottom
      ? { state, action: none }
      : { state, action: { type: 'fillDown', range: filled } };
  }
  const arrow = arrowSteps[press.key];
  if (arrow && press.shiftKey && !control) {
    // Shift+arrows grow the selection from where it started; the active cell moves.
    const moved = moveBy(state, shape, arrow[0], arrow[1]);
    return { state: { ...moved, anchor: state.anchor ?? state.active }, action: none };
  }
  switch (press.key) {
    case 'ArrowUp':
      return { state: moveBy(state, shape, -1, 0), action: none };
    case 'ArrowDown':
      return { state: moveBy(state, shape, 1, 0), action: none };
    case 'ArrowLeft':
      return { state: moveBy(state, shape, 0, -1), action: none };
    case 'ArrowRight':
      return { state: moveBy(state, shape, 0, 1), action: none };
    case 'Tab':
      return { state: { active: step(state.active, shape, press.shiftKey), editing: null }, action: none };
    case 'Enter':
      return { state: moveBy(state, shape, press.shiftKey ? -1 : 1, 0), action: none };
    case 'Home':
      return {
        state: { active: { row: press.ctrlKey ? 0 : state.active.row, column: 0 }, editing: null },
        action: none,
      };
    case 'End':
      return {
        state: {
          active: {
            row: press.ctrlKey ? shape.rows - 1 : state.active.row,
            column: shape.columns.length - 1,
          },
          editing: null,
        },
        action: none,
      };
    case 'F2':
      if (!shape.editable(state.active)) return { state, action: { type: 'refused', reason: 'readOnly' } };
      return { state: { ...state, editing: { text: '' } }, action: none };
    case 'Delete':
    case 'Backspace': {
      // Clears the whole selection, skipping cells that cannot be written.
      const cells = positionsIn(selectionOf(state))
        .filter((position) => shape.editable(position))
        .map((position) => ({ position, raw: '' }));
      if (cells.length === 0) return { state, action: { type: 'refused', reason: 'readOnly' } };
      return { state, action: { type: 'write', cells } };
    }
    default:
      break;
  }
  if (!isPrintable(press)) return { state, action: none };
  if (!shape.editable(state.active)) return { state, action: { type: 'refused', reason: 'readOnly' } };
  if (column.kind === 'subjectLevel' || column.kind === 'traitLevel') {
    // One keystroke is one value: write it and go down to the next student.
    if (!levelKeys[column.kind].includes(press.key.toLowerCase()))
      return { state, action: { type: 'refused', reason: 'notALevel' } };
    return {
      state: moveBy(state, shape, 1, 0),
      action: { type: 'write', cells: [{ position: state.active, raw: press.key }] },
    };
  }
  return { state: { ...state, editing: { text: press.key } }, action: none };
}

/** Updates the text being edited (the editor input's value); a changed text has no problem yet. */
export function editText(state: GridState, text: string): GridState {
  return state.editing ? { ...state, editing: { text } } : state;
}

/**
 * Spreads a pasted block from the active cell down and to the right, cut at the grid's edges;
 * read-only cells in the block are skipped (never written) and reported.
 */
export function pasteBlock(
  origin: GridPosition,
  block: readonly (readonly string[])[],
  shape: GridShape,
): { cells: CellInput[]; skipped: number } {
  const cells: CellInput[] = [];
  let skipped = 0;
  block.forEach((values, rowOffset) => {
    values.forEach((raw, columnOffset) => {
      const position = { row: origin.row + rowOffset, column: origin.column + columnOffset };
      if (position.row >= shape.rows || position.column >= shape.columns.length) return;
      if (!shape.editable(position)) skipped += 1;
      else cells.push({ position, raw });
    });
  });
  return { cells, skipped };
}
