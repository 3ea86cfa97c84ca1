import type { Subscription } from 'rxjs';
import type { PushConflict } from '../../../shared/sync/syncWire';
import type { HocbaDatabase } from '../database';
import { uploadAuditChain, type AuditUploadResult } from './auditUpload';
import type { SyncTransport } from './syncTransport';

export type AuditChainUploader = {
  /** Asks for an upload soon (one runs at a time; a request during one runs another after it). */
  readonly request: () => void;
  /** Uploads now and resolves when the server holds the chain (or refused it, once logged). */
  readonly uploadNow: () => Promise<void>;
  /** This desktop's events the server does not hold, as last seen. */
  readonly pending: () => Promise<number>;
  readonly stop: () => Promise<void>;
};

/**
 * Keeps the server's copy of this desktop's audit chain up to date: an upload after each new event
 * of this device (the insert stream), on every resync, and on "Đồng bộ ngay", one at a time.
 * A refusal is logged once per event (it stays refused until someone looks at why).
 */
export function auditChainUploader(options: {
  readonly database: HocbaDatabase;
  readonly transport: SyncTransport;
  readonly deviceId: string;
  readonly untilAnswered: <T>(call: () => Promise<T>) => Promise<T>;
  readonly onResult: (result: AuditUploadResult) => void;
  readonly onRefused: (refused: PushConflict, event: Record<string, unknown>) => Promise<void>;
}): AuditChainUploader {
  const { database, transport, deviceId } = options;
  let running: Promise<void> | undefined;
  let again = false;
  /** Read after an upload: a request may have come during it. */
  const askedAgain = () => again;
  let stopped = false;
  /** Read through a call: `stop` may have come during an upload. */
  const isStopped = () => stopped;
  let serverHead = 0;
  const logged = new Set<string>();

  const once = async () => {
    const result = await options.untilAnswered(() => uploadAuditChain(database, transport, deviceId));
    options.onResult(result);
    const refused = result.refused;
    if (refused !== undefined && !logged.has(refused.id)) {
      logged.add(refused.id);
      const event = await database.auditEvents.findOne(refused.id).exec();
      await options.onRefused(refused, event?.toJSON(false) ?? { id: refused.id });
    }
    serverHead = result.head;
  };
  const run = (): Promise<void> => {
    if (running !== undefined) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          if (isStopped()) return;
          await once();
        } while (askedAgain());
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const inserted: Subscription = database.auditEvents.insert$.subscribe((change) => {
    if (change.documentData.deviceId === deviceId) void run().catch(() => undefined);
  });
  void run().catch(() => undefined);

  return {
    request: () => void run().catch(() => undefined),
    uploadNow: async () => {
      await run();
      // A request that arrived during that run is part of "now" too.
      while (running !== undefined) await running;
    },
    pending: () => database.auditEvents.count({ selector: { deviceId, seq: { $gt: serverHead } } }).exec(),
    stop: async () => {
      stopped = true;
      inserted.unsubscribe();
      await running?.catch(() => undefined);
    },
  };
}
