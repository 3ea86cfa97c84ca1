import { useCallback, useEffect, useState } from 'react';
import type { RecordFileState } from '../../../shared/ipc/recordChannels';
import { useIpc } from '../../ipc/IpcContext';

type Loaded =
  | {
      readonly key: string;
      readonly states: ReadonlyMap<string, RecordFileState>;
      readonly error?: undefined;
    }
  | { readonly key: string; readonly states?: undefined; readonly error: string };

/**
 * The files of these records as main has them now (undefined while loading, with `error` when
 * main could not answer); `refresh` after producing or signing reads them again.
 */
export function useRecordStates(recordIds: readonly string[]) {
  const ipc = useIpc();
  const key = recordIds.join('|');
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  useEffect(() => {
    if (key === '') return undefined;
    let cancelled = false;
    void ipc.invoke('records:list', { recordIds: key.split('|') }).then((result) => {
      if (cancelled) return;
      if (result.ok)
        setLoaded({ key, states: new Map(result.value.map((state) => [state.recordId, state])) });
      else setLoaded({ key, error: result.error.message });
    });
    return () => {
      cancelled = true;
    };
  }, [ipc, key, version]);
  const refresh = useCallback(() => setVersion((current) => current + 1), []);
  const current = loaded?.key === key ? loaded : undefined;
  const states = key === '' ? new Map<string, RecordFileState>() : current?.states;
  return { states, error: current?.error, refresh };
}
