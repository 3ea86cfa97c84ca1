import { ipcContract, type IpcHandlerResponse, type IpcParsedRequest } from '../../shared/ipc/contract';
import { isIpcChannel, type IpcChannel } from '../../shared/ipc/channels';
import { describeIssues } from '../../shared/ipc/issues';
import type { IpcError, IpcResult } from '../../shared/ipc/result';
import { ipcStrings } from '../../shared/ipc/strings';
import type { Logger } from '../services/logger';
import { UserFacingError } from '../services/userFacingError';
import type { IpcGuard } from './ipcGuard';

export type IpcHandler<C extends IpcChannel> = (
  request: IpcParsedRequest<C>,
) => Promise<IpcHandlerResponse<C>>;
export type IpcHandlers = { readonly [C in IpcChannel]: IpcHandler<C> };
export type IpcDispatcher = (channel: string, payload: unknown) => Promise<IpcResult<unknown>>;

function failure(code: IpcError['code'], message: string, issues?: IpcError['issues']): IpcResult<never> {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}

async function run<C extends IpcChannel>(
  channel: C,
  handler: IpcHandler<C>,
  payload: unknown,
  logger: Logger,
  guard: IpcGuard,
): Promise<IpcResult<unknown>> {
  const spec = ipcContract[channel];
  const parsed = spec.request.safeParse(payload);
  if (!parsed.success) {
    logger.warn('ipc.invalid-request', { channel, issues: parsed.error.issues.length });
    return failure('invalid-request', ipcStrings.invalidRequest, describeIssues(parsed.error));
  }
  let answer: unknown;
  try {
    // Who is signed in decides, not what the page says about itself.
    const refusal = await guard(channel, parsed.data as IpcParsedRequest<C>);
    if (refusal !== undefined) {
      logger.warn('ipc.refused-rights', { channel });
      return failure('unauthorized', refusal);
    }
    answer = await handler(parsed.data as IpcParsedRequest<C>);
  } catch (error) {
    if (error instanceof UserFacingError) {
      logger.warn('ipc.refused', { channel, code: error.code });
      return failure(error.code, error.message);
    }
    // Log the error's type only: messages may carry personal data (conventions.md).
    logger.error('ipc.handler-failed', {
      channel,
      errorType: error instanceof Error ? error.name : typeof error,
    });
    return failure('failed', ipcStrings.failed);
  }
  const checked = spec.response.safeParse(answer);
  if (!checked.success) {
    logger.error('ipc.invalid-response', { channel, issues: checked.error.issues.length });
    return failure('invalid-response', ipcStrings.invalidResponse);
  }
  return { ok: true, value: checked.data };
}

/**
 * Builds the one entry point both Electron's `ipcMain` and the local HTTP bridge call. A request
 * that does not match its schema, or that the signed-in person may not make (`guard`), is refused
 * and its handler never runs.
 */
export function createIpcDispatcher(handlers: IpcHandlers, logger: Logger, guard: IpcGuard): IpcDispatcher {
  return async (channel, payload) => {
    if (!isIpcChannel(channel)) {
      logger.warn('ipc.unknown-channel', {});
      return failure('unknown-channel', ipcStrings.unknownChannel);
    }
    return run(channel, handlers[channel] as IpcHandler<typeof channel>, payload, logger, guard);
  };
}
