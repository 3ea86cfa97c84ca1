import { createRxDatabase, removeRxDatabase } from 'rxdb';
import { afterEach, describe, expect, it } from 'vitest';
import { searchKeyOf } from '../../shared/domain/text';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { classSchema } from './collections/classesCollection';
import { peopleSchemaV0, type PersonDocV0 } from './collections/people/peopleSchemaV0';
import { schoolSchema } from './collections/schoolsCollection';
import { databaseNameFor, defaultStorage, openHocbaDatabase, type HocbaDatabase } from './database';
import { importSampleSchool, sampleSchoolDocuments } from './importSampleSchool';

// These tests run in real Chromium: the IndexedDB under RxDB is the browser's own.
const opened: HocbaDatabase[] = [];
const names: string[] = [];
let counter = 0;

function freshName(): string {
  counter += 1;
  const name = `test-${Date.now().toString(36)}-${counter}`;
  names.push(name);
  return name;
}

async function open(name: string): Promise<HocbaDatabase> {
  const database = await openHocbaDatabase({ name });
  opened.push(database);
  return database;
}

afterEach(async () => {
  for (const database of opened.splice(0)) if (!database.closed) await database.close();
  for (const name of names.splice(0)) await removeRxDatabase(name, defaultStorage());
});

const sample = generateSampleSchool({ seed: 11, students: 120 });

describe('local database (RxDB on Chromium IndexedDB)', () => {
  it('names one database per user', () => {
    expect(databaseNameFor('user:dung-thu')).toBe('hocba-dung-thu');
    expect(databaseNameFor('user:Co.Giao_Lan')).toBe('hocba-co-giao-lan');
  });

  it('imports a sample school and reads it back after closing and reopening', async () => {
    const name = freshName();
    const first = await open(name);
    await expect(importSampleSchool(first, sample, 'user:dung-thu')).resolves.toEqual({
      schools: 1,
      classes: sample.classes.length,
      students: 120,
    });
    await first.close();

    const again = await open(name);
    expect(await again.people.count().exec()).toBe(120);
    const firstStudent = sample.students[0];
    const stored = await again.people.findOne(firstStudent?.id ?? '').exec();
    expect(stored?.fullName).toBe(firstStudent?.fullName);
    expect(stored?.searchName).toBe(searchKeyOf(firstStudent?.fullName ?? ''));
    expect(stored?.updatedBy).toBe('user:dung-thu');
  });

  it('meets itself in the same documents when the same school is imported twice (deterministic ids)', async () => {
    const database = await open(freshName());
    await importSampleSchool(database, sample, 'user:a');
    await importSampleSchool(database, sample, 'user:b');
    expect(await database.people.count().exec()).toBe(120);
    expect(await database.schools.count().exec()).toBe(1);
  });

  it('refuses a document that breaks its schema (validation at the storage boundary)', async () => {
    const database = await open(freshName());
    const documents = sampleSchoolDocuments(sample, 'user:a', new Date());
    const badClass = { ...documents.classes[0], id: 'class:x', grade: 7 };
    await expect(database.classes.insert(badClass as never)).rejects.toThrow();
    const badPerson = { ...documents.people[0], id: 'student:0000000001', gender: 'x' };
    await expect(database.people.insert(badPerson as never)).rejects.toThrow();
    expect(await database.classes.count().exec()).toBe(0);
  });

  it('migrates people written by schema v0 to v1 (search name added) when the app opens', async () => {
    const name = freshName();
    const v0 = await createRxDatabase({ name, storage: defaultStorage(), multiInstance: false });
    const v0Collections = await v0.addCollections({
      schools: { schema: schoolSchema },
      classes: { schema: classSchema },
      people: { schema: peopleSchemaV0 },
    });
    const v0People: PersonDocV0[] = sampleSchoolDocuments(
      sample,
      'user:old',
      new Date('2025-09-05T01:00:00Z'),
    ).people.map(({ searchName: _searchName, ...person }) => person);
    const inserted = await v0Collections.people.bulkInsert(v0People);
    expect(inserted.error).toEqual([]);
    await v0.close();

    const migrated = await open(name);
    const people = await migrated.people.find().exec();
    expect(people).toHaveLength(v0People.length);
    for (const person of people) {
      expect(person.searchName).toBe(searchKeyOf(person.fullName));
      expect(person.updatedBy).toBe('user:old');
    }
    expect(await migrated.people.migrationNeeded()).toBe(false);
  });
});
