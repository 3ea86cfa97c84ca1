/**
 * `npm run bench:sealed-database`: what sealing children's data at rest costs (issue 11, point 4).
 * A 1,000-student school with a full year of results (people, subject and character results),
 * written into RxDB and read back, with the app's own collections and storage wrappers, on RxDB's
 * memory storage in Node (V8, as the renderer; IndexedDB's own cost is the same either way):
 * - sealed (the app: wrappedSealedFieldsStorage) against the same collections without sealing;
 * - the seal itself per document (XChaCha20-Poly1305, one per document) against RxDB's crypto-js
 *   plugin's way (one AES with a passphrase key derivation per field), on the same people;
 * - bytes stored, sealed against plain.
 */
import { createRxDatabase, type RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { encryptString } from 'rxdb/plugins/encryption-crypto-js';
import { defaultCompiledCatalogue } from '../shared/domain/evaluation/compiledCatalogue';
import { generateSampleSchool } from '../shared/sample/generateSampleSchool';
import { generateYearResults } from '../shared/sample/generateYearResults';
import { hocbaCollections } from '../renderer/data/database';
import { sampleSchoolDocuments } from '../shared/sample/sampleDocuments';
import { databaseKeyOf, openJson, sealJson } from '../renderer/data/storage/fieldSeal';
import { wrappedSealedFieldsStorage } from '../renderer/data/storage/sealedFieldsStorage';
import { peopleV5Sealed } from '../shared/documents/people/peopleV5';

const runs = 5;
const students = Number(process.env.BENCH_STUDENTS ?? 1000);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const compiled = defaultCompiledCatalogue();
const school = generateSampleSchool({ seed: 21, students });
const documents = sampleSchoolDocuments(
  school,
  generateYearResults(compiled, school, 21),
  'user:bench',
  new Date('2026-05-20T08:00:00Z'),
);
const sealedCollections = ['people', 'subjectResults', 'characterResults'] as const;
const total = sealedCollections.reduce((sum, name) => sum + documents[name].length, 0);
const key = databaseKeyOf(new Uint8Array(32).fill(7));

/** The app's collections; `plain` drops the sealed-field keyword (the same documents, unsealed). */
function collectionsOf(plain: boolean) {
  return Object.fromEntries(
    sealedCollections.map((name) => {
      const { schema, ...rest } = hocbaCollections[name];
      const { encrypted: _sealed, ...open } = schema;
      return [name, { ...rest, schema: plain ? open : schema }];
    }),
  );
}

let counter = 0;
async function writeAndRead(storage: RxStorage<unknown, unknown>, plain: boolean) {
  counter += 1;
  const name = `bench${String(counter)}`;
  const writer = await createRxDatabase({ name, storage, multiInstance: false });
  const collections = await writer.addCollections(collectionsOf(plain));
  let started = performance.now();
  for (const collectionName of sealedCollections) {
    const collection = collections[collectionName];
    if (!collection) throw new Error(`no ${collectionName}`);
    const written = await collection.bulkInsert(documents[collectionName] as never[]);
    if (written.error.length > 0) throw new Error(`${collectionName}: ${JSON.stringify(written.error[0])}`);
  }
  const writeMs = performance.now() - started;
  await writer.close();
  // A fresh database on the same storage, as after a restart: nothing is in any cache.
  const reader = await createRxDatabase({ name, storage, multiInstance: false });
  try {
    const again = await reader.addCollections(collectionsOf(plain));
    started = performance.now();
    let read = 0;
    for (const collectionName of sealedCollections) {
      const collection = again[collectionName];
      if (!collection) throw new Error(`no ${collectionName}`);
      read += (await collection.find().exec()).length;
    }
    const readMs = performance.now() - started;
    if (read !== total) throw new Error(`read ${String(read)} of ${String(total)}`);
    return { writeMs, readMs };
  } finally {
    await reader.remove();
  }
}

console.log(
  `Sealed local database (${String(students)} students: ${String(documents.people.length)} people, ${String(documents.subjectResults.length)} subject results, ${String(documents.characterResults.length)} character results = ${String(total)} documents)`,
);
const plainTimes = { write: [] as number[], read: [] as number[] };
const sealedTimes = { write: [] as number[], read: [] as number[] };
await writeAndRead(getRxStorageMemory(), true);
await writeAndRead(wrappedSealedFieldsStorage({ storage: getRxStorageMemory(), key }), false);
for (let run = 0; run < runs; run += 1) {
  const plain = await writeAndRead(getRxStorageMemory(), true);
  plainTimes.write.push(plain.writeMs);
  plainTimes.read.push(plain.readMs);
  const sealed = await writeAndRead(
    wrappedSealedFieldsStorage({ storage: getRxStorageMemory(), key }),
    false,
  );
  sealedTimes.write.push(sealed.writeMs);
  sealedTimes.read.push(sealed.readMs);
}
const row = (label: string, ms: number, base?: number) =>
  console.log(
    `  ${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  ${(total / (ms / 1000)).toFixed(0).padStart(8)} docs/s${base === undefined ? '' : `  +${(((ms - base) * 1000) / total).toFixed(0)} µs per document (×${(ms / base).toFixed(1)} of RxDB in memory; IndexedDB itself adds its own cost to both)`}`,
  );
console.log(
  `RxDB bulk insert, then every document read after reopening, medians of ${String(runs)} runs (memory storage):`,
);
row('insert, plain', median(plainTimes.write));
row('insert, sealed', median(sealedTimes.write), median(plainTimes.write));
row('read, plain', median(plainTimes.read));
row('read, sealed', median(sealedTimes.read), median(plainTimes.read));

// The seal alone, per person document: ours (one AES-GCM per document) against crypto-js per field.
const people = documents.people;
const sealedOf = (doc: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(doc).filter(([field]) => (peopleV5Sealed as readonly string[]).includes(field)),
  );
let started = performance.now();
const sealedTexts = people.map((doc) => sealJson(key, sealedOf(doc), `bench/people/${doc.id}`));
const sealUs = ((performance.now() - started) * 1000) / people.length;
started = performance.now();
people.forEach((doc, index) => openJson(key, sealedTexts[index] ?? '', `bench/people/${doc.id}`));
const openUs = ((performance.now() - started) * 1000) / people.length;
const sample = people.slice(0, 200);
started = performance.now();
for (const doc of sample)
  for (const field of peopleV5Sealed) encryptString(JSON.stringify(doc[field]), 'k'.repeat(64));
const cryptoJsUs = ((performance.now() - started) * 1000) / sample.length;
console.log('Sealing one person (22 sealed fields), per document:');
console.log(
  `  XChaCha20-Poly1305, one per document   seal ${sealUs.toFixed(1)} µs  open ${openUs.toFixed(1)} µs`,
);
console.log(
  `  crypto-js per field (RxDB's plugin)  seal ${cryptoJsUs.toFixed(1)} µs  (×${(cryptoJsUs / sealUs).toFixed(0)})`,
);
const plainBytes = people.reduce((sum, doc) => sum + JSON.stringify(sealedOf(doc)).length, 0);
const sealedBytes = sealedTexts.reduce((sum, text) => sum + text.length, 0);
console.log(
  `Bytes of the sealed fields: plain ${(plainBytes / people.length).toFixed(0)} B/person, sealed ${(sealedBytes / people.length).toFixed(0)} B/person (×${(sealedBytes / plainBytes).toFixed(2)})`,
);
