import { createRxDatabase } from 'rxdb';
import { afterEach, describe, expect, it } from 'vitest';
import { peopleV4Json, type PersonDocV4 } from '../../../shared/documents/people/peopleV4';
import {
  subjectResultsV0Json,
  type SubjectResultDocV0,
} from '../../../shared/documents/subjectResults/subjectResultsV0';
import { generateSampleSchool } from '../../../shared/sample/generateSampleSchool';
import { databaseHarness, seededDatabase } from '../../../tests/support/browserDatabase';
import { rxSchemaOf } from '../collections/rxSchemaOf';
import { defaultStorage, openHocbaDatabase } from '../database';
import { sampleSchoolDocuments } from '../../../shared/sample/sampleDocuments';
import { databaseKeyOf, SealBroken } from './fieldSeal';
import { sealedFieldsProperty } from './sealedFieldsStorage';

// Real Chromium IndexedDB, read underneath RxDB the way someone with the desktop's disk would.
const harness = databaseHarness();
afterEach(() => harness.cleanUp());

const randomKey = () => databaseKeyOf(crypto.getRandomValues(new Uint8Array(32)));

type RawDoc = Record<string, unknown>;

function idbOpen(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

/** The documents of one collection as Dexie stores them (`rxdb-dexie-<db>--<version>--<collection>`). */
async function rawDocs(database: string, collection: string, version: number): Promise<RawDoc[]> {
  const idb = await idbOpen(`rxdb-dexie-${database}--${String(version)}--${collection}`);
  try {
    const request = idb.transaction('docs', 'readonly').objectStore('docs').getAll();
    return await new Promise<RawDoc[]>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result as RawDoc[]);
      request.onerror = () => reject(request.error ?? new Error('read failed'));
    });
  } finally {
    idb.close();
  }
}

async function putRaw(database: string, collection: string, version: number, doc: RawDoc): Promise<void> {
  const idb = await idbOpen(`rxdb-dexie-${database}--${String(version)}--${collection}`);
  try {
    const transaction = idb.transaction('docs', 'readwrite');
    transaction.objectStore('docs').put(doc);
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error('write failed'));
    });
  } finally {
    idb.close();
  }
}

describe("children's data is sealed in the local database", () => {
  it('keeps names, personal IDs, addresses and audit values only as ciphertext, and reads them back', async () => {
    const { database, school } = await seededDatabase(harness, 20);
    const student = school.students[0];
    if (!student) throw new Error('no student');
    const people = await rawDocs(database.name, 'people', 5);
    expect(people).toHaveLength(20);
    const everything = JSON.stringify([
      people,
      await rawDocs(database.name, 'auditEvents', 1),
      await rawDocs(database.name, 'subjectResults', 1),
    ]);
    for (const person of school.students) {
      expect(everything).not.toContain(person.fullName);
      expect(everything).not.toContain(person.address);
      if (person.personalId !== '') expect(everything).not.toContain(person.personalId);
    }
    const stored = people.find((doc) => doc.id === student.id);
    expect(stored?.fullName).toBeUndefined();
    expect(stored?.classId).toBe(student.classId);
    expect(String(stored?.[sealedFieldsProperty])).toMatch(/^hs1\./);
    // Through RxDB, with the key: the same student, whole.
    const read = await database.people.findOne(student.id).exec();
    expect(read?.fullName).toBe(student.fullName);
    expect(read?.address).toBe(student.address);
    // Looked up by class (an open field), as every screen does.
    const inClass = await database.people.find({ selector: { classId: student.classId } }).exec();
    expect(inClass.map((doc) => doc.id)).toContain(student.id);
  });

  it('opens nothing with another key: another account cannot read this one’s database', async () => {
    const { database, school } = await seededDatabase(harness, 5);
    const name = database.name;
    await database.close();
    const stranger = await openHocbaDatabase({ name, key: randomKey() });
    try {
      await expect(stranger.people.findOne(school.students[0]?.id ?? '').exec()).rejects.toThrow(
        /does not open/,
      );
    } finally {
      await stranger.close();
    }
  });

  it('refuses sealed data moved onto another document (one child’s record put under another’s id)', async () => {
    const { database, school } = await seededDatabase(harness, 5);
    const [first, second] = school.students;
    if (!first || !second) throw new Error('two students needed');
    const name = database.name;
    await database.close();
    const people = await rawDocs(name, 'people', 5);
    const sealedOfFirst = people.find((doc) => doc.id === first.id)?.[sealedFieldsProperty];
    const secondDoc = people.find((doc) => doc.id === second.id);
    if (secondDoc === undefined) throw new Error('not stored');
    await putRaw(name, 'people', 5, { ...secondDoc, [sealedFieldsProperty]: sealedOfFirst });
    const again = await harness.open(name);
    await expect(again.people.findOne(second.id).exec()).rejects.toThrow(/does not open/);
    expect((await again.people.findOne(first.id).exec())?.fullName).toBe(first.fullName);
  });

  it('seals a database written before sealing as it migrates (people v4, subject results v0)', async () => {
    const sample = generateSampleSchool({ seed: 5, students: 6 });
    const principal = sample.staff.find((member) => member.role === 'principal')?.userId ?? '';
    const { people } = sampleSchoolDocuments(sample, undefined, principal, new Date('2025-09-05T01:00:00Z'));
    const name = `test-sealing-${Date.now().toString(36)}`;
    const before = await createRxDatabase({ name, storage: defaultStorage(), multiInstance: false });
    const collections = await before.addCollections({
      people: { schema: rxSchemaOf<PersonDocV4>(peopleV4Json) },
      subjectResults: { schema: rxSchemaOf<SubjectResultDocV0>(subjectResultsV0Json) },
    });
    await collections.people.bulkInsert(people);
    const person = people[0];
    if (!person) throw new Error('no student');
    const comment = 'Em đọc to, rõ ràng; cần luyện thêm phép chia.';
    await collections.subjectResults.insert({
      id: `subject:${person.id}:toan`,
      studentId: person.id,
      classId: person.classId,
      subject: 'toan',
      part: '',
      rowKey: 'toan',
      GK1: { level: 'H', score: null, retestScore: null, comment },
      CK1: null,
      GK2: null,
      CN: null,
      schoolId: person.schoolId,
      schoolYear: person.schoolYear,
      updatedAt: person.updatedAt,
      updatedBy: person.updatedBy,
      rev: 0,
    });
    expect(JSON.stringify(await rawDocs(name, 'people', 4))).toContain(person.fullName);
    await before.close();

    const migrated = await harness.open(name);
    expect((await migrated.people.findOne(person.id).exec())?.toMutableJSON()).toMatchObject({
      fullName: person.fullName,
      address: person.address,
    });
    expect((await migrated.subjectResults.findOne(`subject:${person.id}:toan`).exec())?.GK1?.comment).toBe(
      comment,
    );
    const sealedNow = JSON.stringify([
      await rawDocs(name, 'people', 5),
      await rawDocs(name, 'subjectResults', 1),
    ]);
    expect(sealedNow).not.toContain(person.fullName);
    expect(sealedNow).not.toContain('phép chia');
  });

  it('refuses a query or sort on a sealed field instead of silently finding nothing', async () => {
    const { database, school } = await seededDatabase(harness, 3);
    const student = school.students[0];
    if (!student) throw new Error('no student');
    await expect(database.people.find({ selector: { fullName: student.fullName } }).exec()).rejects.toThrow(
      /fullName is sealed/,
    );
    await expect(
      database.people.find({ selector: { $or: [{ classId: student.classId }, { personalId: '1' }] } }).exec(),
    ).rejects.toThrow(/personalId is sealed/);
    await expect(
      database.people.find({ selector: { classId: student.classId }, sort: [{ birthDate: 'asc' }] }).exec(),
    ).rejects.toThrow(/birthDate is sealed/);
    await expect(database.people.count({ selector: { 'departure.kind': 'left' } }).exec()).rejects.toThrow(
      /departure is sealed/,
    );
  });

  it('names a seal that does not open as such (SealBroken), not as a crash elsewhere', async () => {
    const { database } = await seededDatabase(harness, 2);
    const name = database.name;
    await database.close();
    const [doc] = await rawDocs(name, 'people', 5);
    if (doc === undefined) throw new Error('not stored');
    const sealed = String(doc[sealedFieldsProperty]);
    // One changed character in the middle of the ciphertext.
    const middle = Math.floor(sealed.length / 2);
    const flipped = `${sealed.slice(0, middle)}${sealed[middle] === 'A' ? 'B' : 'A'}${sealed.slice(middle + 1)}`;
    await putRaw(name, 'people', 5, { ...doc, [sealedFieldsProperty]: flipped });
    const again = await harness.open(name);
    const error = await again.people
      .findOne(String(doc.id))
      .exec()
      .then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
    expect(error).toBeInstanceOf(SealBroken);
  });
});
