import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../app';
import type { Database } from '../db/database';
import { openPgliteDatabase } from '../db/pgliteDatabase';
import { openTestDatabase, testEngine, type TestDatabase } from '../testing/testDatabase';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');

function run(args: readonly string[], stdin: string, env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(tsx, ['server/cli/adminCli.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** `npm run server:admin -- create-admin`: the first province admin, its password from stdin only. */
describe(`admin CLI (${testEngine})`, () => {
  let database: TestDatabase | null = null;
  let dataDir: string | null = null;
  afterAll(async () => {
    await database?.drop();
    if (dataDir !== null) await rm(dataDir, { recursive: true, force: true });
  });

  it('creates the first province admin with the password read from stdin, never from argv', async () => {
    let env: NodeJS.ProcessEnv;
    if (testEngine === 'postgres') {
      database = await openTestDatabase();
      env = { DATABASE_URL: database.url ?? '' };
    } else {
      dataDir = await mkdtemp(join(tmpdir(), 'hocba-cli-'));
      env = { HOCBA_SERVER_DATA: dataDir, DATABASE_URL: '' };
    }
    const password = 'mat-khau-quan-tri-2026';
    const inArgv = await run(
      ['create-admin', '--login', 'so.gddt', '--full-name', 'Sở', '--password', password],
      '',
      env,
    );
    expect(inArgv.code).not.toBe(0);
    const short = await run(['create-admin', '--login', 'so.gddt', '--full-name', 'Sở GD&ĐT'], 'ngan\n', env);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('Mật khẩu cần ít nhất 10 ký tự');
    const made = await run(
      ['create-admin', '--login', 'so.gddt', '--full-name', 'Sở GD&ĐT'],
      `${password}\n`,
      env,
    );
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('user:so.gddt');
    const again = await run(
      ['create-admin', '--login', 'so.gddt', '--full-name', 'Sở GD&ĐT'],
      `${password}\n`,
      env,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Tên đăng nhập này đã được dùng');

    const db: Database = database?.db ?? (await openPgliteDatabase(dataDir));
    // The CLI hashes with the production parameters: nothing passed in, nothing weakened.
    const [stored] = await db.query("select password_hash from accounts where user_id = 'user:so.gddt'");
    expect(String(stored?.password_hash)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const { app } = await buildServer({ db });
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { login: 'so.gddt', password },
    });
    expect(signIn.statusCode, signIn.body).toBe(200);
    expect(signIn.json()).toMatchObject({ account: { role: 'provinceAdmin', fullName: 'Sở GD&ĐT' } });
    await app.close();
    if (database === null) await db.close();
  });
});
