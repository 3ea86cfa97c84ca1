import './gradebook.css';
import { useRouteParam } from '../../app/RouteContext';
import { ClassSelector, useSelectedClass } from '../../app/ClassSelector';
import { useSchool } from '../../app/SchoolContext';
import { PeriodSelector, useSelectedPeriod } from './PeriodSelector';
import { gradebookStrings } from './strings';
import { SubjectGradebook } from './SubjectGradebook';
import { TrackingBookExport } from './TrackingBookExport';

/** Sổ theo dõi kết quả: pick class, subject and period; enter levels, scores and comments. */
export function GradebookScreen() {
  const { permissions, writeContext } = useSchool();
  const { selected } = useSelectedClass();
  const [period] = useSelectedPeriod();
  const [rowParam, setRow] = useRouteParam('row');
  const rows = selected ? writeContext.catalogue.plan(selected.grade).rows : [];
  // Default to the first subject this person enters in this class, else the first subject.
  const row =
    rows.find((candidate) => candidate.key === rowParam) ??
    rows.find((candidate) => selected && permissions.canEditSubject(selected.id, candidate.key)) ??
    rows[0];
  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{gradebookStrings.title}</h1>
        <div className="toolbar">
          <ClassSelector />
          <label className="toolbar-field">
            <span>{gradebookStrings.subjectLabel}</span>
            <select value={row?.key ?? ''} onChange={(event) => setRow(event.target.value)}>
              {rows.map((candidate) => (
                <option key={candidate.key} value={candidate.key}>
                  {selected && permissions.canEditSubject(selected.id, candidate.key)
                    ? gradebookStrings.mine(candidate.label)
                    : candidate.label}
                </option>
              ))}
            </select>
          </label>
          <PeriodSelector />
        </div>
      </div>
      {selected && row && <TrackingBookExport key={selected.id} schoolClass={selected} row={row} />}
      {selected && row && (
        <SubjectGradebook
          key={`${selected.id}|${row.key}|${period}`}
          schoolClass={selected}
          row={row}
          period={period}
        />
      )}
    </div>
  );
}
