import { createHash } from 'node:crypto';
import type { AccountWire } from '../../../shared/auth/authWire';
import { staffRoleOfAccount } from '../../../shared/auth/accountRoles';
import { assignmentWithId, type Assignment } from '../../../shared/domain/assignment';
import type { SchoolId, UserId } from '../../../shared/domain/ids';
import { permissionsFor, type Actor, type Permissions } from '../../../shared/domain/permissions';
import type { StaffRole } from '../../../shared/domain/staff';
import type { DeskSession } from '../../../shared/ipc/sessionChannels';
import type { Logger } from '../logger';
import { UserFacingError } from '../userFacingError';
import type { LocalAccounts, OpenedDatabaseKey } from './localAccounts';
import type { ProvinceServerClient, ServerAnswer } from './provinceServerClient';
import type { ProvinceServerSetting } from './provinceServerSetting';
import { sessionStrings } from './sessionStrings';

/**
 * What main lets the signed-in person do: the actor, their school, assignments and the rights
 * computed from them by the shared rules. For a real account all of it comes from the province
 * server (kept for offline use), never from the page.
 */
export type ActingRights = {
  readonly kind: 'trial' | 'account';
  readonly actor: Actor;
  /** Mã trường of the account's school (the trial's: as the page declared it). */
  readonly schoolCode: string;
  readonly assignments: readonly Assignment[];
  readonly permissions: Permissions;
};

export type DeskSessionService = {
  readonly current: () => DeskSession;
  readonly rights: () => ActingRights | undefined;
  readonly signIn: (login: string, password: string) => Promise<DeskSession>;
  readonly signOut: () => Promise<DeskSession>;
  /** Online only: the password chosen with the principal's one-time code, then signed in with it. */
  readonly resetPassword: (login: string, resetCode: string, newPassword: string) => Promise<DeskSession>;
  /**
   * Online only: the server changes it, ends every other session and answers a fresh one for this
   * desktop; the offline verifier learns the new password.
   */
  readonly changePassword: (currentPassword: string, newPassword: string) => Promise<DeskSession>;
  readonly actAsTrialUser: (
    actor: { readonly userId: UserId; readonly role: StaffRole },
    schoolCode: string,
    assignments: readonly Assignment[],
  ) => DeskSession;
  /**
   * The key of a local database, for the page to open it (only ever in memory): an account's own
   * database while it is signed in; the trial's (or a restored trial's) while no account is.
   */
  readonly databaseKey: (databaseName: string) => Promise<Uint8Array>;
  /**
   * Calls the province server as the signed-in account, about its own school (online only). An
   * expired access token is renewed once; the server's refusal comes back in its own words.
   */
  readonly callAsAccount: <T>(
    call: (serverUrl: string, accessToken: string, schoolId: SchoolId) => Promise<ServerAnswer<T>>,
  ) => Promise<T>;
};

/** Every account database's name starts so; no other database may take such a name. */
export const accountDatabasePrefix = 'hocba-u-';

/**
 * One local database per account and province server; the name says nothing about who it is. The
 * server is part of it, so an account a different server vouches for never opens this one's data.
 */
export function databaseNameOf(serverUrl: string, userId: string, generation = 0): string {
  const digest = createHash('sha256').update(`${serverUrl}\n${userId}`, 'utf8').digest('hex');
  // A new key (the earlier one sealed under a password no longer known) starts a new database.
  return `${accountDatabasePrefix}${digest.slice(0, 24)}${generation === 0 ? '' : `-g${String(generation)}`}`;
}

function rightsOfAccount(account: AccountWire): ActingRights {
  if (account.role === 'provinceAdmin')
    throw new UserFacingError('unauthorized', sessionStrings.provinceAdminOnDesktop);
  if (account.schoolId === null) throw new UserFacingError('unauthorized', sessionStrings.accountHasNoSchool);
  const actor: Actor = { userId: account.userId, role: staffRoleOfAccount(account.role) };
  const assignments = account.assignments
    .filter((assignment) => assignment.teacherId === account.userId)
    .map(assignmentWithId);
  return {
    kind: 'account',
    actor,
    schoolCode: account.schoolId.slice('school:'.length),
    assignments,
    permissions: permissionsFor(actor, assignments),
  };
}

type Held =
  | { readonly kind: 'none' }
  | { readonly kind: 'trial'; readonly rights: ActingRights }
  | {
      readonly kind: 'account';
      readonly session: Extract<DeskSession, { kind: 'account' }>;
      readonly rights: ActingRights;
      readonly serverUrl: string;
      /** Only in memory: a restart signs in again. Absent after an offline sign-in. */
      readonly tokens: { readonly access: string; readonly refresh: string } | undefined;
      /** The account's database key, opened with the password at sign-in; only in memory. */
      readonly databaseKey: Uint8Array;
    };

/**
 * Main's session: who is signed in on this desktop. Sign-in is online first (the province server
 * checks the password, lockout and account state, and main keeps a local verifier), offline when
 * the server cannot be reached and this person signed in online here before.
 */
export function createDeskSessionService(options: {
  readonly server: ProvinceServerClient;
  readonly serverSetting: ProvinceServerSetting;
  readonly accounts: LocalAccounts;
  readonly logger: Logger;
  readonly deviceId: string;
  readonly deviceName: string;
  /** The audit chain a database's writes go to on this desktop (main's audit record decides). */
  readonly chainDeviceIdFor: (databaseName: string) => string;
  /**
   * The key of a database that is no account's (the trial, a restored trial), from the desktop's
   * own data key: protected as main's files are (sealed-file key), not by anyone's password.
   */
  readonly desktopDatabaseKey: (databaseName: string) => Promise<Uint8Array>;
  readonly now?: () => Date;
}): DeskSessionService {
  const now = options.now ?? (() => new Date());
  let held: Held = { kind: 'none' };

  const begin = (
    account: AccountWire,
    connection: 'online' | 'offline',
    serverUrl: string,
    tokens: { readonly access: string; readonly refresh: string } | undefined,
    databaseKey: OpenedDatabaseKey,
  ): DeskSession => {
    const rights = rightsOfAccount(account);
    const databaseName = databaseNameOf(serverUrl, account.userId, databaseKey.generation);
    const session = {
      kind: 'account' as const,
      account,
      connection,
      databaseName,
      chainDeviceId: options.chainDeviceIdFor(databaseName),
      signedInAt: now().toISOString(),
      ...(databaseKey.startedAfresh ? { startedAfresh: true as const } : {}),
    };
    held = { kind: 'account', session, rights, serverUrl, tokens, databaseKey: databaseKey.key };
    options.logger.info('session.signed-in', { connection, role: account.role });
    return session;
  };

  /** The server answered this password with a token pair: the session it opens, online. */
  const beginOnline = (
    pair: { readonly account: AccountWire; readonly accessToken: string; readonly refreshToken: string },
    serverUrl: string,
    databaseKey: OpenedDatabaseKey,
  ): DeskSession =>
    begin(
      pair.account,
      'online',
      serverUrl,
      { access: pair.accessToken, refresh: pair.refreshToken },
      databaseKey,
    );

  const signInOffline = async (login: string, password: string): Promise<DeskSession> => {
    const checked = await options.accounts.checkOffline(login, password, now());
    switch (checked.kind) {
      case 'unknown':
        throw new UserFacingError('unavailable', sessionStrings.firstSignInNeedsServer);
      case 'locked':
        throw new UserFacingError(
          'unauthorized',
          sessionStrings.lockedOffline(Math.max(1, Math.ceil(checked.retryAfterSeconds / 60))),
        );
      case 'wrongPassword':
        options.logger.warn('session.offline-wrong-password', {});
        throw new UserFacingError('unauthorized', sessionStrings.wrongPasswordOffline);
      case 'verified':
        return begin(checked.account, 'offline', checked.serverUrl, undefined, checked.databaseKey);
    }
  };

  const signIn = async (login: string, password: string): Promise<DeskSession> => {
    const serverUrl = await options.serverSetting.url();
    if (serverUrl === undefined) {
      if (!(await options.accounts.knows(login)))
        throw new UserFacingError('unavailable', sessionStrings.noServer);
      return signInOffline(login, password);
    }
    const answer = await options.server.signIn(serverUrl, {
      login,
      password,
      device: { deviceId: options.deviceId.replace(/^device-/, ''), deviceName: options.deviceName },
    });
    if (answer.kind === 'unreachable') return signInOffline(login, password);
    if (answer.kind === 'refused') {
      // The server's word is final: a disabled account ends offline sign-in here too, and so does a
      // password changed elsewhere (the one typed is the old one the verifier still knows).
      if (answer.code === 'accountDisabled') await options.accounts.forget(login);
      if (answer.code === 'wrongCredentials') await options.accounts.forgetIfOutdated(login, password);
      options.logger.warn('session.refused', { code: answer.code });
      throw new UserFacingError('unauthorized', answer.message);
    }
    const pair = answer.value;
    // Rights come from the server's account; a province admin is refused before anything is kept.
    rightsOfAccount(pair.account);
    return beginOnline(
      pair,
      serverUrl,
      await options.accounts.remember(pair.account, serverUrl, password, now()),
    );
  };

  /**
   * Calls the province server as the signed-in account. An access token that expired (they live
   * 15 minutes) is renewed once with the refresh token, which rotates; a refused renewal (the
   * session was revoked: a password changed elsewhere) leaves the desktop session offline.
   */
  const asSignedInAccount = async <T>(
    call: (serverUrl: string, accessToken: string, schoolId: SchoolId) => Promise<ServerAnswer<T>>,
  ): Promise<T> => {
    const start = held;
    if (start.kind !== 'account') throw new UserFacingError('unauthorized', sessionStrings.notSignedIn);
    const schoolId = start.session.account.schoolId;
    if (schoolId === null) throw new UserFacingError('unauthorized', sessionStrings.accountHasNoSchool);
    if (start.tokens === undefined) throw new UserFacingError('unavailable', sessionStrings.signedInOffline);
    let answer = await call(start.serverUrl, start.tokens.access, schoolId);
    if (answer.kind === 'refused' && answer.code === 'tokenExpired') {
      const renewed = await options.server.refresh(start.serverUrl, start.tokens.refresh);
      if (renewed.kind === 'unreachable')
        throw new UserFacingError('unavailable', sessionStrings.serverUnreachable);
      const stillHeld = held.kind === 'account' && held.session === start.session;
      if (renewed.kind === 'refused') {
        if (stillHeld) held = { ...start, tokens: undefined };
        options.logger.warn('session.refresh-refused', { code: renewed.code });
        throw new UserFacingError('unauthorized', sessionStrings.serverSessionEnded);
      }
      const tokens = { access: renewed.value.accessToken, refresh: renewed.value.refreshToken };
      if (stillHeld) held = { ...start, tokens };
      answer = await call(start.serverUrl, tokens.access, schoolId);
    }
    if (answer.kind === 'unreachable')
      throw new UserFacingError('unavailable', sessionStrings.serverUnreachable);
    if (answer.kind === 'refused') throw new UserFacingError('unauthorized', answer.message);
    return answer.value;
  };

  return {
    callAsAccount: asSignedInAccount,
    current: () =>
      held.kind === 'none'
        ? { kind: 'none' }
        : held.kind === 'trial'
          ? trialSession(held.rights)
          : held.session,
    rights: () => (held.kind === 'none' ? undefined : held.rights),
    signIn: (login, password) => signIn(login, password),
    signOut: async () => {
      const ending = held;
      held = { kind: 'none' };
      if (ending.kind === 'account' && ending.tokens !== undefined) {
        // Best effort: offline, the refresh token dies with this process anyway.
        await options.server.signOut(ending.serverUrl, ending.tokens.refresh);
      }
      return { kind: 'none' };
    },
    resetPassword: async (login, resetCode, newPassword) => {
      const serverUrl = await options.serverSetting.url();
      if (serverUrl === undefined) throw new UserFacingError('unavailable', sessionStrings.noServer);
      const answer = await options.server.resetPassword(serverUrl, { login, resetCode, newPassword });
      if (answer.kind === 'unreachable')
        throw new UserFacingError('unavailable', sessionStrings.resetNeedsServer);
      if (answer.kind === 'refused') throw new UserFacingError('unauthorized', answer.message);
      return signIn(login, newPassword);
    },
    changePassword: async (currentPassword, newPassword) => {
      if (held.kind !== 'account') throw new UserFacingError('unauthorized', sessionStrings.notSignedIn);
      const { serverUrl, tokens } = held;
      if (tokens === undefined)
        throw new UserFacingError('unavailable', sessionStrings.passwordChangeNeedsServer);
      const answer = await options.server.changePassword(serverUrl, tokens.access, {
        currentPassword,
        newPassword,
      });
      if (answer.kind === 'unreachable')
        throw new UserFacingError('unavailable', sessionStrings.passwordChangeNeedsServer);
      if (answer.kind === 'refused') throw new UserFacingError('unauthorized', answer.message);
      // The change ended every other session of the account and opened this one afresh; the
      // offline verifier learns the new password (the old one stops working here too).
      // The database key is sealed again under the new password: the same database goes on.
      const pair = answer.value;
      const databaseKey = await options.accounts.remember(
        pair.account,
        serverUrl,
        newPassword,
        now(),
        currentPassword,
      );
      return beginOnline(pair, serverUrl, databaseKey);
    },
    actAsTrialUser: (actor, schoolCode, assignments) => {
      if (held.kind === 'account')
        throw new UserFacingError('unauthorized', sessionStrings.trialWhileSignedIn);
      const rights: ActingRights = {
        kind: 'trial',
        actor,
        schoolCode,
        assignments,
        permissions: permissionsFor(actor, assignments),
      };
      held = { kind: 'trial', rights };
      return trialSession(rights);
    },
    databaseKey: async (databaseName) => {
      if (held.kind === 'account') {
        if (databaseName !== held.session.databaseName)
          throw new UserFacingError('unauthorized', sessionStrings.notYourDatabase);
        return held.databaseKey;
      }
      if (databaseName.startsWith(accountDatabasePrefix))
        throw new UserFacingError('unauthorized', sessionStrings.accountDatabaseNeedsSignIn);
      return options.desktopDatabaseKey(databaseName);
    },
  };
}

function trialSession(rights: ActingRights): DeskSession {
  return { kind: 'trial', userId: rights.actor.userId, role: rights.actor.role };
}
