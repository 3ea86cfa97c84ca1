import { protocol } from 'electron';
import { rendererSecurityHeaders } from '../security/contentSecurityPolicy';
import { readStaticFile } from '../bridge/staticFiles';

/**
 * The renderer is served from `app://hocba/`, a standard, secure scheme of our own: it gives the
 * page a real origin (IndexedDB, CSP 'self') without file:// and its looser rules.
 */
export const appScheme = 'app';
export const appOrigin = `${appScheme}://hocba`;

/** Must run before the app is ready. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'hocba') return new Response('Không tìm thấy', { status: 404 });
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Không tìm thấy', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { ...rendererSecurityHeaders, 'Content-Type': file.contentType },
    });
  });
}
