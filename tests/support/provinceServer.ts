import { startServer, type RunningServer } from '../../server/app';
import type { Database } from '../../server/db/database';
import { openPgliteDatabase } from '../../server/db/pgliteDatabase';
import type { Clock } from '../../server/services/clock';
import type { RecordTrust } from '../../server/services/recordVerification';
import { provisionSchool } from '../../server/services/provisioning';
import { apiBasePath, tokenPairSchema } from '../../shared/auth/authWire';
import { createdAccountSchema } from '../../shared/auth/schoolAdminWire';

/**
 * The real province server, in-process on embedded PostgreSQL, for the desktop's tests: started,
 * stopped (the desktop then signs in offline) and started again on the same port and data.
 */
export type TestProvinceServer = {
  readonly url: string;
  readonly db: Database;
  readonly stop: () => Promise<void>;
  readonly start: () => Promise<void>;
  readonly running: () => RunningServer;
  readonly close: () => Promise<void>;
};

/**
 * `clock`: the time the server sees (a test moves it forward to expire access tokens, never waits).
 */
export async function startProvinceServer(
  options: {
    readonly clock?: Clock;
    /** The database (in-memory PGlite by default); closed with the server. */
    readonly db?: Database;
    /** What signed records are verified against (none by default: every one refused). */
    readonly recordTrust?: RecordTrust;
    readonly recordChunkBytes?: number;
  } = {},
): Promise<TestProvinceServer> {
  const db = options.db ?? (await openPgliteDatabase(null));
  const settings = {
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.recordTrust === undefined ? {} : { recordTrust: options.recordTrust }),
    ...(options.recordChunkBytes === undefined ? {} : { recordChunkBytes: options.recordChunkBytes }),
  };
  let server: RunningServer | undefined = await startServer({ db, port: 0, ...settings });
  const url = server.url;
  const port = Number(new URL(url).port);
  return {
    url,
    db,
    running: () => {
      if (server === undefined) throw new Error('the province server is stopped');
      return server;
    },
    stop: async () => {
      await server?.close();
      server = undefined;
    },
    start: async () => {
      server ??= await startServer({ db, port, ...settings });
    },
    close: async () => {
      await server?.close();
      await db.close();
    },
  };
}

export const testSchool = {
  code: '01234567',
  name: 'Trường Tiểu học Kim Liên',
  district: 'Đống Đa',
} as const;
export const principal = {
  login: 'ha.nguyen',
  fullName: 'Nguyễn Thị Thu Hà',
  password: 'Mùa thu Hà Nội 2026',
} as const;
export const teacher = {
  login: 'binh.tran',
  fullName: 'Trần Văn Bình',
  role: 'teacher',
  password: 'Bình trồng cây xanh 2026',
} as const;

/** The school, its principal and one teacher, made through the server's own services. */
export async function provisionTestSchool(server: TestProvinceServer) {
  return provisionSchool(server.running().ctx, { school: testSchool, principal, staff: [teacher] });
}

/** Calls the server's API as a signed-in person (what the principal's setup does online). */
export async function asAccount(server: TestProvinceServer, login: string, password: string) {
  const signIn = await fetch(`${server.url}${apiBasePath}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  const pair = tokenPairSchema.parse(await signIn.json());
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${server.url}${apiBasePath}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${pair.accessToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${String(response.status)} ${text}`);
    return text === '' ? null : (JSON.parse(text) as unknown);
  };
  return { pair, call };
}

/** A new staff account the principal creates; its holder sets a password with the printed code. */
export async function createStaffWithCode(
  server: TestProvinceServer,
  schoolId: string,
  input: {
    readonly login: string;
    readonly fullName: string;
    readonly role: 'teacher' | 'vicePrincipal' | 'groupHead';
  },
) {
  const { call } = await asAccount(server, principal.login, principal.password);
  return createdAccountSchema.parse(
    await call('POST', `/schools/${encodeURIComponent(schoolId)}/staff`, input),
  );
}
