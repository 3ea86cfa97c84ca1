import type { PullAnswer, PushAnswer, PushRow, SyncedCollection } from '../../../shared/sync/syncWire';
import type { Logger } from '../logger';
import type { DeskSessionService } from '../session/deskSessionService';
import type { AuditHeadsAnswer, ProvinceSyncClient } from './provinceSyncClient';

/**
 * Sync as main does it for the renderer's replication: each call is made as the signed-in
 * account (its token renewed once when it expired), to the account's own school. Main never
 * writes the page's database; it carries rows both ways and logs counts, never contents.
 */
export type SchoolSync = {
  readonly pull: (
    collection: SyncedCollection,
    query: { readonly after: number; readonly limit: number },
  ) => Promise<PullAnswer>;
  readonly push: (collection: SyncedCollection, rows: readonly PushRow[]) => Promise<PushAnswer>;
  readonly auditHeads: () => Promise<AuditHeadsAnswer>;
};

export function createSchoolSync(options: {
  readonly sessions: Pick<DeskSessionService, 'callAsAccount'>;
  readonly client: ProvinceSyncClient;
  readonly logger: Logger;
}): SchoolSync {
  const { sessions, client, logger } = options;
  return {
    pull: async (collection, query) => {
      const answer = await sessions.callAsAccount((url, token, schoolId) =>
        client.pull(url, token, schoolId, collection, query),
      );
      if (answer.documents.length > 0)
        logger.info('sync.pulled', { collection, documents: answer.documents.length });
      return answer;
    },
    push: async (collection, rows) => {
      const answer = await sessions.callAsAccount((url, token, schoolId) =>
        client.push(url, token, schoolId, collection, rows),
      );
      logger.info('sync.pushed', { collection, rows: rows.length, notTaken: answer.conflicts.length });
      return answer;
    },
    auditHeads: () =>
      sessions.callAsAccount((url, token, schoolId) => client.auditHeads(url, token, schoolId)),
  };
}
