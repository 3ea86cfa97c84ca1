import { useEffect } from 'react';
import { setChainHeadSink } from '../../data/writes/chainHeadReporter';
import type { IpcClient } from '../../ipc/ipcClient';
import { useIpc } from '../../ipc/IpcContext';

/** Sends the audit log's new event hashes to main (`audit:recordHead`). */
export function installChainHeadReporting(ipc: IpcClient): () => void {
  setChainHeadSink(async (request) => {
    const result = await ipc.invoke('audit:recordHead', request);
    if (result.ok) return result.value;
    // Main out of reach or a failure on its side: try again later. Anything else will not change.
    return result.error.code === 'unavailable' || result.error.code === 'failed' ? 'unreachable' : 'refused';
  });
  return () => setChainHeadSink(undefined);
}

/** For the app's root: every audited write of this page is reported to main while it is mounted. */
export function useChainHeadReporting(): void {
  const ipc = useIpc();
  useEffect(() => installChainHeadReporting(ipc), [ipc]);
}
