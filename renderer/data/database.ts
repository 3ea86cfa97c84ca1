import {
  addRxPlugin,
  createRxDatabase,
  type RxCollectionCreator,
  type RxDatabase,
  type RxStorage,
} from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { assignmentsCollection, type AssignmentsCollection } from './collections/assignmentsCollection';
import { auditEventsCollection, type AuditEventsCollection } from './collections/auditEventsCollection';
import {
  characterResultsCollection,
  type CharacterResultsCollection,
} from './collections/characterResultsCollection';
import { classesCollection, type ClassesCollection } from './collections/classesCollection';
import { peopleCollection, type PeopleCollection } from './collections/people/peopleCollection';
import { schoolsCollection, type SchoolsCollection } from './collections/schools/schoolsCollection';
import {
  subjectResultsCollection,
  type SubjectResultsCollection,
} from './collections/subjectResultsCollection';
import { yearResultsCollection, type YearResultsCollection } from './collections/yearResultsCollection';
import { attachWriteJournal } from './journal/writeJournal';
import { wrappedCompiledValidationStorage } from './storage/compiledSchemaValidation';
import { rememberDatabaseKey } from './storage/databaseKeys';
import type { DatabaseKey } from './storage/fieldSeal';
import { wrappedSealedFieldsStorage } from './storage/sealedFieldsStorage';
import { syncConflictHandler } from './sync/syncConflictHandler';

addRxPlugin(RxDBMigrationSchemaPlugin);

export type HocbaCollections = {
  readonly schools: SchoolsCollection;
  readonly classes: ClassesCollection;
  readonly people: PeopleCollection;
  readonly assignments: AssignmentsCollection;
  readonly subjectResults: SubjectResultsCollection;
  readonly characterResults: CharacterResultsCollection;
  readonly yearResults: YearResultsCollection;
  readonly auditEvents: AuditEventsCollection;
};
export type HocbaDatabase = RxDatabase<HocbaCollections>;

/** A collection the province server syncs: what the server did not take is resolved as sync/ says. */
function synced<T>(creator: RxCollectionCreator<T>): RxCollectionCreator<T> {
  return { ...creator, conflictHandler: syncConflictHandler<T>() };
}

/**
 * The collections this version opens. The open-source RxDB allows 13 open collections per
 * JavaScript realm (architecture.md); the full design needs about 10.
 */
export const hocbaCollections = {
  schools: synced(schoolsCollection),
  classes: synced(classesCollection),
  people: synced(peopleCollection),
  assignments: synced(assignmentsCollection),
  subjectResults: synced(subjectResultsCollection),
  characterResults: synced(characterResultsCollection),
  yearResults: synced(yearResultsCollection),
  auditEvents: synced(auditEventsCollection),
};

/**
 * IndexedDB storage (Dexie) with every write checked against the collection's compiled JSON schema
 * and the children's data sealed under the database key. Without a key it can only remove a
 * database (`removeRxDatabase`), never read or write one.
 */
export function defaultStorage(key?: DatabaseKey): RxStorage<unknown, unknown> {
  return wrappedCompiledValidationStorage({
    storage: wrappedSealedFieldsStorage({ storage: getRxStorageDexie(), key }),
  });
}

/** One local database per user, so teachers sharing a desktop keep separate data. */
export function databaseNameFor(userId: string): string {
  const slug = userId
    .replace(/^user:/, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-');
  return `hocba-${slug}`;
}

export type OpenDatabaseOptions = {
  readonly name: string;
  /** The database's key, from main (`session:databaseKey`); only ever in memory. */
  readonly key: DatabaseKey;
  readonly storage?: RxStorage<unknown, unknown>;
};

/** Opens (and migrates, if its schemas are older) a user's database; resolves when it is ready. */
export async function openHocbaDatabase(options: OpenDatabaseOptions): Promise<HocbaDatabase> {
  const database = await createRxDatabase<HocbaCollections>({
    name: options.name,
    storage: options.storage ?? defaultStorage(options.key),
    multiInstance: true,
    eventReduce: true,
    // Local documents hold per-user, never-synced settings such as a teacher's own comment phrases.
    localDocuments: true,
    closeDuplicates: true,
  });
  rememberDatabaseKey(database, options.key);
  try {
    await database.addCollections(hocbaCollections);
    // Saves go through the write-ahead journal; what a crash left in it is applied here, first.
    await attachWriteJournal(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
