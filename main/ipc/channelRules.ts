import { isLeadership } from '../../shared/domain/staff';
import { classIdOf, schoolIdOf } from '../../shared/domain/ids';
import type { IpcChannel } from '../../shared/ipc/channels';
import type { IpcParsedRequest } from '../../shared/ipc/contract';
import type { RecordScopes } from '../services/records/recordScopes';
import type { ActingRights } from '../services/session/deskSessionService';
import { rightsStrings } from './rightsStrings';

/** Why main refuses, or undefined when the signed-in person may make this call. */
type Check<C extends IpcChannel> = (
  request: IpcParsedRequest<C>,
  rights: ActingRights,
) => Promise<string | undefined> | string | undefined;

/**
 * The rights themselves are the shared ones (shared/domain/permissions.ts), the same the screens
 * and the documents' write rules use; this table says which apply to which call.
 *
 * `open`: needs no one signed in (what the sign-in and restore screens use, and reading facts
 * about the app). `signedIn`: needs a session, and where `check` is given the session's rights
 * must allow this very request. The page's own word about who it is plays no part.
 */
export type ChannelRule<C extends IpcChannel> =
  { readonly kind: 'open' } | { readonly kind: 'signedIn'; readonly check?: Check<C> };
export type ChannelRules = { readonly [C in IpcChannel]: ChannelRule<C> };

const open = { kind: 'open' } as const;
const signedIn = { kind: 'signedIn' } as const;

/** A class of the signed-in person's school, named as records and exports name it. */
function classOf(rights: ActingRights, schoolYear: string, className: string) {
  return classIdOf(schoolIdOf(rights.schoolCode), schoolYear, className);
}

/** A class's summary or tracking book, exported by someone who may see the class. */
const classExport: ChannelRule<'summary:exportXlsx' | 'trackingBook:exportXlsx' | 'trackingBook:exportPdf'> =
  {
    kind: 'signedIn',
    check: (request, rights) =>
      rights.permissions.canExportSummary(classOf(rights, request.schoolYear, request.className))
        ? undefined
        : rightsStrings.notYourClass(request.className),
  };

const backups: ChannelRule<'backup:create' | 'backup:list' | 'backup:verify'> = {
  kind: 'signedIn',
  check: (_request, rights) => (rights.permissions.canMakeBackup ? undefined : rightsStrings.noBackups),
};

/**
 * What leadership of a real account sets up on the province server (staff accounts, classes,
 * assignments): the trial's made-up people have no account there.
 */
const leadershipOfAccount: ChannelRule<
  | 'session:createStaffAccount'
  | 'session:updateStaffAccount'
  | 'session:saveClass'
  | 'session:saveAssignments'
> = {
  kind: 'signedIn',
  check: (_request, rights) =>
    rights.kind === 'account' && isLeadership(rights.actor.role)
      ? undefined
      : rightsStrings.leadershipOnlySetup,
};

/**
 * Sync carries a real account's school to and from the province server; the trial's sample
 * school exists on this desktop only. The server judges every pushed row again.
 */
const syncOfAccount: ChannelRule<'sync:pull' | 'sync:push' | 'sync:auditHeads' | 'sync:handInRecords'> = {
  kind: 'signedIn',
  check: (_request, rights) => (rights.kind === 'account' ? undefined : rightsStrings.syncNeedsAccount),
};

/** Every channel's rule; the type makes a channel without one a compile error. */
export function channelRules(scopes: RecordScopes): ChannelRules {
  return {
    'app:info': open,
    'sample:generate': open,
    'classList:read': signedIn,
    'classList:template': open,
    'summary:exportXlsx': classExport,
    'trackingBook:exportXlsx': classExport,
    'trackingBook:exportPdf': classExport,
    'photo:save': signedIn,
    'photo:read': signedIn,
    'records:produce': {
      kind: 'signedIn',
      check: (request, rights) => {
        for (const record of request.records) {
          if (record.school.code !== rights.schoolCode) return rightsStrings.otherSchool;
          const { schoolYear, className } = record.year;
          if (!rights.permissions.canProduceRecords(classOf(rights, schoolYear, className)))
            return rightsStrings.notYourClassRecords(className);
        }
        return undefined;
      },
    },
    'records:amend': {
      kind: 'signedIn',
      check: (request, rights) => {
        if (request.record.school.code !== rights.schoolCode) return rightsStrings.otherSchool;
        return rights.permissions.canAmendSignedRecord ? undefined : rightsStrings.principalOnlyAmends;
      },
    },
    'records:list': signedIn,
    'records:read': signedIn,
    'records:verify': signedIn,
    'records:bundleAdd': signedIn,
    'records:bundleFinish': signedIn,
    'token:list': signedIn,
    'token:chooseLibrary': signedIn,
    'token:watch': signedIn,
    'signing:start': {
      kind: 'signedIn',
      check: async (request, rights) => {
        if (request.role !== 'homeroomTeacher')
          return rights.permissions.signerRoles.includes(request.role)
            ? undefined
            : rightsStrings.principalOnlySigns;
        // The homeroom teacher's box: every record of the batch must be of a class this person
        // is the homeroom teacher of, as the file's own record says (a file that is missing or
        // unreadable the signer refuses itself).
        for (const recordId of new Set(request.recordIds)) {
          const scope = await scopes.of(recordId);
          if (scope === undefined) continue;
          if (scope.schoolCode !== rights.schoolCode) return rightsStrings.otherSchool;
          const classId = classOf(rights, scope.schoolYear, scope.className);
          if (!rights.permissions.canSignAs('homeroomTeacher', classId))
            return rightsStrings.notHomeroom(scope.className);
        }
        return undefined;
      },
    },
    'signing:status': signedIn,
    'signing:cancel': signedIn,
    'signing:current': signedIn,
    'audit:recordHead': signedIn,
    'audit:checkChain': signedIn,
    'backup:stage': open,
    'backup:create': backups,
    'backup:list': backups,
    'backup:verify': backups,
    // Restoring happens before anyone signs in on a fresh desktop; the backup's passphrase is
    // what authorises it, and main never overwrites a different file with it.
    'backup:inspect': open,
    'backup:restore': open,
    'backup:restoredPart': open,
    'session:current': open,
    'session:signIn': open,
    'session:signOut': open,
    'session:actAsTrialUser': open,
    'session:changePassword': signedIn,
    'session:resetPassword': open,
    'session:serverSetting': open,
    'session:setServer': open,
    // Whose key it is, the session service decides (an account's to that account only).
    'session:databaseKey': open,
    // The server checks these too; main refuses before asking.
    'session:createStaffAccount': leadershipOfAccount,
    'session:updateStaffAccount': leadershipOfAccount,
    'session:saveClass': leadershipOfAccount,
    'session:saveAssignments': leadershipOfAccount,
    'sync:pull': syncOfAccount,
    'sync:push': syncOfAccount,
    'sync:auditHeads': syncOfAccount,
    'sync:handInRecords': syncOfAccount,
  };
}
