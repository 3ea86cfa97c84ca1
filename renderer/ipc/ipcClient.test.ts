import { describe, expect, it } from 'vitest';
import { createIpcClient } from './ipcClient';
import { createBridgeTransport, takeBridgeSecret } from './bridgeTransport';

const info = {
  name: 'Học bạ số',
  version: '1.0.0',
  platform: 'linux',
  dataDir: '/d',
  runtime: 'electron',
  deviceId: 'device-0b7d4f3e-2a51-4c8e-9f1a-6d2e8b9c0a13',
  dataProtection: 'osKeyStore',
};

describe('renderer IPC client', () => {
  it('returns the value of a well-formed answer', async () => {
    const client = createIpcClient(async () => ({ ok: true, value: info }), 'electron');
    await expect(client.invoke('app:info', {})).resolves.toEqual({ ok: true, value: info });
  });

  it('passes main’s error through', async () => {
    const error = { code: 'invalid-request', message: 'Dữ liệu gửi đi không hợp lệ, yêu cầu đã bị từ chối.' };
    const client = createIpcClient(async () => ({ ok: false, error }), 'electron');
    await expect(client.invoke('app:info', {})).resolves.toEqual({ ok: false, error });
  });

  it.each([
    ['not an envelope', 'hello'],
    ['a value that breaks the response schema', { ok: true, value: { ...info, runtime: 'toaster' } }],
  ])('turns %s into an invalid-response error', async (_label, raw) => {
    const client = createIpcClient(async () => raw, 'bridge');
    await expect(client.invoke('app:info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-response' },
    });
  });

  it('explains in Vietnamese when main cannot be reached', async () => {
    const client = createIpcClient(async () => {
      throw new TypeError('Failed to fetch');
    }, 'bridge');
    const result = await client.invoke('app:info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    if (!result.ok) expect(result.error.message).toContain('Không kết nối được');
    await expect(createIpcClient(undefined, 'none').invoke('app:info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });

  it('lets the caller stop waiting: the signal reaches the bridge request, which is closed', async () => {
    const stop = new AbortController();
    let seen: AbortSignal | undefined;
    const client = createIpcClient(async (_channel, _request, signal) => {
      seen = signal;
      return { ok: true, value: info };
    }, 'bridge');
    await client.invoke('app:info', {}, stop.signal);
    expect(seen).toBe(stop.signal);
    stop.abort();
    await expect(createBridgeTransport('secret')('token:watch', {}, stop.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('takes the bridge secret from the URL fragment, keeps it for reloads and removes it from the address', () => {
    window.sessionStorage.clear();
    const before = window.location.href;
    window.history.replaceState(null, '', '#bridge=s3cret&x=1');
    expect(takeBridgeSecret(window.location, window.history, window.sessionStorage)).toBe('s3cret');
    expect(window.location.hash).toBe('#x=1');
    expect(takeBridgeSecret(window.location, window.history, window.sessionStorage)).toBe('s3cret');
    window.history.replaceState(null, '', before);
  });
});
