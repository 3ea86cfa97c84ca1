import type { IpcChannel } from '../../shared/ipc/channels';

/** Sends one raw request to main and returns main's raw answer (an IPC envelope, unchecked). */
export type IpcTransport = (channel: IpcChannel, request: unknown) => Promise<unknown>;
