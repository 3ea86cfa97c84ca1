import type { IpcChannel } from '../../shared/ipc/channels';

/**
 * Sends one raw request to main and returns main's raw answer (an IPC envelope, unchecked).
 * `signal` lets the page stop waiting for an answer (a held token:watch when its screen closes):
 * over the bridge it closes the HTTP request, so the browser's few connections per host are not
 * held by answers nobody wants; Electron's IPC holds no connection and ignores it.
 */
export type IpcTransport = (channel: IpcChannel, request: unknown, signal?: AbortSignal) => Promise<unknown>;
