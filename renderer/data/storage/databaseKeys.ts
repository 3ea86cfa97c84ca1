import type { DatabaseKey } from './fieldSeal';

/** Each open database's key, for what keeps data beside it (the write journal). In memory only. */
const keys = new WeakMap<object, DatabaseKey>();

export function rememberDatabaseKey(database: object, key: DatabaseKey): void {
  keys.set(database, key);
}

export function databaseKeyOf(database: object): DatabaseKey {
  const key = keys.get(database);
  if (key === undefined) throw new Error('this database was opened without its key');
  return key;
}
