/**
 * The cost of sealing main's files (issue 11, point 4): a 2 MB học bạ-sized PDF sealed and opened
 * in memory, and written and read through the sealed files (atomic write, bounded read), beside a
 * plain atomic write and readFile of the same bytes. Prints MB/s (medians) and the ratios.
 * Usage: npm run bench:sealed-files   (BENCH_ROUNDS, BENCH_MB)
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../main/services/atomicWrite';
import { openBytes, sealBytes } from '../main/services/files/sealedFile';
import { createSealedFiles } from '../main/services/files/sealedFiles';
import { percentile } from './support/stats';

const rounds = Number(process.env.BENCH_ROUNDS ?? 40);
const megabytes = Number(process.env.BENCH_MB ?? 2);
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(megabytes * 1024 * 1024 - 9)]);
const dataDir = await mkdtemp(join(tmpdir(), 'hocba-bench-sealed-'));
const key = randomBytes(32);
const files = createSealedFiles({ dataDir, key });
const relativePath = 'records/2025-2026/0112345678.pdf';
const sealedPath = join(dataDir, relativePath);
const plainPath = join(dataDir, 'plain', '0112345678.pdf');

/** Median MB/s of `run` over the rounds, after one warm-up. */
async function rate(run: () => unknown): Promise<number> {
  await run();
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return pdf.length / 1024 / 1024 / (percentile(times, 50) / 1000);
}

try {
  const sealed = sealBytes(key, relativePath, pdf);
  const seal = await rate(() => sealBytes(key, relativePath, pdf));
  const open = await rate(() => openBytes(key, relativePath, sealed));
  const plainWrite = await rate(() => writeFileAtomic(plainPath, pdf));
  const sealedWrite = await rate(() => files.write(sealedPath, pdf));
  const plainRead = await rate(() => readFile(plainPath));
  const sealedRead = await rate(() => files.read(sealedPath));
  const row = (label: string, value: number) =>
    console.log(`  ${label.padEnd(44)} ${value.toFixed(0).padStart(6)} MB/s`);
  console.log(`sealed files: a ${String(megabytes)} MB PDF, median of ${String(rounds)} rounds`);
  row('seal in memory (AES-256-GCM)', seal);
  row('open in memory', open);
  row('write: plain atomic write', plainWrite);
  row('write: seal + atomic write', sealedWrite);
  row('read: plain readFile', plainRead);
  row('read: bounded read + open', sealedRead);
  console.log(
    `  sealed/plain time: write ${(plainWrite / sealedWrite).toFixed(2)}×, read ${(plainRead / sealedRead).toFixed(2)}×`,
  );
  console.log(
    `  per file: seal ${((megabytes / seal) * 1000).toFixed(1)} ms, open ${((megabytes / open) * 1000).toFixed(1)} ms`,
  );
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
