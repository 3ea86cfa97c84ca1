import { pendingMigrations } from '../db/migrate';
import { ApiFailure } from '../services/apiFailure';
import type { ServiceContext } from '../services/context';
import { serverStrings } from '../strings';
import type { App } from './app';

/** /healthz: the process answers. /readyz: the database answers and every migration is applied. */
export function registerHealthRoutes(app: App, ctx: ServiceContext): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (request) => {
    let pending: readonly string[];
    try {
      await ctx.db.query('select 1');
      pending = await pendingMigrations(ctx.db);
    } catch (error) {
      request.log.warn({ err: error }, 'readiness: database unreachable');
      throw new ApiFailure(503, 'unavailable', serverStrings.unavailable);
    }
    if (pending.length > 0) {
      request.log.warn({ pending }, 'readiness: migrations pending');
      throw new ApiFailure(503, 'unavailable', serverStrings.unavailable);
    }
    return { status: 'ready' };
  });
}
