import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/ipc/contract';
import { useIpc } from '../ipc/IpcContext';

/** `app:info` from main, once. */
export function useAppInfo(): AppInfo | undefined {
  const ipc = useIpc();
  const [info, setInfo] = useState<AppInfo | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void ipc.invoke('app:info', {}).then((result) => {
      if (live && result.ok) setInfo(result.value);
    });
    return () => {
      live = false;
    };
  }, [ipc]);
  return info;
}
