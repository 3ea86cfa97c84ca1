import '../gradebook/gradebook.css';
import { useMemo, useState } from 'react';
import type { CharacterLevel, PeriodCode } from '../../../shared/domain/evaluation/catalogueSchema';
import { ClassSelector, useSelectedClass } from '../../app/ClassSelector';
import { useSchool } from '../../app/SchoolContext';
import type { ClassDoc } from '../../data/collections/classesCollection';
import { useDatabase } from '../../data/DatabaseContext';
import { useCharacterResults, useClassStudents } from '../../data/queries/classQueries';
import { writeTraitCells, type TraitCellWrite } from '../../data/writes/resultWrites';
import { parseCellInput } from '../../ui/grid/cellValues';
import { DataGrid, type DataGridColumn } from '../../ui/grid/DataGrid';
import type { CellInput, GridPosition } from '../../ui/grid/gridModel';
import { PeriodSelector, useSelectedPeriod } from '../gradebook/PeriodSelector';
import { gradebookStrings } from '../gradebook/strings';
import { studentPlaceOf } from '../gradebook/studentPlace';
import { usePendingCells } from '../gradebook/usePendingCells';
import { useQueuedWrites } from '../gradebook/useQueuedWrites';
import { TraitCommentPanel } from './TraitCommentPanel';
import { GridStatusBar } from '../gradebook/GridStatusBar';
import { gridError, refusalMessage, undoAndTell, type GridMessage } from '../gradebook/gridMessages';

function CharacterGradebook({ schoolClass, period }: { schoolClass: ClassDoc; period: PeriodCode }) {
  const database = useDatabase();
  const { permissions, writeContext } = useSchool();
  const catalogue = writeContext.catalogue;
  const plan = catalogue.plan(schoolClass.grade);
  const traits = useMemo(() => [...plan.competencies, ...plan.qualities], [plan]);
  const students = useClassStudents(schoolClass.id);
  const results = useCharacterResults(schoolClass.id);
  const [active, setActive] = useState<GridPosition>({ row: 0, column: 0 });
  const [message, setMessage] = useState<GridMessage | undefined>(undefined);
  const pending = usePendingCells(results, (key) => {
    const [index, column] = key.split(':');
    const student = students?.[Number(index)];
    const trait = traits[Number(column)];
    return (student && trait ? results?.get(student.id)?.[period][trait.code]?.level : undefined) ?? '';
  });
  // A comment handed to its save, shown in the panel until the stored results show it (the
  // journal is applied to RxDB in the background), so coming back to a cell never shows it empty.
  const pendingComments = usePendingCells(results, (key) => {
    const [index, column] = key.split(':');
    const student = students?.[Number(index)];
    const trait = traits[Number(column)];
    return (student && trait ? results?.get(student.id)?.[period][trait.code]?.comment : undefined) ?? '';
  });
  // Saved when durable in the write journal; the grid shows the typed level meanwhile.
  const writes = useQueuedWrites(
    (cells: readonly TraitCellWrite[]) => writeTraitCells(database, writeContext, cells, 'durable'),
    (cells) => {
      const levels = new Map<string, string>();
      const comments = new Map<string, string>();
      for (const cell of cells) {
        const index = students?.findIndex((student) => student.id === cell.place.studentId) ?? -1;
        const column = traits.findIndex((trait) => trait.code === cell.trait);
        if (index < 0 || column < 0) continue;
        if (cell.field === 'level') levels.set(`${index}:${column}`, cell.value ?? '');
        else comments.set(`${index}:${column}`, cell.value);
      }
      const levelEdit = pending.begin(levels);
      const commentEdit = pendingComments.begin(comments);
      return (outcome) => {
        pending.settle(levelEdit, outcome);
        pendingComments.settle(commentEdit, outcome);
      };
    },
  );
  const columns = useMemo(
    (): DataGridColumn[] =>
      traits.map((trait) => ({
        key: trait.code,
        kind: 'traitLevel',
        label: trait.name,
        group:
          trait.kind === 'quality'
            ? 'Phẩm chất chủ yếu'
            : trait.competencyKind === 'general'
              ? 'Năng lực chung'
              : 'Năng lực đặc thù',
        width: 'narrow',
      })),
    [traits],
  );
  if (!students || !results) return <p className="status">{gradebookStrings.loading}</p>;
  if (students.length === 0) return <p className="status">{gradebookStrings.noStudents}</p>;

  const mayEdit = permissions.isHomeroomOf(schoolClass.id);
  const valueAt = (position: GridPosition) => {
    const student = students[position.row];
    const trait = traits[position.column];
    return student && trait ? results.get(student.id)?.[period][trait.code] : undefined;
  };
  const writeAt = (
    position: GridPosition,
    value: { field: 'level'; value: CharacterLevel | null } | { field: 'comment'; value: string },
  ): TraitCellWrite | undefined => {
    const student = students[position.row];
    const trait = traits[position.column];
    return student && trait
      ? { place: studentPlaceOf(student, schoolClass), trait: trait.code, period, ...value }
      : undefined;
  };
  const cellKey = (position: GridPosition) => `${position.row}:${position.column}`;
  const onWrite = (cells: readonly CellInput[], source: 'keyboard' | 'paste', at?: number) => {
    const now: TraitCellWrite[] = [];
    const before: TraitCellWrite[] = [];
    const shown = new Map<string, string>();
    let refused = 0;
    for (const cell of cells) {
      const parsed = parseCellInput('traitLevel', cell.raw);
      const level =
        parsed.ok &&
        (parsed.value === 'T' || parsed.value === 'Đ' || parsed.value === 'C' || parsed.value === null)
          ? parsed.value
          : undefined;
      if (level === undefined) {
        refused += 1;
        continue;
      }
      const write = writeAt(cell.position, { field: 'level', value: level });
      const previous = writeAt(cell.position, {
        field: 'level',
        value: valueAt(cell.position)?.level ?? null,
      });
      if (write && previous) {
        now.push(write);
        before.push(previous);
        shown.set(cellKey(cell.position), level ?? '');
      }
    }
    setMessage(
      refused === 0
        ? undefined
        : source === 'paste'
          ? gridError(gradebookStrings.pasteRefused(refused))
          : gridError(gradebookStrings.notALevel('trait')),
    );
    if (now.length === 0) return;
    const edit = pending.begin(shown, source === 'keyboard' ? at : undefined);
    void writes.save(now, before, at).then((outcome) => pending.settle(edit, outcome));
  };
  const activeValue = valueAt(active);
  const activeTrait = traits[active.column];
  const activeStudent = students[active.row];
  return (
    <div className="gradebook-body character">
      <div className="gradebook-main">
        {!mayEdit && <p className="notice warning">{gradebookStrings.characterReadOnly}</p>}
        <GridStatusBar
          saveState={writes.saveState}
          message={message}
          mayEdit={mayEdit}
          undo={writes.undo}
          onMessage={setMessage}
        />
        <DataGrid
          label={gradebookStrings.characterGridLabel(schoolClass.name, catalogue.periodShortName(period))}
          rows={students.map((student, index) => ({
            key: student.id,
            number: index + 1,
            name: student.fullName,
          }))}
          columns={columns}
          display={(position) => pending.text(cellKey(position)) ?? valueAt(position)?.level ?? ''}
          busy={(position) => pending.isSaving(cellKey(position))}
          editable={() => mayEdit}
          onWrite={onWrite}
          onUndo={() => void undoAndTell(writes.undo, setMessage)}
          onRefused={(reason, count) => setMessage(refusalMessage('trait', reason, count))}
          onActiveChange={setActive}
        />
        <p className="hint">{gradebookStrings.characterKeysHelp}</p>
      </div>
      {activeTrait && activeStudent && (
        <TraitCommentPanel
          key={`${activeStudent.id}|${activeTrait.code}`}
          title={gradebookStrings.traitComment(activeTrait.label, activeStudent.fullName)}
          traitCode={activeTrait.code}
          comment={pendingComments.text(cellKey(active)) ?? activeValue?.comment ?? ''}
          level={activeValue?.level ?? null}
          disabled={!mayEdit}
          onSave={(comment) => {
            const write = writeAt(active, { field: 'comment', value: comment });
            const previous = writeAt(active, { field: 'comment', value: activeValue?.comment ?? '' });
            if (!write || !previous) return Promise.resolve('refused');
            const edit = pendingComments.begin(new Map([[cellKey(active), comment]]));
            return writes.save([write], [previous]).then((outcome) => {
              pendingComments.settle(edit, outcome);
              return outcome;
            });
          }}
        />
      )}
    </div>
  );
}

/** Phẩm chất, năng lực: the homeroom teacher's grid of the 5 qualities and 10 competencies. */
export function CharacterScreen() {
  const { selected } = useSelectedClass();
  const [period] = useSelectedPeriod();
  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{gradebookStrings.characterTitle}</h1>
        <div className="toolbar">
          <ClassSelector />
          <PeriodSelector />
        </div>
      </div>
      {selected && (
        <CharacterGradebook key={`${selected.id}|${period}`} schoolClass={selected} period={period} />
      )}
    </div>
  );
}
