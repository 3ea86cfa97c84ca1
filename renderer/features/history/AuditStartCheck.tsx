import { useEffect, useState } from 'react';
import type { IpcResult } from '../../../shared/ipc/result';
import type { HocbaDatabase } from '../../data/database';
import { useDatabase } from '../../data/DatabaseContext';
import type { IpcClient } from '../../ipc/ipcClient';
import { useIpc } from '../../ipc/IpcContext';
import { checkChainWithMain, type ChainCheckAnswer } from './chainCheck';
import { historyStrings } from './strings';

/**
 * One check per database and device per page load: main records what it finds the first time
 * and follows the database afterwards, so a second check (React's development double effect)
 * would hide the first one's findings.
 */
const startChecks = new WeakMap<HocbaDatabase, Map<string, Promise<IpcResult<ChainCheckAnswer>>>>();

function startCheckOnce(database: HocbaDatabase, deviceId: string, ipc: IpcClient) {
  const byDevice = startChecks.get(database) ?? new Map<string, Promise<IpcResult<ChainCheckAnswer>>>();
  startChecks.set(database, byDevice);
  let check = byDevice.get(deviceId);
  if (!check) {
    const started = performance.now();
    check = checkChainWithMain(database, deviceId, (request) => ipc.invoke('audit:checkChain', request));
    // Timing mark for benchmarks; harmless in normal use.
    void check.then(() =>
      performance.measure('hocba:audit-start-check', { start: started, end: performance.now() }),
    );
    byDevice.set(deviceId, check);
  }
  return check;
}

/**
 * At start, has main judge the database's audit chains against the heads it recorded; when
 * something is wrong, a banner says what in words an administrator understands, and what to do.
 */
export function AuditStartCheck({ deviceId }: { readonly deviceId: string | undefined }) {
  const database = useDatabase();
  const ipc = useIpc();
  const [answer, setAnswer] = useState<ChainCheckAnswer | undefined>(undefined);
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    if (!deviceId || ipc.transportKind === 'none') return;
    let live = true;
    startCheckOnce(database, deviceId, ipc).then(
      (result) => {
        if (live && result.ok) setAnswer(result.value);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [database, deviceId, ipc]);

  const problems = answer?.findings.filter((finding) => finding.severity === 'problem') ?? [];
  if (dismissed || problems.length === 0) return null;
  const lost = problems.some((finding) => finding.kind === 'truncated');
  return (
    <div className="notice error audit-banner" role="alert" style={{ marginBottom: '1rem' }}>
      <strong>{historyStrings.banner.title}</strong>
      <ul>
        {problems.map((finding) => (
          <li key={`${finding.kind}-${finding.message}`}>{finding.message}</li>
        ))}
      </ul>
      <p>{historyStrings.banner.whatToDo}</p>
      {lost && <p>{historyStrings.banner.powerCut}</p>}
      <button type="button" className="link-button" onClick={() => setDismissed(true)}>
        {historyStrings.banner.dismiss}
      </button>
    </div>
  );
}
