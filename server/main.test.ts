import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testEngine, type TestDatabase } from './testing/testDatabase';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));

/** `npm run server` as a process: prints its URL, serves, and exits cleanly on SIGTERM. */
describe(`npm run server (${testEngine})`, () => {
  let database: TestDatabase | null = null;
  let dataDir: string | null = null;
  afterAll(async () => {
    await database?.drop();
    if (dataDir !== null) await rm(dataDir, { recursive: true, force: true });
  });

  it('starts on the configured port, answers /readyz, and shuts down on SIGTERM with exit code 0', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, HOCBA_SERVER_PORT: '0', HOCBA_LOG_LEVEL: 'warn' };
    if (testEngine === 'postgres') {
      database = await openTestDatabase();
      env.DATABASE_URL = database.url ?? '';
    } else {
      dataDir = await mkdtemp(join(tmpdir(), 'hocba-main-'));
      env.HOCBA_SERVER_DATA = dataDir;
      delete env.DATABASE_URL;
    }
    const child = spawn(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['server/main.ts'], {
      cwd: repoRoot,
      env,
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`server exited early: ${output}`)));
    });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
