import { afterEach, describe, expect, it } from 'vitest';
import { checkExportChains, databaseExportSchema } from '../../../shared/backup/databaseExport';
import {
  contextAs,
  databaseHarness,
  seededDatabase,
  testDeviceId,
} from '../../../tests/support/browserDatabase';
import { writeSubjectCells } from '../writes/resultWrites';
import { exportDatabase } from './exportDatabase';
import { importDatabase } from './importDatabase';

const harness = databaseHarness();
afterEach(() => harness.cleanUp());

const parse = (bytes: Uint8Array) => databaseExportSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));

describe('a backup of the database restored into a fresh profile (Chromium IndexedDB)', () => {
  it('gives back every document identical, the audit chain whole, and refuses to restore over data', async () => {
    const { database, school } = await seededDatabase(harness);
    const schoolClass = school.classes.find((candidate) => candidate.grade === 3);
    const homeroom = school.assignments.find((a) => a.classId === schoolClass?.id && a.homeroom);
    const student = school.students.find((candidate) => candidate.classId === schoolClass?.id);
    if (!schoolClass || !homeroom || !student) throw new Error('sample school incomplete');
    // Audited edits, one still in the write journal when the export starts: part of the backup.
    await writeSubjectCells(database, contextAs(school, homeroom.teacherId), [
      {
        place: {
          studentId: student.id,
          classId: schoolClass.id,
          schoolId: school.school.id,
          schoolYear: school.schoolYear,
          grade: 3,
          electives: student.electives,
        },
        rowKey: 'toan',
        period: 'CN',
        field: 'score',
        value: 9,
      },
    ]);

    const original = parse(await exportDatabase(database, testDeviceId));
    expect(original.collections.auditEvents?.length).toBeGreaterThan(0);
    expect(checkExportChains(original).devices.every((device) => device.problems === 0)).toBe(true);

    // The open-source RxDB keeps few collections open at once: the old profile closes first.
    await database.close();
    const restored = await harness.open();
    const inserted = await importDatabase(restored, original);
    expect(inserted).toBe(Object.values(original.collections).reduce((sum, docs) => sum + docs.length, 0));
    const again = parse(await exportDatabase(restored, testDeviceId));
    const byId = (docs: readonly Record<string, unknown>[]) =>
      [...docs].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    for (const [name, docs] of Object.entries(original.collections))
      expect(byId(again.collections[name] ?? []), name).toEqual(byId(docs));
    expect(checkExportChains(again)).toEqual(checkExportChains(original));

    await expect(importDatabase(restored, original)).rejects.toThrow(/not empty/);
  });

  it('migrates a backup made by an older version (people and schools at version 2) and refuses a newer one', async () => {
    const { database } = await seededDatabase(harness);
    const current = parse(await exportDatabase(database, testDeviceId));
    expect(current.version).toBe(2);
    expect(current.schemaVersions?.people).toBe(5);
    await database.close();
    // What a build of the week before wrote: format 1, no versions, people and schools without
    // the fields version 3 added.
    const withoutV3 = (doc: Record<string, unknown>) => {
      const {
        listNumber: _listNumber,
        registerNumber: _registerNumber,
        entryDate: _entryDate,
        priorYears: _priorYears,
        individualEducationPlan: _plan,
        foreignLanguage1: _language,
        ...rest
      } = doc;
      return rest;
    };
    const { schemaVersions: _versions, ...body } = current;
    const older = databaseExportSchema.parse({
      ...body,
      version: 1,
      collections: {
        ...current.collections,
        people: (current.collections.people ?? []).map(withoutV3),
        schools: (current.collections.schools ?? []).map(withoutV3),
      },
    });

    const newer = databaseExportSchema.parse({
      ...current,
      schemaVersions: { ...current.schemaVersions, people: (current.schemaVersions?.people ?? 0) + 1 },
    });
    const fresh = await harness.open();
    await expect(importDatabase(fresh, newer)).rejects.toThrow(/newer than this version/);
    await importDatabase(fresh, older);
    const again = parse(await exportDatabase(fresh, testDeviceId));
    const school = again.collections.schools?.[0];
    expect(school?.foreignLanguage1).toBe('Tiếng Anh');
    const people = again.collections.people ?? [];
    expect(people).toHaveLength(current.collections.people?.length ?? -1);
    for (const person of people) {
      expect(person.priorYears).toEqual([]);
      expect(person.registerNumber).toBe('');
      expect(person.individualEducationPlan).toBe(false);
      expect(person.departure).toBeNull();
    }
    // Everything else as it was, the audit chain included.
    expect(again.collections.subjectResults?.length).toBe(current.collections.subjectResults?.length);
    expect(checkExportChains(again)).toEqual(checkExportChains(current));
  });
});
