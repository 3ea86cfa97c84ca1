import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const rendererDist = join(repoRoot, 'dist', 'renderer');
export const artifactsDir = join(repoRoot, 'tests', 'artifacts');

export function requireBuiltRenderer(): string {
  if (!existsSync(join(rendererDist, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build:renderer` (npm test does it for you).');
  }
  return rendererDist;
}
