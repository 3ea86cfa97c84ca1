import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ipcChannels } from '../../shared/ipc/channels';
import { ipcStrings } from '../../shared/ipc/strings';
import type { IpcResult } from '../../shared/ipc/result';
import type { IpcDispatcher } from '../ipc/dispatcher';
import { appOrigin } from './appProtocol';

function fromOurPage(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${appOrigin}/`);
}

/** Registers one `ipcMain.handle` per contract channel; every call goes through the validating dispatcher. */
export function registerIpc(dispatch: IpcDispatcher): void {
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<IpcResult<unknown>> => {
      if (!fromOurPage(event))
        return { ok: false, error: { code: 'unauthorized', message: ipcStrings.unauthorized } };
      return dispatch(channel, payload);
    });
  }
}
