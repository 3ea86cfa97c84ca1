import { useEffect, useMemo, useState } from 'react';
import type { PeriodCode } from '../../../shared/domain/evaluation/catalogueSchema';
import { subjectCommentSuggestions } from '../../../shared/domain/evaluation/commentBank';
import type { EvaluatedRow } from '../../../shared/domain/evaluation/compiledCatalogue';
import { useSchool } from '../../app/SchoolContext';
import type { ClassDoc } from '../../data/collections/classesCollection';
import { useDatabase } from '../../data/DatabaseContext';
import { useClassStudents, useSubjectResults } from '../../data/queries/classQueries';
import { writeSubjectCells, type SubjectCellWrite } from '../../data/writes/resultWrites';
import { CommentBankPanel } from './CommentBankPanel';
import { ElectiveTakers } from './ElectiveTakers';
import { parseCellInput } from '../../ui/grid/cellValues';
import { DataGrid, type DataGridColumn } from '../../ui/grid/DataGrid';
import type { CellInput, GridPosition } from '../../ui/grid/gridModel';
import { gradebookStrings } from './strings';
import { studentPlaceOf } from './studentPlace';
import { usePersonalPhrases } from './usePersonalPhrases';
import { usePendingCells } from './usePendingCells';
import { useQueuedWrites } from './useQueuedWrites';
import { GridStatusBar } from './GridStatusBar';
import { gridDone, gridError, refusalMessage, undoAndTell, type GridMessage } from './gridMessages';

type Field = 'level' | 'score' | 'comment';
type Props = { readonly schoolClass: ClassDoc; readonly row: EvaluatedRow; readonly period: PeriodCode };

/** One class × subject row × period: students down, level / score / comment across. */
export function SubjectGradebook({ schoolClass, row, period }: Props) {
  const database = useDatabase();
  const { permissions, writeContext } = useSchool();
  const catalogue = writeContext.catalogue;
  const students = useClassStudents(schoolClass.id);
  const results = useSubjectResults(schoolClass.id, row.key);
  const [active, setActive] = useState<GridPosition>({ row: 0, column: 0 });
  const [message, setMessage] = useState<GridMessage | undefined>(undefined);
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const { phrases, add: addPhrase } = usePersonalPhrases(writeContext.actor.userId);
  const [openedAt] = useState(() => performance.now());
  const pending = usePendingCells(results, (key) => {
    const [index, name] = key.split(':');
    const student = students?.[Number(index)];
    const value = student ? results?.get(student.id)?.[period]?.[name as Field] : undefined;
    return value === null || value === undefined ? '' : String(value);
  });
  // Saved when durable in the write journal; the grid shows the typed value meanwhile.
  const writes = useQueuedWrites(
    (cells: readonly SubjectCellWrite[]) => writeSubjectCells(database, writeContext, cells, 'durable'),
    (cells) => {
      const shown = new Map<string, string>();
      for (const cell of cells) {
        const index = students?.findIndex((student) => student.id === cell.place.studentId) ?? -1;
        if (index >= 0) shown.set(`${index}:${cell.field}`, cell.value === null ? '' : String(cell.value));
      }
      const edit = pending.begin(shown);
      return (outcome) => pending.settle(edit, outcome);
    },
  );

  const columns = useMemo((): DataGridColumn[] => {
    const list: DataGridColumn[] = [
      { key: 'level', kind: 'subjectLevel', label: gradebookStrings.level, width: 'narrow' },
    ];
    if (row.testPeriods.has(period))
      list.push({ key: 'score', kind: 'score', label: gradebookStrings.score, width: 'narrow' });
    list.push({ key: 'comment', kind: 'comment', label: gradebookStrings.comment, width: 'wide' });
    return list;
  }, [row, period]);

  const loaded = students !== undefined && results !== undefined;
  useEffect(() => {
    if (!loaded) return;
    // `hocba:gradebook-open`: from opening this class × subject × period to its grid on screen.
    requestAnimationFrame(() =>
      performance.measure('hocba:gradebook-open', {
        start: openedAt,
        end: performance.now(),
        detail: { students: students.length },
      }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- measure the first load only
  }, [loaded]);

  if (!students || !results) return <p className="status">{gradebookStrings.loading}</p>;
  if (students.length === 0) return <p className="status">{gradebookStrings.noStudents}</p>;

  const mayEdit = permissions.canEditSubject(schoolClass.id, row.key);
  const takes = (index: number) =>
    row.status === 'compulsory' || (students[index]?.electives.includes(row.subject.code) ?? false);
  const field = (position: GridPosition): Field => (columns[position.column]?.key ?? 'level') as Field;
  const valueAt = (index: number, name: Field) => {
    const student = students[index];
    const periodValue = student ? results.get(student.id)?.[period] : undefined;
    return periodValue?.[name] ?? null;
  };
  const cellWrite = (
    index: number,
    name: Field,
    value: string | number | null,
  ): SubjectCellWrite | undefined => {
    const student = students[index];
    if (!student) return undefined;
    const base = { place: studentPlaceOf(student, schoolClass), rowKey: row.key, period };
    if (name === 'comment')
      return { ...base, field: 'comment', value: typeof value === 'string' ? value : '' };
    if (name === 'score') return { ...base, field: 'score', value: typeof value === 'number' ? value : null };
    return { ...base, field: 'level', value: value === 'T' || value === 'H' || value === 'C' ? value : null };
  };

  const onWrite = (cells: readonly CellInput[], source: 'keyboard' | 'paste', at?: number) => {
    const next = new Map(errors);
    const writesNow: SubjectCellWrite[] = [];
    const previous: SubjectCellWrite[] = [];
    const shown = new Map<string, string>();
    let refused = 0;
    for (const cell of cells) {
      const name = field(cell.position);
      const key = `${cell.position.row}:${name}`;
      const parsed = parseCellInput(columns[cell.position.column]?.kind ?? 'comment', cell.raw);
      if (!parsed.ok) {
        next.set(key, parsed.message);
        refused += 1;
        continue;
      }
      next.delete(key);
      const write = cellWrite(cell.position.row, name, parsed.value);
      const before = cellWrite(cell.position.row, name, valueAt(cell.position.row, name));
      if (write && before) {
        writesNow.push(write);
        previous.push(before);
        shown.set(key, parsed.value === null ? '' : String(parsed.value));
      }
    }
    setErrors(next);
    const lastProblem = [...next.values()].at(-1);
    setMessage(
      refused === 0
        ? undefined
        : source === 'paste'
          ? gridError(gradebookStrings.pasteRefused(refused))
          : lastProblem === undefined
            ? undefined
            : gridError(lastProblem),
    );
    if (writesNow.length === 0) return;
    const edit = pending.begin(shown, source === 'keyboard' ? at : undefined);
    void writes.save(writesNow, previous, at).then((outcome) => pending.settle(edit, outcome));
  };

  const activeStudent = students[active.row];
  const activeLevel = valueAt(active.row, 'level');
  const activeComment = valueAt(active.row, 'comment');
  return (
    <div className="gradebook-body subject">
      <div className="gradebook-main">
        {!mayEdit && <p className="notice warning">{gradebookStrings.readOnly}</p>}
        {row.status === 'elective' && (
          <ElectiveTakers
            students={students}
            subjectCode={row.subject.code}
            subjectName={row.subject.name}
            mayChoose={permissions.isHomeroomOf(schoolClass.id)}
          />
        )}
        <GridStatusBar
          saveState={writes.saveState}
          message={message}
          mayEdit={mayEdit}
          undo={writes.undo}
          onMessage={setMessage}
        />
        <DataGrid
          label={gradebookStrings.gridLabel(row.label, schoolClass.name, catalogue.periodShortName(period))}
          rows={students.map((student, index) => ({
            key: student.id,
            number: index + 1,
            name: student.fullName,
          }))}
          columns={columns}
          display={(position) => {
            const typed = pending.text(`${position.row}:${field(position)}`);
            if (typed !== undefined) return typed;
            const value = valueAt(position.row, field(position));
            return value === null ? '' : String(value);
          }}
          busy={(position) => pending.isSaving(`${position.row}:${field(position)}`)}
          editable={(position) => mayEdit && takes(position.row)}
          cellError={(position) =>
            takes(position.row) ? errors.get(`${position.row}:${field(position)}`) : undefined
          }
          notApplicable={(position) => (takes(position.row) ? undefined : gradebookStrings.notTaking)}
          onWrite={onWrite}
          onUndo={() => void undoAndTell(writes.undo, setMessage)}
          onRefused={(reason, count) => setMessage(refusalMessage('subject', reason, count))}
          onActiveChange={setActive}
        />
        <p className="hint">{gradebookStrings.keysHelp}</p>
      </div>
      <CommentBankPanel
        suggestions={subjectCommentSuggestions(
          row.key,
          activeLevel === 'T' || activeLevel === 'H' || activeLevel === 'C' ? activeLevel : null,
        )}
        personal={phrases}
        disabled={!mayEdit || !activeStudent || !takes(active.row)}
        currentComment={typeof activeComment === 'string' ? activeComment : ''}
        onPick={(phrase) => {
          const commentColumn = columns.findIndex((column) => column.key === 'comment');
          onWrite([{ position: { row: active.row, column: commentColumn }, raw: phrase }], 'keyboard');
        }}
        onSavePhrase={() =>
          void addPhrase(typeof activeComment === 'string' ? activeComment : '').then(() =>
            setMessage(gridDone(gradebookStrings.phraseSaved)),
          )
        }
      />
    </div>
  );
}
