import { useMemo, useState } from 'react';
import type { StudentId } from '../../../shared/domain/ids';
import { planRollOver } from '../../../shared/rollOver/planRollOver';
import type { DestinationKind, RollOverClass, StudentPlan } from '../../../shared/rollOver/rollOverTypes';
import { useSchool } from '../../app/SchoolContext';
import { useDatabase } from '../../data/DatabaseContext';
import { applyRollOver } from '../../data/writes/rollOverWrites';
import { RollOverClassTable } from './RollOverClassTable';
import { choicesOf, type RollOverDraft } from './rollOverDrafts';
import { SetupFeedback } from './SetupFeedback';
import { setupStrings } from './strings';
import { useRollOverData } from './useRollOverData';
import { useSetupAction } from './useSetupAction';

const strings = setupStrings.rollOver;
const kinds: readonly DestinationKind[] = [
  'promoted',
  'retained',
  'finishedPrimary',
  'transferred',
  'left',
  'undecided',
];

/**
 * Chuyển năm học: after the new year has started, last year's students move on by their year's
 * outcome (TT27 Điều 11). The principal sees each class with the proposed destinations, changes
 * any (another class, ở lại lớp, chuyển trường, thôi học), sees the counts, and applies it all at
 * once after confirming; the write plans again from the stored data and refuses an undecided student.
 */
export function RollOverSection() {
  const database = useDatabase();
  const { writeContext } = useSchool();
  const [shown, setShown] = useState(false);
  const { view, failed, reload } = useRollOverData(shown);
  const data = view?.data;
  const preview = view?.preview ?? false;
  const { feedback, busy, run } = useSetupAction();
  const [drafts, setDrafts] = useState<ReadonlyMap<StudentId, RollOverDraft>>(new Map());
  const [confirming, setConfirming] = useState(false);

  const proposal = useMemo(() => (data ? planRollOver(data.input) : undefined), [data]);
  const plan = useMemo(
    () => (data ? planRollOver({ ...data.input, choices: choicesOf(drafts) }) : undefined),
    [data, drafts],
  );
  const setDraft = (studentId: StudentId, draft: RollOverDraft | undefined) => {
    setConfirming(false);
    setDrafts((current) => {
      const next = new Map(current);
      if (draft) next.set(studentId, draft);
      else next.delete(studentId);
      return next;
    });
  };

  const body = () => {
    if (!shown)
      return (
        <>
          <p className="hint">{strings.closedHint}</p>
          <button type="button" className="button" onClick={() => setShown(true)}>
            {strings.show}
          </button>
        </>
      );
    if (failed) return <p className="notice error">{strings.loadFailed}</p>;
    if (!data || !plan || !proposal) return <p className="status">{strings.loading}</p>;
    if (plan.students.length === 0) return <p className="status">{strings.nothingLeft(data.fromYear)}</p>;
    const nextClasses = [...data.input.nextClasses, ...proposal.newClasses];
    const newNames = new Set(proposal.newClasses.map((schoolClass) => schoolClass.name));
    const byClass = new Map<string, StudentPlan[]>();
    for (const student of plan.students)
      byClass.set(student.fromClassId, [...(byClass.get(student.fromClassId) ?? []), student]);
    const classes = data.input.classes.filter((schoolClass: RollOverClass) => byClass.has(schoolClass.id));
    const ordered = [...new Set(plan.students.map((student) => student.fromClassId))]
      .map((id) => classes.find((schoolClass) => schoolClass.id === id))
      .filter((schoolClass): schoolClass is RollOverClass => schoolClass !== undefined);
    const undecided = plan.counts.undecided;
    const apply = async () => {
      const done = await run(
        () => applyRollOver(database, writeContext, choicesOf(drafts)),
        strings.applied(data.toYear),
      );
      setConfirming(false);
      if (done) {
        setDrafts(new Map());
        reload();
      }
    };
    return (
      <>
        {view.doneYear && <p className="status">{strings.done(view.doneYear)}</p>}
        <p className="hint">{strings.intro(data.fromYear, data.toYear)}</p>
        {preview && <p className="notice">{strings.preview(data.fromYear, data.toYear)}</p>}
        <dl className="setup-facts rollover-counts" aria-label={strings.countsLabel}>
          {kinds.map((kind) => (
            <div
              key={kind}
              className={kind === 'undecided' && undecided > 0 ? 'rollover-warning' : undefined}
            >
              <dt>{strings.kinds[kind]}</dt>
              <dd>{plan.counts[kind]}</dd>
            </div>
          ))}
        </dl>
        {plan.newClasses.length > 0 && (
          <p className="hint">
            {strings.newClasses(
              data.toYear,
              plan.newClasses.map((schoolClass) => schoolClass.name).join(', '),
            )}
          </p>
        )}
        {ordered.map((schoolClass) => (
          <RollOverClassTable
            key={schoolClass.id}
            schoolClass={schoolClass}
            fromYear={data.fromYear}
            students={byClass.get(schoolClass.id) ?? []}
            drafts={drafts}
            nextClasses={nextClasses}
            newNames={newNames}
            disabled={busy}
            onDraft={setDraft}
          />
        ))}
        {!preview && undecided > 0 && <p className="notice warning">{strings.blocked(undecided)}</p>}
        {!preview && !confirming && (
          <button
            type="button"
            className="button"
            disabled={busy || undecided > 0}
            onClick={() => setConfirming(true)}
          >
            {strings.apply(plan.students.length, data.toYear)}
          </button>
        )}
        {confirming && (
          <div className="notice warning setup-confirm">
            <p>{strings.confirmHint(data.toYear)}</p>
            <div className="toolbar">
              <button
                type="button"
                className="button button-primary"
                disabled={busy}
                onClick={() => void apply()}
              >
                {strings.confirm}
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
                {setupStrings.cancel}
              </button>
            </div>
          </div>
        )}
      </>
    );
  };

  return (
    <section className="panel setup-section" aria-labelledby="setup-rollover-heading">
      <h2 id="setup-rollover-heading">{strings.heading}</h2>
      {body()}
      <SetupFeedback feedback={feedback} />
    </section>
  );
}
