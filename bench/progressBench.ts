/**
 * `npm run bench:progress`: the province's progress page (issue 12, point 7) on the machine's
 * PostgreSQL (DATABASE_URL, or postgres://postgres@127.0.0.1:5432/postgres to create a scratch
 * database on; dropped at the end). BENCH_PROGRESS_SCHOOLS schools (default 10) of 1,000 students
 * with a whole year of subject results each (about 12,700 documents a school) are stored as their
 * desktops' pushes leave them; then the page's work is timed: every school worked out from its
 * shard (cold), the same again with nothing changed (kept), one school changed, the HTML and the
 * .xlsx of the whole province.
 */
import { progressSection } from '../server/admin/progressHtml';
import { progressWorkbook } from '../server/admin/progressWorkbook';
import { scratchDatabase } from './support/scratchDatabase';
import { migrate } from '../server/db/migrate';
import { advanceSyncHead, lockSyncHead, putSyncedDocuments } from '../server/db/syncedDocumentsRepo';
import { createServiceContext } from '../server/app';
import { createProvinceProgress } from '../server/services/provinceProgressService';
import { provisionSchool } from '../server/services/provisioning';
import { testArgon2Params } from '../server/testing/testDatabase';
import { defaultCompiledCatalogue } from '../shared/domain/evaluation/compiledCatalogue';
import { schoolIdOf } from '../shared/domain/ids';
import { generateSampleSchool } from '../shared/sample/generateSampleSchool';
import { generateYearResults } from '../shared/sample/generateYearResults';
import { sampleSchoolDocuments } from '../shared/sample/sampleDocuments';
import type { Actor } from '../server/services/actor';

const schoolsWanted = Number(process.env.BENCH_PROGRESS_SCHOOLS ?? '10');
const compiled = defaultCompiledCatalogue();
const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits });

const { db, drop } = await scratchDatabase();

try {
  await migrate(db);
  const ctx = await createServiceContext({ db, argon2: testArgon2Params, tokenSecret: 'b'.repeat(40) });
  const now = new Date();
  let documents = 0;
  const loadStarted = performance.now();
  const schoolIds = [];
  for (let index = 0; index < schoolsWanted; index += 1) {
    const sample = generateSampleSchool({ seed: 300 + index, students: 1000 });
    const code = `P${String(100000 + index)}`;
    const schoolId = schoolIdOf(code);
    schoolIds.push(schoolId);
    await provisionSchool(ctx, {
      school: { code, name: `Trường Tiểu học số ${String(index + 1)}`, district: 'Huyện' },
      principal: { login: `ht.p${String(index)}`, fullName: 'Hiệu trưởng', password: 'mật khẩu đủ dài 1' },
    });
    const docs = sampleSchoolDocuments(
      { ...sample, school: { ...sample.school, id: schoolId, code } },
      generateYearResults(compiled, sample, 300 + index),
      'user:bench',
      now,
    );
    await db.transaction(async (tx) => {
      let seq = await lockSyncHead(tx, schoolId);
      for (const [collection, bodies] of [
        ['classes', docs.classes],
        ['people', docs.people],
        ['subjectResults', docs.subjectResults],
      ] as const) {
        await putSyncedDocuments(
          tx,
          schoolId,
          collection,
          bodies.map((body) => ({ docId: body.id, seq: (seq += 1), deleted: false, body })),
          'user:bench',
          now,
        );
        documents += bodies.length;
      }
      await advanceSyncHead(tx, schoolId, seq);
    });
  }
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  console.log(
    `Stored ${fmt(schoolsWanted)} schools of 1,000 students: ${fmt(documents)} documents in ${fmt(loadSeconds, 1)} s`,
  );

  const actor: Actor = {
    userId: 'user:so.admin' as Actor['userId'],
    schoolId: null,
    role: 'provinceAdmin',
    familyId: 'bench',
    mustChangePassword: false,
  };
  const progress = createProvinceProgress(ctx);
  const time = async <T>(work: () => Promise<T>) => {
    const started = performance.now();
    const value = await work();
    return { value, ms: performance.now() - started };
  };
  const cold = await time(() => progress.forAdmin(actor));
  const kept = await time(() => progress.forAdmin(actor));
  const first = schoolIds[0];
  if (first === undefined) throw new Error('no school');
  await db.transaction(async (tx) => advanceSyncHead(tx, first, (await lockSyncHead(tx, first)) + 1));
  const oneChanged = await time(() => progress.forAdmin(actor));
  const html = await time(() => Promise.resolve(progressSection(kept.value)));
  const xlsx = await time(() => progressWorkbook(kept.value, now));
  const sample = cold.value[0]?.progress;
  console.log(
    `First school: ${fmt(sample?.students ?? 0)} students, CN ${fmt(sample?.periods.CN.done ?? 0)}/${fmt(sample?.periods.CN.of ?? 0)} levels`,
  );
  console.log(
    `Cold (every school worked out): ${fmt(cold.ms)} ms, ${fmt(cold.ms / schoolsWanted, 1)} ms a school`,
  );
  console.log(
    `Kept (nothing changed):         ${fmt(kept.ms, 1)} ms, ${fmt(cold.ms / kept.ms, 1)}× faster than cold`,
  );
  console.log(`One school changed:             ${fmt(oneChanged.ms, 1)} ms`);
  console.log(`HTML of the section:            ${fmt(html.ms, 1)} ms (${fmt(html.value.length / 1024)} KiB)`);
  console.log(`.xlsx of the province:          ${fmt(xlsx.ms, 1)} ms (${fmt(xlsx.value.length / 1024)} KiB)`);
  console.log(
    `Projected cold page for 500 schools: ${fmt(((cold.ms / schoolsWanted) * 500) / 1000, 1)} s; kept: ${fmt(((kept.ms / schoolsWanted) * 500) / 1000, 2)} s`,
  );
} finally {
  await drop();
}
