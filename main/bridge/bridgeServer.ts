import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IpcErrorCode, IpcResult } from '../../shared/ipc/result';
import { ipcStrings } from '../../shared/ipc/strings';
import {
  bridgeIpcPathPrefix,
  bridgeSecretHeader,
  bridgeSecretFragmentKey,
} from '../../shared/ipc/bridgeProtocol';
import type { IpcDispatcher } from '../ipc/dispatcher';
import type { Logger } from '../services/logger';
import { rendererSecurityHeaders } from '../security/contentSecurityPolicy';
import { readStaticFile } from './staticFiles';

export type BridgeOptions = {
  readonly rendererDir: string;
  readonly dispatch: IpcDispatcher;
  readonly logger: Logger;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly maxBodyBytes?: number;
};

export type RunningBridge = {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The per-run secret every IPC request must carry. */
  readonly secret: string;
  /** The address to open: the secret travels in the fragment, which browsers never send to a server. */
  readonly pageUrl: string;
  readonly close: () => Promise<void>;
};

const loopbackHost = '127.0.0.1';

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function sendJson(response: ServerResponse, status: number, body: IpcResult<unknown>): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(text);
}

function refuse(response: ServerResponse, status: number, code: IpcErrorCode, message: string): void {
  sendJson(response, status, { ok: false, error: { code, message } });
}

function secretMatches(expected: Buffer, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const candidate = Buffer.from(given, 'utf8');
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

/**
 * The local HTTP bridge: serves the built renderer and runs the same IPC dispatcher as Electron's
 * main process, so the renderer runs unchanged in Chromium. It listens on 127.0.0.1 only, answers
 * only requests addressed to its own host (no DNS rebinding) and refuses IPC without the secret.
 */
export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const secret = randomBytes(32).toString('base64url');
  const expectedSecret = Buffer.from(secret, 'utf8');
  const maxBodyBytes = options.maxBodyBytes ?? 8 * 1024 * 1024;
  let allowedHosts: readonly string[] = [];
  let origin = '';

  const handleIpc = async (
    request: IncomingMessage,
    response: ServerResponse,
    channel: string,
  ): Promise<void> => {
    if (request.method !== 'POST') {
      response.writeHead(405, { Allow: 'POST' }).end();
      return;
    }
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && !allowedHosts.some((host) => requestOrigin === `http://${host}`)) {
      options.logger.warn('bridge.foreign-origin', {});
      refuse(response, 403, 'unauthorized', ipcStrings.unauthorized);
      return;
    }
    if (!secretMatches(expectedSecret, request.headers[bridgeSecretHeader])) {
      options.logger.warn('bridge.missing-secret', {});
      refuse(response, 401, 'unauthorized', ipcStrings.unauthorized);
      return;
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      refuse(response, 415, 'invalid-request', ipcStrings.invalidRequest);
      return;
    }
    let payload: unknown;
    try {
      const body = await readBody(request, maxBodyBytes);
      payload = body.length === 0 ? undefined : (JSON.parse(body.toString('utf8')) as unknown);
    } catch (error) {
      refuse(
        response,
        error instanceof BodyTooLarge ? 413 : 400,
        'invalid-request',
        ipcStrings.invalidRequest,
      );
      return;
    }
    sendJson(response, 200, await options.dispatch(channel, payload));
  };

  const handleStatic = async (
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
  ): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = await readStaticFile(options.rendererDir, path);
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Không tìm thấy');
      return;
    }
    const immutable = path.startsWith('/assets/');
    response.writeHead(200, {
      ...rendererSecurityHeaders,
      'Content-Type': file.contentType,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  };

  const server = createServer((request, response) => {
    if (!allowedHosts.includes(request.headers.host ?? '')) {
      options.logger.warn('bridge.foreign-host', {});
      response.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Misdirected request');
      return;
    }
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const work = path.startsWith(bridgeIpcPathPrefix)
      ? handleIpc(request, response, path.slice(bridgeIpcPathPrefix.length))
      : handleStatic(request, response, path);
    work.catch(() => {
      options.logger.error('bridge.request-failed', {});
      if (!response.headersSent) refuse(response, 500, 'failed', ipcStrings.failed);
      else response.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, loopbackHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${loopbackHost}:${port}`;
  allowedHosts = [`${loopbackHost}:${port}`, `localhost:${port}`];
  options.logger.info('bridge.listening', { port });

  return {
    origin,
    secret,
    pageUrl: `${origin}/#${bridgeSecretFragmentKey}=${secret}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
