import type { PullAnswer, PushAnswer, PushRow, SyncedCollection } from '../../../shared/sync/syncWire';
import { z } from 'zod';
import type { AuditHeadService, PulledAuditEvent } from '../audit/auditHeadService';
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

/** The fields of a pulled audit event main reads to vouch for its chain (the rest it carries unread). */
const pulledAuditEventSchema = z.object({
  deviceId: z.string(),
  seq: z.number().int().min(1),
  hash: z.string(),
  _deleted: z.literal(false),
});

function pulledAuditEvents(documents: readonly unknown[]): PulledAuditEvent[] {
  const events: PulledAuditEvent[] = [];
  for (const document of documents) {
    const parsed = pulledAuditEventSchema.safeParse(document);
    if (parsed.success) events.push(parsed.data);
  }
  return events;
}

export function createSchoolSync(options: {
  readonly sessions: Pick<DeskSessionService, 'callAsAccount' | 'current'>;
  readonly client: ProvinceSyncClient;
  readonly logger: Logger;
  /** Told, before the page gets them, how far each pull carried other desktops' audit chains. */
  readonly auditHeads: Pick<AuditHeadService, 'notePulled'>;
}): SchoolSync {
  const { sessions, client, logger, auditHeads } = options;
  return {
    pull: async (collection, query) => {
      const session = sessions.current();
      const answer = await sessions.callAsAccount((url, token, schoolId) =>
        client.pull(url, token, schoolId, collection, query),
      );
      // The database the page pulls into is the session's; the answer is the server's own.
      if (collection === 'auditEvents' && session.kind === 'account' && answer.documents.length > 0)
        await auditHeads.notePulled(session.databaseName, pulledAuditEvents(answer.documents));
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
