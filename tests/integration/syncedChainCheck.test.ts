import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coversRow } from '../../shared/domain/assignment';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import type { UserId } from '../../shared/domain/ids';
import type { SubjectCellWrite } from '../../renderer/data/writes/resultWrites';
import type { ChainCheckAnswer } from '../../renderer/features/history/chainCheck';
import { auditHeadsAnswerSchema } from '../../shared/sync/syncWire';
import { asAccount, startProvinceServer, type TestProvinceServer } from '../support/provinceServer';
import { samplePrincipalLogin, sampleSchoolOnServer } from '../support/sampleSchoolOnServer';
import { syncDesktopLauncher, type RemoteDesktop } from '../support/syncDesktopRemote';

/**
 * Main's integrity check on desktops that sync (issue 12, point 4): another desktop's audit chain
 * arrives by sync, and main vouches for it as far as its own pulls carried it from the province
 * server, on a desktop whose identity is new (where the check used to say "Máy đã mất định danh").
 * What sync did not bring (a rewritten, cut or lengthened copy of the other desktop's chain) is
 * still a problem. Two desktops as the app runs them, each in its own worker, against the real
 * server.
 */
const password = 'Mật khẩu thử nhật ký 2026';
const catalogue = defaultCompiledCatalogue();

let server: TestProvinceServer;
let launcher: Awaited<ReturnType<typeof syncDesktopLauncher>>;
const desktops: RemoteDesktop[] = [];

beforeAll(async () => {
  launcher = await syncDesktopLauncher();
  server = await startProvinceServer();
});

afterAll(async () => {
  for (const desktop of desktops) await desktop.close();
  await server.close();
});

const problemsOf = (answer: ChainCheckAnswer) =>
  answer.findings.filter((finding) => finding.severity === 'problem');
const verdictOf = (answer: ChainCheckAnswer, deviceId: string) =>
  answer.chains.find((chain) => chain.deviceId === deviceId)?.verdict;

async function checked(desktop: RemoteDesktop): Promise<ChainCheckAnswer> {
  const result = await desktop.checkChain();
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Class 3 of the sample school, its homeroom teacher and its English teacher, on the server. */
async function schoolOnServer() {
  const { sample, documents } = await sampleSchoolOnServer(server, { seed: 47, students: 30, password });
  const schoolClass = sample.classes.find((c) => c.grade === 3);
  const homeroomOf = sample.assignments.find((a) => a.classId === schoolClass?.id && a.homeroom);
  const specialistOf = sample.assignments.find(
    (a) => a.classId === schoolClass?.id && !a.homeroom && a.subjects.includes('ngoai-ngu-1'),
  );
  if (!schoolClass || !homeroomOf || !specialistOf) throw new Error('the sample has no class 3 to share');
  const loginOf = (userId: UserId) => userId.slice('user:'.length);
  const rowOf = (subjects: readonly string[], except: readonly string[] = []) =>
    catalogue
      .plan(schoolClass.grade)
      .rows.find(
        (row) => row.status === 'compulsory' && coversRow(subjects, row.key) && !coversRow(except, row.key),
      )?.key ?? '';
  const students = documents.people.filter((person) => person.classId === schoolClass.id).slice(0, 4);
  const cells = (rowKey: string, level: 'T' | 'H'): SubjectCellWrite[] =>
    students.map((student) => ({
      place: {
        studentId: student.id,
        classId: schoolClass.id,
        schoolId: sample.school.id,
        schoolYear: sample.schoolYear,
        grade: schoolClass.grade,
        electives: [],
      },
      rowKey,
      period: 'CK1',
      field: 'level',
      value: level,
    }));
  return {
    schoolId: sample.school.id,
    homeroomLogin: loginOf(homeroomOf.teacherId),
    specialistLogin: loginOf(specialistOf.teacherId),
    /** The homeroom teacher's cells (a subject the English teacher does not teach) at a level. */
    homeroomCells: (level: 'T' | 'H') => cells(rowOf(homeroomOf.subjects, specialistOf.subjects), level),
    specialistCells: (level: 'T' | 'H') => cells(rowOf(specialistOf.subjects), level),
  };
}

describe("main's check of audit chains that sync brought", () => {
  let school: Awaited<ReturnType<typeof schoolOnServer>>;
  let homeroom: RemoteDesktop;
  let specialist: RemoteDesktop;

  it("vouches for the other desktop's chain its own sync pulled, on a desktop new to the school", async () => {
    school = await schoolOnServer();
    homeroom = await launcher.start({ serverUrl: server.url, login: school.homeroomLogin, password });
    desktops.push(homeroom);
    specialist = await launcher.start({ serverUrl: server.url, login: school.specialistLogin, password });
    desktops.push(specialist);
    for (const desktop of [homeroom, specialist]) {
      await desktop.startSync();
      await desktop.awaitInitialPull();
    }
    await homeroom.writeSubjectCells(school.homeroomCells('T'));
    await specialist.writeSubjectCells(school.specialistCells('H'));
    await homeroom.syncNow();
    await specialist.syncNow();
    await homeroom.syncNow();

    for (const [desktop, other] of [
      [homeroom, specialist],
      [specialist, homeroom],
    ] as const) {
      const answer = await checked(desktop);
      expect(problemsOf(answer)).toEqual([]);
      expect(answer.verdict).toBe('vouched');
      expect(verdictOf(answer, desktop.deviceId)).toBe('intact');
      expect(verdictOf(answer, other.deviceId)).toBe('vouched');
      expect(answer.findings.map((finding) => finding.message)).toContainEqual(
        expect.stringMatching(/khớp với bản máy này nhận từ máy chủ của Sở: từ sự kiện 1 đến sự kiện 4\.$/),
      );
    }
  });

  it('still finds what sync did not bring: a rewritten, lengthened or cut copy of the other chain', async () => {
    await specialist.stopSync();
    const other = homeroom.deviceId;

    await specialist.tamperChain(other, 'rehashLast');
    let answer = await checked(specialist);
    expect(verdictOf(answer, other)).toBe('rewritten');
    expect(problemsOf(answer).map((finding) => finding.kind)).toEqual(['differsFromServer']);

    await specialist.tamperChain(other, 'restoreLast');
    answer = await checked(specialist);
    expect(problemsOf(answer)).toEqual([]);

    await specialist.tamperChain(other, 'appendOne');
    answer = await checked(specialist);
    expect(verdictOf(answer, other)).toBe('unknownDevice');
    expect(problemsOf(answer).map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^Có 1 sự kiện của máy .* sau sự kiện 4 không đến từ máy chủ của Sở/),
    ]);

    await specialist.tamperChain(other, 'removeLast');
    await specialist.tamperChain(other, 'removeLast');
    answer = await checked(specialist);
    expect(verdictOf(answer, other)).toBe('truncated');
    expect(problemsOf(answer).map((finding) => finding.message)).toEqual([
      expect.stringMatching(/nhận từ máy chủ của Sở đến sự kiện 4, cơ sở dữ liệu chỉ còn đến 3\.$/),
    ]);
    // Each is kept in main's record of anomalies, not forgotten by the next check.
    expect(answer.anomalyCount).toBeGreaterThanOrEqual(3);
  });

  it('two accounts writing offline on one shared desktop each keep a chain of their own, and the server takes both', async () => {
    // The school's shared computer: the homeroom teacher, then the English teacher, each syncs
    // once, then works with the link down; each account's database numbers its own events.
    const shared = await launcher.start({ serverUrl: server.url, login: school.homeroomLogin, password });
    desktops.push(shared);
    await shared.startSync();
    await shared.awaitInitialPull();
    await shared.stopSync();
    await shared.writeSubjectCells(school.homeroomCells('H'));
    const english = await shared.switchAccount({ login: school.specialistLogin, password });
    await shared.startSync();
    await shared.awaitInitialPull();
    await shared.stopSync();
    await shared.writeSubjectCells(school.specialistCells('T'));

    // The link is back: each pushes its chain; nothing is refused, on either account.
    await shared.startSync();
    await shared.syncNow();
    const auditRefusals = async () =>
      (await shared.conflictLog()).filter((entry) => entry.collection === 'auditEvents');
    expect(await auditRefusals()).toEqual([]);
    await shared.switchAccount({ login: school.homeroomLogin, password });
    await shared.startSync();
    await shared.syncNow();
    expect(await auditRefusals()).toEqual([]);

    const { call } = await asAccount(server, samplePrincipalLogin, password);
    const { heads } = auditHeadsAnswerSchema.parse(
      await call('GET', `/schools/${encodeURIComponent(school.schoolId)}/audit/heads`),
    );
    const seqOf = (deviceId: string) => heads.find((head) => head.deviceId === deviceId)?.seq;
    expect(seqOf(shared.deviceId)).toBe(4);
    expect(seqOf(english.deviceId)).toBe(4);
    // Every event each of them wrote there is on the server, in its own chain: none taken over by
    // the other's events of the same number.
    const pulled = (await call(
      'GET',
      `/schools/${encodeURIComponent(school.schoolId)}/sync/auditEvents/pull?after=0&limit=5000`,
    )) as { documents: { deviceId: string; actor: string }[] };
    const writersOf = (deviceId: string) =>
      pulled.documents.filter((event) => event.deviceId === deviceId).map((event) => event.actor);
    expect(writersOf(shared.deviceId)).toEqual(Array(4).fill(`user:${school.homeroomLogin}`));
    expect(writersOf(english.deviceId)).toEqual(Array(4).fill(`user:${school.specialistLogin}`));
    // Two chains on one desktop, neither the other desktops' (those of the same teachers elsewhere).
    expect(english.deviceId).not.toBe(shared.deviceId);
    expect([homeroom.deviceId, specialist.deviceId]).not.toContain(shared.deviceId);
    // And main, on the shared desktop, finds the homeroom teacher's history whole.
    const answer = await checked(shared);
    expect(problemsOf(answer)).toEqual([]);
    expect(verdictOf(answer, shared.deviceId)).toBe('intact');
  });
});
