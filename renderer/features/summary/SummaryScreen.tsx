import './summary.css';
import { confirmableResultOf } from '../../../shared/domain/evaluation/computeYearResult';
import { yearInputFingerprint } from '../../../shared/domain/evaluation/yearFingerprint';
import { useState } from 'react';
import { ClassSelector, useSelectedClass } from '../../app/ClassSelector';
import { downloadFile } from '../../app/download';
import { useSchool } from '../../app/SchoolContext';
import type { ClassDoc } from '../../data/collections/classesCollection';
import { useDatabase } from '../../data/DatabaseContext';
import { useClassStudents } from '../../data/queries/classQueries';
import { confirmYearResults, type YearConfirmation } from '../../data/writes/yearResultWrites';
import { WriteRefused } from '../../data/writes/writeContext';
import { useIpc } from '../../ipc/IpcContext';
import { PeriodSelector, useSelectedPeriod } from '../gradebook/PeriodSelector';
import { studentPlaceOf } from '../gradebook/studentPlace';
import { confirmationStatus } from './confirmationStatus';
import { summaryStrings } from './strings';
import { CompletionSteps } from './CompletionSteps';
import { SummaryStatisticsPanel } from './SummaryStatisticsPanel';
import { SummaryTable } from './SummaryTable';
import { useClassSummary } from './useClassSummary';

function ClassSummaryView({ schoolClass }: { schoolClass: ClassDoc }) {
  const database = useDatabase();
  const ipc = useIpc();
  const { school, schoolYear, permissions, writeContext } = useSchool();
  const [period] = useSelectedPeriod();
  const data = useClassSummary(writeContext.catalogue, schoolClass, period);
  const students = useClassStudents(schoolClass.id);
  const [exemplary, setExemplary] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  if (!data || !students) return <p className="status">{summaryStrings.loading}</p>;
  if (data.summary.rows.length === 0) return <p className="status">{summaryStrings.noStudents}</p>;

  const homeroom = permissions.isHomeroomOf(schoolClass.id);
  const exportXlsx = async () => {
    setBusy(true);
    const { summary } = data;
    const result = await ipc.invoke('summary:exportXlsx', {
      school: { name: school.name, province: school.province, commune: school.commune },
      className: schoolClass.name,
      schoolYear,
      homeroomTeacherName: schoolClass.homeroomTeacherName,
      principalName: school.principalName,
      summary: {
        grade: summary.grade,
        period: summary.period,
        title: summary.title,
        columns: [...summary.columns],
        rows: summary.rows.map(({ studentId, cells }) => ({ studentId, cells })),
        statistics: summary.statistics,
      },
    });
    setBusy(false);
    if (result.ok) {
      downloadFile(result.value);
      setMessage({ kind: 'ok', text: summaryStrings.exported(result.value.fileName) });
    } else setMessage({ kind: 'error', text: result.error.message });
  };

  const confirmAll = async () => {
    const confirmations: YearConfirmation[] = [];
    for (const row of data.summary.rows) {
      const student = students.find((candidate) => candidate.id === row.studentId);
      const input = data.inputs.get(row.studentId);
      const result = row.outcome ? confirmableResultOf(row.outcome) : undefined;
      if (!student || !input || !row.outcome || result === undefined) continue;
      const awards =
        row.outcome.status === 'computed'
          ? row.outcome.awards
              .filter((award) => !award.requiresConfirmation || exemplary.has(row.studentId))
              .map((award) => ({ kind: award.award, title: award.title }))
          : [];
      confirmations.push({
        place: studentPlaceOf(student, schoolClass),
        result,
        fingerprint: yearInputFingerprint(input),
        awards,
      });
    }
    try {
      setBusy(true);
      await confirmYearResults(database, writeContext, confirmations);
      setMessage({ kind: 'ok', text: summaryStrings.confirmed(confirmations.length) });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof WriteRefused ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const ready = data.summary.rows.filter(
    (row) => row.outcome !== undefined && confirmableResultOf(row.outcome) !== undefined,
  ).length;
  return (
    <>
      <div className="toolbar">
        <button
          type="button"
          className="button"
          disabled={busy || !permissions.canExportSummary(schoolClass.id)}
          onClick={() => void exportXlsx()}
        >
          {busy ? summaryStrings.exporting : summaryStrings.export}
        </button>
        {message && (
          <span
            className={message.kind === 'error' ? 'error' : 'save-state saved'}
            role={message.kind === 'error' ? 'alert' : 'status'}
          >
            {message.text}
          </span>
        )}
      </div>
      <SummaryTable
        summary={data.summary}
        {...(period === 'CN'
          ? {
              extraColumn: {
                label: summaryStrings.confirmationColumn,
                cell: (studentId: string) => {
                  const row = data.summary.rows.find((candidate) => candidate.studentId === studentId);
                  const candidate =
                    row?.outcome?.status === 'computed' &&
                    row.outcome.awards.some((award) => award.requiresConfirmation);
                  const name = students.find((student) => student.id === studentId)?.fullName ?? '';
                  return (
                    <div className="confirm-cell">
                      <span className={`confirm-status ${confirmationStatus(data, studentId)}`}>
                        {summaryStrings.status[confirmationStatus(data, studentId)]}
                      </span>
                      {candidate && homeroom && (
                        <label className="checkbox">
                          <input
                            type="checkbox"
                            aria-label={summaryStrings.exemplaryCheck(name)}
                            checked={exemplary.has(studentId)}
                            onChange={(event) => {
                              const next = new Set(exemplary);
                              if (event.target.checked) next.add(studentId);
                              else next.delete(studentId);
                              setExemplary(next);
                            }}
                          />
                          Tiêu biểu
                        </label>
                      )}
                    </div>
                  );
                },
              },
            }
          : {})}
      />
      {period === 'CN' && (
        <section className="panel">
          <h2>{summaryStrings.confirmHeading}</h2>
          <p className="hint">{homeroom ? summaryStrings.confirmHint : summaryStrings.onlyHomeroom}</p>
          <button
            type="button"
            className="button button-primary"
            disabled={!homeroom || busy || ready === 0}
            onClick={() => void confirmAll()}
          >
            {summaryStrings.confirm(ready)}
          </button>
        </section>
      )}
      {period === 'CN' && <CompletionSteps data={data} students={students} schoolClass={schoolClass} />}
      <SummaryStatisticsPanel summary={data.summary} />
    </>
  );
}

/** Bảng tổng hợp: the class summary table of a period, its statistics, export and confirmation. */
export function SummaryScreen() {
  const { selected } = useSelectedClass();
  const [period] = useSelectedPeriod();
  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{summaryStrings.title}</h1>
        <div className="toolbar">
          <ClassSelector />
          <PeriodSelector />
        </div>
      </div>
      {selected && <ClassSummaryView key={`${selected.id}|${period}`} schoolClass={selected} />}
    </div>
  );
}
