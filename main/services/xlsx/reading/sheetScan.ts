import { digitsOf, parseCellRange, referenceColumnOf, type CellRange } from './cellReference';
import { readClassListStrings, xlsxDamageReasons, xlsxHostileReasons } from './readClassListStrings';
import { TextCollector } from './textCollector';
import type { PartHandler, XlsxPackage } from './xlsxPackage';
import type { XlsxLimits } from './xlsxLimits';
import { refuse, refuseDamaged, refuseHostile } from './xlsxRefusal';

/** A cell's value as stored, before shared strings and number formats are applied. */
export type RawCell =
  | { readonly kind: 'shared'; readonly index: number }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number; readonly style: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'error'; readonly text: string }
  | { readonly kind: 'isoDate'; readonly text: string };

/** One row's cells in the first 200 columns (index = column − 1), sparse. */
export type RawRow = { readonly rowNumber: number; readonly cells: (RawCell | undefined)[] };

export type SheetScan = {
  /** Rows with at least one value in the first 200 columns, in row order. */
  readonly rows: readonly RawRow[];
  readonly merges: readonly CellRange[];
  readonly sharedIndices: ReadonlySet<number>;
  /** Whether any number carries a style, so styles.xml is worth reading. */
  readonly styledNumbers: boolean;
};

export type SheetPart = { readonly path: string; readonly label: string };

/** The cell being read; one object reused for every cell of the sheet. */
type CellState = {
  open: boolean;
  column: number;
  type: string;
  style: number;
  formula: boolean;
  hasValue: boolean;
  hasInline: boolean;
};

/**
 * Scans a worksheet's XML once, keeping only what a class list can use: values of the first 200
 * columns, merged ranges, which shared strings are needed. Counts rows with values anywhere (as
 * the old reader did) and refuses past the row, cell, value and text limits, so a sheet of a
 * million cells or a cell at XFD1048576 costs a scan, never a grid.
 */
export async function scanSheet(pkg: XlsxPackage, part: SheetPart, limits: XlsxLimits): Promise<SheetScan> {
  const rows = new Map<number, (RawCell | undefined)[]>();
  const countedRows = new Set<number>();
  const merges: CellRange[] = [];
  const sharedIndices = new Set<number>();
  let styledNumbers = false;
  let inSheetData = false;
  let rowNumber: number | undefined;
  let lastRowNumber = 0;
  let lastColumn = 0;
  let rowHasValue = false;
  const cell: CellState = {
    open: false,
    column: 0,
    type: 'n',
    style: 0,
    formula: false,
    hasValue: false,
    hasInline: false,
  };
  const value = new TextCollector(limits.maxCellChars, part.label);
  const inline = new TextCollector(limits.maxCellChars, part.label);
  let inValue = false;
  let inInline = false;
  let inInlineText = false;
  let phoneticDepth = 0;
  let cellElements = 0;
  let valueCells = 0;
  let storedChars = 0;

  function position(column: number | undefined, fallback: number): number {
    if (column === undefined) return fallback;
    if (column === 0) refuseDamaged(xlsxDamageReasons.cellReference(part.label));
    if (column === -1) refuseHostile(xlsxHostileReasons.cellOutOfRange(part.label));
    return column;
  }

  function rawValue(state: CellState): RawCell | undefined {
    if (state.type === 'inlineStr') {
      const text = state.hasInline ? inline.decoded({ excelEscapes: true }) : '';
      return text === '' ? undefined : { kind: 'text', text };
    }
    const text = state.hasValue ? value.decoded({ excelEscapes: false }) : '';
    if (text === '') return undefined;
    switch (state.type) {
      case 's': {
        const index = Number(text);
        if (!Number.isSafeInteger(index) || index < 0) return refuseDamaged(xlsxDamageReasons.missingString);
        if (index >= limits.maxSharedStrings) {
          return refuseHostile(xlsxHostileReasons.tooManySharedStrings(limits.maxSharedStrings));
        }
        return { kind: 'shared', index };
      }
      case 'str':
        return { kind: 'text', text };
      case 'b':
        return { kind: 'boolean', value: Number.parseInt(text, 10) !== 0 };
      case 'e':
        return { kind: 'error', text };
      case 'd':
        return { kind: 'isoDate', text: /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : text };
      default:
        return { kind: 'number', value: Number.parseFloat(text), style: state.style };
    }
  }

  function store(raw: RawCell, column: number): void {
    valueCells += 1;
    if (valueCells > limits.maxValueCells)
      refuseHostile(xlsxHostileReasons.tooManyValues(part.label, limits.maxValueCells));
    if (raw.kind === 'text' || raw.kind === 'error' || raw.kind === 'isoDate') {
      storedChars += raw.text.length;
      if (storedChars > limits.maxTotalChars)
        refuseHostile(xlsxHostileReasons.tooMuchText(limits.maxTotalChars));
    }
    if (raw.kind === 'shared') sharedIndices.add(raw.index);
    if (raw.kind === 'number' && raw.style > 0) styledNumbers = true;
    const key = rowNumber ?? 0;
    let cells = rows.get(key);
    if (cells === undefined) {
      cells = [];
      rows.set(key, cells);
    }
    cells[column - 1] = raw;
  }

  function closeCell(state: CellState): void {
    const raw = rawValue(state);
    if (raw !== undefined || state.formula) rowHasValue = true;
    if (raw !== undefined && state.column <= limits.maxColumns) store(raw, state.column);
  }

  function closeRow(): void {
    if (rowHasValue && rowNumber !== undefined && !countedRows.has(rowNumber)) {
      countedRows.add(rowNumber);
      if (countedRows.size > limits.maxRowsWithValues)
        refuse(readClassListStrings.tooManyRows(limits.maxDataRows));
    }
    rowNumber = undefined;
  }

  const handler: PartHandler = {
    wantsText: () => cell.open && (inValue || (inInlineText && phoneticDepth === 0)),
    text: (buf, start, end) => {
      if (inValue) value.add(buf, start, end);
      else inline.add(buf, start, end);
    },
    open: (name, tag) => {
      if (name === 'sheetData') inSheetData = true;
      else if (name === 'mergeCell') {
        if (merges.length >= limits.maxMergedRanges) {
          refuseHostile(xlsxHostileReasons.tooManyMerges(part.label, limits.maxMergedRanges));
        }
        const range = parseCellRange(tag.attr('ref') ?? '');
        if (range === 'malformed') refuseDamaged(xlsxDamageReasons.cellReference(part.label));
        if (range === 'out-of-range') refuseHostile(xlsxHostileReasons.cellOutOfRange(part.label));
        merges.push(range);
      }
      if (!inSheetData) return;
      if (name === 'row') {
        const explicit = tag.attr('r');
        const number = explicit === undefined ? lastRowNumber + 1 : Number(explicit);
        if (!Number.isSafeInteger(number) || number < 1)
          refuseDamaged(xlsxDamageReasons.cellReference(part.label));
        if (number > 1_048_576) refuseHostile(xlsxHostileReasons.cellOutOfRange(part.label));
        rowNumber = number;
        lastRowNumber = number;
        lastColumn = 0;
        rowHasValue = false;
      } else if (name === 'c' && rowNumber !== undefined) {
        cellElements += 1;
        if (cellElements > limits.maxCellElements) {
          refuseHostile(xlsxHostileReasons.tooManyCells(part.label, limits.maxCellElements));
        }
        const column = position(tag.attrWith('r', referenceColumnOf), lastColumn + 1);
        lastColumn = column;
        const style = tag.attrWith('s', digitsOf) ?? 0;
        cell.open = true;
        cell.column = column;
        cell.type = tag.attr('t') ?? 'n';
        cell.style = Number.isSafeInteger(style) ? style : 0;
        cell.formula = false;
        cell.hasValue = false;
        cell.hasInline = false;
      } else if (cell.open) {
        if (name === 'v') {
          inValue = true;
          cell.hasValue = true;
          value.start();
        } else if (name === 'f') cell.formula = true;
        else if (name === 'is') {
          inInline = true;
          cell.hasInline = true;
          inline.start();
        } else if (name === 'rPh') phoneticDepth += 1;
        else if (name === 't' && inInline) inInlineText = true;
      }
    },
    close: (name) => {
      if (name === 'sheetData') inSheetData = false;
      else if (name === 'row') closeRow();
      else if (name === 'c') {
        if (cell.open) closeCell(cell);
        cell.open = false;
        inValue = false;
        inInline = false;
        inInlineText = false;
        phoneticDepth = 0;
      } else if (name === 'v') inValue = false;
      else if (name === 'is') inInline = false;
      else if (name === 't') inInlineText = false;
      else if (name === 'rPh') phoneticDepth = Math.max(0, phoneticDepth - 1);
    },
  };
  await pkg.scan(
    {
      path: part.path,
      label: part.label,
      maxBytes: limits.maxSheetXmlBytes,
      maxElements: limits.maxSheetElements,
    },
    handler,
  );
  const ordered = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, cells]): RawRow => ({ rowNumber: number, cells }));
  return { rows: ordered, merges, sharedIndices, styledNumbers };
}
