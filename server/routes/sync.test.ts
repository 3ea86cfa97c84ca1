import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import { coversRow } from '../../shared/domain/assignment';
import type { ClassId, UserId } from '../../shared/domain/ids';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../shared/sample/generateYearResults';
import { sampleSchoolDocuments } from '../../shared/sample/sampleDocuments';
import {
  auditHeadsAnswerSchema,
  pullAnswerSchema,
  pushAnswerSchema,
  type PushConflict,
  type SyncedCollection,
  type WireDocument,
} from '../../shared/sync/syncWire';
import { genesisHash, sealAuditEvent, type AuditEvent } from '../../shared/audit/auditChain';
import { auditEventIdOf } from '../../shared/documents/auditEvents/auditEvents';
import { provisionSchool } from '../services/provisioning';
import { serverStrings } from '../strings';
import {
  call,
  defaultPassword,
  encode,
  expectRefusal,
  signIn,
  startHarness,
  type Harness,
} from '../testing/harness';
import { testEngine } from '../testing/testDatabase';

/**
 * Sync on the server: pull by the server's checkpoint, push judged row by row by the shared write
 * rules with the assignments the server holds. The school is the sample school (its documents
 * are what the desktop writes); its staff have server accounts and its classes and assignments
 * are set up through the API, as a principal's desktop does.
 */
const sample = generateSampleSchool({ seed: 23, students: 60 });
const documents = sampleSchoolDocuments(
  sample,
  generateYearResults(defaultCompiledCatalogue(), sample, 23),
  'user:hieutruong',
  new Date('2026-09-05T01:00:00.000Z'),
);
const schoolId = sample.school.id;
const schoolPath = `/api/v1/schools/${encode(schoolId)}`;

/** Two classes: X, where the cases write, and Y, whose homeroom teacher is "another class's". */
const [classX, classY] = sample.classes;
if (!classX || !classY) throw new Error('the sample school needs two classes');
const homeroomOf = (classId: ClassId): UserId => {
  const found = sample.assignments.find((a) => a.classId === classId && a.homeroom);
  if (!found) throw new Error(`no homeroom teacher for ${classId}`);
  return found.teacherId;
};
const specialistOfX = sample.assignments.find(
  (a) => a.classId === classX.id && !a.homeroom && a.subjects.length > 0,
);
if (!specialistOfX) throw new Error('class X needs a subject teacher');
const loginOf = (userId: UserId) => userId.slice('user:'.length);

const writers = {
  principal: 'user:hieutruong' as UserId,
  vicePrincipal: 'user:phohieutruong' as UserId,
  homeroomX: homeroomOf(classX.id),
  specialistX: specialistOfX.teacherId,
  homeroomY: homeroomOf(classY.id),
};
type WriterName = keyof typeof writers;
const writerNames = Object.keys(writers) as WriterName[];

const studentX = documents.people.find((person) => person.classId === classX.id);
if (!studentX) throw new Error('class X has no student');
const specialistRow = documents.subjectResults.find(
  (result) => result.studentId === studentX.id && coversRow(specialistOfX.subjects, result.rowKey),
);
const homeroomAssignment = sample.assignments.find((a) => a.classId === classX.id && a.homeroom);
const homeroomRow = documents.subjectResults.find(
  (result) =>
    result.studentId === studentX.id &&
    homeroomAssignment !== undefined &&
    coversRow(homeroomAssignment.subjects, result.rowKey) &&
    !coversRow(specialistOfX.subjects, result.rowKey),
);
const characterX = documents.characterResults.find((result) => result.studentId === studentX.id);
const assignmentX = documents.assignments.find((a) => a.classId === classX.id);
const classDocX = documents.classes.find((doc) => doc.id === classX.id);
if (!specialistRow || !homeroomRow || !characterX || !assignmentX || !classDocX)
  throw new Error('sample documents incomplete');

/**
 * Who may write what, from the issue and architecture.md (one writer role per document kind),
 * written out here and not computed by the rules under test.
 */
const cases: readonly {
  readonly collection: SyncedCollection;
  readonly what: string;
  readonly doc: Record<string, unknown> & { readonly id: string };
  readonly allowed: readonly WriterName[];
}[] = [
  {
    collection: 'schools',
    what: 'the school',
    doc: documents.school,
    allowed: ['principal', 'vicePrincipal'],
  },
  {
    collection: 'classes',
    what: 'class X',
    doc: classDocX,
    allowed: ['principal', 'vicePrincipal'],
  },
  {
    collection: 'assignments',
    what: 'an assignment of X',
    doc: assignmentX,
    allowed: ['principal', 'vicePrincipal'],
  },
  {
    collection: 'people',
    what: 'a student of X',
    doc: studentX,
    allowed: ['principal', 'vicePrincipal', 'homeroomX'],
  },
  {
    collection: 'subjectResults',
    what: "the subject teacher's row in X",
    doc: specialistRow,
    allowed: ['specialistX'],
  },
  {
    collection: 'subjectResults',
    what: "the homeroom teacher's row in X",
    doc: homeroomRow,
    allowed: ['homeroomX'],
  },
  {
    collection: 'characterResults',
    what: 'qualities and competencies in X',
    doc: characterX,
    allowed: ['homeroomX'],
  },
];

describe(`sync: pull by checkpoint, push judged by the shared rules (${testEngine})`, () => {
  let h: Harness;
  const tokens = new Map<WriterName, string>();
  /** What the server holds, as the cases left it. */
  const masters = new Map<string, WireDocument>();
  let minute = 0;

  const push = (token: string, collection: SyncedCollection, rows: unknown[], path = schoolPath) =>
    call(h.app, { method: 'POST', url: `${path}/sync/${collection}/push`, token, body: { rows } });
  const pull = async (token: string, collection: SyncedCollection, after: number, limit = 1000) => {
    const response = await call(h.app, {
      method: 'GET',
      url: `${schoolPath}/sync/${collection}/pull?after=${String(after)}&limit=${String(limit)}`,
      token,
    });
    expect(response.statusCode, response.body).toBe(200);
    return pullAnswerSchema.parse(response.json());
  };
  const conflictsOf = (response: Awaited<ReturnType<typeof push>>): PushConflict[] => {
    expect(response.statusCode, response.body).toBe(200);
    return pushAnswerSchema.parse(response.json()).conflicts;
  };
  /** The document as `writer` saves it now: stamped as them, at a new time. */
  const savedBy = (writer: WriterName, doc: Record<string, unknown> & { id: string }): WireDocument => {
    minute += 1;
    return {
      ...doc,
      updatedBy: writers[writer],
      updatedAt: new Date(Date.UTC(2026, 8, 6, 0, minute)).toISOString(),
      _deleted: false,
    };
  };
  const storedRows = async () =>
    JSON.stringify(await h.db.query('select * from synced_documents order by school_id, collection, doc_id'));

  beforeAll(async () => {
    h = await startHarness();
    const staff = sample.staff.filter((member) => member.role !== 'principal');
    await provisionSchool(h.ctx, {
      school: { code: sample.school.code, name: sample.school.name, district: 'Huyện' },
      principal: { login: 'hieutruong', fullName: 'Hiệu trưởng', password: defaultPassword },
      staff: staff.map((member) => ({
        login: member.login,
        fullName: member.fullName,
        role: member.role,
        password: defaultPassword,
      })),
    });
    await provisionSchool(h.ctx, {
      school: { code: 'B0000001', name: 'Trường khác', district: 'Huyện' },
      principal: { login: 'ht.khac', fullName: 'Hiệu trưởng khác', password: defaultPassword },
    });
    const principal = (await signIn(h.app, 'hieutruong')).accessToken;
    for (const schoolClass of sample.classes) {
      const created = await call(h.app, {
        method: 'POST',
        url: `${schoolPath}/classes`,
        token: principal,
        body: { schoolYear: sample.schoolYear, grade: schoolClass.grade, name: schoolClass.name },
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    for (const assignment of sample.assignments) {
      const put = await call(h.app, {
        method: 'PUT',
        url: `${schoolPath}/classes/${encode(assignment.classId)}/assignments/${encode(assignment.teacherId)}`,
        token: principal,
        body: { homeroom: assignment.homeroom, subjects: assignment.subjects },
      });
      expect(put.statusCode, put.body).toBe(200);
    }
    for (const name of writerNames)
      tokens.set(name, (await signIn(h.app, loginOf(writers[name]))).accessToken);
  });
  afterAll(async () => h.close());

  const token = (name: WriterName): string => {
    const found = tokens.get(name);
    if (found === undefined) throw new Error(`no token for ${name}`);
    return found;
  };

  for (const c of cases)
    for (const writer of writerNames) {
      const verdict = c.allowed.includes(writer) ? 'taken' : 'refused';
      it(`${c.collection}: ${c.what} written by ${writer} is ${verdict}`, async () => {
        const before = await storedRows();
        const assumed = masters.get(c.doc.id) ?? null;
        const pushed = savedBy(writer, c.doc);
        const conflicts = conflictsOf(
          await push(token(writer), c.collection, [
            { assumedMasterState: assumed, newDocumentState: pushed },
          ]),
        );
        if (verdict === 'taken') {
          expect(conflicts).toEqual([]);
          masters.set(c.doc.id, pushed);
        } else {
          expect(conflicts).toEqual([
            { id: c.doc.id, master: assumed, code: 'refused', reason: expect.any(String) as string },
          ]);
          expect(conflicts[0]?.reason).toMatch(/[À-ỹ]/);
          expect(await storedRows()).toBe(before);
        }
      });
    }

  it('pulls what was taken, in order, page by page, and nothing twice', async () => {
    const principal = token('principal');
    const first = await pull(principal, 'subjectResults', 0, 1);
    expect(first.documents).toHaveLength(1);
    const rest = await pull(principal, 'subjectResults', first.checkpoint.seq);
    const ids = [...first.documents, ...rest.documents].map((doc) => doc.id).sort();
    expect(ids).toEqual([specialistRow.id, homeroomRow.id].sort());
    for (const doc of [...first.documents, ...rest.documents]) expect(doc).toEqual(masters.get(doc.id));
    const after = await pull(principal, 'subjectResults', rest.checkpoint.seq);
    expect(after).toEqual({ documents: [], checkpoint: rest.checkpoint });
  });

  it('takes a push repeated after a lost answer once, with no false conflict', async () => {
    const rows = documents.subjectResults
      .filter((result) => result.classId === classX.id && coversRow(specialistOfX.subjects, result.rowKey))
      .filter((result) => !masters.has(result.id))
      .slice(0, 20)
      .map((result) => ({ assumedMasterState: null, newDocumentState: savedBy('specialistX', result) }));
    const { checkpoint } = await pull(token('specialistX'), 'subjectResults', 0);
    expect(conflictsOf(await push(token('specialistX'), 'subjectResults', rows))).toEqual([]);
    const stored = await storedRows();
    expect(conflictsOf(await push(token('specialistX'), 'subjectResults', rows))).toEqual([]);
    expect(await storedRows()).toBe(stored);
    const pulled = await pull(token('homeroomX'), 'subjectResults', checkpoint.seq);
    expect(pulled.documents.map((doc) => doc.id).sort()).toEqual(
      rows.map((row) => row.newDocumentState.id).sort(),
    );
    for (const row of rows) masters.set(row.newDocumentState.id, row.newDocumentState);
  });

  it('answers a change made from an outdated state with the server’s state, and keeps the server’s', async () => {
    const master = masters.get(specialistRow.id);
    if (!master) throw new Error('the subject row was not stored');
    const fromOld = { ...savedBy('specialistX', specialistRow), GK1: null };
    const newer = savedBy('specialistX', specialistRow);
    expect(
      conflictsOf(
        await push(token('specialistX'), 'subjectResults', [
          { assumedMasterState: master, newDocumentState: newer },
        ]),
      ),
    ).toEqual([]);
    const conflicts = conflictsOf(
      await push(token('specialistX'), 'subjectResults', [
        { assumedMasterState: master, newDocumentState: fromOld },
      ]),
    );
    expect(conflicts).toEqual([
      { id: specialistRow.id, master: newer, code: 'conflict', reason: expect.any(String) as string },
    ]);
    masters.set(specialistRow.id, newer);
  });

  it('refuses a document of another school, an invalid one, and a push to another school, changing nothing', async () => {
    const before = await storedRows();
    const forged = { ...savedBy('homeroomX', characterX), schoolId: 'school:B0000001' };
    const invalid = { ...savedBy('homeroomX', characterX), fullName: 'không có trường này' };
    const conflicts = conflictsOf(
      await push(token('homeroomX'), 'characterResults', [
        { assumedMasterState: masters.get(characterX.id) ?? null, newDocumentState: forged },
        { assumedMasterState: masters.get(characterX.id) ?? null, newDocumentState: invalid },
      ]),
    );
    expect(conflicts.map((conflict) => conflict.code)).toEqual(['otherSchool', 'invalid']);
    expectRefusal(
      await push(token('principal'), 'classes', [], `/api/v1/schools/${encode('school:B0000001')}`),
      403,
    );
    expectRefusal(await push(token('principal'), 'people', [{ newDocumentState: { id: 'x' } }]), 400);
    expectRefusal(
      await call(h.app, {
        method: 'POST',
        url: `${schoolPath}/sync/khongco/push`,
        token: token('principal'),
        body: { rows: [] },
      }),
      400,
    );
    const tiny = { assumedMasterState: null, newDocumentState: { id: 'x', _deleted: false } };
    expectRefusal(
      await push(
        token('principal'),
        'people',
        Array.from({ length: 5001 }, () => tiny),
      ),
      400,
    );
    const huge = {
      ...tiny,
      newDocumentState: { id: 'x', _deleted: false, note: 'x'.repeat(17 * 1024 * 1024) },
    };
    expectRefusal(await push(token('principal'), 'people', [huge]), 413);
    expect(await storedRows()).toBe(before);
  });

  it('never skips a row committed while someone pulls (writers of one school at once)', async () => {
    const principal = token('principal');
    const { checkpoint: start } = await pull(principal, 'people', 0);
    const students = documents.people.filter((person) => !masters.has(person.id)).slice(0, 48);
    const batches = Array.from({ length: 12 }, (_, index) => students.slice(index * 4, index * 4 + 4));
    const seen: string[] = [];
    let checkpoint = start.seq;
    let writing = true;
    const puller = (async () => {
      while (writing) {
        const page = await pull(principal, 'people', checkpoint, 3);
        seen.push(...page.documents.map((doc) => doc.id));
        checkpoint = page.checkpoint.seq;
        // An in-process pull can finish in microtasks alone; a real one waits on the network.
        // Let the pushes' I/O run between pulls (a yield, not a timer).
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    })();
    try {
      await Promise.all(
        batches.map(async (batch) =>
          expect(
            conflictsOf(
              await push(
                principal,
                'people',
                batch.map((person) => ({
                  assumedMasterState: null,
                  newDocumentState: savedBy('principal', person),
                })),
              ),
            ),
          ).toEqual([]),
        ),
      );
    } finally {
      writing = false;
      await puller;
    }
    for (;;) {
      const page = await pull(principal, 'people', checkpoint);
      if (page.documents.length === 0) break;
      seen.push(...page.documents.map((doc) => doc.id));
      checkpoint = page.checkpoint.seq;
    }
    expect(seen.sort()).toEqual(students.map((person) => person.id).sort());
  });

  it('pages by the number the server stored each row under, not its text (…, 9, 10, …): no row skipped', async () => {
    const principal = token('principal');
    // The school's people, stored by now under numbers from below ten to past it.
    const everything = await pull(principal, 'people', 0, 5000);
    expect(everything.checkpoint.seq).toBeGreaterThan(10);
    for (const limit of [3, 7]) {
      const seen: string[] = [];
      let checkpoint = 0;
      for (;;) {
        const page = await pull(principal, 'people', checkpoint, limit);
        if (page.documents.length === 0) break;
        expect(page.checkpoint.seq).toBeGreaterThan(checkpoint);
        seen.push(...page.documents.map((doc) => doc.id));
        checkpoint = page.checkpoint.seq;
      }
      expect(seen).toEqual(everything.documents.map((doc) => doc.id));
    }
  });

  describe("audit events: each device's chain, continued only from the head the server holds", () => {
    const deviceId = 'device-0a1b2c3d';
    /** A chain of `count` events by `actor`, as the desktop's audited writes make them. */
    const chainOf = (count: number, actor: UserId, from = 1, prevHash = genesisHash) => {
      const events: AuditEvent[] = [];
      let previous = prevHash;
      for (let seq = from; seq < from + count; seq += 1) {
        const event = sealAuditEvent({
          deviceId,
          seq,
          prevHash: previous,
          actor,
          at: new Date(Date.UTC(2026, 8, 7, 0, seq)).toISOString(),
          collectionName: 'characterResults',
          docId: characterX.id,
          field: 'comment',
          old: JSON.stringify(`nhận xét ${String(seq - 1)}`),
          new: JSON.stringify(`nhận xét ${String(seq)}`),
          studentId: characterX.studentId,
          classId: characterX.classId,
          amendmentId: '',
        });
        events.push(event);
        previous = event.hash;
      }
      return events;
    };
    const rowsOf = (events: readonly AuditEvent[]) =>
      events.map((event) => ({
        assumedMasterState: null,
        newDocumentState: { ...event, id: auditEventIdOf(event.deviceId, event.seq), _deleted: false },
      }));
    const pushEvents = async (events: readonly AuditEvent[]) =>
      conflictsOf(await push(token('homeroomX'), 'auditEvents', rowsOf(events)));
    const first = chainOf(5, writers.homeroomX);
    const auditRows = async () =>
      JSON.stringify(await h.db.query('select * from audit_events order by 1, 2, 3'));

    it('takes a chain from its start, pulls it back, and tells its head', async () => {
      expect(await pushEvents(first)).toEqual([]);
      const pulled = await pull(token('principal'), 'auditEvents', 0);
      expect(pulled.documents.map((doc) => doc.id)).toEqual(
        first.map((event) => auditEventIdOf(deviceId, event.seq)),
      );
      expect(pulled.documents[4]).toEqual(rowsOf(first)[4]?.newDocumentState);
      const heads = await call(h.app, {
        method: 'GET',
        url: `${schoolPath}/audit/heads`,
        token: token('specialistX'),
      });
      expect(auditHeadsAnswerSchema.parse(heads.json()).heads).toEqual([
        { deviceId, seq: 5, hash: first[4]?.hash },
      ]);
    });

    it('takes the same events again as a retry, storing nothing twice', async () => {
      const before = await auditRows();
      expect(await pushEvents(first)).toEqual([]);
      expect(await auditRows()).toBe(before);
    });

    it('refuses a gap, a broken link, a forged hash, another actor, a rewrite and a deletion, changing nothing', async () => {
      const before = await auditRows();
      const head = first[4];
      if (!head) throw new Error('no head');
      const next = chainOf(2, writers.homeroomX, 6, head.hash);
      const reasons = async (events: readonly AuditEvent[]) =>
        (await pushEvents(events)).map((conflict) => [conflict.code, conflict.reason]);
      // Truncated: event 6 left out.
      expect(await reasons(next.slice(1))).toEqual([['refused', serverStrings.auditGap(6, 7)]]);
      // Pointing elsewhere than the head (a replayed chain of another history), then what follows it.
      const relinked = chainOf(2, writers.homeroomX, 6, first[2]?.hash);
      expect(await reasons(relinked)).toEqual([
        ['refused', serverStrings.auditBrokenLink(6)],
        ['refused', serverStrings.auditAfterBreak(7)],
      ]);
      // Its content changed after it was hashed.
      const [six] = next;
      if (!six) throw new Error('no event 6');
      expect(await reasons([{ ...six, new: JSON.stringify('sửa lén') }])).toEqual([
        ['refused', serverStrings.auditBadHash(6)],
      ]);
      // Written in someone else's name.
      const forged = chainOf(1, writers.principal, 6, head.hash);
      expect((await pushEvents(forged))[0]?.code).toBe('refused');
      // History rewritten: event 3 again, different, with a hash of its own that checks out.
      const third = first[2];
      if (!third) throw new Error('no event 3');
      const rewritten = sealAuditEvent({ ...third, new: JSON.stringify('khác') });
      const rewrite = await pushEvents([rewritten]);
      expect(rewrite).toEqual([
        {
          id: auditEventIdOf(deviceId, 3),
          master: rowsOf(first)[2]?.newDocumentState,
          code: 'refused',
          reason: serverStrings.auditRewrite(3),
        },
      ]);
      // Deleted.
      const deletion = conflictsOf(
        await push(token('homeroomX'), 'auditEvents', [
          {
            assumedMasterState: null,
            newDocumentState: { ...rowsOf(first)[0]?.newDocumentState, _deleted: true },
          },
        ]),
      );
      expect(deletion.map((conflict) => conflict.reason)).toEqual([serverStrings.auditAppendOnly]);
      expect(await auditRows()).toBe(before);
      // The right continuation is taken.
      expect(await pushEvents(next)).toEqual([]);
    });

    it('tells the head of a chain past nine events (numbers, not text: 10 comes after 9)', async () => {
      const longDevice = 'device-5e6f7a8b';
      const events = chainOf(12, writers.homeroomX).map((event) => event);
      let previous = genesisHash;
      const chain = events.map((event) => {
        const sealed = sealAuditEvent({ ...event, deviceId: longDevice, prevHash: previous });
        previous = sealed.hash;
        return sealed;
      });
      expect(await pushEvents(chain.slice(0, 9))).toEqual([]);
      expect(await pushEvents(chain.slice(9))).toEqual([]);
      const heads = await call(h.app, {
        method: 'GET',
        url: `${schoolPath}/audit/heads`,
        token: token('principal'),
      });
      expect(auditHeadsAnswerSchema.parse(heads.json()).heads).toContainEqual({
        deviceId: longDevice,
        seq: 12,
        hash: chain[11]?.hash,
      });
      // The next event continues from 12; a retry of 10–12 stores nothing twice.
      expect(await pushEvents(chain.slice(9))).toEqual([]);
      // Pulled two at a time, every event comes back once, in the order stored.
      const all = await pull(token('principal'), 'auditEvents', 0, 5000);
      const seen: string[] = [];
      let checkpoint = 0;
      for (;;) {
        const page = await pull(token('principal'), 'auditEvents', checkpoint, 2);
        if (page.documents.length === 0) break;
        seen.push(...page.documents.map((doc) => doc.id));
        checkpoint = page.checkpoint.seq;
      }
      expect(all.documents.length).toBeGreaterThan(12);
      expect(seen).toEqual(all.documents.map((doc) => doc.id));
    });
  });

  describe('compressed for weak links', () => {
    const gzipHeaders = { 'content-type': 'application/json', 'content-encoding': 'gzip' };

    it('gzips a pull answer for a client that accepts it, to the same documents', async () => {
      const url = `${schoolPath}/sync/subjectResults/pull?after=0&limit=1000`;
      const plain = await call(h.app, { method: 'GET', url, token: token('principal') });
      const zipped = await call(h.app, {
        method: 'GET',
        url,
        token: token('principal'),
        headers: { 'accept-encoding': 'gzip, deflate' },
      });
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(plain.headers['content-encoding']).toBeUndefined();
      const inflated = gunzipSync(zipped.rawPayload).toString('utf8');
      expect(JSON.parse(inflated)).toEqual(plain.json());
      expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    });

    it('takes a gzipped push, and refuses one that inflates past the limit, a corrupt one and another encoding', async () => {
      const rows = documents.people
        .filter((person) => !masters.has(person.id))
        .slice(-3)
        .map((person) => ({ assumedMasterState: null, newDocumentState: savedBy('principal', person) }));
      const taken = await call(h.app, {
        method: 'POST',
        url: `${schoolPath}/sync/people/push`,
        token: token('principal'),
        headers: gzipHeaders,
        body: gzipSync(JSON.stringify({ rows })),
      });
      expect(conflictsOf(taken)).toEqual([]);

      const before = await storedRows();
      // 64 MiB of one character: about 64 KiB gzipped, far past the 16 MiB a push may inflate to.
      const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
      expect(bomb.length).toBeLessThan(200 * 1024);
      const refusedWith = async (headers: Record<string, string>, body: Buffer, status: number) =>
        expectRefusal(
          await call(h.app, {
            method: 'POST',
            url: `${schoolPath}/sync/people/push`,
            token: token('principal'),
            headers,
            body,
          }),
          status,
        );
      await refusedWith(gzipHeaders, bomb, 413);
      await refusedWith(gzipHeaders, Buffer.from('không phải gzip'), 400);
      await refusedWith({ ...gzipHeaders, 'content-encoding': 'br' }, gzipSync('{"rows":[]}'), 415);
      expect(await storedRows()).toBe(before);
    });
  });
});
