/**
 * `npm run bench:sync`: the province server's sync under the two loads, on the machine's
 * PostgreSQL (DATABASE_URL, or postgres://postgres@127.0.0.1:5432/postgres to create a scratch
 * database in), the real server over HTTP on loopback:
 *
 * 1. End-of-term burst: one client per class (BENCH_SYNC_CLASSES, default 200, spread over
 *    schools of 1,000 students), all at once, each pushing its class's term (every subject row and
 *    the qualities and competencies) as its homeroom teacher: documents per second, p50/p99 push
 *    latency, errors, and the ratio to PostgreSQL's raw insert rate of the same documents measured
 *    in the same run (the same statement, no HTTP, no rules, no lock).
 * 2. Initial pull of one 1,000-student school into an empty client, every collection, pages of
 *    5,000, gzip: over loopback and through a proxy shaped to 2 Mbit/s with a 150 ms round trip.
 *    Seconds, documents per second, bytes on the wire against the gzipped size of the same
 *    documents, and the time the link itself needs for those bytes.
 *
 * The client here is a plain HTTP loop following the protocol; the desktop's RxDB replication
 * against these endpoints is not built yet, so its own cost is not in these figures.
 */
import { gzipSync } from 'node:zlib';
import { startServer } from '../server/app';
import { insertClass, putAssignment } from '../server/db/classesRepo';
import { lockSyncHead, advanceSyncHead, putSyncedDocuments } from '../server/db/syncedDocumentsRepo';
import { provisionSchool } from '../server/services/provisioning';
import { testArgon2Params } from '../server/testing/testDatabase';
import { apiBasePath, tokenPairSchema } from '../shared/auth/authWire';
import { defaultCompiledCatalogue } from '../shared/domain/evaluation/compiledCatalogue';
import { schoolIdOf, type ClassId, type SchoolId, type UserId } from '../shared/domain/ids';
import { generateSampleSchool } from '../shared/sample/generateSampleSchool';
import { generateYearResults } from '../shared/sample/generateYearResults';
import { sampleSchoolDocuments, type SampleDocuments } from '../shared/sample/sampleDocuments';
import { pullAnswerSchema, pushAnswerSchema, syncedCollections } from '../shared/sync/syncWire';
import { syncDesktopLauncher } from '../tests/support/syncDesktopRemote';
import { startTcpProxy, type LinkShape } from '../tests/support/tcpProxy';
import { scratchDatabase } from './support/scratchDatabase';
import { percentile } from './support/stats';

const classesWanted = Number(process.env.BENCH_SYNC_CLASSES ?? '200');
const password = 'mật khẩu để đo đồng bộ';
const compiled = defaultCompiledCatalogue();

type ClassTerm = {
  readonly schoolId: SchoolId;
  readonly classId: ClassId;
  readonly teacherLogin: string;
  readonly subjectResults: Record<string, unknown>[];
  readonly characterResults: Record<string, unknown>[];
};

const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits });

// A scratch database, dropped at the end.
const { db, drop } = await scratchDatabase();

try {
  // Two hundred teachers sign in from one address within a minute: the limiter is not measured here.
  const limit = { limit: 1_000_000, windowSeconds: 60 };
  const server = await startServer({
    db,
    port: 0,
    argon2: testArgon2Params,
    logger: false,
    signInRateLimits: { perIp: limit, perLogin: limit },
  });
  const ctx = server.ctx;
  const now = new Date();

  // Schools of 1,000 students until there are enough classes; each class's homeroom teacher is
  // assigned every subject of the class, so one client pushes the class's whole term.
  const terms: ClassTerm[] = [];
  const schools: { schoolId: SchoolId; documents: SampleDocuments; principal: string }[] = [];
  for (let index = 0; terms.length < classesWanted; index += 1) {
    const sample = generateSampleSchool({ seed: 100 + index, students: 1000 });
    const code = `B${String(100000 + index)}`;
    const schoolId = schoolIdOf(code);
    const retarget = <T extends Record<string, unknown>>(doc: T): T =>
      JSON.parse(
        JSON.stringify(doc)
          .replaceAll(sample.school.id, schoolId)
          .replaceAll(`:${sample.school.code}:`, `:${code}:`),
      ) as T;
    const documents = sampleSchoolDocuments(
      sample,
      generateYearResults(compiled, sample, 100 + index),
      'user:hieutruong',
      now,
    );
    const principal = `ht.${code.toLowerCase()}`;
    const homerooms = sample.assignments.filter((a) => a.homeroom);
    await provisionSchool(ctx, {
      school: { code, name: `Trường ${code}`, district: 'Huyện' },
      principal: { login: principal, fullName: 'Hiệu trưởng', password },
      staff: homerooms.map((a) => ({
        login: `${a.teacherId.slice('user:'.length)}.${code.toLowerCase()}`,
        fullName: 'Giáo viên',
        role: 'teacher' as const,
        password,
      })),
    });
    const moved = {
      ...documents,
      school: retarget(documents.school),
      classes: documents.classes.map(retarget),
      people: documents.people.map(retarget),
      assignments: documents.assignments.map(retarget),
      subjectResults: documents.subjectResults.map(retarget),
      characterResults: documents.characterResults.map(retarget),
    };
    schools.push({ schoolId, documents: moved, principal });
    for (const schoolClass of moved.classes) {
      await insertClass(
        db,
        schoolId,
        {
          classId: schoolClass.id,
          schoolYear: sample.schoolYear,
          grade: schoolClass.grade,
          name: schoolClass.name,
        },
        now,
      );
      const homeroom = homerooms.find((a) => a.classId.endsWith(`:${schoolClass.name}`));
      if (!homeroom || terms.length >= classesWanted) continue;
      const teacherLogin = `${homeroom.teacherId.slice('user:'.length)}.${code.toLowerCase()}`;
      const teacherId = `user:${teacherLogin}` as UserId;
      const subjectResults = moved.subjectResults
        .filter((doc) => doc.classId === schoolClass.id)
        .map((doc) => ({ ...doc, updatedBy: teacherId }));
      const subjects = [...new Set(subjectResults.map((doc) => doc.subject))];
      await putAssignment(
        db,
        schoolId,
        { teacherId, classId: schoolClass.id, homeroom: true, subjects },
        now,
      );
      terms.push({
        schoolId,
        classId: schoolClass.id,
        teacherLogin,
        subjectResults,
        characterResults: moved.characterResults
          .filter((doc) => doc.classId === schoolClass.id)
          .map((doc) => ({ ...doc, updatedBy: teacherId })),
      });
    }
  }
  const burstDocuments = terms.reduce(
    (sum, t) => sum + t.subjectResults.length + t.characterResults.length,
    0,
  );
  console.log(
    `${String(schools.length)} schools, ${String(terms.length)} classes, ${fmt(burstDocuments)} documents to push (${fmt(burstDocuments / terms.length)} a class)`,
  );

  const signIn = async (login: string) => {
    const response = await fetch(`${server.url}${apiBasePath}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password }),
    });
    return tokenPairSchema.parse(await response.json()).accessToken;
  };
  const tokens = new Map<string, string>();
  for (const term of terms) tokens.set(term.teacherLogin, await signIn(term.teacherLogin));

  // 1a. PostgreSQL's raw rate for the same documents: the same insert, from the same number of
  // concurrent clients, with no HTTP, rules or head lock, into schools of their own.
  const rawStarted = performance.now();
  await Promise.all(
    terms.map((term, index) =>
      db.transaction(async (tx) => {
        const rawSchool = schoolIdOf(`R${String(index)}`);
        for (const [collection, docs] of [
          ['subjectResults', term.subjectResults],
          ['characterResults', term.characterResults],
        ] as const)
          await putSyncedDocuments(
            tx,
            rawSchool,
            collection,
            docs.map((body, n) => ({
              docId: String(body.id),
              seq: n + 1 + (collection === 'subjectResults' ? 0 : 100000),
              deleted: false,
              body,
            })),
            'user:raw',
            now,
          );
      }),
    ),
  );
  const rawSeconds = (performance.now() - rawStarted) / 1000;
  const rawRate = burstDocuments / rawSeconds;

  // 1b. The burst through the server: every client at once, each its class's two collections.
  const latencies: number[] = [];
  let errors = 0;
  let conflicts = 0;
  const burstStarted = performance.now();
  await Promise.all(
    terms.map(async (term) => {
      const token = tokens.get(term.teacherLogin) ?? '';
      for (const [collection, docs] of [
        ['subjectResults', term.subjectResults],
        ['characterResults', term.characterResults],
      ] as const) {
        const started = performance.now();
        const response = await fetch(
          `${server.url}${apiBasePath}/schools/${encodeURIComponent(term.schoolId)}/sync/${collection}/push`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({
              rows: docs.map((doc) => ({
                assumedMasterState: null,
                newDocumentState: { ...doc, _deleted: false },
              })),
            }),
          },
        );
        const text = await response.text();
        latencies.push(performance.now() - started);
        if (!response.ok) errors += 1;
        else conflicts += pushAnswerSchema.parse(JSON.parse(text)).conflicts.length;
      }
    }),
  );
  const burstSeconds = (performance.now() - burstStarted) / 1000;
  const burstRate = burstDocuments / burstSeconds;
  console.log('\nEnd-of-term burst (PostgreSQL, HTTP on loopback):');
  console.log(
    `  ${fmt(burstDocuments)} documents from ${String(terms.length)} clients in ${fmt(burstSeconds, 2)} s: ${fmt(burstRate)} documents/s (aim ≥ 5,000)`,
  );
  console.log(
    `  push latency p50 ${fmt(percentile(latencies, 50))} ms, p99 ${fmt(percentile(latencies, 99))} ms (aim p99 ≤ 300 ms), errors ${String(errors)}, refused rows ${String(conflicts)}`,
  );
  console.log(
    `  PostgreSQL raw insert of the same documents: ${fmt(rawRate)} documents/s (${fmt(rawSeconds, 2)} s); server / raw = ${fmt(burstRate / rawRate, 2)}`,
  );

  // 2. Initial pull of the first school (its homeroom pushes above filled the results; the rest
  // of the school's documents are laid down directly, as its desktops' earlier pushes would have).
  const first = schools[0];
  if (!first) throw new Error('no school');
  await db.transaction(async (tx) => {
    let seq = await lockSyncHead(tx, first.schoolId);
    for (const collection of ['schools', 'classes', 'people', 'assignments'] as const) {
      const docs =
        collection === 'schools'
          ? [first.documents.school]
          : (first.documents[collection] as readonly Record<string, unknown>[]);
      await putSyncedDocuments(
        tx,
        first.schoolId,
        collection,
        docs.map((body) => ({ docId: String(body.id), seq: (seq += 1), deleted: false, body: { ...body } })),
        'user:seed',
        now,
      );
    }
    await advanceSyncHead(tx, first.schoolId, seq);
  });
  const principalToken = await signIn(first.principal);

  const pullAll = async (baseUrl: string) => {
    const documents: unknown[] = [];
    const started = performance.now();
    let requests = 0;
    for (const collection of syncedCollections) {
      let after = 0;
      for (;;) {
        const response = await fetch(
          `${baseUrl}${apiBasePath}/schools/${encodeURIComponent(first.schoolId)}/sync/${collection}/pull?after=${String(after)}&limit=5000`,
          { headers: { authorization: `Bearer ${principalToken}`, 'accept-encoding': 'gzip' } },
        );
        requests += 1;
        const page = pullAnswerSchema.parse(await response.json());
        documents.push(...page.documents);
        if (page.documents.length < 5000) break;
        after = page.checkpoint.seq;
      }
    }
    return { documents, seconds: (performance.now() - started) / 1000, requests };
  };

  const port = Number(new URL(server.url).port);
  const loopbackProxy = await startTcpProxy({ host: '127.0.0.1', port });
  const loopback = await pullAll(loopbackProxy.url);
  const loopbackBytes = loopbackProxy.bytes();
  await loopbackProxy.close();
  const gzipped = gzipSync(JSON.stringify(loopback.documents)).length;
  const weak = { bitsPerSecond: 2_000_000, oneWayDelayMs: 75 };
  const weakProxy = await startTcpProxy({ host: '127.0.0.1', port }, weak);
  const throttled = await pullAll(weakProxy.url);
  const weakBytes = weakProxy.bytes();
  await weakProxy.close();
  const linkSeconds =
    ((weakBytes.down + weakBytes.up) * 8) / weak.bitsPerSecond +
    (throttled.requests * 2 * weak.oneWayDelayMs) / 1000;

  console.log(
    `\nInitial pull of one 1,000-student school (${fmt(loopback.documents.length)} documents, ${String(loopback.requests)} requests):`,
  );
  console.log(
    `  loopback: ${fmt(loopback.seconds, 2)} s, ${fmt(loopback.documents.length / loopback.seconds)} documents/s, ${fmt(loopbackBytes.down / 1024)} KiB down`,
  );
  console.log(
    `  2 Mbit/s, 150 ms round trip: ${fmt(throttled.seconds, 2)} s, ${fmt(throttled.documents.length / throttled.seconds)} documents/s; the link alone needs ${fmt(linkSeconds, 2)} s → ${fmt(throttled.seconds / linkSeconds, 2)}× (aim ≤ 1.5×)`,
  );
  console.log(
    `  bytes on the wire ${fmt(weakBytes.down + weakBytes.up)} against gzip of the same documents ${fmt(gzipped)}: ${fmt((weakBytes.down + weakBytes.up) / gzipped, 2)}× (aim ≤ 1.2×)`,
  );

  // 3. The same initial pull into a fresh desktop as the app makes it: main's services signed in as
  // the principal, the page's RxDB database (IndexedDB: fake-indexeddb in a worker thread) and the
  // app's replication, from its first request to every collection caught up and stored.
  const launcher = await syncDesktopLauncher();
  const intoDesktop = async (shape: LinkShape | undefined) => {
    const proxy = await startTcpProxy({ host: '127.0.0.1', port }, shape);
    const desktop = await launcher.start({ serverUrl: proxy.url, login: first.principal, password });
    proxy.resetBytes();
    const started = performance.now();
    await desktop.startSync();
    await desktop.awaitInitialPull();
    const seconds = (performance.now() - started) / 1000;
    const stored = (await desktop.ids('subjectResults')).length + (await desktop.ids('people')).length;
    const bytes = proxy.bytes();
    await desktop.close();
    await proxy.close();
    return { seconds, stored, bytes: bytes.up + bytes.down };
  };
  const desktopLoopback = await intoDesktop(undefined);
  const desktopWeak = await intoDesktop(weak);
  console.log("\nThe same pull into a fresh desktop (the app's RxDB replication through main, IndexedDB):");
  console.log(
    `  loopback: ${fmt(desktopLoopback.seconds, 2)} s, ${fmt(loopback.documents.length / desktopLoopback.seconds)} documents/s (${fmt(desktopLoopback.stored)} results and profiles stored)`,
  );
  console.log(
    `  2 Mbit/s, 150 ms round trip: ${fmt(desktopWeak.seconds, 2)} s → ${fmt(desktopWeak.seconds / linkSeconds, 2)}× the link's time; bytes ${fmt(desktopWeak.bytes)} → ${fmt(desktopWeak.bytes / gzipped, 2)}× gzip (sign-in excluded)`,
  );
  await server.close();
} finally {
  await drop();
}
