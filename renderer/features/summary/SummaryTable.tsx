import type { ReactNode } from 'react';
import type { ClassSummary, SummaryColumn } from '../../../shared/domain/evaluation/classSummary';

type ExtraColumn = { label: string; cell: (studentId: string) => ReactNode };

/** Columns that stay at the left, frozen: who the row is. */
const frozenKeys = new Set(['no', 'fullName']);
/**
 * What the teacher acts on at year end, brought next to the names on screen (the exported
 * Bảng tổng hợp keeps the Ministry's order): the result, the awards, completion, then the
 * confirmation column.
 */
const actedOnKeys = new Set(['result', 'awards', 'completion']);

type Span = { group: string; span: number; key: string };

function spansOf(columns: readonly SummaryColumn[]): Span[] {
  const spans: Span[] = [];
  for (const column of columns) {
    const last = spans.at(-1);
    if (column.group && last?.group === column.group) last.span += 1;
    else spans.push({ group: column.group, span: 1, key: column.key });
  }
  return spans;
}

const cellClass = (column: SummaryColumn): string | undefined =>
  [
    column.kind === 'text' ? '' : 'centered-cell',
    frozenKeys.has(column.key) ? `frozen frozen-${column.key}` : '',
  ]
    .filter(Boolean)
    .join(' ') || undefined;

/**
 * The summary table on screen: two header rows (subject or group, then level / score), STT and
 * name frozen while it scrolls sideways, and the year-end columns the teacher acts on next to them.
 */
export function SummaryTable({ summary, extraColumn }: { summary: ClassSummary; extraColumn?: ExtraColumn }) {
  const front = summary.columns.filter((column) => frozenKeys.has(column.key) || actedOnKeys.has(column.key));
  const rest = summary.columns.filter((column) => !front.includes(column));
  const header = (columns: readonly SummaryColumn[]) =>
    spansOf(columns).map((span) =>
      span.group ? (
        <th key={span.key} colSpan={span.span} scope="colgroup">
          {span.group}
        </th>
      ) : (
        <th
          key={span.key}
          rowSpan={2}
          scope="col"
          className={frozenKeys.has(span.key) ? `frozen frozen-${span.key}` : undefined}
        >
          {columns.find((column) => column.key === span.key)?.label}
        </th>
      ),
    );
  const cells = (columns: readonly SummaryColumn[], row: ClassSummary['rows'][number]) =>
    columns.map((column) => (
      <td key={column.key} className={cellClass(column)} data-column={column.key}>
        {row.cells[column.key] ?? ''}
      </td>
    ));
  return (
    <div className="summary-scroll">
      <table className="data-table summary-table" aria-label={summary.title}>
        <thead>
          <tr>
            {header(front)}
            {extraColumn && (
              <th rowSpan={2} scope="col">
                {extraColumn.label}
              </th>
            )}
            {header(rest)}
          </tr>
          <tr>
            {[...front, ...rest]
              .filter((column) => column.group)
              .map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  className={column.kind === 'traitLevel' ? 'vertical' : undefined}
                >
                  {column.label}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((row) => (
            <tr key={row.studentId}>
              {cells(front, row)}
              {extraColumn && <td>{extraColumn.cell(row.studentId)}</td>}
              {cells(rest, row)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
