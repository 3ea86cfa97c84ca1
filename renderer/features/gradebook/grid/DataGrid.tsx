import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { parseClipboardTable } from './clipboard';
import {
  editText,
  handleKey,
  initialGridState,
  pasteBlock,
  type CellInput,
  type GridColumn,
  type GridPosition,
  type GridShape,
  type GridState,
} from './gridModel';
import type { GridRefusal } from '../gridMessages';

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
  /** `at`: when the key or paste happened (the event's time stamp), for key → paint timing. */
  readonly onWrite: (cells: readonly CellInput[], source: 'keyboard' | 'paste', at: number) => void;
  /** Whether a cell shows a value whose save is not durable yet (aria-busy, drawn as pending). */
  readonly busy?: (position: GridPosition) => boolean;
  readonly onUndo: () => void;
  readonly onRefused: (reason: GridRefusal, count?: number) => void;
  readonly onActiveChange?: (position: GridPosition) => void;
};

const samePosition = (a: GridPosition, b: GridPosition) => a.row === b.row && a.column === b.column;

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
    if (action.type === 'write') onWrite(action.cells, 'keyboard', at);
    else if (action.type === 'undo') onUndo();
    else if (action.type === 'refused') onRefused(action.reason);
    if (!next.state.editing) container.current?.focus({ preventScroll: true });
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
    else if (state.editing && result.state.editing) return;
    else event.preventDefault();
    apply(result, event.timeStamp);
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>): void => {
    if (state.editing) return;
    event.preventDefault();
    const block = parseClipboardTable(event.clipboardData.getData('text/plain'));
    const { cells, skipped } = pasteBlock(state.active, block, shape);
    if (cells.length > 0) onWrite(cells, 'paste', event.timeStamp);
    if (skipped > 0) onRefused('pasteSkipped', skipped);
  };

  const groups = columns.some((column) => column.group);
  return (
    <div
      ref={container}
      className="data-grid"
      role="grid"
      aria-label={label}
      aria-rowcount={rows.length}
      tabIndex={0}
      onKeyDown={onKeyDown}
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
            <tr key={row.key} role="row">
              <td className="grid-number">{row.number}</td>
              <th scope="row" className="grid-name">
                {row.name}
              </th>
              {columns.map((column, columnIndex) => {
                const position = { row: rowIndex, column: columnIndex };
                const active = samePosition(position, state.active);
                const error = cellError?.(position);
                const pending = busy?.(position) === true;
                const classes = [
                  'grid-cell',
                  column.kind,
                  active ? 'active' : '',
                  editable(position) ? '' : 'readonly',
                  error ? 'invalid' : '',
                  pending ? 'pending' : '',
                ]
                  .filter(Boolean)
                  .join(' ');
                return (
                  <td
                    key={column.key}
                    ref={active ? activeCell : undefined}
                    role="gridcell"
                    aria-selected={active}
                    aria-readonly={!editable(position)}
                    aria-invalid={error ? true : undefined}
                    aria-busy={pending ? true : undefined}
                    title={error}
                    data-row={rowIndex}
                    data-column={column.key}
                    className={classes}
                    onMouseDown={() => {
                      // Clicking elsewhere keeps what was being typed, as a spreadsheet does.
                      if (state.editing && !active)
                        onWrite(
                          [{ position: state.active, raw: state.editing.text }],
                          'keyboard',
                          performance.now(),
                        );
                      if (!active || !state.editing) setState({ active: position, editing: null });
                    }}
                    onDoubleClick={() =>
                      editable(position) &&
                      setState({ active: position, editing: { text: display(position) } })
                    }
                  >
                    {active && state.editing ? (
                      <input
                        className="grid-editor"
                        aria-label={`${column.label}, ${row.name}`}
                        autoFocus
                        value={state.editing.text}
                        onChange={(event) => setState((current) => editText(current, event.target.value))}
                        onKeyDown={(event) => {
                          event.stopPropagation();
                          onKeyDown(event);
                        }}
                      />
                    ) : (
                      display(position)
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
