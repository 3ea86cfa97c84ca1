/**
 * `npm run bench:sign-in`: what signing in costs on the desktop, against the real province server
 * (in-process, embedded PostgreSQL, the production argon2id parameters on both sides):
 * - the argon2id hashes alone (server: 19 MiB × 2; desktop verifier: 64 MiB × 3);
 * - an online sign-in through main's IPC (server verify + tokens + the local verifier written);
 * - an offline sign-in (server down: the local verifier checked);
 * - a wrong password online and offline.
 * Prints medians and p95 over BENCH_SIGN_INS rounds (default 20).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hash, verify } from '@node-rs/argon2';
import { createMainRuntime } from '../main/mainRuntime';
import { createLogger, memoryLogSink } from '../main/services/logger';
import { localVerifierParameters } from '../main/services/session/localAccounts';
import { createPasswordHasher, productionArgon2Params } from '../server/services/passwords';
import { startServer } from '../server/app';
import { openPgliteDatabase } from '../server/db/pgliteDatabase';
import { provisionSchool } from '../server/services/provisioning';

const rounds = Number(process.env.BENCH_SIGN_INS ?? '20');

function summary(samples: readonly number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (n=${String(sorted.length)})`;
}

async function timed(run: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

const password = 'mật khẩu để đo 2026';
const serverHasher = await createPasswordHasher(productionArgon2Params);
const serverHash = await serverHasher.hash(password);
const localHash = await hash(password, localVerifierParameters);
console.log(
  `argon2id server (m=${String(productionArgon2Params.memoryCost)} KiB, t=${String(productionArgon2Params.timeCost)}, p=${String(productionArgon2Params.parallelism)}):`,
);
console.log(`  hash   ${summary(await timed(() => serverHasher.hash(password)))}`);
console.log(`  verify ${summary(await timed(() => serverHasher.verify(serverHash, password)))}`);
console.log(
  `argon2id desktop verifier (m=${String(localVerifierParameters.memoryCost)} KiB, t=${String(localVerifierParameters.timeCost)}, p=${String(localVerifierParameters.parallelism)}):`,
);
console.log(`  hash   ${summary(await timed(() => hash(password, localVerifierParameters)))}`);
console.log(`  verify ${summary(await timed(() => verify(localHash, password)))}`);

const principal = { login: 'ha.nguyen', fullName: 'Nguyễn Thị Thu Hà', password: 'Mùa thu Hà Nội 2026' };
const db = await openPgliteDatabase(null);
// The sign-in rate limits (10 a minute per login) would refuse the rounds: this measures the
// cost of a sign-in, not the limiter. Production argon2id parameters all the same.
const limit = { limit: 1_000_000, windowSeconds: 60 };
const server = await startServer({ db, port: 0, signInRateLimits: { perIp: limit, perLogin: limit } });
await provisionSchool(server.ctx, {
  school: { code: '01234567', name: 'Trường Tiểu học Kim Liên', district: 'Đống Đa' },
  principal,
});
const dataDir = await mkdtemp(join(tmpdir(), 'hocba-bench-signin-'));
const runtime = await createMainRuntime(
  { name: 'Học bạ số', version: '0.0.0-bench', platform: process.platform, dataDir, runtime: 'bridge' },
  createLogger(memoryLogSink([]), 'info'),
  { provinceServerUrl: server.url },
);
const signIn = async (secret: string, expectOk: boolean) => {
  const result = await runtime.dispatch('session:signIn', { login: principal.login, password: secret });
  if (result.ok !== expectOk) throw new Error(`sign-in ${expectOk ? 'refused' : 'accepted'} unexpectedly`);
  if (result.ok) await runtime.dispatch('session:signOut', {});
};
try {
  console.log(`desktop sign-in through main's IPC (round trip on loopback, sign-out between):`);
  console.log(`  online, right password   ${summary(await timed(() => signIn(principal.password, true)))}`);
  // Five wrong passwords lock the account on the server: four, the free tries.
  const wrongOnline: number[] = [];
  for (let round = 0; round < 4; round += 1) {
    const started = performance.now();
    await signIn('sai mật khẩu rồi', false);
    wrongOnline.push(performance.now() - started);
  }
  console.log(`  online, wrong password   ${summary(wrongOnline)}`);
  await server.close();
  console.log(`  offline, right password  ${summary(await timed(() => signIn(principal.password, true)))}`);
  // Five wrong offline passwords lock offline sign-in: measure four, the lockout's free tries.
  const wrong: number[] = [];
  for (let round = 0; round < 4; round += 1) {
    const started = performance.now();
    await signIn('sai mật khẩu rồi', false);
    wrong.push(performance.now() - started);
  }
  console.log(`  offline, wrong password  ${summary(wrong)}`);
} finally {
  runtime.close();
  await server.close();
  await db.close();
  await rm(dataDir, { recursive: true, force: true });
}
