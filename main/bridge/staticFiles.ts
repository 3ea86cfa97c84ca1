import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

export type StaticFile = { readonly body: Buffer; readonly contentType: string };

/**
 * Resolves a URL path inside the renderer's build folder, refusing anything that would leave it.
 * A folder serves its index.html; anything else that does not exist answers undefined (404).
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const resolvedRoot = normalize(root + sep);
  const candidate = normalize(join(resolvedRoot, relative === '' ? 'index.html' : relative));
  if (!candidate.startsWith(resolvedRoot)) return undefined;
  const file = await stat(candidate).then(
    (info) => (info.isFile() ? candidate : join(candidate, 'index.html')),
    () => undefined,
  );
  if (file === undefined) return undefined;
  try {
    const body = await readFile(file);
    return { body, contentType: contentTypes[extname(file)] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}
