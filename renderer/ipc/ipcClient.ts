import { desktopApiGlobalName, type HocbaDesktopApi } from '../../shared/ipc/api';
import type { IpcChannel } from '../../shared/ipc/channels';
import { ipcContract, type IpcRequest, type IpcResponse } from '../../shared/ipc/contract';
import { ipcEnvelopeSchema, type IpcResult } from '../../shared/ipc/result';
import { ipcStrings } from '../../shared/ipc/strings';
import { createBridgeTransport, takeBridgeSecret } from './bridgeTransport';
import type { IpcTransport } from './transport';

/** The renderer's one way to reach main: typed by the contract, answers checked against it. */
export type IpcClient = {
  /** `signal`: stop waiting (the answer is then `unavailable`); see IpcTransport. */
  readonly invoke: <C extends IpcChannel>(
    channel: C,
    request: IpcRequest<C>,
    signal?: AbortSignal,
  ) => Promise<IpcResult<IpcResponse<C>>>;
  readonly transportKind: 'electron' | 'bridge' | 'none';
};

export function createIpcClient(
  transport: IpcTransport | undefined,
  transportKind: IpcClient['transportKind'],
): IpcClient {
  return {
    transportKind,
    invoke: async <C extends IpcChannel>(
      channel: C,
      request: IpcRequest<C>,
      signal?: AbortSignal,
    ): Promise<IpcResult<IpcResponse<C>>> => {
      if (!transport) return { ok: false, error: { code: 'unavailable', message: ipcStrings.unavailable } };
      let raw: unknown;
      try {
        raw = await transport(channel, request, signal);
      } catch {
        return { ok: false, error: { code: 'unavailable', message: ipcStrings.unavailable } };
      }
      const envelope = ipcEnvelopeSchema.safeParse(raw);
      if (!envelope.success)
        return { ok: false, error: { code: 'invalid-response', message: ipcStrings.invalidResponse } };
      if (!envelope.data.ok) return { ok: false, error: envelope.data.error };
      const value = ipcContract[channel].response.safeParse(envelope.data.value);
      if (!value.success)
        return { ok: false, error: { code: 'invalid-response', message: ipcStrings.invalidResponse } };
      return { ok: true, value: value.data as IpcResponse<C> };
    },
  };
}

function desktopApi(): HocbaDesktopApi | undefined {
  const candidate: unknown = Reflect.get(globalThis, desktopApiGlobalName);
  if (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof Reflect.get(candidate, 'invoke') === 'function'
  ) {
    return candidate as HocbaDesktopApi;
  }
  return undefined;
}

/** Electron's preload object when present, else the local bridge, else nothing (an explained error). */
export function connectIpcClient(): IpcClient {
  const desktop = desktopApi();
  if (desktop) return createIpcClient((channel, request) => desktop.invoke(channel, request), 'electron');
  const secret = takeBridgeSecret(window.location, window.history, window.sessionStorage);
  if (secret) return createIpcClient(createBridgeTransport(secret), 'bridge');
  return createIpcClient(undefined, 'none');
}
