import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loginSchema } from '../../shared/auth/passwordRules';
import type { App } from '../routes/app';
import { listStaff } from '../services/accountService';
import {
  adminOfWebSession,
  sameSecret,
  signInToAdminPage,
  signOutOfAdminPage,
  webSessionSeconds,
} from '../services/adminWebService';
import { ApiFailure } from '../services/apiFailure';
import type { ServiceContext } from '../services/context';
import { listSchoolSummaries } from '../services/schoolService';
import { randomToken } from '../services/tokens';
import { adminPageStrings, serverStrings } from '../strings';
import { adminCss, dashboardPage, signInPage } from './adminHtml';
import { progressSection } from './progressHtml';
import { progressWorkbook } from './progressWorkbook';
import { createProvinceProgress } from '../services/provinceProgressService';

/**
 * The province admin page: plain HTML forms, an HttpOnly SameSite=Strict session cookie, a CSRF
 * token in every form (double-submit before sign-in, per session after), and a CSP that allows
 * no script at all.
 */
const sessionCookie = 'hocba_admin';
const csrfCookie = 'hocba_csrf';
const csp =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function cookies(request: FastifyRequest): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) found.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return found;
}

function cookie(request: FastifyRequest, name: string, value: string, maxAgeSeconds: number): string {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  return `${name}=${value}; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`;
}

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', csp)
    .header('x-frame-options', 'DENY')
    .send(body);
}

const signInForm = z.object({
  login: z.string().max(200),
  password: z.string().max(128),
  csrf: z.string().max(200),
});
const csrfForm = z.object({ csrf: z.string().max(200) });

export function registerAdminPage(app: App, ctx: ServiceContext): void {
  const progress = createProvinceProgress(ctx);
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );

  const showSignIn = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    message: string | null,
  ) => {
    const csrf = randomToken();
    void reply.header('set-cookie', cookie(request, csrfCookie, csrf, 3600));
    return html(reply, status, signInPage(csrf, message));
  };

  app.get('/admin/style.css', async (_request, reply) =>
    reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', 'max-age=300')
      .send(adminCss),
  );

  app.get('/admin/sign-in', async (request, reply) => showSignIn(request, reply, 200, null));

  app.post('/admin/sign-in', async (request, reply) => {
    const form = signInForm.safeParse(request.body);
    const expected = cookies(request).get(csrfCookie) ?? '';
    if (!form.success || !sameSecret(form.data.csrf, expected)) {
      return showSignIn(request, reply, 403, adminPageStrings.expiredForm);
    }
    const login = loginSchema.safeParse(form.data.login);
    let session: { sessionToken: string; csrfToken: string };
    try {
      if (!login.success) throw new ApiFailure(401, 'wrongCredentials', serverStrings.wrongCredentials);
      session = await signInToAdminPage(ctx, {
        login: login.data,
        password: form.data.password,
        ip: request.ip,
      });
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      if (error.retryAfterSeconds !== undefined)
        void reply.header('retry-after', String(error.retryAfterSeconds));
      return showSignIn(request, reply, error.status, error.message);
    }
    return reply
      .code(303)
      .header('set-cookie', [
        cookie(request, sessionCookie, session.sessionToken, webSessionSeconds),
        cookie(request, csrfCookie, '', 0),
      ])
      .header('location', '/admin')
      .send();
  });

  app.get('/admin', async (request, reply) => {
    const token = cookies(request).get(sessionCookie);
    const session = token === undefined ? null : await adminOfWebSession(ctx, token);
    if (session === null) return reply.code(303).header('location', '/admin/sign-in').send();
    const schools = await listSchoolSummaries(ctx, session.actor);
    const withAccounts = [];
    for (const school of schools) {
      withAccounts.push({ school, accounts: await listStaff(ctx, session.actor, school.schoolId) });
    }
    const lines = await progress.forAdmin(session.actor);
    return html(
      reply,
      200,
      dashboardPage(session.fullName, session.csrfToken, withAccounts, progressSection(lines)),
    );
  });

  app.get('/admin/progress.xlsx', async (request, reply) => {
    const token = cookies(request).get(sessionCookie);
    const session = token === undefined ? null : await adminOfWebSession(ctx, token);
    if (session === null) return reply.code(303).header('location', '/admin/sign-in').send();
    const now = ctx.clock();
    const workbook = await progressWorkbook(await progress.forAdmin(session.actor), now);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header(
        'content-disposition',
        `attachment; filename="tien-do-hoc-ba-${now.toISOString().slice(0, 10)}.xlsx"`,
      )
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(workbook);
  });

  app.post('/admin/sign-out', async (request, reply) => {
    const token = cookies(request).get(sessionCookie);
    const session = token === undefined ? null : await adminOfWebSession(ctx, token);
    const form = csrfForm.safeParse(request.body);
    if (
      token === undefined ||
      session === null ||
      !form.success ||
      !sameSecret(form.data.csrf, session.csrfToken)
    ) {
      return reply.code(303).header('location', '/admin/sign-in').send();
    }
    await signOutOfAdminPage(ctx, token);
    return reply
      .code(303)
      .header('set-cookie', cookie(request, sessionCookie, '', 0))
      .header('location', '/admin/sign-in')
      .send();
  });
}
