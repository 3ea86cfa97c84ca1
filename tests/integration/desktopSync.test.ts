import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coversRow } from '../../shared/domain/assignment';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import type { StudentId, UserId } from '../../shared/domain/ids';
import { subjectResultIdOf } from '../../shared/domain/evaluation/resultDocuments';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { sampleSchoolDocuments } from '../../shared/sample/sampleDocuments';
import type { SyncedCollection } from '../../shared/sync/syncWire';
import type { SubjectCellWrite } from '../../renderer/data/writes/resultWrites';
import { asAccount, startProvinceServer, type TestProvinceServer } from '../support/provinceServer';
import { syncDesktopLauncher, type RemoteDesktop } from '../support/syncDesktopRemote';
import { seededRandom } from '../support/gradebookTypist';
import { samplePrincipalLogin, sampleSchoolOnServer } from '../support/sampleSchoolOnServer';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';

/**
 * Two desktops and the real province server (in-process, embedded PostgreSQL), each desktop as
 * the app runs it, in a worker thread of its own: main's services signed in as a real account,
 * the page's RxDB database (IndexedDB) and the app's own replication, each behind a TCP proxy the
 * test controls. Edits made offline on both
 * arrive on the other; what both changed is merged field by field with the rest in the conflict
 * log; what the server refuses is given back and logged; cuts in the middle of a push or a pull
 * lose nothing and double nothing.
 */
const catalogue = defaultCompiledCatalogue();
const sample = generateSampleSchool({ seed: 31, students: 40 });
const documents = sampleSchoolDocuments(
  sample,
  undefined,
  'user:hieutruong',
  new Date('2026-09-05T01:00:00Z'),
);
const password = 'Mật khẩu thử đồng bộ 2026';

/** A class of grade 3, where Tiếng Anh (ngoại ngữ 1) is taught to all, by its own teacher. */
const classX = sample.classes.find((c) => c.grade === 3);
if (!classX) throw new Error('the sample school has no class of grade 3');
const homeroomX = sample.assignments.find((a) => a.classId === classX.id && a.homeroom);
const specialistX = sample.assignments.find(
  (a) => a.classId === classX.id && !a.homeroom && a.subjects.includes('ngoai-ngu-1'),
);
if (!homeroomX || !specialistX) throw new Error('class X needs a homeroom and a subject teacher');
const loginOf = (userId: UserId) => userId.slice('user:'.length);
const rowOf = (subjects: readonly string[], except: readonly string[] = []) => {
  const row = catalogue
    .plan(classX.grade)
    .rows.find((r) => r.status === 'compulsory' && coversRow(subjects, r.key) && !coversRow(except, r.key));
  if (!row) throw new Error('no row for these subjects');
  return row.key;
};
const homeroomRow = rowOf(homeroomX.subjects, specialistX.subjects);
const specialistRow = rowOf(specialistX.subjects);
const studentsX = documents.people.filter((person) => person.classId === classX.id).slice(0, 6);

const cell = (
  studentId: StudentId,
  rowKey: string,
  value: Pick<SubjectCellWrite, 'field' | 'value'>,
): SubjectCellWrite =>
  ({
    place: {
      studentId,
      classId: classX.id,
      schoolId: sample.school.id,
      schoolYear: sample.schoolYear,
      grade: classX.grade,
      electives: [],
    },
    rowKey,
    period: 'CK1',
    ...value,
  }) as SubjectCellWrite;

const subjectValue = (desktop: RemoteDesktop, studentId: string, rowKey: string) =>
  desktop.subjectValue({ studentId, rowKey, schoolYear: sample.schoolYear }, 'CK1');

let server: TestProvinceServer;
const proxies: TcpProxy[] = [];
const desktops: RemoteDesktop[] = [];
let launcher: Awaited<ReturnType<typeof syncDesktopLauncher>>;

async function desktopOf(login: string): Promise<{ desktop: RemoteDesktop; proxy: TcpProxy }> {
  const port = Number(new URL(server.url).port);
  const proxy = await startTcpProxy({ host: '127.0.0.1', port });
  proxies.push(proxy);
  const desktop = await launcher.start({ serverUrl: proxy.url, login, password });
  desktops.push(desktop);
  return { desktop, proxy };
}

/** What the server holds of a collection, read as the principal would pull it. */
async function serverDocuments(collection: SyncedCollection) {
  const { call } = await asAccount(server, samplePrincipalLogin, password);
  const answer = (await call(
    'GET',
    `/schools/${encodeURIComponent(sample.school.id)}/sync/${collection}/pull?after=0&limit=5000`,
  )) as {
    documents: { id: string }[];
  };
  return answer.documents;
}

beforeAll(async () => {
  launcher = await syncDesktopLauncher();
  server = await startProvinceServer();
  await sampleSchoolOnServer(server, { seed: 31, students: 40, password });
});

afterAll(async () => {
  for (const desktop of desktops) await desktop.close();
  for (const proxy of proxies) await proxy.close();
  await server.close();
});

describe('two desktops and the province server', () => {
  let homeroom: { desktop: RemoteDesktop; proxy: TcpProxy };
  let specialist: { desktop: RemoteDesktop; proxy: TcpProxy };

  it('a fresh desktop pulls its whole school', async () => {
    homeroom = await desktopOf(loginOf(homeroomX.teacherId));
    specialist = await desktopOf(loginOf(specialistX.teacherId));
    for (const { desktop } of [homeroom, specialist]) {
      await desktop.startSync();
      await desktop.awaitInitialPull();
      expect(await desktop.ids('people')).toEqual(documents.people.map((p) => p.id).sort());
      expect(await desktop.ids('classes')).toEqual(documents.classes.map((c) => c.id).sort());
      expect(await desktop.ids('schools')).toEqual([sample.school.id]);
    }
  });

  it('edits made offline on both desktops arrive on the other, each once', async () => {
    homeroom.proxy.setOffline(true);
    specialist.proxy.setOffline(true);
    const [first, second, third] = studentsX;
    if (!first || !second || !third) throw new Error('class X needs three students');
    await homeroom.desktop.writeSubjectCells([
      cell(first.id, homeroomRow, { field: 'level', value: 'T' }),
      cell(second.id, homeroomRow, { field: 'comment', value: 'Đọc lưu loát, viết đúng chính tả.' }),
    ]);
    await specialist.desktop.writeSubjectCells([
      cell(first.id, specialistRow, { field: 'level', value: 'H' }),
      cell(third.id, specialistRow, { field: 'comment', value: 'Nghe hiểu tốt; cần luyện phát âm.' }),
    ]);
    homeroom.proxy.setOffline(false);
    specialist.proxy.setOffline(false);
    await homeroom.desktop.syncNow();
    await specialist.desktop.syncNow();
    await homeroom.desktop.syncNow();

    for (const { desktop } of [homeroom, specialist]) {
      expect((await subjectValue(desktop, first.id, homeroomRow))?.level).toBe('T');
      expect((await subjectValue(desktop, second.id, homeroomRow))?.comment).toBe(
        'Đọc lưu loát, viết đúng chính tả.',
      );
      expect((await subjectValue(desktop, first.id, specialistRow))?.level).toBe('H');
      expect((await subjectValue(desktop, third.id, specialistRow))?.comment).toBe(
        'Nghe hiểu tốt; cần luyện phát âm.',
      );
    }
    const onServer = await serverDocuments('subjectResults');
    expect(onServer).toHaveLength(4);
    expect(new Set(onServer.map((doc) => doc.id)).size).toBe(4);
    // Each desktop's audit events reached the server and came back to the other.
    const events = await serverDocuments('auditEvents');
    expect(events.length).toBeGreaterThanOrEqual(4);
    const eventIds = events.map((event) => event.id).sort();
    expect(await homeroom.desktop.ids('auditEvents')).toEqual(eventIds);
    expect(await specialist.desktop.ids('auditEvents')).toEqual(eventIds);
  });

  it('the same field changed on two desktops: the server keeps the first, the other value is logged, the rest merged', async () => {
    // The subject teacher works on a second desktop too (at school and at home).
    const second = await desktopOf(loginOf(specialistX.teacherId));
    await second.desktop.startSync();
    await second.desktop.awaitInitialPull();
    const [first] = studentsX;
    if (!first) throw new Error('class X has no student');
    const before = await subjectValue(second.desktop, first.id, specialistRow);
    expect(before?.level).toBe('H');

    specialist.proxy.setOffline(true);
    second.proxy.setOffline(true);
    await specialist.desktop.writeSubjectCells([
      cell(first.id, specialistRow, { field: 'comment', value: 'Phát âm chuẩn, mạnh dạn giao tiếp.' }),
    ]);
    await second.desktop.writeSubjectCells([
      cell(first.id, specialistRow, { field: 'comment', value: 'Cần luyện nghe thêm ở nhà.' }),
      cell(first.id, specialistRow, { field: 'level', value: 'T' }),
    ]);
    specialist.proxy.setOffline(false);
    await specialist.desktop.syncNow();
    second.proxy.setOffline(false);
    await second.desktop.syncNow();
    await specialist.desktop.syncNow();
    await homeroom.desktop.syncNow();

    // The comment both changed: the server's (first) stays; the level only the second changed: kept.
    for (const desktop of [specialist.desktop, second.desktop, homeroom.desktop])
      expect(await subjectValue(desktop, first.id, specialistRow)).toMatchObject({
        level: 'T',
        comment: 'Phát âm chuẩn, mạnh dạn giao tiếp.',
      });
    const log = await second.desktop.conflictLog();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      collection: 'subjectResults',
      code: 'conflict',
      serverKept: ['CK1.comment'],
      mineKept: ['CK1.level'],
    });
    // Both versions are kept: the value not taken is in the log, never dropped.
    expect((log[0]?.mine.CK1 as Record<string, unknown>).comment).toBe('Cần luyện nghe thêm ở nhà.');
    expect((log[0]?.master?.CK1 as Record<string, unknown>).comment).toBe(
      'Phát âm chuẩn, mạnh dạn giao tiếp.',
    );
    expect(await specialist.desktop.conflictLog()).toEqual([]);

    // The teacher takes her own comment back ("Dùng giá trị của tôi"): written as a new entry,
    // it reaches the server and the other desktops; the entry says what she chose.
    const entry = log[0];
    if (entry === undefined) throw new Error('the conflict is not logged');
    await second.desktop.chooseInConflict(
      entry.key,
      'mine',
      cell(first.id, specialistRow, { field: 'level', value: 'T' }).place,
    );
    await second.desktop.syncNow();
    await specialist.desktop.syncNow();
    await homeroom.desktop.syncNow();
    for (const desktop of [specialist.desktop, second.desktop, homeroom.desktop])
      expect(await subjectValue(desktop, first.id, specialistRow)).toMatchObject({
        level: 'T',
        comment: 'Cần luyện nghe thêm ở nhà.',
      });
    const after = await second.desktop.conflictLog();
    expect(after).toHaveLength(1);
    expect(after[0]?.resolved?.choice).toBe('mine');
    await second.desktop.close();
    desktops.splice(desktops.indexOf(second.desktop), 1);
  });

  it('an edit the server refuses (the teacher was taken off the class) is given back and logged with the reason', async () => {
    const { call } = await asAccount(server, samplePrincipalLogin, password);
    const assignmentPath = `/schools/${encodeURIComponent(sample.school.id)}/classes/${encodeURIComponent(classX.id)}/assignments/${encodeURIComponent(specialistX.teacherId)}`;
    await call('DELETE', assignmentPath);
    const student = studentsX[3];
    if (!student) throw new Error('class X needs four students');
    // Offline, the desktop still knows the assignment it signed in with, and takes the edit.
    await specialist.desktop.writeSubjectCells([
      cell(student.id, specialistRow, { field: 'level', value: 'C' }),
    ]);
    expect((await subjectValue(specialist.desktop, student.id, specialistRow))?.level).toBe('C');
    await specialist.desktop.syncNow();

    expect(await subjectValue(specialist.desktop, student.id, specialistRow)).toBeNull();
    const log = await specialist.desktop.conflictLog();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ collection: 'subjectResults', code: 'refused', master: null });
    expect(log[0]?.reason).toMatch(/phân công/);
    expect((log[0]?.mine.CK1 as Record<string, unknown>).level).toBe('C');
    const refusedId = subjectResultIdOf(student.id, specialistRow, sample.schoolYear);
    expect((await serverDocuments('subjectResults')).map((doc) => doc.id)).not.toContain(refusedId);
    expect(log[0]?.docId).toBe(refusedId);
    await call('PUT', assignmentPath, { homeroom: false, subjects: specialistX.subjects });
  });

  it('a connection cut in the middle of a push, of a pull’s answer, and the server restarted during a push: nothing lost, nothing twice', async () => {
    const eventsBefore = (await serverDocuments('auditEvents')).length;
    const block = studentsX.map((student, index) =>
      cell(student.id, specialistRow, {
        field: 'comment',
        value: `Nhận xét lần ${String(index + 1)}: nghe, nói tiến bộ.`,
      }),
    );
    // Mid-push: the request's body is cut a few hundred bytes in.
    specialist.proxy.cutAfter({ up: 400 });
    await specialist.desktop.writeSubjectCells(block);
    await specialist.desktop.syncNow();
    // Mid-pull: the homeroom desktop's answer is cut after its first kilobytes.
    homeroom.proxy.cutAfter({ down: 1500 });
    await homeroom.desktop.syncNow();
    for (const student of studentsX)
      expect((await subjectValue(homeroom.desktop, student.id, specialistRow))?.comment).toMatch(
        /^Nhận xét lần/,
      );

    // The server stopped the moment a push starts to arrive, and started again.
    let restarted: Promise<void> = Promise.resolve();
    homeroom.proxy.cutAfter({
      up: 1,
      then: () => {
        restarted = server.stop().then(() => server.start());
      },
    });
    const [first] = studentsX;
    if (!first) throw new Error('class X has no student');
    await homeroom.desktop.writeSubjectCells([
      cell(first.id, homeroomRow, { field: 'comment', value: 'Viết chữ đẹp, trình bày sạch sẽ.' }),
    ]);
    await restarted;
    await homeroom.desktop.syncNow();
    await specialist.desktop.syncNow();
    expect((await subjectValue(specialist.desktop, first.id, homeroomRow))?.comment).toBe(
      'Viết chữ đẹp, trình bày sạch sẽ.',
    );
    // Each audit event once: 6 comments and 1 more, whatever was cut or tried twice.
    const events = await serverDocuments('auditEvents');
    expect(events.length - eventsBefore).toBe(7);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
  });

  describe('100 runs of random edits on both desktops under random faults (offline, cuts both ways, a restarted server)', () => {
    // Four legs of 25 runs, one random stream: each leg ends with every desktop and the server
    // compared in full (a leg is a test of its own, so one slow machine's minute is not spent on
    // all hundred at once).
    const random = seededRandom(Number(process.env.HOCBA_SYNC_FAULT_SEED ?? 20261206));
    const expected = new Map<string, Record<string, unknown>>();
    const keyOf = (studentId: string, rowKey: string) => `${studentId}|${rowKey}`;
    const levels = ['T', 'H', 'C'] as const;
    const phrases = [
      'Chăm chỉ, tự giác.',
      'Cần cẩn thận hơn.',
      'Hoàn thành tốt.',
      'Tiếp thu nhanh; mạnh dạn phát biểu.',
    ];
    let logsBefore = 0;
    let eventsBefore = 0;
    let written = 0;
    const faults = { offline: 0, cutUp: 0, cutDown: 0, restart: 0 };
    const runsPerLeg = 25;

    it.each([1, 2, 3, 4])('leg %i of 4: 25 runs, then the same everywhere, 0 lost, 0 twice', async (leg) => {
      if (leg === 1) {
        logsBefore =
          (await homeroom.desktop.conflictLog()).length + (await specialist.desktop.conflictLog()).length;
        eventsBefore = (await serverDocuments('auditEvents')).length;
      }
      for (let run = (leg - 1) * runsPerLeg + 1; run <= leg * runsPerLeg; run += 1) {
        for (const [side, rowKey] of [
          [homeroom, homeroomRow],
          [specialist, specialistRow],
        ] as const) {
          const fault = random.int(0, 9);
          if (fault <= 2) {
            side.proxy.setOffline(true);
            faults.offline += 1;
          } else if (fault <= 4) {
            side.proxy.cutAfter({ up: random.int(1, 6000) });
            faults.cutUp += 1;
          } else if (fault <= 6) {
            side.proxy.cutAfter({ down: random.int(1, 6000) });
            faults.cutDown += 1;
          }
          const cells: SubjectCellWrite[] = [];
          for (let edit = random.int(1, 4); edit > 0; edit -= 1) {
            const student = studentsX[random.int(0, studentsX.length - 1)];
            if (!student) continue;
            const value =
              random.int(0, 1) === 0
                ? ({ field: 'level', value: levels[random.int(0, 2)] ?? 'T' } as const)
                : ({
                    field: 'comment',
                    value: `${phrases[random.int(0, 3)] ?? ''} (lượt ${String(run)})`,
                  } as const);
            cells.push(cell(student.id, rowKey, value));
            const key = keyOf(student.id, rowKey);
            expected.set(key, { ...expected.get(key), [value.field]: value.value });
          }
          await side.desktop.writeSubjectCells(cells);
          written += cells.length;
        }
        let restarted: Promise<void> = Promise.resolve();
        if (random.int(0, 19) === 0) {
          faults.restart += 1;
          specialist.proxy.cutAfter({
            up: random.int(1, 3000),
            then: () => {
              restarted = server.stop().then(() => server.start());
            },
          });
        }
        const order = random.int(0, 1) === 0 ? [homeroom, specialist] : [specialist, homeroom];
        for (const side of order) {
          const syncing = side.desktop.syncNow();
          side.proxy.setOffline(false);
          await syncing;
        }
        await restarted;
        await order[0]?.desktop.syncNow();
      }
      await homeroom.desktop.syncNow();
      await specialist.desktop.syncNow();
      await homeroom.desktop.syncNow();

      let checked = 0;
      for (const student of studentsX)
        for (const rowKey of [homeroomRow, specialistRow]) {
          const want = expected.get(keyOf(student.id, rowKey));
          if (want === undefined) continue;
          for (const side of [homeroom, specialist])
            expect(await subjectValue(side.desktop, student.id, rowKey)).toMatchObject(want);
          checked += 1;
        }
      expect(checked).toBe(expected.size);
      // By the end every cell of the class was edited on its desktop.
      if (leg === 4) expect(checked).toBe(studentsX.length * 2);
      // Every save's audit events reached the server once, and both desktops hold the same history.
      const events = await serverDocuments('auditEvents');
      expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
      // Each desktop holds its own events and the other's: equal to the server's, none only local.
      const ids = events.map((event) => event.id).sort();
      expect(await homeroom.desktop.ids('auditEvents')).toEqual(ids);
      expect(await specialist.desktop.ids('auditEvents')).toEqual(ids);
      const logs = [...(await homeroom.desktop.conflictLog()), ...(await specialist.desktop.conflictLog())];
      expect(logs.length, JSON.stringify(logs.slice(0, logs.length - logsBefore))).toBe(logsBefore);
      console.log(
        `sync faults: ${JSON.stringify(faults)}, ${String(written)} edits, ${String(events.length - eventsBefore)} audit events`,
      );
    });
  });
});
