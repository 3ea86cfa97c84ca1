import { margin, type Cell, type Flow, type TextStyle } from '../../../shared/record/render/pdfFlow';
import type {
  TrackingBookColumn,
  TrackingBookSection,
} from '../../../shared/domain/evaluation/trackingBookExport';

// prettier-ignore
const widthByKind: Readonly<Record<TrackingBookColumn['kind'], number>> = { no: 24, name: 122, level: 28, score: 28, comment: 0 };
const minimumCommentWidth = 120;
/** Trait names ("Giải quyết vấn đề và sáng tạo") head their columns: a little wider than a level. */
const widthOf = (column: TrackingBookColumn): number =>
  column.key.startsWith('trait:') ? 31 : widthByKind[column.kind];
const headerStyle: TextStyle = { font: 'bold', size: 7.5 };
const headerLine = 9;
const headerPadding = 6;
/** drawRow's own metrics (pdfFlow): 10.5 pt lines at 8.5 pt, 3 pt padding. */
const rowLine = 10.5;
const rowPadding = 7;

/**
 * Column widths that fill the page: fixed widths by kind, the comment columns share the rest;
 * when there is no comment column (or too little room), everything is scaled to fit.
 */
export function columnWidths(columns: readonly TrackingBookColumn[], available: number): number[] {
  const fixed = columns.reduce((sum, column) => sum + widthOf(column), 0);
  const comments = columns.filter((column) => column.kind === 'comment').length;
  const share = comments === 0 ? 0 : Math.max(minimumCommentWidth, (available - fixed) / comments);
  const widths = columns.map((column) => (column.kind === 'comment' ? share : widthOf(column)));
  const total = widths.reduce((sum, width) => sum + width, 0);
  return total === 0 ? widths : widths.map((width) => (width * available) / total);
}

type Run = { readonly first: number; readonly last: number; readonly group: string };

/** Consecutive columns of one group share the upper header cell; an ungrouped column spans both rows. */
function runsOf(columns: readonly TrackingBookColumn[]): Run[] {
  const runs: Run[] = [];
  columns.forEach((column, index) => {
    const previous = runs.at(-1);
    if (column.group !== '' && previous?.group === column.group && previous.last === index - 1)
      runs[runs.length - 1] = { ...previous, last: index };
    else runs.push({ first: index, last: index, group: column.group });
  });
  return runs;
}

const sum = (widths: readonly number[], from: number, to: number): number =>
  widths.slice(from, to).reduce((total, width) => total + width, 0);

function centredLines(
  flow: Flow,
  lines: readonly string[],
  x: number,
  width: number,
  top: number,
  height: number,
) {
  let baseline = top - (height - lines.length * headerLine) / 2 - headerLine + 2;
  for (const line of lines) {
    flow.drawCentered(line, x + width / 2, baseline, headerStyle);
    baseline -= headerLine;
  }
}

/** A header text wrapped to its cell, long words split (labels come from the request). */
function headerLines(flow: Flow, text: string, width: number): string[] {
  return flow.wrap(breakLongWords(flow, text, width - 4, headerStyle), width - 4, headerStyle);
}

/** The height the two header rows take (the same on every page of the table). */
export function headerHeight(flow: Flow, columns: readonly TrackingBookColumn[], widths: readonly number[]) {
  const linesOf = (text: string, width: number) => headerLines(flow, text, width).length;
  let upper = 1;
  let lower = 1;
  let spanning = 1;
  for (const run of runsOf(columns)) {
    const width = sum(widths, run.first, run.last + 1);
    if (run.group === '') spanning = Math.max(spanning, linesOf(columns[run.first]?.label ?? '', width));
    else {
      upper = Math.max(upper, linesOf(run.group, width));
      for (let index = run.first; index <= run.last; index += 1)
        lower = Math.max(lower, linesOf(columns[index]?.label ?? '', widths[index] ?? 0));
    }
  }
  const upperHeight = upper * headerLine + headerPadding;
  const total = Math.max(
    upperHeight + lower * headerLine + headerPadding,
    spanning * headerLine + headerPadding,
  );
  return { upperHeight, total };
}

/** Draws the two header rows at the cursor, without opening a page (the caller made room). */
export function drawTableHeader(
  flow: Flow,
  columns: readonly TrackingBookColumn[],
  widths: readonly number[],
) {
  const { upperHeight, total } = headerHeight(flow, columns, widths);
  const top = flow.y;
  for (const run of runsOf(columns)) {
    const x = margin.left + sum(widths, 0, run.first);
    const width = sum(widths, run.first, run.last + 1);
    if (run.group === '') {
      const label = columns[run.first]?.label ?? '';
      flow.outline(x, top - total, width, total);
      centredLines(flow, headerLines(flow, label, width), x, width, top, total);
      continue;
    }
    flow.outline(x, top - upperHeight, width, upperHeight);
    centredLines(flow, headerLines(flow, run.group, width), x, width, top, upperHeight);
    for (let index = run.first; index <= run.last; index += 1) {
      const cellX = margin.left + sum(widths, 0, index);
      const cellWidth = widths[index] ?? 0;
      const lowerHeight = total - upperHeight;
      flow.outline(cellX, top - total, cellWidth, lowerHeight);
      const lines = headerLines(flow, columns[index]?.label ?? '', cellWidth);
      centredLines(flow, lines, cellX, cellWidth, top - upperHeight, lowerHeight);
    }
  }
  flow.y = top - total;
}

const cellStyle: TextStyle = { size: 8.5 };
const ellipsis = '…';

/** The longest start of `text` that fits in `width` (with "…" when cut): a level cell stays in its box. */
export function fitLine(flow: Flow, text: string, width: number, style: TextStyle = cellStyle): string {
  if (flow.width(text, style) <= width) return text;
  const room = width - flow.width(ellipsis, style);
  let kept = '';
  let used = 0;
  for (const char of text) {
    used += flow.width(char, style);
    if (used > room) break;
    kept += char;
  }
  return `${kept}${ellipsis}`;
}

/** Splits the words wider than the column (pdfFlow wraps only at spaces) into pieces that fit. */
function breakLongWords(flow: Flow, text: string, width: number, style: TextStyle = cellStyle): string {
  const pieces = (word: string): string => {
    if (flow.width(word, style) <= width) return word;
    const parts: string[] = [];
    let part = '';
    let used = 0;
    for (const char of word) {
      const charWidth = flow.width(char, style);
      if (part !== '' && used + charWidth > width) {
        parts.push(part);
        part = '';
        used = 0;
      }
      part += char;
      used += charWidth;
    }
    parts.push(part);
    return parts.join(' ');
  };
  return text
    .split('\n')
    .map((paragraph) => paragraph.split(' ').map(pieces).join(' '))
    .join('\n');
}

/**
 * A row's cells for pdfFlow's drawRow. Text that would not fit is cut with "…": a row never
 * runs off the paper or into the next column, whatever a cell holds.
 */
export function rowCells(
  flow: Flow,
  section: TrackingBookSection,
  cells: TrackingBookSection['rows'][number]['cells'],
  widths: readonly number[],
  maxLines: number,
): Cell[] {
  return section.columns.map((column, index) => {
    const value = cells[index];
    const text = value === null || value === undefined ? '' : String(value);
    const inner = (widths[index] ?? 0) - 6;
    if (column.kind !== 'comment' && column.kind !== 'name')
      return { text: fitLine(flow, text.replace(/\s+/g, ' '), inner), align: 'center' as const };
    const lines = flow.wrap(breakLongWords(flow, text, inner), inner, cellStyle);
    if (lines.length <= maxLines) return { text: lines.join('\n') };
    const kept = lines.slice(0, Math.max(1, maxLines));
    kept[kept.length - 1] = fitLine(flow, `${kept.at(-1) ?? ''} ${ellipsis}`, inner);
    return { text: kept.join('\n') };
  });
}

/** How many text lines a row may hold so that it fits under the heading and header of a page. */
export function maxRowLines(flow: Flow, reserved: number): number {
  const room = flow.size.height - margin.top - margin.bottom - reserved;
  return Math.max(1, Math.floor((room - rowPadding) / rowLine) - 1);
}
