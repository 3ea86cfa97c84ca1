import { deepEqual, type RxConflictHandler, type WithDeleted } from 'rxdb';
import {
  isRefusalOfOwnChange,
  mergeDocumentStates,
  type DocumentState,
} from '../../../shared/sync/mergeDocuments';

const asState = <T>(document: WithDeleted<T>): DocumentState => document as unknown as DocumentState;

/**
 * What the desktop keeps when the province server did not take a pushed document (RxDB calls it
 * with the server's state the push answered): a refusal of this desktop's own change (the server
 * still holds what the desktop started from) gives the server's state back as it is; a change
 * another writer made meanwhile is merged field by field (shared/sync/mergeDocuments.ts), so
 * what each changed survives and, where both changed a field, the server's value stays. What was
 * not kept is in the conflict log (conflictLog.ts), never dropped silently.
 */
export function syncConflictHandler<T>(): RxConflictHandler<T> {
  return {
    isEqual: (a, b) => deepEqual(a, b),
    resolve: async ({ assumedMasterState, realMasterState, newDocumentState }) => {
      const assumed = assumedMasterState === undefined ? undefined : asState(assumedMasterState);
      if (isRefusalOfOwnChange(assumed, asState(realMasterState))) return realMasterState;
      const { document } = mergeDocumentStates({
        assumed,
        master: asState(realMasterState),
        mine: asState(newDocumentState),
      });
      return document as unknown as WithDeleted<T>;
    },
  };
}
