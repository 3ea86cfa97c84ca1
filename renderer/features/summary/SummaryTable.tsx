import type { ClassSummary } from '../../../shared/domain/evaluation/classSummary';

/** The summary table on screen: two header rows (subject or group, then level / score). */
export function SummaryTable({
  summary,
  extraColumn,
}: {
  summary: ClassSummary;
  extraColumn?: { label: string; cell: (studentId: string) => React.ReactNode };
}) {
  const { columns } = summary;
  const spans: { group: string; span: number; key: string }[] = [];
  for (const column of columns) {
    const last = spans.at(-1);
    if (column.group && last?.group === column.group) last.span += 1;
    else spans.push({ group: column.group, span: 1, key: column.key });
  }
  return (
    <div className="summary-scroll">
      <table className="data-table summary-table" aria-label={summary.title}>
        <thead>
          <tr>
            {spans.map((span) =>
              span.group ? (
                <th key={span.key} colSpan={span.span} scope="colgroup">
                  {span.group}
                </th>
              ) : (
                <th key={span.key} rowSpan={2} scope="col">
                  {columns.find((column) => column.key === span.key)?.label}
                </th>
              ),
            )}
            {extraColumn && (
              <th rowSpan={2} scope="col">
                {extraColumn.label}
              </th>
            )}
          </tr>
          <tr>
            {columns
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
              {columns.map((column) => (
                <td
                  key={column.key}
                  className={column.kind === 'text' ? undefined : 'centered-cell'}
                  data-column={column.key}
                >
                  {row.cells[column.key] ?? ''}
                </td>
              ))}
              {extraColumn && <td>{extraColumn.cell(row.studentId)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
