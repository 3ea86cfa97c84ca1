import { classListColumns, type ClassListField } from '../../../shared/classList/classListColumns';
import type { ClassListPreview, ClassListProblem } from '../../../shared/classList/classListPreview';
import { listNumbersOf } from '../../../shared/classList/listNumbers';
import { previewCellText } from '../../../shared/classList/previewText';
import { classListStrings } from './strings';

type Props = { readonly preview: ClassListPreview; readonly invalidOnly: boolean };

function Problems({
  rowNumber,
  problems,
  kind = 'problem',
}: {
  rowNumber: number;
  problems: readonly ClassListProblem[];
  /** A notice says what was corrected on the way in; a problem keeps the row out. */
  kind?: 'problem' | 'notice';
}) {
  if (problems.length === 0) return null;
  return (
    <ul className={kind === 'problem' ? 'cell-problems' : 'cell-notices'}>
      {problems.map((problem, index) => (
        <li key={index}>{classListStrings.problem(rowNumber, problem.message)}</li>
      ))}
    </ul>
  );
}

/**
 * The rows of a class list, each problem written under the cell it concerns, so the teacher can
 * find it in the spreadsheet. A row to be imported shows its values as they will be stored; a
 * refused one, as read. The row number and its status come first and stay in view while the
 * table scrolls sideways (the parents' names sit far to the right); problems of columns the file
 * lacks go under the status.
 */
export function ClassListPreviewTable({ preview, invalidOnly }: Props) {
  const shown = classListColumns.filter(
    (column) => column.field !== 'rowNumberInList' && preview.columns[column.field] !== undefined,
  );
  const shownFields = new Set<ClassListField>(shown.map((column) => column.field));
  const rows = invalidOnly ? preview.rows.filter((row) => row.problems.length > 0) : preview.rows;
  const listNumbers = listNumbersOf(preview);
  return (
    <div className="class-list-preview">
      <table className="data-table">
        <caption>{classListStrings.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky-number">
              {classListStrings.rowColumn}
            </th>
            <th scope="col" className="sticky-status">
              {classListStrings.statusColumn}
            </th>
            <th scope="col" title={classListStrings.listNumberTitle}>
              {classListStrings.listNumberColumn}
            </th>
            {shown.map((column) => (
              <th scope="col" key={column.field}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const elsewhere = row.problems.filter((problem) => !shownFields.has(problem.field));
            return (
              <tr key={row.rowNumber} className={row.problems.length > 0 ? 'row-invalid' : undefined}>
                <th scope="row" className="sticky-number">
                  {row.rowNumber}
                </th>
                <td className="sticky-status">
                  {row.problems.length === 0
                    ? classListStrings.rowValid
                    : classListStrings.rowInvalid(row.problems.length)}
                  <Problems rowNumber={row.rowNumber} problems={elsewhere} />
                </td>
                <td className="list-number">{listNumbers.get(row.rowNumber) ?? ''}</td>
                {shown.map((column) => {
                  const problems = row.problems.filter((problem) => problem.field === column.field);
                  const notices = row.notices.filter((notice) => notice.field === column.field);
                  return (
                    <td key={column.field} className={problems.length > 0 ? 'cell-invalid' : undefined}>
                      {previewCellText(row, column.field)}
                      <Problems rowNumber={row.rowNumber} problems={problems} />
                      <Problems rowNumber={row.rowNumber} problems={notices} kind="notice" />
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
