import { useState } from 'react';
import { formatDate, parseVietnameseDate } from '../../../shared/domain/dates';
import type { ClassDoc } from '../../data/collections/classesCollection';
import type { PersonDoc } from '../../data/collections/people/peopleCollection';
import { useDatabase } from '../../data/DatabaseContext';
import { WriteRefused } from '../../data/writes/writeContext';
import { recordPrincipalDecision, recordSupplementaryEvaluation } from '../../data/writes/yearResultWrites';
import { useSchool } from '../../app/SchoolContext';
import { studentPlaceOf } from '../gradebook/studentPlace';
import type { SummaryData } from './useClassSummary';
import { summaryStrings } from './strings';

type Props = {
  readonly data: SummaryData;
  readonly students: readonly PersonDoc[];
  readonly schoolClass: ClassDoc;
};

/**
 * Học sinh chưa hoàn thành chương trình (TT27 Điều 11): for each, where its completion stands;
 * the homeroom teacher enters the supplementary evaluation, and after an unsuccessful one the
 * principal enters the decision. The record stays a draft until these are in.
 */
export function CompletionSteps({ data, students, schoolClass }: Props) {
  const { permissions, writeContext } = useSchool();
  const pending = data.summary.rows.flatMap((row) => {
    const outcome = row.outcome;
    if (
      outcome === undefined ||
      outcome.status === 'incomplete' ||
      (outcome.completion.status === 'completed' && outcome.completion.via === 'yearResult')
    )
      return [];
    const student = students.find((candidate) => candidate.id === row.studentId);
    return student ? [{ student, label: outcome.completion.label }] : [];
  });
  if (pending.length === 0) return null;
  return (
    <section className="panel completion-steps">
      <h2>{summaryStrings.completionHeading}</h2>
      <p className="hint">{summaryStrings.completionHint}</p>
      <ul>
        {pending.map(({ student, label }) => (
          <CompletionRow
            key={student.id}
            student={student}
            label={label}
            data={data}
            schoolClass={schoolClass}
            mayEvaluate={permissions.isHomeroomOf(schoolClass.id)}
            mayDecide={permissions.canDecidePromotion}
            writeContext={writeContext}
          />
        ))}
      </ul>
    </section>
  );
}

type RowProps = {
  readonly student: PersonDoc;
  readonly label: string;
  readonly data: SummaryData;
  readonly schoolClass: ClassDoc;
  readonly mayEvaluate: boolean;
  readonly mayDecide: boolean;
  readonly writeContext: ReturnType<typeof useSchool>['writeContext'];
};

function CompletionRow({
  student,
  label,
  data,
  schoolClass,
  mayEvaluate,
  mayDecide,
  writeContext,
}: RowProps) {
  const database = useDatabase();
  const year = data.yearResults.get(student.id);
  const [date, setDate] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const place = studentPlaceOf(student, schoolClass);
  const run = (write: (iso: string) => Promise<unknown>) => {
    const iso = parseVietnameseDate(date);
    if (iso === undefined) {
      setProblem(summaryStrings.badDate);
      return;
    }
    setProblem(undefined);
    write(iso).then(
      () => setDate(''),
      (error: unknown) =>
        setProblem(error instanceof WriteRefused ? error.message : summaryStrings.unexpected),
    );
  };
  const supplementary = year?.supplementaryEvaluation;
  // A student on an individual education plan goes straight to the principal (TT27 Điều 8).
  const onPlan = student.individualEducationPlan;
  const needsDecision = (onPlan || supplementary?.outcome === 'notCompleted') && !year?.principalDecision;
  const dateLabel = summaryStrings.stepDate(student.fullName);
  // What this person may record now: the homeroom teacher the evaluation, the principal the decision.
  const actions: { label: string; write: (iso: string) => Promise<unknown> }[] = [
    ...(mayEvaluate && !supplementary && !onPlan
      ? (['completed', 'notCompleted'] as const).map((outcome) => ({
          label:
            outcome === 'completed'
              ? summaryStrings.supplementaryCompleted
              : summaryStrings.supplementaryNotCompleted,
          write: (iso: string) =>
            recordSupplementaryEvaluation(database, writeContext, place, { outcome, date: iso }),
        }))
      : []),
    ...(mayDecide && needsDecision
      ? (['promoted', 'retained'] as const).map((decision) => ({
          label: decision === 'promoted' ? summaryStrings.decidePromoted : summaryStrings.decideRetained,
          write: (iso: string) =>
            recordPrincipalDecision(database, writeContext, place, { decision, date: iso }),
        }))
      : []),
  ];
  return (
    <li className="completion-row">
      <strong>{student.fullName}</strong>: {label}
      {supplementary && (
        <span className="muted">
          {' '}
          {summaryStrings.supplementaryDone(
            supplementary.outcome === 'completed',
            formatDate(supplementary.date),
          )}
        </span>
      )}
      {actions.length > 0 && (
        <div className="completion-form">
          <input
            aria-label={dateLabel}
            placeholder="dd/mm/yyyy"
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
          {actions.map((action) => (
            <button key={action.label} type="button" className="button" onClick={() => run(action.write)}>
              {action.label}
            </button>
          ))}
        </div>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}
