import { z } from 'zod';
import { apiBasePath } from '../../shared/auth/authWire';
import { schoolIdSchema } from '../../shared/domain/ids';
import { pullQuerySchema, pushRequestSchema, syncedCollectionSchema } from '../../shared/sync/syncWire';
import type { ServiceContext } from '../services/context';
import { requireSchoolMember } from '../services/permissions';
import { auditHeads, pullDocuments, pushDocuments } from '../services/syncService';
import type { App } from './app';
import { parse, signedIn } from './http';
import { gunzipWhenEncoded, gzipWhenAccepted } from './syncCompression';

const syncParams = z.object({ schoolId: schoolIdSchema, collection: syncedCollectionSchema });
const base = `${apiBasePath}/schools/:schoolId/sync/:collection`;

/** A push carries at most this much (5,000 documents of a few hundred bytes to a few KiB). */
export const maxPushBytes = 16 * 1024 * 1024;

/** Sync of a school's documents (shared/sync/syncWire.ts): pull by checkpoint, push with conflicts. */
export function registerSyncRoutes(app: App, ctx: ServiceContext): void {
  app.get(`${base}/pull`, { onSend: gzipWhenAccepted }, async (request) => {
    const actor = await signedIn(ctx, request);
    const { schoolId, collection } = parse(syncParams, request.params);
    return pullDocuments(ctx, actor, schoolId, collection, parse(pullQuerySchema, request.query));
  });

  app.post(`${base}/push`, { bodyLimit: maxPushBytes, preParsing: gunzipWhenEncoded }, async (request) => {
    const actor = await signedIn(ctx, request);
    const { schoolId, collection } = parse(syncParams, request.params);
    requireSchoolMember(actor, schoolId); // before the body, as elsewhere
    const body = parse(pushRequestSchema, request.body);
    return pushDocuments(ctx, actor, schoolId, collection, body.rows);
  });

  app.get(`${apiBasePath}/schools/:schoolId/audit/heads`, async (request) => {
    const actor = await signedIn(ctx, request);
    const { schoolId } = parse(z.object({ schoolId: schoolIdSchema }), request.params);
    return { heads: await auditHeads(ctx, actor, schoolId) };
  });
}
