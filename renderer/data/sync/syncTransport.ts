import type { z } from 'zod';
import type {
  auditHeadsAnswerSchema,
  PullAnswer,
  PushAnswer,
  PushRow,
  SyncedCollection,
} from '../../../shared/sync/syncWire';
import type { IpcClient } from '../../ipc/ipcClient';

/** Sync could not reach the province server, or the server refused the call; `message` says why. */
export class SyncUnavailable extends Error {
  override name = 'SyncUnavailable';
}

/** How the replication reaches the province server: main, as the signed-in account. */
export type SyncTransport = {
  readonly pull: (collection: SyncedCollection, after: number, limit: number) => Promise<PullAnswer>;
  readonly push: (collection: SyncedCollection, rows: readonly PushRow[]) => Promise<PushAnswer>;
  /** Where each device's audit chain ends on the server. */
  readonly auditHeads: () => Promise<z.output<typeof auditHeadsAnswerSchema>>;
};

/** The replication's calls through main's IPC (sync:pull, sync:push); a failure throws with main's words. */
export function syncTransportThroughMain(ipc: IpcClient): SyncTransport {
  return {
    pull: async (collection, after, limit) => {
      const answer = await ipc.invoke('sync:pull', { collection, after, limit });
      if (!answer.ok) throw new SyncUnavailable(answer.error.message);
      return answer.value;
    },
    push: async (collection, rows) => {
      const answer = await ipc.invoke('sync:push', { collection, rows: [...rows] });
      if (!answer.ok) throw new SyncUnavailable(answer.error.message);
      return answer.value;
    },
    auditHeads: async () => {
      const answer = await ipc.invoke('sync:auditHeads', {});
      if (!answer.ok) throw new SyncUnavailable(answer.error.message);
      return answer.value;
    },
  };
}
