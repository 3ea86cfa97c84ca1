import {
  apiBasePath,
  changePasswordRequestSchema,
  refreshRequestSchema,
  resetPasswordRequestSchema,
  signInRequestSchema,
} from '../../shared/auth/authWire';
import { getAccount } from '../db/accountsRepo';
import { accountWireOf } from '../services/accountView';
import { failures } from '../services/apiFailure';
import type { ServiceContext } from '../services/context';
import { changePassword, resetPassword } from '../services/passwordService';
import { refreshSession, signOut } from '../services/sessions';
import { signIn } from '../services/signIn';
import type { App } from './app';
import { clientIp, noContent, parse, signedIn } from './http';

/** The account API of shared/auth/authWire.ts. */
export function registerAuthRoutes(app: App, ctx: ServiceContext): void {
  app.post(`${apiBasePath}/auth/sign-in`, async (request) => {
    const body = parse(signInRequestSchema, request.body);
    return signIn(ctx, { ...body, ip: clientIp(request) });
  });

  app.post(`${apiBasePath}/auth/refresh`, async (request) => {
    const body = parse(refreshRequestSchema, request.body);
    return refreshSession(ctx, body.refreshToken);
  });

  app.post(`${apiBasePath}/auth/sign-out`, async (request, reply) => {
    const body = parse(refreshRequestSchema, request.body);
    await signOut(ctx, body.refreshToken);
    return noContent(reply);
  });

  app.post(`${apiBasePath}/auth/password`, async (request) => {
    const actor = await signedIn(ctx, request, { allowMustChange: true });
    const body = parse(changePasswordRequestSchema, request.body);
    return changePassword(ctx, actor, body.currentPassword, body.newPassword);
  });

  app.post(`${apiBasePath}/auth/reset`, async (request, reply) => {
    const body = parse(resetPasswordRequestSchema, request.body);
    await resetPassword(ctx, { ...body, ip: clientIp(request) });
    return noContent(reply);
  });

  app.get(`${apiBasePath}/me`, async (request) => {
    const actor = await signedIn(ctx, request, { allowMustChange: true });
    const account = await getAccount(ctx.db, actor);
    if (account === null) throw failures.unauthenticated();
    return accountWireOf(ctx.db, account);
  });
}
