import { build, type BuildOptions } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bundleWorker,
  nodeBundleOptions,
  untrustedFilesWorkerBundle,
  untrustedFilesWorkerSource,
} from './workers/bundleWorker';

/**
 * Bundles the Node side: Electron's main process, the sandboxed preload (one CommonJS file, as
 * sandboxed preloads require), the `hocba` CLI and the worker that parses files from outside
 * (dist/workers/, found beside main's and the CLI's bundles). The renderer is built by Vite.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const common: BuildOptions = {
  ...nodeBundleOptions,
  // Native (pkcs11js, @node-rs/argon2) and Electron-provided modules stay outside the bundle; esbuild is only reached when
  // main runs from source (untrustedFilesWorkerPath.ts), never from these bundles.
  external: ['electron', 'pkcs11js', '@node-rs/argon2', 'electron-updater', 'esbuild'],
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
  bundleWorker(join(root, untrustedFilesWorkerSource), join(root, untrustedFilesWorkerBundle)),
]);
