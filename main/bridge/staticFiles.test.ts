import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStaticFile } from './staticFiles';

describe('renderer static files', () => {
  let parent: string;
  let root: string;
  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'hocba-static-'));
    root = join(parent, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(parent, 'secret.txt'), 'do not serve');
  });
  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('serves index.html for / and files with their content type', async () => {
    await expect(readStaticFile(root, '/')).resolves.toMatchObject({
      contentType: 'text/html; charset=utf-8',
    });
    const script = await readStaticFile(root, '/assets/app.js?v=1');
    expect(script?.contentType).toBe('text/javascript; charset=utf-8');
    expect(script?.body.toString()).toBe('console.log(1)');
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/a%00.js',
    '/%E0%A4%A',
  ])('never serves %s', async (path) => {
    await expect(readStaticFile(root, path)).resolves.toBeUndefined();
  });

  it('answers undefined for a file that does not exist', async () => {
    await expect(readStaticFile(root, '/nope.js')).resolves.toBeUndefined();
  });
});
