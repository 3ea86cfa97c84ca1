import { contextBridge, ipcRenderer } from 'electron';
import { desktopApiGlobalName, type HocbaDesktopApi } from '../../shared/ipc/api';
import { isIpcChannel } from '../../shared/ipc/channels';

/**
 * The sandboxed preload exposes exactly one object: a transport for the contract's channels.
 * It refuses any other channel name, so the page cannot reach other ipcMain listeners.
 */
const api: HocbaDesktopApi = {
  invoke: (channel, request) => {
    if (!isIpcChannel(channel)) return Promise.reject(new Error('unknown channel'));
    return ipcRenderer.invoke(channel, request) as Promise<unknown>;
  },
};

contextBridge.exposeInMainWorld(desktopApiGlobalName, Object.freeze(api));
