import { useCallback, useEffect, useState } from 'react';
import type { RecordFileState } from '../../../shared/ipc/recordChannels';
import { useIpc } from '../../ipc/IpcContext';

/**
 * The files of these records as main has them now (undefined while loading); `refresh` after
 * producing or signing reads them again.
 */
export function useRecordStates(recordIds: readonly string[]) {
  const ipc = useIpc();
  const key = recordIds.join('|');
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState<
    { key: string; states: ReadonlyMap<string, RecordFileState> } | undefined
  >(undefined);
  useEffect(() => {
    if (key === '') return undefined;
    let cancelled = false;
    void ipc.invoke('records:list', { recordIds: key.split('|') }).then((result) => {
      if (!cancelled && result.ok)
        setLoaded({ key, states: new Map(result.value.map((state) => [state.recordId, state])) });
    });
    return () => {
      cancelled = true;
    };
  }, [ipc, key, version]);
  const refresh = useCallback(() => setVersion((current) => current + 1), []);
  const states =
    key === '' ? new Map<string, RecordFileState>() : loaded?.key === key ? loaded.states : undefined;
  return { states, refresh };
}
