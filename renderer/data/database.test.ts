import { createRxDatabase } from 'rxdb';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../shared/audit/auditChain';
import { searchKeyOf } from '../../shared/domain/text';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { contextAs, databaseHarness, testDeviceId } from '../../tests/support/browserDatabase';
import { classSchema } from './collections/classesCollection';
import { peopleV0Json, type PersonDocV0 } from '../../shared/documents/people/peopleV0';
import { schoolsV0Json, type SchoolDocV0 } from '../../shared/documents/schools/schoolsV0';
import { rxSchemaOf } from './collections/rxSchemaOf';
import { databaseNameFor, defaultStorage } from './database';
import { sampleSchoolDocuments } from '../../shared/sample/sampleDocuments';
import { importSampleSchool } from './importSampleSchool';
import { compiledSchemaCount } from './storage/compiledSchemaValidation';

// These tests run in real Chromium: the IndexedDB under RxDB is the browser's own.
const harness = databaseHarness();
afterEach(() => harness.cleanUp());

const sample = generateSampleSchool({ seed: 11, students: 120 });
const principal = sample.staff.find((member) => member.role === 'principal')?.userId ?? '';
const documents = () => sampleSchoolDocuments(sample, undefined, principal, new Date('2025-09-05T01:00:00Z'));

describe('local database (RxDB on Chromium IndexedDB)', () => {
  it('names one database per user', () => {
    expect(databaseNameFor('user:dung-thu')).toBe('hocba-dung-thu');
    expect(databaseNameFor('user:Co.Giao_Lan')).toBe('hocba-co-giao-lan');
  });

  it('imports a sample school, every document on record, and reads it back after reopening', async () => {
    const name = `test-import-${Date.now().toString(36)}`;
    const first = await harness.open(name);
    const written = await importSampleSchool(first, contextAs(sample, principal), documents());
    expect(written).toBe(1 + sample.classes.length + 120 + sample.assignments.length);
    await first.close();

    const again = await harness.open(name);
    expect(await again.people.count().exec()).toBe(120);
    const firstStudent = sample.students[0];
    const stored = await again.people.findOne(firstStudent?.id ?? '').exec();
    expect(stored?.fullName).toBe(firstStudent?.fullName);
    expect(stored?.searchName).toBe(searchKeyOf(firstStudent?.fullName ?? ''));
    const events = (
      await again.auditEvents.find({ selector: { deviceId: testDeviceId }, sort: [{ seq: 'asc' }] }).exec()
    ).map((doc) => doc.toMutableJSON());
    expect(events).toHaveLength(written);
    expect(verifyAuditChain(testDeviceId, events)).toEqual([]);
  });

  it('writes a sample school all or nothing: an existing document stops the whole step', async () => {
    const database = await harness.open();
    await importSampleSchool(database, contextAs(sample, principal), documents());
    await expect(importSampleSchool(database, contextAs(sample, principal), documents())).rejects.toThrow(
      'already exist',
    );
    expect(await database.people.count().exec()).toBe(120);
  });

  it('refuses a document that breaks its schema (validation at the storage boundary)', async () => {
    const database = await harness.open();
    const { classes, people } = documents();
    await expect(
      database.classes.insert({ ...classes[0], id: 'class:x', grade: 7 } as never),
    ).rejects.toThrow();
    await expect(
      database.people.insert({ ...people[0], id: 'student:0000000001', gender: 'x' } as never),
    ).rejects.toThrow();
    expect(await database.classes.count().exec()).toBe(0);
  });

  it('compiles each schema once, not on every write, and still refuses a bad value after that', async () => {
    const database = await harness.open();
    const [first] = documents().classes;
    const classNumbered = (n: number) => ({ ...first, id: `class:compiled-${n}`, name: `Lớp ${n}` });
    await database.classes.insert(classNumbered(0) as never);
    const compiled = compiledSchemaCount();
    await database.classes.bulkInsert([1, 2, 3, 4, 5].map(classNumbered) as never);
    await database.classes.insert(classNumbered(6) as never);
    expect(compiledSchemaCount()).toBe(compiled);
    await expect(database.classes.insert({ ...classNumbered(7), grade: 9 } as never)).rejects.toThrow();
    await expect(database.classes.insert({ ...classNumbered(8), extra: 1 } as never)).rejects.toThrow();
    expect(compiledSchemaCount()).toBe(compiled);
    expect(await database.classes.count().exec()).toBe(7);
  });

  it('migrates data written by the first schema versions: people v0 → v4, schools v0 → v3', async () => {
    const name = `test-migrate-${Date.now().toString(36)}`;
    const v0 = await createRxDatabase({ name, storage: defaultStorage(), multiInstance: false });
    const collections = await v0.addCollections({
      schools: { schema: rxSchemaOf<SchoolDocV0>(schoolsV0Json) },
      classes: { schema: classSchema },
      people: { schema: rxSchemaOf<PersonDocV0>(peopleV0Json) },
    });
    const { school, people } = documents();
    const { staff: _staff, schoolYears: _years, foreignLanguage1: _language, ...schoolV0 } = school;
    await collections.schools.insert(schoolV0 satisfies SchoolDocV0);
    const v0People: PersonDocV0[] = people.map(
      ({
        searchName: _searchName,
        electives: _electives,
        photo: _photo,
        birthCertificateCheck: _b,
        parentsConfirmation: _p,
        listNumber: _l,
        registerNumber: _r,
        entryDate: _e,
        priorYears: _y,
        individualEducationPlan: _i,
        departure: _d,
        ...person
      }) => person,
    );
    expect((await collections.people.bulkInsert(v0People)).error).toEqual([]);
    await v0.close();

    const migrated = await harness.open(name);
    const migratedPeople = await migrated.people.find().exec();
    expect(migratedPeople).toHaveLength(v0People.length);
    for (const person of migratedPeople) {
      expect(person.searchName).toBe(searchKeyOf(person.fullName));
      expect(person.electives).toEqual([]);
      expect(person.photo).toBeNull();
      expect(person.listNumber).toBeNull();
      expect(person.registerNumber).toBe('');
      expect(person.entryDate).toBeNull();
      expect(person.priorYears).toEqual([]);
      expect(person.individualEducationPlan).toBe(false);
      expect(person.departure).toBeNull();
      expect(person.updatedBy).toBe(principal);
    }
    const migratedSchool = await migrated.schools.findOne(school.id).exec();
    expect(migratedSchool?.staff).toEqual([]);
    expect(migratedSchool?.schoolYears).toEqual([school.schoolYear]);
    expect(migratedSchool?.foreignLanguage1).toBe('Tiếng Anh');
  });
});
