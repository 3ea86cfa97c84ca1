import type { IpcChannel } from './channels';

/**
 * The one object the preload exposes to the renderer (`window.hocbaDesktop`). It is a raw
 * transport: the renderer's IPC client checks every answer against the contract.
 */
export type HocbaDesktopApi = {
  readonly invoke: (channel: IpcChannel, request: unknown) => Promise<unknown>;
};

export const desktopApiGlobalName = 'hocbaDesktop';
