import { classIdOf, schoolIdOf } from '../../shared/domain/ids';
import { isLeadership } from '../../shared/domain/staff';
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

function mayWorkOnClass(rights: ActingRights, schoolCode: string, schoolYear: string, className: string) {
  if (schoolCode !== rights.schoolCode) return rightsStrings.otherSchool;
  return rights.permissions.canSeeClass(classOf(rights, schoolYear, className))
    ? undefined
    : rightsStrings.notYourClass(className);
}

const leadershipOnlyBackups: ChannelRule<'backup:create' | 'backup:list' | 'backup:verify'> = {
  kind: 'signedIn',
  check: (_request, rights) =>
    isLeadership(rights.actor.role) ? undefined : rightsStrings.leadershipOnlyBackups,
};

/** Every channel's rule; the type makes a channel without one a compile error. */
export function channelRules(scopes: RecordScopes): ChannelRules {
  return {
    'app:info': open,
    'sample:generate': open,
    'classList:read': signedIn,
    'classList:template': open,
    'summary:exportXlsx': {
      kind: 'signedIn',
      check: (request, rights) =>
        mayWorkOnClass(rights, rights.schoolCode, request.schoolYear, request.className),
    },
    'trackingBook:exportXlsx': {
      kind: 'signedIn',
      check: (request, rights) =>
        mayWorkOnClass(rights, rights.schoolCode, request.schoolYear, request.className),
    },
    'trackingBook:exportPdf': {
      kind: 'signedIn',
      check: (request, rights) =>
        mayWorkOnClass(rights, rights.schoolCode, request.schoolYear, request.className),
    },
    'photo:save': signedIn,
    'photo:read': signedIn,
    'records:produce': {
      kind: 'signedIn',
      check: (request, rights) => {
        for (const record of request.records) {
          const refusal = mayWorkOnClass(
            rights,
            record.school.code,
            record.year.schoolYear,
            record.year.className,
          );
          if (refusal !== undefined) return refusal;
        }
        return undefined;
      },
    },
    'records:amend': {
      kind: 'signedIn',
      check: (request, rights) => {
        if (request.record.school.code !== rights.schoolCode) return rightsStrings.otherSchool;
        return rights.actor.role === 'principal' ? undefined : rightsStrings.principalOnlyAmends;
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
          return rights.actor.role === 'principal' ? undefined : rightsStrings.principalOnlySigns;
        // The homeroom teacher's box: every record of the batch must be of a class this person
        // is the homeroom teacher of (a file that is missing or unreadable the signer refuses).
        for (const recordId of new Set(request.recordIds)) {
          const scope = await scopes.of(recordId);
          if (scope === undefined) continue;
          if (scope.schoolCode !== rights.schoolCode) return rightsStrings.otherSchool;
          if (!rights.permissions.isHomeroomOf(classOf(rights, scope.schoolYear, scope.className)))
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
    'backup:create': leadershipOnlyBackups,
    'backup:list': leadershipOnlyBackups,
    'backup:verify': leadershipOnlyBackups,
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
  };
}
