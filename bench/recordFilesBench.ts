/**
 * The học bạ files as the app keeps them in its data folder (main's record file store, the code
 * behind records:produce and records:list): producing a 2,000-student school's records (render and
 * atomic write per record), then reading every file's state for the screens — cold (a fresh store,
 * as after a restart: each file parsed) and warm (cached by size and modification time).
 * Run: npm run bench:record-files   (BENCH_STUDENTS, default 2000)
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSealedFiles } from '../main/services/files/sealedFiles';
import { createPhotoStore } from '../main/services/photoStore';
import { loadRecordFonts } from '../main/services/recordFonts';
import { createRecordFileStore } from '../main/services/records/recordFileStore';
import { defaultCompiledCatalogue } from '../shared/domain/evaluation/compiledCatalogue';
import { sampleStudyRecords } from '../shared/record/sampleStudyRecords';
import { generateSampleSchool } from '../shared/sample/generateSampleSchool';
import { generateYearResults } from '../shared/sample/generateYearResults';

const students = Number(process.env.BENCH_STUDENTS ?? 2000);
const chunk = 20; // what the Học bạ screen sends per records:produce

const compiled = defaultCompiledCatalogue();
const school = generateSampleSchool({ seed: 5, students });
const records = sampleStudyRecords(compiled, school, generateYearResults(compiled, school, 5));
const dataDir = await mkdtemp(join(tmpdir(), 'hocba-bench-files-'));
const files = createSealedFiles({ dataDir, key: randomBytes(32) });
const storeOf = () =>
  createRecordFileStore({
    dataDir,
    files,
    photos: createPhotoStore(dataDir, 512 * 1024, files),
    fonts: loadRecordFonts,
  });

try {
  const store = storeOf();
  await store.produce(records.slice(0, 1)); // fonts loaded, code warm
  let started = performance.now();
  for (let start = 1; start < records.length; start += chunk)
    await store.produce(records.slice(start, start + chunk));
  const produceMs = performance.now() - started;

  const ids = records.map((record) => record.id);
  started = performance.now();
  await storeOf().states(ids);
  const coldMs = performance.now() - started;
  started = performance.now();
  const states = await store.states(ids);
  const warmMs = performance.now() - started;
  started = performance.now();
  const again = await store.produce(records.slice(0, chunk));
  const unchangedMs = performance.now() - started;

  const per = (ms: number, count: number) => `${(ms / count).toFixed(2)} ms/record`;
  console.log(`record files, ${String(students)} students (${String(states.length)} files)`);
  console.log(
    `  produce (render + atomic write), ${String(chunk)} per request: ${(produceMs / 1000).toFixed(1)} s, ${per(produceMs, records.length - 1)}`,
  );
  console.log(
    `  list states cold (fresh store, every file parsed): ${coldMs.toFixed(0)} ms, ${per(coldMs, ids.length)}`,
  );
  console.log(
    `  list states warm (cached by size and mtime): ${warmMs.toFixed(0)} ms, ${per(warmMs, ids.length)}`,
  );
  console.log(
    `  produce again, unchanged (${String(again.filter((entry) => entry.outcome === 'unchanged').length)}/${String(chunk)}): ${per(unchangedMs, chunk)}`,
  );
  console.log(`  cold/warm ratio: ${(coldMs / Math.max(warmMs, 0.001)).toFixed(0)}×`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
