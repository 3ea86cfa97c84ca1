import { afterEach, describe, expect, it } from 'vitest';
import { sealAuditEvent, verifyAuditChain } from '../../../shared/audit/auditChain';
import { subjectResultIdOf } from '../../../shared/domain/evaluation/resultDocuments';
import {
  contextAs,
  databaseHarness,
  seededDatabase,
  testDeviceId,
} from '../../../tests/support/browserDatabase';
import type { HocbaDatabase } from '../database';
import { metaFor } from '../documentMeta';
import { auditedBulkInsert, auditedWriteMany } from '../writes/auditedWrite';
import { auditLockNameOf } from '../writes/auditLock';
import { writeSubjectCells, type StudentPlace } from '../writes/resultWrites';
import { auditEventIdOf } from '../collections/auditEventsCollection';
import { databaseKeyOf } from '../storage/databaseKeys';
import { JournalStore, journalDatabaseNameOf, journalKeyOf } from './journalStore';
import { applyJournal, journalOf } from './writeJournal';

// In real Chromium: the journal and RxDB share the browser's own IndexedDB.
const harness = databaseHarness();
afterEach(() => harness.cleanUp());

async function setUp() {
  const { database, school } = await seededDatabase(harness);
  const schoolClass = school.classes.find((candidate) => candidate.grade === 3);
  const homeroom = school.assignments.find((a) => a.classId === schoolClass?.id && a.homeroom);
  const students = school.students.filter((candidate) => candidate.classId === schoolClass?.id);
  if (!schoolClass || !homeroom || students.length < 2) throw new Error('sample school incomplete');
  const placeOf = (index: number): StudentPlace => {
    const student = students[index];
    if (!student) throw new Error('no such student');
    return {
      studentId: student.id,
      classId: schoolClass.id,
      schoolId: school.school.id,
      schoolYear: school.schoolYear,
      grade: 3,
      electives: student.electives,
    };
  };
  return { database, school, placeOf, teacher: contextAs(school, homeroom.teacherId) };
}

async function chainOf(database: HocbaDatabase) {
  const docs = await database.auditEvents
    .find({ selector: { deviceId: testDeviceId }, sort: [{ seq: 'asc' }] })
    .exec();
  return docs.map((doc) => doc.toMutableJSON());
}

/** Holds the device's audit lock until the returned release is called (what a busy writer does). */
async function holdAuditLock(): Promise<() => void> {
  return await holdLock(auditLockNameOf(testDeviceId));
}

/** Holds the journal's apply lock: nothing reaches RxDB from the journal until released. */
async function holdApplyLock(database: HocbaDatabase): Promise<() => void> {
  return await holdLock(`hocba-journal-apply:${database.name}`);
}

async function holdLock(name: string): Promise<() => void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await new Promise<void>((acquired) => {
    void navigator.locks.request(name, async () => {
      acquired();
      await held;
    });
  });
  return release;
}

describe('the write-ahead journal (a save is one IndexedDB transaction)', () => {
  it('holds a durable save, document and events together, before RxDB does, then hands both over', async () => {
    const { database, placeOf, teacher } = await setUp();
    const place = placeOf(0);
    const before = (await chainOf(database)).length;
    await writeSubjectCells(
      database,
      teacher,
      [{ place, rowKey: 'toan', period: 'CK1', field: 'level', value: 'H' }],
      'durable',
    );
    // Resolved at the journal's commit: hold the apply lock before the background apply takes it.
    const release = await holdApplyLock(database);
    const docId = subjectResultIdOf(place.studentId, 'toan', place.schoolYear);
    const journaled = await journalOf(database).snapshot();
    expect(journaled.documents.map((document) => [document.docId, document.state.CK1])).toEqual([
      [docId, expect.objectContaining({ level: 'H' })],
    ]);
    expect(journaled.entries.flatMap((entry) => entry.events.map((event) => event.field))).toEqual([
      'CK1.level',
    ]);
    expect((await chainOf(database)).length).toBe(before);
    release();

    await applyJournal(database, testDeviceId);
    expect(await journalOf(database).snapshot()).toEqual({ entries: [], documents: [] });
    const stored = await database.subjectResults.findOne(docId).exec();
    expect(stored?.CK1?.level).toBe('H');
    const chain = await chainOf(database);
    expect(chain.length).toBe(before + 1);
    expect(chain.at(-1)).toMatchObject({ docId, field: 'CK1.level', new: '"H"' });
    expect(verifyAuditChain(testDeviceId, chain)).toEqual([]);
  });

  it('builds each save on the one before it while RxDB has not caught up (no lost field)', async () => {
    const { database, placeOf, teacher } = await setUp();
    const place = placeOf(0);
    const release = await holdAuditLock();
    // Three saves in a row, before any apply (applies wait for a pause in the saving).
    const saves = Promise.all([
      writeSubjectCells(
        database,
        teacher,
        [{ place, rowKey: 'toan', period: 'CK1', field: 'level', value: 'H' }],
        'durable',
      ),
      writeSubjectCells(
        database,
        teacher,
        [{ place, rowKey: 'toan', period: 'CK1', field: 'score', value: 7 }],
        'durable',
      ),
      writeSubjectCells(
        database,
        teacher,
        [{ place, rowKey: 'toan', period: 'CK1', field: 'level', value: 'T' }],
        'durable',
      ),
    ]);
    release();
    await saves;
    await applyJournal(database, testDeviceId);
    const stored = await database.subjectResults
      .findOne(subjectResultIdOf(place.studentId, 'toan', place.schoolYear))
      .exec();
    expect(stored?.CK1).toMatchObject({ level: 'T', score: 7 });
    const chain = await chainOf(database);
    expect(chain.slice(-3).map((event) => [event.field, event.old, event.new])).toEqual([
      ['CK1.level', 'null', '"H"'],
      ['CK1.score', 'null', '7'],
      ['CK1.level', '"H"', '"T"'],
    ]);
    expect(verifyAuditChain(testDeviceId, chain)).toEqual([]);
  });

  it('notices another window saved meanwhile, reads the journal again, and continues its chain', async () => {
    const { database, placeOf, teacher } = await setUp();
    const place = placeOf(0);
    const docId = subjectResultIdOf(place.studentId, 'toan', place.schoolYear);
    const cell = (value: 'T' | 'H' | 'C') => [
      { place, rowKey: 'toan', period: 'GK2' as const, field: 'level' as const, value },
    ];
    // This page's belief (head, states) comes from its own save, already in RxDB (no apply queued).
    await writeSubjectCells(database, teacher, cell('H'), 'visible');
    const release = await holdAuditLock();
    // Another window (its own connection, its own memory) saves the same document.
    const other = await JournalStore.open(journalDatabaseNameOf(database.name), databaseKeyOf(database));
    const stored = (await database.subjectResults.findOne(docId).exec())?.toMutableJSON();
    await other.commit(testDeviceId, [journalKeyOf('subjectResults', docId)], (_states, head) => {
      if (!head || !stored) throw new Error('no head or document');
      const event = sealAuditEvent({
        deviceId: testDeviceId,
        seq: head.seq + 1,
        prevHash: head.hash,
        actor: teacher.actor.userId,
        at: new Date().toISOString(),
        collectionName: 'subjectResults',
        docId,
        field: 'GK2.comment',
        old: '""',
        new: '"Từ cửa sổ khác."',
        studentId: place.studentId,
        classId: place.classId,
        amendmentId: '',
      });
      return {
        documents: [
          {
            collectionName: 'subjectResults',
            docId,
            state: { ...stored, GK2: { ...stored.GK2, comment: 'Từ cửa sổ khác.' } },
          },
        ],
        events: [{ ...event, id: auditEventIdOf(testDeviceId, event.seq) }],
        head: { deviceId: testDeviceId, seq: event.seq, hash: event.hash },
      };
    });
    other.close();
    release();
    await writeSubjectCells(database, teacher, cell('T'), 'durable');
    await applyJournal(database, testDeviceId);
    const after = await database.subjectResults.findOne(docId).exec();
    // Built on the other window's state: its comment is kept, and the chain runs on after its event.
    expect(after?.GK2).toMatchObject({ level: 'T', comment: 'Từ cửa sổ khác.' });
    const chain = await chainOf(database);
    expect(chain.slice(-2).map((event) => event.field)).toEqual(['GK2.comment', 'GK2.level']);
    expect(verifyAuditChain(testDeviceId, chain)).toEqual([]);
  });

  it('reads again when the journal dropped applied states after this page last looked', async () => {
    const { database, placeOf, teacher } = await setUp();
    const place = placeOf(1);
    const docId = subjectResultIdOf(place.studentId, 'toan', place.schoolYear);
    const cell = (field: 'level' | 'comment', value: string) => [
      field === 'level'
        ? { place, rowKey: 'toan', period: 'CN' as const, field, value: value as 'T' }
        : { place, rowKey: 'toan', period: 'CN' as const, field, value },
    ];
    await writeSubjectCells(database, teacher, cell('level', 'H'), 'visible');
    const before = await journalOf(database).forgottenCount();
    // Another window applies and drops states (its own connection): the mark moves on.
    const other = await JournalStore.open(journalDatabaseNameOf(database.name), databaseKeyOf(database));
    const stored = (await database.subjectResults.findOne(docId).exec())?.toMutableJSON();
    if (!stored) throw new Error('not stored');
    await other.commit(testDeviceId, [], () => undefined);
    const snapshotWithOne = await (async () => {
      await other.commit(testDeviceId, [journalKeyOf('subjectResults', docId)], (_states, head) =>
        head ? { documents: [], events: [], head } : undefined,
      );
      return other.snapshot();
    })();
    expect((await other.forget(snapshotWithOne))?.forgotten).toBe(before + 1);
    other.close();
    // This page still believes the old version: its write-only save is refused and it reads again.
    await writeSubjectCells(database, teacher, cell('comment', 'Tiến bộ.'), 'visible');
    expect((await database.subjectResults.findOne(docId).exec())?.CN).toMatchObject({
      level: 'H',
      comment: 'Tiến bộ.',
    });
    expect(verifyAuditChain(testDeviceId, await chainOf(database))).toEqual([]);
  });

  it('keeps one chain and every document when a typist saves while a bulk insert runs', async () => {
    const { database, school, placeOf, teacher } = await setUp();
    const place = placeOf(0);
    const principal = school.staff.find((member) => member.role === 'principal')?.userId ?? '';
    // A year of results for the class's other students, inserted in bulk as the sample does.
    const { yearResultsByStudent } = await import('../../../shared/sample/generateYearResults');
    const docs = [...yearResultsByStudent(teacher.catalogue, school, 3)]
      .flatMap((student) => student.subjectResults)
      .filter((doc) => doc.studentId !== place.studentId)
      .slice(0, 1500)
      .map((doc) => ({ ...doc, ...metaFor(place.schoolId, place.schoolYear, principal, new Date()) }));
    await writeSubjectCells(
      database,
      teacher,
      [{ place, rowKey: 'toan', period: 'GK1', field: 'level', value: 'H' }],
      'durable',
    );
    const bulk = auditedBulkInsert(
      database,
      contextAs(school, principal),
      'subjectResults',
      docs.map((doc) => ({ doc: doc as never, studentId: doc.studentId, classId: doc.classId })),
    );
    const saves = Promise.all(
      (['T', 'C', 'H', 'T'] as const).map((value, index) =>
        writeSubjectCells(
          database,
          teacher,
          [{ place, rowKey: index % 2 === 0 ? 'toan' : 'tieng-viet', period: 'CK1', field: 'level', value }],
          'durable',
        ),
      ),
    );
    await Promise.all([bulk, saves]);
    await applyJournal(database, testDeviceId);
    const chain = await chainOf(database);
    expect(verifyAuditChain(testDeviceId, chain)).toEqual([]);
    expect(
      chain.filter((event) => event.field === '*' && event.collectionName === 'subjectResults').length,
    ).toBeGreaterThanOrEqual(docs.length);
    const toan = await database.subjectResults
      .findOne(subjectResultIdOf(place.studentId, 'toan', place.schoolYear))
      .exec();
    expect(toan?.CK1?.level).toBe('H');
    expect(await database.subjectResults.count().exec()).toBeGreaterThanOrEqual(docs.length + 2);
  });

  it('after a crash before the journal reached RxDB, applies it when the database opens again', async () => {
    const { database, placeOf, teacher } = await setUp();
    const place = placeOf(1);
    const before = (await chainOf(database)).length;
    await writeSubjectCells(
      database,
      teacher,
      [{ place, rowKey: 'tieng-viet', period: 'GK1', field: 'level', value: 'C' }],
      'durable',
    );
    // The page "dies" here: nothing may apply the journal (the apply lock is ours) before it is gone.
    const release = await holdApplyLock(database);
    const name = database.name;
    await database.close();
    release();
    const reopened = await harness.open(name);
    expect(await journalOf(reopened).snapshot()).toEqual({ entries: [], documents: [] });
    const stored = await reopened.subjectResults
      .findOne(subjectResultIdOf(place.studentId, 'tieng-viet', place.schoolYear))
      .exec();
    expect(stored?.GK1?.level).toBe('C');
    const chain = await chainOf(reopened);
    expect(chain.length).toBe(before + 1);
    expect(verifyAuditChain(testDeviceId, chain)).toEqual([]);
  });

  it('applies again without duplicating anything when a crash cut an apply short', async () => {
    const { database, placeOf, teacher } = await setUp();
    const place = placeOf(1);
    const before = (await chainOf(database)).length;
    await writeSubjectCells(
      database,
      teacher,
      [
        { place, rowKey: 'toan', period: 'GK1', field: 'level', value: 'T' },
        { place, rowKey: 'toan', period: 'GK1', field: 'comment', value: 'Tính nhẩm nhanh.' },
      ],
      'durable',
    );
    const release = await holdApplyLock(database);
    // The events reached RxDB, then the page died before the documents and the clean-up.
    const { entries } = await journalOf(database).snapshot();
    await database.auditEvents.bulkInsert(entries.flatMap((entry) => [...entry.events]));
    const name = database.name;
    await database.close();
    release();
    const reopened = await harness.open(name);
    const chain = await chainOf(reopened);
    expect(chain.length).toBe(before + 2);
    expect(verifyAuditChain(testDeviceId, chain)).toEqual([]);
    const stored = await reopened.subjectResults
      .findOne(subjectResultIdOf(place.studentId, 'toan', place.schoolYear))
      .exec();
    expect(stored?.GK1).toMatchObject({ level: 'T', comment: 'Tính nhẩm nhanh.' });
  });

  it('never marks saved what RxDB would refuse: a state that breaks the schema is refused at commit', async () => {
    const { database, school, teacher } = await setUp();
    const schoolClass = school.classes[0];
    if (!schoolClass) throw new Error('no class');
    const before = (await chainOf(database)).length;
    const write = auditedWriteMany(
      database,
      teacher,
      'classes',
      [
        {
          target: { docId: schoolClass.id, studentId: '', classId: schoolClass.id, blank: {} as never },
          build: (current) => ({ ...current, grade: 9 as never }),
        },
      ],
      'durable',
    );
    await expect(write).rejects.toThrow(/breaks its schema/);
    expect(await journalOf(database).snapshot()).toEqual({ entries: [], documents: [] });
    expect((await chainOf(database)).length).toBe(before);
    expect((await database.classes.findOne(schoolClass.id).exec())?.grade).toBe(schoolClass.grade);
  });

  it('puts journaled saves before a bulk insert in the chain, and the insert sees them', async () => {
    const { database, school, placeOf, teacher } = await setUp();
    const place = placeOf(0);
    await writeSubjectCells(
      database,
      teacher,
      [{ place, rowKey: 'toan', period: 'CN', field: 'level', value: 'T' }],
      'durable',
    );
    const docId = subjectResultIdOf(place.studentId, 'toan', place.schoolYear);
    const principal = school.staff.find((member) => member.role === 'principal')?.userId ?? '';
    const bulk = (await database.subjectResults.findOne(docId).exec())?.toMutableJSON() ?? {
      ...(await journalOf(database).snapshot()).documents[0]?.state,
    };
    // The same document again: refused as existing (it is, once the journal is applied first)...
    await expect(
      auditedBulkInsert(database, contextAs(school, principal), 'subjectResults', [
        { doc: bulk as never, studentId: place.studentId, classId: place.classId },
      ]),
    ).rejects.toThrow(/already exist/);
    // ...and left alone when the caller says existing documents are expected.
    await auditedBulkInsert(
      database,
      contextAs(school, principal),
      'subjectResults',
      [{ doc: bulk as never, studentId: place.studentId, classId: place.classId }],
      { skipExisting: true },
    );
    expect((await database.subjectResults.findOne(docId).exec())?.CN?.level).toBe('T');
    expect(verifyAuditChain(testDeviceId, await chainOf(database))).toEqual([]);
  });
});
