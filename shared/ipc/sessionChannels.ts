import { z } from 'zod';
import { classIdSchema, userIdSchema } from '../domain/ids';
import { staffRoles } from '../domain/staff';
import { loginSchema, passwordSchema, resetCodeSchema } from '../auth/passwordRules';
import { accountWireSchema, assignmentWireSchema } from '../auth/authWire';
import {
  classWireSchema,
  createClassRequestSchema,
  createdAccountSchema,
  createStaffRequestSchema,
  putAssignmentRequestSchema,
  staffAccountWireSchema,
  updateStaffRequestSchema,
} from '../auth/schoolAdminWire';

/**
 * The IPC contract of who is using the desktop (session:*). Main holds the session and checks
 * every call that acts on records, signing, amendments, backups or files against it; the page only
 * asks. A real account is signed in by main (online against the province server the first time,
 * offline with a local argon2id verifier afterwards); the sample trial declares its actor, since
 * its data is made up and anyone may act as anyone there.
 */

/** One local database per user (and one for the trial): the name is main's, from the user id. */
export const databaseNameSchema = z.string().regex(/^hocba-[a-z0-9-]+$/);

export const trialAssignmentSchema = z
  .object({
    id: z.string().min(1).max(200),
    teacherId: userIdSchema,
    classId: classIdSchema,
    homeroom: z.boolean(),
    subjects: z.array(z.string().min(1).max(60)).max(40),
  })
  .strict();

export const deskSessionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('trial'),
    userId: userIdSchema,
    role: z.enum(staffRoles),
  }),
  z.object({
    kind: z.literal('account'),
    account: accountWireSchema,
    /** `online`: the province server confirmed the password now; `offline`: the local verifier did. */
    connection: z.enum(['online', 'offline']),
    databaseName: databaseNameSchema,
    /** The audit chain this account's writes on this desktop go to (shared/audit/chainDevice.ts). */
    chainDeviceId: z.string().regex(/^device-[0-9a-f-]{36}$/),
    /** ISO-8601 UTC. */
    signedInAt: z.iso.datetime(),
    /**
     * The password was changed on another desktop or reset: the data this desktop kept under the
     * earlier password stays sealed, and work goes on in a new local database (sync fills it).
     */
    startedAfresh: z.literal(true).optional(),
  }),
]);
export type DeskSession = z.output<typeof deskSessionSchema>;

/** The province server this desktop signs in against; `environment` when HOCBA_SERVER_URL sets it. */
export const provinceServerSettingSchema = z.object({
  serverUrl: z.string().nullable(),
  source: z.enum(['settings', 'environment', 'none']),
});

/** https, or plain http only to this machine (a test server, a proxy on the same desktop). */
export const provinceServerUrlSchema = z
  .string()
  .trim()
  .max(300)
  .pipe(z.url({ protocol: /^https?$/, error: 'Địa chỉ máy chủ cần có dạng https://…' }))
  .refine(
    (value) => {
      // No user:password@ part: credentials never live in a setting.
      const match = /^(https?):\/\/(\[[^\]@/?#]*\]|[^:@/?#]+)(?::\d+)?(?:[/?#]|$)/i.exec(value);
      const host = match?.[2]?.toLowerCase();
      return (
        match?.[1]?.toLowerCase() === 'https' || ['127.0.0.1', 'localhost', '[::1]'].includes(host ?? '')
      );
    },
    { error: 'Máy chủ của Sở phải dùng https:// (http:// chỉ dùng cho máy chủ trên chính máy này)' },
  )
  .transform((value) => value.replace(/\/+$/, ''));

export const sessionChannelContract = {
  'session:current': { request: z.object({}).strict(), response: deskSessionSchema },
  'session:signIn': {
    request: z.object({ login: loginSchema, password: z.string().min(1).max(128) }).strict(),
    response: deskSessionSchema,
  },
  'session:signOut': { request: z.object({}).strict(), response: deskSessionSchema },
  /** The trial's actor (on start, on the user switch, on reload); refused while an account is signed in. */
  'session:actAsTrialUser': {
    request: z
      .object({
        userId: userIdSchema,
        role: z.enum(staffRoles),
        /** Mã trường of the trial's school. */
        schoolCode: z.string().regex(/^[0-9A-Za-z]{1,20}$/),
        assignments: z.array(trialAssignmentSchema).max(4000),
      })
      .strict(),
    response: deskSessionSchema,
  },
  /**
   * Đặt mật khẩu bằng mã: a new account (or one the principal reset) chooses its password with the
   * one-time code the principal printed, online; main then signs it in.
   */
  'session:resetPassword': {
    request: z
      .object({ login: loginSchema, resetCode: resetCodeSchema, newPassword: passwordSchema })
      .strict(),
    response: deskSessionSchema,
  },
  /** Đổi mật khẩu: online only (the province server checks the current password and revokes old sessions). */
  'session:changePassword': {
    request: z.object({ currentPassword: z.string().min(1).max(128), newPassword: passwordSchema }).strict(),
    response: deskSessionSchema,
  },
  /**
   * The key of a local database, for the page to open it; only ever in memory. Main answers an
   * account's key to that account only, and a key for the trial's database while no account is signed in.
   */
  'session:databaseKey': {
    request: z.object({ databaseName: databaseNameSchema }).strict(),
    response: z.object({ key: z.string().regex(/^[A-Za-z0-9+/]{43}=$/) }).strict(),
  },
  /**
   * Thêm cán bộ with a real account (leadership, online): main creates the account on the
   * province server, which answers the one-time code to print for its holder.
   */
  'session:createStaffAccount': {
    request: createStaffRequestSchema.strict(),
    response: createdAccountSchema,
  },
  /** Sửa cán bộ with a real account (leadership, online): name, role, or status on the province server. */
  'session:updateStaffAccount': {
    request: z.object({ userId: userIdSchema, changes: updateStaffRequestSchema }).strict(),
    response: staffAccountWireSchema,
  },
  /**
   * Thêm lớp with a real account (leadership, online): the class on the province server, which
   * holds classes and assignments as the source of truth; one there already is the same class.
   */
  'session:saveClass': { request: createClassRequestSchema.strict(), response: classWireSchema },
  /**
   * Phân công of one class with a real account (leadership, online): each listed teacher's
   * assignment as it now stands; one with no subjects and no homeroom is removed on the server.
   */
  'session:saveAssignments': {
    request: z
      .object({
        classId: classIdSchema,
        assignments: z
          .array(putAssignmentRequestSchema.extend({ teacherId: userIdSchema }).strict())
          .max(60)
          .refine(
            (list) => new Set(list.map((item) => item.teacherId)).size === list.length,
            'Mỗi giáo viên chỉ một lần',
          ),
      })
      .strict(),
    response: z.object({ assignments: z.array(assignmentWireSchema) }).strict(),
  },
  'session:serverSetting': { request: z.object({}).strict(), response: provinceServerSettingSchema },
  'session:setServer': {
    request: z.object({ serverUrl: provinceServerUrlSchema.nullable() }).strict(),
    response: provinceServerSettingSchema,
  },
} as const;
