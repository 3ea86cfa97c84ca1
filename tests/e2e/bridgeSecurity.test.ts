import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeSecretHeader } from '../../shared/ipc/bridgeProtocol';
import { startAppBridge, type AppBridge } from '../support/appBridge';
import { openBrowser, type BrowserSession } from '../support/browser';

function post(url: string, headers: Record<string, string>, body = '{}') {
  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
}

/** Sends a request with a forged Host header (as a DNS-rebinding page would). */
function postWithHost(origin: string, host: string, secret: string): Promise<number> {
  const url = new URL('/ipc/app:info', origin);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { Host: host, 'Content-Type': 'application/json', [bridgeSecretHeader]: secret },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end('{}');
  });
}

describe('the local bridge', () => {
  let app: AppBridge;
  let browser: BrowserSession;

  beforeAll(async () => {
    app = await startAppBridge();
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await app.close();
  });

  it('listens on 127.0.0.1 only', () => {
    expect(new URL(app.bridge.origin).hostname).toBe('127.0.0.1');
  });

  it('refuses an IPC request without the secret, or with a wrong one, and runs nothing', async () => {
    const url = `${app.bridge.origin}/ipc/app:info`;
    const missing = await post(url, {});
    expect(missing.status).toBe(401);
    await expect(missing.json()).resolves.toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await post(url, { [bridgeSecretHeader]: 'x'.repeat(app.bridge.secret.length) });
    expect(wrong.status).toBe(401);
    expect(app.logLines.filter((line) => line.includes('bridge.missing-secret'))).toHaveLength(2);

    const right = await post(url, { [bridgeSecretHeader]: app.bridge.secret });
    expect(right.status).toBe(200);
    await expect(right.json()).resolves.toMatchObject({ ok: true, value: { runtime: 'bridge' } });
  });

  it('refuses a page in Chromium that calls it without the secret', async () => {
    const { page } = browser;
    await page.goto(`${app.bridge.origin}/`); // no #bridge=… fragment: the page never learns the secret
    const status = await page.evaluate(async () => {
      const response = await fetch('/ipc/app:info', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      return response.status;
    });
    expect(status).toBe(401);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Không kết nối được');
  });

  it('refuses requests addressed to another host name (DNS rebinding) even with the secret', async () => {
    await expect(postWithHost(app.bridge.origin, 'evil.example:80', app.bridge.secret)).resolves.toBe(421);
  });

  it('refuses requests from another origin even with the secret', async () => {
    const response = await post(`${app.bridge.origin}/ipc/app:info`, {
      [bridgeSecretHeader]: app.bridge.secret,
      Origin: 'https://evil.example',
    });
    expect(response.status).toBe(403);
  });

  it('validates the payload behind the secret: a bad request is refused with the field named', async () => {
    const response = await post(
      `${app.bridge.origin}/ipc/sample:generate`,
      { [bridgeSecretHeader]: app.bridge.secret },
      JSON.stringify({ seed: 1, students: -3 }),
    );
    await expect(response.json()).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-request', issues: [{ path: 'students' }] },
    });
  });

  it('serves the renderer with a strict Content-Security-Policy and never serves files outside it', async () => {
    const index = await fetch(`${app.bridge.origin}/`);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    const escape = await fetch(`${app.bridge.origin}/..%2f..%2fpackage.json`);
    expect(escape.status).toBe(404);
  });
});
