import { isLeadership } from '../../../shared/domain/staff';
import type { DeskSessionService } from '../../services/session/deskSessionService';
import type { LocalAccounts } from '../../services/session/localAccounts';
import type { SchoolSetupOnServer } from '../../services/session/schoolSetupOnServer';
import type { ProvinceServerSetting } from '../../services/session/provinceServerSetting';
import { sessionStrings } from '../../services/session/sessionStrings';
import { UserFacingError } from '../../services/userFacingError';
import type { IpcHandlers } from '../dispatcher';

type SessionChannels =
  | 'session:current'
  | 'session:signIn'
  | 'session:signOut'
  | 'session:actAsTrialUser'
  | 'session:changePassword'
  | 'session:resetPassword'
  | 'session:serverSetting'
  | 'session:setServer'
  | 'session:databaseKey'
  | 'session:createStaffAccount'
  | 'session:updateStaffAccount'
  | 'session:saveClass'
  | 'session:saveAssignments';

export function sessionHandlers(
  sessions: DeskSessionService,
  serverSetting: ProvinceServerSetting,
  accounts: LocalAccounts,
  setup: SchoolSetupOnServer,
): Pick<IpcHandlers, SessionChannels> {
  return {
    'session:current': async () => sessions.current(),
    'session:signIn': (request) => sessions.signIn(request.login, request.password),
    'session:signOut': () => sessions.signOut(),
    'session:actAsTrialUser': async (request) =>
      sessions.actAsTrialUser(
        { userId: request.userId, role: request.role },
        request.schoolCode,
        request.assignments,
      ),
    'session:resetPassword': (request) =>
      sessions.resetPassword(request.login, request.resetCode, request.newPassword),
    'session:changePassword': (request) =>
      sessions.changePassword(request.currentPassword, request.newPassword),
    'session:serverSetting': () => serverSetting.view(),
    'session:createStaffAccount': (request) => setup.createStaffAccount(request),
    'session:updateStaffAccount': (request) => setup.updateStaffAccount(request.userId, request.changes),
    'session:saveClass': (request) => setup.saveClass(request),
    'session:saveAssignments': async (request) => ({
      assignments: await setup.saveAssignments(request.classId, request.assignments),
    }),
    'session:databaseKey': async (request) => ({
      key: Buffer.from(await sessions.databaseKey(request.databaseName)).toString('base64'),
    }),
    'session:setServer': async (request) => {
      // Once someone has signed in here, pointing the desktop at another server is leadership's
      // call: a server of one's own choosing would vouch for any password.
      if (await accounts.any()) {
        const rights = sessions.rights();
        if (rights?.kind !== 'account' || !isLeadership(rights.actor.role))
          throw new UserFacingError('unauthorized', sessionStrings.serverChangeNeedsLeadership);
      }
      return serverSetting.set(request.serverUrl);
    },
  };
}
