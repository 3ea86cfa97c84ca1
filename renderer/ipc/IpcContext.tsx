import { createContext, useContext, type ReactNode } from 'react';
import type { IpcClient } from './ipcClient';

const IpcContext = createContext<IpcClient | undefined>(undefined);

export function IpcProvider({ client, children }: { client: IpcClient; children: ReactNode }) {
  return <IpcContext.Provider value={client}>{children}</IpcContext.Provider>;
}

export function useIpc(): IpcClient {
  const client = useContext(IpcContext);
  if (!client) throw new Error('useIpc outside IpcProvider');
  return client;
}
