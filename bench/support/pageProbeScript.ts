import { join } from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from '../../tests/support/paths';

/**
 * `pageProbe.ts` bundled into one script for `addInitScript`. Bundled with esbuild rather than
 * passed as functions: tsx wraps named functions in `__name(...)`, which the page does not have.
 */
export async function pageProbeScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(repoRoot, 'bench', 'support', 'pageProbe.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    keepNames: false,
    logLevel: 'warning',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no page probe');
  return output.text;
}
