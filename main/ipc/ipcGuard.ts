import type { IpcChannel } from '../../shared/ipc/channels';
import type { IpcParsedRequest } from '../../shared/ipc/contract';
import type { ActingRights } from '../services/session/deskSessionService';
import type { ChannelRule, ChannelRules } from './channelRules';
import { rightsStrings } from './rightsStrings';

/** Why a parsed request may not run now, or undefined when it may. */
export type IpcGuard = <C extends IpcChannel>(
  channel: C,
  request: IpcParsedRequest<C>,
) => Promise<string | undefined>;

/**
 * Main's check of every call against the session it holds (issue 11: main knows the actor). Runs
 * after the request's schema and before its handler.
 */
export function createIpcGuard(rules: ChannelRules, rights: () => ActingRights | undefined): IpcGuard {
  return async (channel, request) => {
    const rule: ChannelRule<typeof channel> = rules[channel];
    if (rule.kind === 'open') return undefined;
    const current = rights();
    if (current === undefined) return rightsStrings.notSignedIn;
    return rule.check === undefined ? undefined : rule.check(request, current);
  };
}
