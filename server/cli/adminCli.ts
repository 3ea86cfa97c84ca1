import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loginSchema, passwordSchema } from '../../shared/auth/passwordRules';
import { createServiceContext } from '../app';
import { loadConfig } from '../config';
import { openDatabase } from '../db/openDatabase';
import { ApiFailure } from '../services/apiFailure';
import { createProvinceAdmin } from '../services/provisioning';

/**
 * `npm run server:admin -- create-admin --login X --full-name Y`: the first province admin. The
 * password comes from stdin (a pipe) or a hidden prompt, never from argv (it would sit in the
 * shell history and the process list).
 */
const usage =
  'Cách dùng: npm run server:admin -- create-admin --login <tên đăng nhập> --full-name "<Họ và tên>"\n';

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  const prompt = 'Mật khẩu (ít nhất 10 ký tự, không hiện khi gõ): ';
  process.stdout.write(prompt);
  // The terminal echoes into a stream that drops everything: the password never shows.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

async function main(argv: readonly string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { login: { type: 'string' }, 'full-name': { type: 'string' } },
  });
  if (positionals[0] !== 'create-admin') {
    process.stderr.write(usage);
    return 2;
  }
  const args = z
    .object({ login: loginSchema, fullName: z.string().trim().min(1).max(120) })
    .safeParse({ login: values.login, fullName: values['full-name'] });
  if (!args.success) {
    process.stderr.write(`${args.error.issues[0]?.message ?? ''}\n${usage}`);
    return 2;
  }
  const password = passwordSchema.safeParse(await readPassword());
  if (!password.success) {
    process.stderr.write(`${password.error.issues[0]?.message ?? ''}\n`);
    return 2;
  }
  const config = loadConfig(process.env);
  const db = await openDatabase(config.database);
  try {
    const ctx = await createServiceContext({ db, tokenSecret: config.tokenSecret });
    const userId = await createProvinceAdmin(ctx, { ...args.data, password: password.data });
    process.stdout.write(`Đã tạo tài khoản quản trị cấp Sở ${userId}.\n`);
    return 0;
  } catch (error) {
    if (error instanceof ApiFailure) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
