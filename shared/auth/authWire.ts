import { z } from 'zod';
import { classIdSchema, schoolIdSchema, userIdSchema } from '../domain/ids';
import { accountRoles } from './accountRoles';
import { loginSchema, passwordSchema, resetCodeSchema } from './passwordRules';

/**
 * The province server's account API as it crosses the wire (JSON, camelCase). The server validates
 * every request body with these schemas and the desktop validates every response with them, so the
 * two cannot drift. All paths are under `/api/v1`.
 */
export const apiBasePath = '/api/v1';

/** Sent on sign-in so the server can list and revoke a desktop's sessions; never personal data. */
export const deviceLabelSchema = z.object({
  deviceId: z.string().regex(/^[0-9a-f-]{8,64}$/),
  deviceName: z.string().max(80),
});

/** POST /auth/sign-in */
export const signInRequestSchema = z.object({
  login: loginSchema,
  /** Checked only for length here: a wrong password is the server's answer, not a schema error. */
  password: z.string().min(1).max(128),
  device: deviceLabelSchema.optional(),
});
export type SignInRequest = z.input<typeof signInRequestSchema>;

/** One assignment (phân công) as the server holds it: teacher × class, subjects and homeroom flag. */
export const assignmentWireSchema = z.object({
  teacherId: userIdSchema,
  classId: classIdSchema,
  homeroom: z.boolean(),
  subjects: z.array(z.string().min(1).max(60)).max(40),
});
export type AssignmentWire = z.output<typeof assignmentWireSchema>;

/** The account a token belongs to, and what the desktop needs to act for it offline. */
export const accountWireSchema = z.object({
  userId: userIdSchema,
  login: loginSchema,
  fullName: z.string().min(1).max(120),
  role: z.enum(accountRoles),
  /** Null only for the province admin. */
  schoolId: schoolIdSchema.nullable(),
  schoolName: z.string().max(200).nullable(),
  /** This account's own assignments (the whole school's for leadership comes with sync). */
  assignments: z.array(assignmentWireSchema).max(500),
  /** Set after a reset: the user must choose a new password before working. */
  mustChangePassword: z.boolean(),
});
export type AccountWire = z.output<typeof accountWireSchema>;

/** The answer to sign-in and to refresh: a short-lived access token and a rotating refresh token. */
export const tokenPairSchema = z.object({
  accessToken: z.string().min(20).max(2048),
  /** ISO-8601 UTC. */
  accessExpiresAt: z.iso.datetime(),
  refreshToken: z.string().min(20).max(256),
  refreshExpiresAt: z.iso.datetime(),
  account: accountWireSchema,
});
export type TokenPair = z.output<typeof tokenPairSchema>;

/** POST /auth/refresh and POST /auth/sign-out */
export const refreshRequestSchema = z.object({ refreshToken: z.string().min(20).max(256) });

/** POST /auth/password (signed in): change one's own password. */
export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: passwordSchema,
});

/** POST /auth/reset (not signed in): a new password with the one-time code the principal printed. */
export const resetPasswordRequestSchema = z.object({
  login: loginSchema,
  resetCode: resetCodeSchema,
  newPassword: passwordSchema,
});

/**
 * Every refusal: a stable machine-readable code and a Vietnamese sentence the user can act on.
 * `retryAfterSeconds` comes with lockout and rate limits.
 */
export const apiErrorCodes = [
  'badRequest',
  'unauthenticated',
  'tokenExpired',
  'forbidden',
  'notFound',
  'conflict',
  /** 422: the file was read and is not what may be kept (a signed record that does not verify). */
  'refused',
  'wrongCredentials',
  'accountLocked',
  'accountDisabled',
  'tooManyRequests',
  'payloadTooLarge',
  'unavailable',
  'internal',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(apiErrorCodes),
    message: z.string().max(500),
    retryAfterSeconds: z.number().int().nonnegative().optional(),
  }),
});
export type ApiError = z.output<typeof apiErrorSchema>;
