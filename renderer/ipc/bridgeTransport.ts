import {
  bridgeIpcPathPrefix,
  bridgeSecretFragmentKey,
  bridgeSecretHeader,
} from '../../shared/ipc/bridgeProtocol';
import type { IpcTransport } from './transport';

const storageKey = 'hocba.bridgeSecret';

/**
 * Takes the bridge secret from the URL fragment the page was opened with (`#bridge=…`), keeps it
 * in sessionStorage for reloads of this tab, and removes it from the address bar.
 */
export function takeBridgeSecret(location: Location, history: History, storage: Storage): string | undefined {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const fromUrl = fragment.get(bridgeSecretFragmentKey);
  if (fromUrl) {
    storage.setItem(storageKey, fromUrl);
    fragment.delete(bridgeSecretFragmentKey);
    const rest = fragment.toString();
    history.replaceState(
      history.state,
      '',
      `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`,
    );
    return fromUrl;
  }
  return storage.getItem(storageKey) ?? undefined;
}

/** Reaches the main-process services over the local HTTP bridge (`npm run dev:web`, tests). */
export function createBridgeTransport(secret: string): IpcTransport {
  return async (channel, request, signal) => {
    const response = await fetch(`${bridgeIpcPathPrefix}${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [bridgeSecretHeader]: secret },
      body: JSON.stringify(request ?? {}),
      cache: 'no-store',
      ...(signal === undefined ? {} : { signal }),
    });
    return (await response.json()) as unknown;
  };
}
