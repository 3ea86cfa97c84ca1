import { ESLint } from 'eslint';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths';

/**
 * The import boundaries of conventions.md are enforced by lint, not by hope: these feed the real
 * ESLint configuration a forbidden import in a real file of each layer and expect it refused.
 */
const eslint = new ESLint({
  cwd: repoRoot,
  // With CI=true typescript-eslint infers a single run and parses files from disk, so the text
  // passed to lintText (with its forbidden line) would never be seen.
  overrideConfig: { languageOptions: { parserOptions: { disallowAutomaticSingleRunInference: true } } },
});
const boundaryRules = new Set(['no-restricted-imports', 'import-x/no-restricted-paths']);

async function lintWithExtraLine(relativePath: string, line: string): Promise<string[]> {
  const path = join(repoRoot, relativePath);
  const source = await readFile(path, 'utf8');
  const [result] = await eslint.lintText(`${line}\n${source}`, { filePath: path });
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

describe('import boundaries', () => {
  it.each([
    [
      'shared/domain/text.ts',
      "import { readFileSync } from 'node:fs'; void readFileSync;",
      'no-restricted-imports',
    ],
    ['shared/domain/text.ts', "import { app } from 'electron'; void app;", 'no-restricted-imports'],
    [
      'shared/domain/text.ts',
      "import { createRxDatabase } from 'rxdb'; void createRxDatabase;",
      'no-restricted-imports',
    ],
    [
      'shared/domain/text.ts',
      "import { createIpcDispatcher } from '../../main/ipc/dispatcher'; void createIpcDispatcher;",
      'import-x/no-restricted-paths',
    ],
    [
      'renderer/ipc/transport.ts',
      "import { ipcRenderer } from 'electron'; void ipcRenderer;",
      'no-restricted-imports',
    ],
    ['renderer/ipc/transport.ts', "import { join } from 'node:path'; void join;", 'no-restricted-imports'],
    [
      'renderer/ipc/transport.ts',
      "import { startBridge } from '../../main/bridge/bridgeServer'; void startBridge;",
      'import-x/no-restricted-paths',
    ],
    ['main/services/sampleService.ts', "import { app } from 'electron'; void app;", 'no-restricted-imports'],
  ])('%s may not `%s`', async (file, line, rule) => {
    const messages = await lintWithExtraLine(file, line);
    expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^${rule}:`)));
  });

  it('accepts the files as they are', async () => {
    const results = await eslint.lintFiles([
      'shared/domain/text.ts',
      'renderer/ipc/transport.ts',
      'main/services/sampleService.ts',
    ]);
    // Only the boundary rules are this test's business: the lint step of `npm test` checks the
    // rest, and type-aware rules here would depend on declarations tsc -b emits into .tsbuild/.
    const boundaryMessages = results
      .flatMap((result) => result.messages)
      .filter((message) => message.ruleId !== null && boundaryRules.has(message.ruleId));
    expect(boundaryMessages).toEqual([]);
  });
});
