import { useMemo, useState } from 'react';
import { verifyDeviceChains, type ChainProblem } from '../../../shared/audit/auditChain';
import { formatInstant } from '../../../shared/domain/dates';
import { ClassSelector, useSelectedClass } from '../../app/ClassSelector';
import { useRouteParam } from '../../app/RouteContext';
import { useSchool } from '../../app/SchoolContext';
import { useDatabase } from '../../data/DatabaseContext';
import { useIpc } from '../../ipc/IpcContext';
import { useClassStudents } from '../../data/queries/classQueries';
import { useObservable } from '../../data/useRxQueryResult';
import { checkChainWithMain, type ChainCheckAnswer } from './chainCheck';
import { describeDevice, describeTarget, describeValue } from './describeChange';
import { MainCheckResult } from './MainCheckResult';
import { compareWithServerHeads, type ServerHeadCheck } from './serverHeadCheck';
import { historyStrings } from './strings';

const shownEvents = 500;

/** "Ai sửa, lúc nào, từ gì thành gì": the changes of a class or one student, newest first. */
export function HistoryScreen() {
  const database = useDatabase();
  const { school, writeContext, sessionMode } = useSchool();
  const { selected } = useSelectedClass();
  const [studentId, setStudentId] = useRouteParam('student');
  const students = useClassStudents(selected?.id);
  const events = useObservable(
    useMemo(() => {
      const selector = studentId ? { studentId } : { classId: selected?.id ?? '' };
      return database.auditEvents.find({ selector, sort: [{ at: 'desc' }], limit: shownEvents }).$;
    }, [database, selected?.id, studentId]),
  );
  const ipc = useIpc();
  const [check, setCheck] = useState<
    | { state: 'running' }
    | {
        state: 'done';
        count: number;
        problems: ChainProblem[];
        main: { ok: true; answer: ChainCheckAnswer } | { ok: false; message: string };
        /** Absent for the trial, which has no server. */
        server?: { ok: true; check: ServerHeadCheck } | { ok: false; message: string };
      }
    | undefined
  >(undefined);
  const names = new Map(school.staff.map((member) => [member.userId, member.fullName]));
  // Keyed by plain text: an audit event's student is '' when the document has none.
  const studentNames: ReadonlyMap<string, string> = new Map(
    (students ?? []).map((student) => [student.id, student.fullName]),
  );

  const verify = async () => {
    setCheck({ state: 'running' });
    // Every chain the database holds: this desktop's, and any restored from a backup.
    const stored = await database.auditEvents.find().exec();
    const devices = verifyDeviceChains(stored.map((doc) => doc.toMutableJSON()));
    const problems = devices.flatMap((device) => device.problems);
    const count = devices.reduce((sum, device) => sum + device.events, 0);
    // The database can only vouch for itself; main compares it with what it recorded at write time.
    const main = await checkChainWithMain(database, writeContext.deviceId, (request) =>
      ipc.invoke('audit:checkChain', request),
    ).catch(() => undefined);
    // And with the province server, which holds every desktop's chain as it was sent.
    let server: { ok: true; check: ServerHeadCheck } | { ok: false; message: string } | undefined;
    if (sessionMode === 'account') {
      const heads = await ipc.invoke('sync:auditHeads', {});
      if (!heads.ok) server = { ok: false, message: heads.error.message };
      else {
        const hashes = new Map<string, string>();
        const localHeads = new Map<string, number>();
        for (const doc of stored) {
          hashes.set(`${doc.deviceId}#${String(doc.seq)}`, doc.hash);
          localHeads.set(doc.deviceId, Math.max(localHeads.get(doc.deviceId) ?? 0, doc.seq));
        }
        server = {
          ok: true,
          check: compareWithServerHeads({
            heads: heads.value.heads,
            ownDeviceId: writeContext.deviceId,
            hashAt: (deviceId, seq) => hashes.get(`${deviceId}#${String(seq)}`),
            localHeadOf: (deviceId) => localHeads.get(deviceId) ?? 0,
          }),
        };
      }
    }
    setCheck({
      state: 'done',
      count,
      problems,
      main: main?.ok
        ? { ok: true, answer: main.value }
        : { ok: false, message: main?.error.message ?? historyStrings.mainCheckFailed },
      ...(server === undefined ? {} : { server }),
    });
  };
  // Whether main's record contradicts the database's chain (not only a notice about main's own files).
  const mainProblems =
    check?.state === 'done' && check.main.ok
      ? check.main.answer.chains.some(
          (chain) => chain.verdict !== 'intact' && chain.verdict !== 'ahead' && chain.verdict !== 'vouched',
        )
      : false;

  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{historyStrings.title}</h1>
        <div className="toolbar">
          <ClassSelector />
          <label className="toolbar-field">
            <span>{historyStrings.studentLabel}</span>
            <select
              value={studentId ?? ''}
              onChange={(event) => setStudentId(event.target.value || undefined)}
            >
              <option value="">{historyStrings.allStudents}</option>
              {(students ?? []).map((student) => (
                <option key={student.id} value={student.id}>
                  {student.fullName}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <p className="hint">{historyStrings.intro}</p>
      <div className="toolbar">
        <button
          type="button"
          className="button"
          disabled={check?.state === 'running'}
          onClick={() => void verify()}
        >
          {check?.state === 'running' ? historyStrings.verifying : historyStrings.verify}
        </button>
        {check?.state === 'done' &&
          (check.problems.length === 0 ? (
            <span className={mainProblems ? 'save-state failed' : 'save-state saved'} role="status">
              {mainProblems
                ? historyStrings.selfConsistentOnly(check.count)
                : historyStrings.intact(check.count)}
            </span>
          ) : (
            <div className="notice error" role="alert">
              {historyStrings.broken(check.problems.length)}
              <ul>
                {check.problems.slice(0, 20).map((problem) => (
                  <li key={`${problem.seq}-${problem.kind}`}>{problem.message}</li>
                ))}
              </ul>
            </div>
          ))}
      </div>
      {check?.state === 'done' && <MainCheckResult result={check.main} />}
      {check?.state === 'done' && check.server !== undefined && <ServerCheckResult result={check.server} />}
      {events?.length === 0 && <p className="status">{historyStrings.none}</p>}
      {events && events.length > 0 && (
        <table className="data-table history-table">
          <caption>{historyStrings.shown(events.length)}</caption>
          <thead>
            <tr>
              {Object.values(historyStrings.columns).map((label) => (
                <th key={label} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {events.map((doc) => {
              const event = doc.toMutableJSON();
              return (
                <tr key={event.id}>
                  <td>{formatInstant(event.at)}</td>
                  <td>{describeValue(JSON.stringify(event.actor), names)}</td>
                  <td>{studentNames.get(event.studentId) ?? ''}</td>
                  <td>{describeTarget(writeContext.catalogue, event)}</td>
                  <td>{event.field === '*' ? historyStrings.empty : describeValue(event.old, names)}</td>
                  <td>{describeValue(event.new, names)}</td>
                  <td>{describeDevice(event.deviceId, writeContext.deviceId)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** What the comparison with the province server found. */
function ServerCheckResult({
  result,
}: {
  readonly result: { ok: true; check: ServerHeadCheck } | { ok: false; message: string };
}) {
  if (!result.ok)
    return (
      <section className="panel" aria-label={historyStrings.serverHeading}>
        <h2>{historyStrings.serverHeading}</h2>
        <p className="status">{historyStrings.serverUnavailable(result.message)}</p>
      </section>
    );
  const { devices, problems } = result.check;
  const behind = devices.filter((device) => device.verdict === 'behind').length;
  return (
    <section className="panel" aria-label={historyStrings.serverHeading}>
      <h2>{historyStrings.serverHeading}</h2>
      {problems.length > 0 ? (
        <div className="notice error" role="alert">
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="save-state saved" role="status">
          {devices.length === 0
            ? historyStrings.serverNothing
            : historyStrings.serverMatches(devices.length, behind)}
        </p>
      )}
    </section>
  );
}
