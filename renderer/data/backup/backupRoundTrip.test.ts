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
});
