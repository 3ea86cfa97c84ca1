import { createContext, useContext, type ReactNode } from 'react';
import type { HocbaDatabase } from './database';

const DatabaseContext = createContext<HocbaDatabase | undefined>(undefined);

export function DatabaseProvider({ database, children }: { database: HocbaDatabase; children: ReactNode }) {
  return <DatabaseContext.Provider value={database}>{children}</DatabaseContext.Provider>;
}

export function useDatabase(): HocbaDatabase {
  const database = useContext(DatabaseContext);
  if (!database) throw new Error('useDatabase outside DatabaseProvider');
  return database;
}
