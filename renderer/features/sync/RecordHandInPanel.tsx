import { useEffect, useState } from 'react';
import { useDatabase } from '../../data/DatabaseContext';
import { useRecordHandInStatus } from './SyncProvider';
import { syncScreenStrings as text } from './syncScreenStrings';

/** `studyRecord:student:<code>:<year>` → the person's id and the school year. */
function partsOf(recordId: string): { readonly personId: string; readonly schoolYear: string } {
  const [, , code = '', schoolYear = ''] = recordId.split(':');
  return { personId: `student:${code}`, schoolYear };
}

/**
 * Nộp học bạ đã ký: how many of this desktop's signed records the province keeps, how many wait,
 * and each one it refused with the student's name and the server's reason.
 */
export function RecordHandInPanel() {
  const handIn = useRecordHandInStatus();
  const database = useDatabase();
  const refused = handIn?.last?.refused;
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());

  useEffect(() => {
    if (refused === undefined || refused.length === 0) return;
    let live = true;
    const ids = [...new Set(refused.map((entry) => partsOf(entry.recordId).personId))];
    void database.people
      .findByIds(ids)
      .exec()
      .then((people) => {
        if (live) setNames(new Map([...people.values()].map((person) => [person.id, person.fullName])));
      });
    return () => {
      live = false;
    };
  }, [database, refused]);

  if (handIn === undefined) return null;
  const { last } = handIn;
  const summary = handIn.running
    ? text.handIn.running
    : last === undefined
      ? text.handIn.notYet
      : last.signedFiles === 0
        ? text.handIn.noSignedFiles
        : text.handIn.summary(last.kept, last.signedFiles, last.waiting);

  return (
    <section className="panel sync-hand-in" aria-labelledby="sync-hand-in-heading">
      <h2 id="sync-hand-in-heading">{text.handIn.heading}</h2>
      <p className="hint">{text.handIn.intro}</p>
      <p className="status" role="status" aria-live="polite">
        {summary}
      </p>
      {last !== undefined && last.bytesSent > 0 && !handIn.running && (
        <p className="hint">{text.handIn.sent(last.sentNow, last.bytesSent)}</p>
      )}
      {!handIn.running && (last?.problem ?? handIn.failure) !== undefined && (
        <p className="notice error" role="alert">
          {last?.problem ?? handIn.failure}
        </p>
      )}
      {refused !== undefined && refused.length > 0 && (
        <table className="data-table hand-in-refused">
          <caption>{text.handIn.refusedCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{text.handIn.student}</th>
              <th scope="col">{text.handIn.schoolYear}</th>
              <th scope="col">{text.handIn.reason}</th>
            </tr>
          </thead>
          <tbody>
            {refused.map((entry) => {
              const { personId, schoolYear } = partsOf(entry.recordId);
              return (
                <tr key={`${entry.recordId}:${entry.reason}`}>
                  <th scope="row">{names.get(personId) ?? personId.slice('student:'.length)}</th>
                  <td>{schoolYear}</td>
                  <td>{entry.reason}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
