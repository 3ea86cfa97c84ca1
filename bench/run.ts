/**
 * Runs one benchmark as production code runs: bundled by esbuild (as the CLI and main are, so
 * without the name-keeping wrappers tsx adds), then executed in a fresh Node process.
 * Usage: tsx bench/run.ts <name>   (bench/<name>Bench.ts)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const name = process.argv[2];
if (!name || !/^[a-zA-Z]+$/.test(name)) {
  console.error('Usage: tsx bench/run.ts <name>  (runs bench/<name>Bench.ts)');
  process.exit(2);
}
const outDir = join(root, 'bench', 'results', '.build');
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, `${name}Bench.mjs`);
await build({
  entryPoints: [join(root, 'bench', `${name}Bench.ts`)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, [outfile, ...process.argv.slice(3)], {
  stdio: 'inherit',
  cwd: root,
  env: process.env,
});
process.exit(result.status ?? 1);
