import { build, type BuildOptions } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Bundles the Node side: Electron's main process, the sandboxed preload (one CommonJS file, as
 * sandboxed preloads require) and the `hocba` CLI. The renderer is built by Vite.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  // Native and Electron-provided modules stay outside the bundle.
  external: ['electron', 'pkcs11js', 'electron-updater'],
};

await Promise.all([
  build({
    ...common,
    entryPoints: [join(root, 'main/electron/main.ts')],
    outfile: join(root, 'dist/main/main.cjs'),
  }),
  build({
    ...common,
    entryPoints: [join(root, 'main/electron/preload.ts')],
    outfile: join(root, 'dist/main/preload.cjs'),
    target: 'chrome120',
    sourcemap: false,
  }),
  build({
    ...common,
    entryPoints: [join(root, 'main/cli/hocba.ts')],
    outfile: join(root, 'dist/cli/hocba.cjs'),
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
