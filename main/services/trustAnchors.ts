import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The shipped `resources/trust/` folder: found by walking up from the running script (the CLI
 * bundle in dist/cli/, or the source under main/) and from the working folder.
 */
export function defaultTrustDir(): string | undefined {
  const starts = [process.argv[1], process.cwd()].filter((start): start is string => start !== undefined);
  for (const start of starts) {
    let dir = start;
    for (let depth = 0; depth < 6; depth += 1) {
      const candidate = join(dir, 'resources', 'trust');
      if (existsSync(candidate)) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return undefined;
}
