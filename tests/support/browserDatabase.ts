import { removeRxDatabase } from 'rxdb';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import { permissionsFor } from '../../shared/domain/permissions';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import type { SampleSchoolFile } from '../../shared/sample/sampleSchoolFile';
import { defaultStorage, openHocbaDatabase, type HocbaDatabase } from '../../renderer/data/database';
import { sampleSchoolDocuments } from '../../shared/sample/sampleDocuments';
import { importSampleSchool } from '../../renderer/data/importSampleSchool';
import { removeWriteJournal } from '../../renderer/data/journal/writeJournal';
import { databaseKeyOf, type DatabaseKey } from '../../renderer/data/storage/fieldSeal';
import type { WriteContext } from '../../renderer/data/writes/writeContext';

/** For renderer tests in Chromium: fresh databases, closed and removed after each test. */
export function databaseHarness() {
  const opened: HocbaDatabase[] = [];
  const names: string[] = [];
  // Each test database gets its own random key, as main gives each account's (reopened with it).
  const keys = new Map<string, DatabaseKey>();
  let counter = 0;
  return {
    async open(name?: string): Promise<HocbaDatabase> {
      counter += 1;
      const databaseName = name ?? `test-${Date.now().toString(36)}-${counter}`;
      if (!names.includes(databaseName)) names.push(databaseName);
      const key = keys.get(databaseName) ?? databaseKeyOf(crypto.getRandomValues(new Uint8Array(32)));
      keys.set(databaseName, key);
      const database = await openHocbaDatabase({ name: databaseName, key });
      opened.push(database);
      return database;
    },
    async cleanUp(): Promise<void> {
      for (const database of opened.splice(0)) if (!database.closed) await database.close();
      for (const name of names.splice(0)) {
        await removeRxDatabase(name, defaultStorage());
        await removeWriteJournal(name);
      }
    },
  };
}

export const testDeviceId = 'device-11111111-2222-4333-8444-555555555555';

/** A write context acting as `userId` of the sample school, with rights from its assignments. */
export function contextAs(
  school: SampleSchoolFile,
  userId: string,
  now: () => Date = () => new Date(),
): WriteContext {
  const member = school.staff.find((candidate) => candidate.userId === userId);
  if (!member) throw new Error(`no staff member ${userId}`);
  const actor = { userId: member.userId, role: member.role };
  return {
    deviceId: testDeviceId,
    actor,
    permissions: permissionsFor(actor, school.assignments),
    catalogue: defaultCompiledCatalogue(),
    now,
  };
}

/** A small sample school written into a fresh database, as its principal. */
export async function seededDatabase(harness: ReturnType<typeof databaseHarness>, students = 80) {
  const school = generateSampleSchool({ seed: 31, students });
  const database = await harness.open();
  const principal = school.staff.find((member) => member.role === 'principal');
  if (!principal) throw new Error('no principal');
  await importSampleSchool(
    database,
    contextAs(school, principal.userId),
    sampleSchoolDocuments(school, undefined, principal.userId, new Date()),
  );
  return { database, school };
}
