import type { z } from 'zod';
import {
  apiBasePath,
  apiErrorSchema,
  assignmentWireSchema,
  tokenPairSchema,
  type ApiErrorCode,
  type AssignmentWire,
  type SignInRequest,
  type TokenPair,
} from '../../../shared/auth/authWire';
import {
  classWireSchema,
  createdAccountSchema,
  staffAccountWireSchema,
  type ClassWire,
  type CreateClassRequest,
  type CreatedAccount,
  type CreateStaffRequest,
  type StaffAccountWire,
  type UpdateStaffRequest,
} from '../../../shared/auth/schoolAdminWire';
import { sessionStrings } from './sessionStrings';

/**
 * What the province server answered: a value; a refusal it explained (wrong password, locked,
 * disabled…), shown to the user as the server worded it; or no answer at all, when the desktop
 * falls back to what it can do offline.
 */
export type ServerAnswer<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | {
      readonly kind: 'refused';
      readonly code: ApiErrorCode;
      readonly message: string;
      readonly retryAfterSeconds?: number;
    }
  | { readonly kind: 'unreachable' };

export type ProvinceServerClient = {
  readonly signIn: (serverUrl: string, request: SignInRequest) => Promise<ServerAnswer<TokenPair>>;
  readonly signOut: (serverUrl: string, refreshToken: string) => Promise<ServerAnswer<null>>;
  readonly resetPassword: (
    serverUrl: string,
    request: { readonly login: string; readonly resetCode: string; readonly newPassword: string },
  ) => Promise<ServerAnswer<null>>;
  readonly changePassword: (
    serverUrl: string,
    accessToken: string,
    request: { readonly currentPassword: string; readonly newPassword: string },
  ) => Promise<ServerAnswer<TokenPair>>;
  /** A new token pair for a refresh token (which is then spent: refresh tokens rotate). */
  readonly refresh: (serverUrl: string, refreshToken: string) => Promise<ServerAnswer<TokenPair>>;
  /** Thêm tài khoản cán bộ (leadership): the account and the one-time code to print for it. */
  readonly createStaff: (
    serverUrl: string,
    accessToken: string,
    schoolId: string,
    request: CreateStaffRequest,
  ) => Promise<ServerAnswer<CreatedAccount>>;
  /** Sửa cán bộ (leadership): name, role, or disabled / enabled again. */
  readonly updateStaff: (
    serverUrl: string,
    accessToken: string,
    schoolId: string,
    userId: string,
    request: UpdateStaffRequest,
  ) => Promise<ServerAnswer<StaffAccountWire>>;
  /** Thêm lớp (leadership); a class that is there already is refused with `conflict`. */
  readonly createClass: (
    serverUrl: string,
    accessToken: string,
    schoolId: string,
    request: CreateClassRequest,
  ) => Promise<ServerAnswer<ClassWire>>;
  /** A class's grade (its name is part of its id). */
  readonly updateClassGrade: (
    serverUrl: string,
    accessToken: string,
    schoolId: string,
    classId: string,
    grade: number,
  ) => Promise<ServerAnswer<ClassWire>>;
  /** Phân công: sets one teacher's assignment to a class, replacing what was there. */
  readonly putAssignment: (
    serverUrl: string,
    accessToken: string,
    schoolId: string,
    assignment: AssignmentWire,
  ) => Promise<ServerAnswer<AssignmentWire>>;
  /** Removes one teacher's assignment to a class (removing what is not there succeeds). */
  readonly deleteAssignment: (
    serverUrl: string,
    accessToken: string,
    schoolId: string,
    classId: string,
    teacherId: string,
  ) => Promise<ServerAnswer<null>>;
};

/** Answers larger than this are not the account API's: refused unread. */
const maxAnswerBytes = 256 * 1024;

/**
 * The server's answer, checked: the value against `schema`, an error as the API words it. An
 * answer larger than `maxBytes` is not the API's (a portal page, a proxy's error): as good as none.
 */
export async function readAnswer<T>(
  response: Response,
  schema: z.ZodType<T> | null,
  maxBytes = maxAnswerBytes,
): Promise<ServerAnswer<T>> {
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > maxBytes) return { kind: 'unreachable' };
  const text = await response.text();
  if (text.length > maxBytes) return { kind: 'unreachable' };
  let json: unknown = null;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (response.ok) {
    if (schema === null) return { kind: 'ok', value: null as T };
    const parsed = schema.safeParse(json);
    if (parsed.success) return { kind: 'ok', value: parsed.data };
    return { kind: 'refused', code: 'internal', message: sessionStrings.serverAnswerMalformed };
  }
  // A gateway or a server that is starting answers without our error body: as good as no answer.
  const error = apiErrorSchema.safeParse(json);
  if (!error.success || error.data.error.code === 'unavailable') return { kind: 'unreachable' };
  const { code, message, retryAfterSeconds } = error.data.error;
  return retryAfterSeconds === undefined
    ? { kind: 'refused', code, message }
    : { kind: 'refused', code, message, retryAfterSeconds };
}

/**
 * The desktop's client of the province server's account API (shared/auth/authWire.ts): every
 * answer is validated before main uses it, and a network failure or timeout is `unreachable`.
 */
export function createProvinceServerClient(
  options: { readonly timeoutMs?: number; readonly fetch?: typeof fetch } = {},
): ProvinceServerClient {
  const timeoutMs = options.timeoutMs ?? 8000;
  const doFetch = options.fetch ?? fetch;

  const send = async <T>(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    serverUrl: string,
    path: string,
    body: unknown,
    schema: z.ZodType<T> | null,
    accessToken?: string,
  ): Promise<ServerAnswer<T>> => {
    let response: Response;
    try {
      response = await doFetch(`${serverUrl}${apiBasePath}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          accept: 'application/json',
          ...(accessToken === undefined ? {} : { authorization: `Bearer ${accessToken}` }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      return { kind: 'unreachable' };
    }
    try {
      return await readAnswer(response, schema);
    } catch {
      return { kind: 'unreachable' };
    }
  };
  const post = <T>(
    serverUrl: string,
    path: string,
    body: unknown,
    schema: z.ZodType<T> | null,
    accessToken?: string,
  ): Promise<ServerAnswer<T>> => send('POST', serverUrl, path, body, schema, accessToken);
  const school = (schoolId: string) => `/schools/${encodeURIComponent(schoolId)}`;
  const schoolClass = (schoolId: string, classId: string) =>
    `${school(schoolId)}/classes/${encodeURIComponent(classId)}`;

  return {
    signIn: (serverUrl, request) => post(serverUrl, '/auth/sign-in', request, tokenPairSchema),
    signOut: (serverUrl, refreshToken) => post(serverUrl, '/auth/sign-out', { refreshToken }, null),
    resetPassword: (serverUrl, request) => post(serverUrl, '/auth/reset', request, null),
    changePassword: (serverUrl, accessToken, request) =>
      post(serverUrl, '/auth/password', request, tokenPairSchema, accessToken),
    refresh: (serverUrl, refreshToken) => post(serverUrl, '/auth/refresh', { refreshToken }, tokenPairSchema),
    createStaff: (serverUrl, accessToken, schoolId, request) =>
      post(serverUrl, `${school(schoolId)}/staff`, request, createdAccountSchema, accessToken),
    updateStaff: (serverUrl, accessToken, schoolId, userId, request) =>
      send(
        'PATCH',
        serverUrl,
        `${school(schoolId)}/staff/${encodeURIComponent(userId)}`,
        request,
        staffAccountWireSchema,
        accessToken,
      ),
    createClass: (serverUrl, accessToken, schoolId, request) =>
      post(serverUrl, `${school(schoolId)}/classes`, request, classWireSchema, accessToken),
    updateClassGrade: (serverUrl, accessToken, schoolId, classId, grade) =>
      send('PATCH', serverUrl, schoolClass(schoolId, classId), { grade }, classWireSchema, accessToken),
    putAssignment: (serverUrl, accessToken, schoolId, { classId, teacherId, homeroom, subjects }) =>
      send(
        'PUT',
        serverUrl,
        `${schoolClass(schoolId, classId)}/assignments/${encodeURIComponent(teacherId)}`,
        { homeroom, subjects },
        assignmentWireSchema,
        accessToken,
      ),
    deleteAssignment: (serverUrl, accessToken, schoolId, classId, teacherId) =>
      send(
        'DELETE',
        serverUrl,
        `${schoolClass(schoolId, classId)}/assignments/${encodeURIComponent(teacherId)}`,
        undefined,
        null,
        accessToken,
      ),
  };
}
