import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { parseClipboardTable, toClipboardTable } from './clipboard';
import {
  editText,
  handleKey,
  initialGridState,
  leaveEditTo,
  pasteBlock,
  positionsIn,
  selectionOf,
  type CellInput,
  type GridColumn,
  type GridPosition,
  type GridRefusal,
  type GridShape,
  type GridState,
} from './gridModel';

export type DataGridColumn = GridColumn & { readonly group?: string; readonly width?: 'narrow' | 'wide' };
export type DataGridRow = { readonly key: string; readonly number: number; readonly name: string };

type Props = {
  readonly label: string;
  readonly rows: readonly DataGridRow[];
  readonly columns: readonly DataGridColumn[];
  readonly display: (position: GridPosition) => string;
  readonly editable: (position: GridPosition) => boolean;
  /** A message for a cell whose last edit was refused (shown as the cell's error state). */
  readonly cellError?: (position: GridPosition) => string | undefined;
  /**
   * Why a cell has no value to enter, when that is normal (a student who does not take an
   * elective): drawn greyed with the reason, never as an error.
   */
  readonly notApplicable?: (position: GridPosition) => string | undefined;
  /** `at`: when the key or paste happened (the event's time stamp), for key → paint timing. */
  readonly onWrite: (cells: readonly CellInput[], source: 'keyboard' | 'paste', at: number) => void;
  /** Whether a cell shows a value whose save is not durable yet (aria-busy, drawn as pending). */
  readonly busy?: (position: GridPosition) => boolean;
  readonly onUndo: () => void;
  readonly onRefused: (reason: GridRefusal, count?: number) => void;
  readonly onActiveChange?: (position: GridPosition) => void;
};

const samePosition = (a: GridPosition, b: GridPosition) => a.row === b.row && a.column === b.column;

/** What one cell draws: plain values, so a row that did not change is not drawn again. */
type CellView = {
  readonly column: DataGridColumn;
  readonly text: string;
  readonly active: boolean;
  /** Inside a Shift+arrow selection of more than one cell. */
  readonly selected: boolean;
  /** The editor's text when this cell is being edited. */
  readonly editing: string | undefined;
  /** Why the column refused the editor's text (shown beside the cell until fixed). */
  readonly problem: string | undefined;
  readonly editable: boolean;
  readonly error: string | undefined;
  /** Why the cell takes no value (not an error), if so. */
  readonly notApplicable: string | undefined;
  readonly pending: boolean;
};

/** The grid's handlers, stable across renders (they read the grid's latest state when called). */
type CellHandlers = {
  readonly mouseDown: (position: GridPosition) => void;
  readonly doubleClick: (position: GridPosition) => void;
  readonly editorChange: (text: string) => void;
  readonly editorKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
};

type GridRowProps = {
  readonly row: DataGridRow;
  readonly index: number;
  readonly cells: readonly CellView[];
  readonly handlers: CellHandlers;
  readonly activeCell: RefObject<HTMLTableCellElement | null>;
};

const sameCell = (a: CellView, b: CellView) =>
  a.column.key === b.column.key &&
  a.column.kind === b.column.kind &&
  a.column.label === b.column.label &&
  a.text === b.text &&
  a.active === b.active &&
  a.selected === b.selected &&
  a.editing === b.editing &&
  a.problem === b.problem &&
  a.editable === b.editable &&
  a.error === b.error &&
  a.notApplicable === b.notApplicable &&
  a.pending === b.pending;

const sameRow = (a: GridRowProps, b: GridRowProps) =>
  a.row.key === b.row.key &&
  a.row.number === b.row.number &&
  a.row.name === b.row.name &&
  a.index === b.index &&
  a.handlers === b.handlers &&
  a.activeCell === b.activeCell &&
  a.cells.length === b.cells.length &&
  a.cells.every((cell, column) => {
    const other = b.cells[column];
    return other !== undefined && sameCell(cell, other);
  });

/**
 * One student's row. Memoised on what its cells show: a keystroke redraws the row typed into and
 * the row the cursor moves to, not the whole class (issue 9: the key's own frame stays short).
 */
const GridRow = memo(function GridRow({ row, index, cells, handlers, activeCell }: GridRowProps) {
  const problemId = `grid-problem-${row.key}`;
  return (
    <tr role="row">
      <td className="grid-number">{row.number}</td>
      <th scope="row" className="grid-name">
        {row.name}
      </th>
      {cells.map((cell, columnIndex) => {
        const position = { row: index, column: columnIndex };
        const classes = [
          'grid-cell',
          cell.column.kind,
          cell.active ? 'active' : '',
          cell.selected ? 'in-selection' : '',
          cell.editable ? '' : 'readonly',
          cell.error ? 'invalid' : '',
          cell.notApplicable ? 'not-applicable' : '',
          cell.pending ? 'pending' : '',
        ]
          .filter(Boolean)
          .join(' ');
        return (
          <td
            key={cell.column.key}
            ref={cell.active ? activeCell : undefined}
            role="gridcell"
            aria-selected={cell.active}
            aria-readonly={!cell.editable}
            aria-invalid={cell.error ? true : undefined}
            aria-busy={cell.pending ? true : undefined}
            title={cell.error ?? cell.notApplicable}
            data-row={index}
            data-column={cell.column.key}
            className={classes}
            onMouseDown={() => handlers.mouseDown(position)}
            onDoubleClick={() => handlers.doubleClick(position)}
          >
            {cell.editing !== undefined ? (
              <>
                <input
                  className="grid-editor"
                  aria-label={`${cell.column.label}, ${row.name}`}
                  aria-invalid={cell.problem ? true : undefined}
                  aria-describedby={cell.problem ? problemId : undefined}
                  autoFocus
                  value={cell.editing}
                  onChange={(event) => handlers.editorChange(event.target.value)}
                  onKeyDown={handlers.editorKeyDown}
                />
                {cell.problem && (
                  <span id={problemId} className="grid-problem" role="alert">
                    {cell.problem}
                  </span>
                )}
              </>
            ) : cell.notApplicable && cell.text === '' ? (
              <span className="not-applicable-mark" aria-label={cell.notApplicable}>
                —
              </span>
            ) : (
              cell.text
            )}
          </td>
        );
      })}
    </tr>
  );
}, sameRow);

/**
 * A spreadsheet-like grid for entering evaluations with the keyboard: the model
 * (gridModel.ts) decides what keys do; this component draws it and wires focus, paste and mouse.
 */
export function DataGrid({
  label,
  rows,
  columns,
  display,
  editable,
  cellError,
  notApplicable,
  busy,
  onWrite,
  onUndo,
  onRefused,
  onActiveChange,
}: Props) {
  const [state, setState] = useState<GridState>(initialGridState);
  const container = useRef<HTMLDivElement>(null);
  const activeCell = useRef<HTMLTableCellElement>(null);
  const shape: GridShape = { rows: rows.length, columns, editable };

  useEffect(() => {
    onActiveChange?.(state.active);
    activeCell.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- report position changes only
  }, [state.active.row, state.active.column]);

  const apply = (
    next: { state: GridState; action: ReturnType<typeof handleKey>['action'] },
    at: number,
  ): void => {
    setState(next.state);
    const { action } = next;
    if (action.type === 'write') onWrite(action.cells, action.cells.length > 1 ? 'paste' : 'keyboard', at);
    else if (action.type === 'fillDown') fillDown(action.range, at);
    else if (action.type === 'undo') onUndo();
    else if (action.type === 'refused') onRefused(action.reason);
    // Focusing lays the page out first: only when the focus is elsewhere (an editor just closed).
    if (!next.state.editing && document.activeElement !== container.current)
      container.current?.focus({ preventScroll: true });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    const result = handleKey(state, shape, event);
    if (event.key === 'F2' && result.state.editing) {
      // F2 edits what is there, as in a spreadsheet.
      event.preventDefault();
      setState({ ...result.state, editing: { text: display(state.active) } });
      return;
    }
    const handled = result.state !== state || result.action.type !== 'none';
    if (!handled) return;
    // Printable keys that start an edit must reach the editor input, which does not exist yet.
    if (!state.editing && result.state.editing) event.preventDefault();
    // Typing inside the editor is the input's own; a refused commit comes back with a problem.
    else if (state.editing && result.state.editing && !result.state.editing.problem) return;
    else event.preventDefault();
    apply(result, event.timeStamp);
  };

  /** Ctrl+D: each column's top value written into the rows below it that may be written. */
  const fillDown = (range: ReturnType<typeof selectionOf>, at: number): void => {
    const cells: CellInput[] = [];
    let skipped = 0;
    for (const position of positionsIn({ ...range, top: range.top + 1 })) {
      if (!editable(position)) skipped += 1;
      else cells.push({ position, raw: display({ row: range.top, column: position.column }) });
    }
    if (cells.length > 0) onWrite(cells, 'paste', at);
    if (skipped > 0) onRefused('pasteSkipped', skipped);
  };

  /** Ctrl+C: the selection (or the active cell) as tab-separated text, as Excel reads it. */
  const onCopy = (event: ClipboardEvent<HTMLDivElement>): void => {
    if (state.editing) return;
    event.preventDefault();
    const range = selectionOf(state);
    const rowsOfText: string[][] = [];
    for (let row = range.top; row <= range.bottom; row += 1) {
      const line: string[] = [];
      for (let column = range.left; column <= range.right; column += 1) line.push(display({ row, column }));
      rowsOfText.push(line);
    }
    event.clipboardData.setData('text/plain', toClipboardTable(rowsOfText));
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>): void => {
    if (state.editing) return;
    event.preventDefault();
    const block = parseClipboardTable(event.clipboardData.getData('text/plain'));
    const { cells, skipped } = pasteBlock(state.active, block, shape);
    if (cells.length > 0) onWrite(cells, 'paste', event.timeStamp);
    if (skipped > 0) onRefused('pasteSkipped', skipped);
  };

  // What the cells' handlers do, with this render's state; set before any event can reach them.
  const latest = useRef<CellHandlers | undefined>(undefined);
  useLayoutEffect(() => {
    latest.current = {
      mouseDown: (position) => {
        const active = samePosition(position, state.active);
        if (active && state.editing) return;
        // Clicking elsewhere keeps what was being typed, as a spreadsheet does, unless the
        // column cannot hold it: then the editor stays and says why.
        const next = leaveEditTo(state, shape, position);
        setState(next.state);
        if (next.action.type === 'write') onWrite(next.action.cells, 'keyboard', performance.now());
      },
      doubleClick: (position) => {
        if (editable(position)) setState({ active: position, editing: { text: display(position) } });
      },
      editorChange: (text) => setState((current) => editText(current, text)),
      editorKeyDown: (event) => {
        event.stopPropagation();
        onKeyDown(event);
      },
    };
  });
  const handlers = useMemo(
    (): CellHandlers => ({
      mouseDown: (position) => latest.current?.mouseDown(position),
      doubleClick: (position) => latest.current?.doubleClick(position),
      editorChange: (text) => latest.current?.editorChange(text),
      editorKeyDown: (event) => latest.current?.editorKeyDown(event),
    }),
    [],
  );

  const groups = columns.some((column) => column.group);
  const selection = selectionOf(state);
  return (
    <div
      ref={container}
      className="data-grid"
      role="grid"
      aria-label={label}
      aria-rowcount={rows.length}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onCopy={onCopy}
      onPaste={onPaste}
    >
      <table>
        <thead>
          {groups && (
            <tr>
              <th className="grid-number" rowSpan={2}>
                STT
              </th>
              <th className="grid-name" rowSpan={2}>
                Họ và tên
              </th>
              {columns.map((column, index) =>
                columns[index - 1]?.group === column.group && column.group ? null : (
                  <th
                    key={column.key}
                    colSpan={columns.filter((other) => other.group === column.group).length}
                    scope="colgroup"
                  >
                    {column.group}
                  </th>
                ),
              )}
            </tr>
          )}
          <tr>
            {!groups && <th className="grid-number">STT</th>}
            {!groups && <th className="grid-name">Họ và tên</th>}
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={column.width === 'wide' ? 'grid-wide' : 'grid-narrow'}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <GridRow
              key={row.key}
              row={row}
              index={rowIndex}
              handlers={handlers}
              activeCell={activeCell}
              cells={columns.map((column, columnIndex): CellView => {
                const position = { row: rowIndex, column: columnIndex };
                const active = samePosition(position, state.active);
                return {
                  selected:
                    state.anchor !== undefined &&
                    rowIndex >= selection.top &&
                    rowIndex <= selection.bottom &&
                    columnIndex >= selection.left &&
                    columnIndex <= selection.right,
                  column,
                  text: display(position),
                  active,
                  editing: active && state.editing ? state.editing.text : undefined,
                  problem: active ? state.editing?.problem : undefined,
                  editable: editable(position),
                  error: cellError?.(position),
                  notApplicable: notApplicable?.(position),
                  pending: busy?.(position) === true,
                };
              })}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
