import { defaultCompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import { permissionsFor } from '../../../shared/domain/permissions';
import type { SampleSchoolFile } from '../../../shared/sample/sampleSchoolFile';
import { sampleDatabaseName, sampleSessionAs, type Session } from '../../app/session';
import type { HocbaDatabase } from '../../data/database';
import { openLocalDatabase } from '../../data/openLocalDatabase';
import { sampleSchoolDocuments } from '../../../shared/sample/sampleDocuments';
import { auditedBulkInsert } from '../../data/writes/auditedWrite';
import type { WriteContext } from '../../data/writes/writeContext';
import type { IpcClient } from '../../ipc/ipcClient';
import {
  clearSampleLoadMarker,
  readSampleLoadMarker,
  writeSampleLoadMarker,
  type SampleLoadInput,
  type SampleLoadMarker,
} from './sampleLoad';
import { sampleResultsSeed, sampleTrialRequest } from './sampleTrialRequest';

export type SampleTrialOptions = { readonly students: number; readonly withResults: boolean };

export type SampleTrialProgress = { readonly stage: 'generating' } | { readonly stage: 'saving' };

/**
 * What is left to load behind the home screen: the students and their results (sampleLoad.ts).
 * `startedAt` is the page time the trial (or its resumption) began; `documents` those already
 * written before the home screen.
 */
export type SampleLoadPlan = {
  readonly input: Omit<SampleLoadInput, 'onProgress' | 'signal'>;
  readonly startedAt: number;
  readonly documents: number;
};

export type SampleTrial = {
  readonly session: Session;
  readonly database: HocbaDatabase;
  readonly load: SampleLoadPlan | undefined;
};

/** Performance mark at the click (the bench and `hocba:trial-home` measure from it). */
export const trialStartMark = 'hocba:trial-start';

type Prepared =
  | {
      readonly ok: true;
      readonly file: SampleSchoolFile;
      readonly context: WriteContext;
      readonly principal: Session;
    }
  | { readonly ok: false; readonly message: string };

/** The sample school from main (the same seed gives the same school) and its principal's context. */
async function prepare(ipc: IpcClient, seed: number, students: number): Promise<Prepared> {
  const [generated, info] = await Promise.all([
    ipc.invoke('sample:generate', { seed, students }),
    ipc.invoke('app:info', {}),
  ]);
  if (!generated.ok) return { ok: false, message: generated.error.message };
  if (!info.ok) return { ok: false, message: info.error.message };
  const file: SampleSchoolFile = generated.value;
  const principal = file.staff.find((member) => member.role === 'principal');
  if (!principal) return { ok: false, message: 'Trường mẫu thiếu hiệu trưởng.' };
  const actor = { userId: principal.userId, role: principal.role };
  // Main checks every call against the session it holds: the trial acts as its principal from
  // the first write on (the audit heads it reports included).
  const declared = await ipc.invoke('session:actAsTrialUser', {
    ...actor,
    schoolCode: file.school.code,
    assignments: [],
  });
  if (!declared.ok) return { ok: false, message: declared.error.message };
  const context: WriteContext = {
    deviceId: info.value.deviceId,
    actor,
    permissions: permissionsFor(actor, []),
    catalogue: defaultCompiledCatalogue(),
    now: () => new Date(),
  };
  return { ok: true, file, context, principal: sampleSessionAs(principal) };
}

/**
 * The first stage: the school, its classes and the assignments (a few dozen documents), enough
 * for the home screen; each collection all-or-nothing, and skipped where a resumed load finds it.
 */
async function writeSchoolFrame(
  database: HocbaDatabase,
  context: WriteContext,
  file: SampleSchoolFile,
): Promise<number> {
  const documents = sampleSchoolDocuments(file, undefined, context.actor.userId, context.now());
  let written = 0;
  const count = (before: number) => (stored: number) => {
    written = before + stored;
  };
  await auditedBulkInsert(
    database,
    context,
    'schools',
    [{ doc: documents.school, studentId: '', classId: '' }],
    {
      skipExisting: true,
      onProgress: count(written),
    },
  );
  await auditedBulkInsert(
    database,
    context,
    'classes',
    documents.classes.map((doc) => ({ doc, studentId: '', classId: doc.id })),
    { skipExisting: true, onProgress: count(written) },
  );
  await auditedBulkInsert(
    database,
    context,
    'assignments',
    documents.assignments.map((doc) => ({ doc, studentId: '', classId: doc.classId })),
    { skipExisting: true, onProgress: count(written) },
  );
  return written;
}

function planFor(
  database: HocbaDatabase,
  prepared: Extract<Prepared, { ok: true }>,
  marker: SampleLoadMarker,
  startedAt: number,
  documents: number,
): SampleLoadPlan {
  return {
    input: {
      database,
      context: prepared.context,
      catalogue: prepared.context.catalogue,
      file: prepared.file,
      withResults: marker.withResults,
      resultsSeed: sampleResultsSeed,
    },
    startedAt,
    documents,
  };
}

/**
 * Asks main for the sample school, opens the trial's own database and writes the school's frame
 * into it as the principal, every document through the audit chain; the students and their year
 * of results follow behind the home screen (the returned plan). A trial already on this machine
 * is opened as it is, and an unfinished load of it resumes.
 */
export async function startSampleTrial(
  ipc: IpcClient,
  storage: Storage,
  options: SampleTrialOptions,
  onProgress: (progress: SampleTrialProgress) => void,
): Promise<{ ok: true; trial: SampleTrial } | { ok: false; message: string }> {
  performance.clearMarks(trialStartMark);
  const startedAt = performance.mark(trialStartMark).startTime;
  onProgress({ stage: 'generating' });
  const database = await openLocalDatabase(ipc, sampleDatabaseName);
  const unfinished = readSampleLoadMarker(storage);
  const hasSchool = (await database.schools.count().exec()) > 0;
  const marker: SampleLoadMarker | undefined =
    unfinished?.databaseName === sampleDatabaseName
      ? unfinished
      : hasSchool
        ? undefined
        : { databaseName: sampleDatabaseName, seed: sampleTrialRequest.seed, ...options };
  const prepared = await prepare(
    ipc,
    marker?.seed ?? sampleTrialRequest.seed,
    marker?.students ?? options.students,
  );
  if (!prepared.ok) {
    await database.close();
    return prepared;
  }
  if (!marker) return { ok: true, trial: { session: prepared.principal, database, load: undefined } };
  writeSampleLoadMarker(storage, marker);
  onProgress({ stage: 'saving' });
  const documents = await writeSchoolFrame(database, prepared.context, prepared.file);
  return {
    ok: true,
    trial: {
      session: prepared.principal,
      database,
      load: planFor(database, prepared, marker, startedAt, documents),
    },
  };
}

/** The rest of an unfinished sample load in this database, if any (after a restart). */
export async function resumeSampleLoad(
  ipc: IpcClient,
  storage: Storage,
  database: HocbaDatabase,
): Promise<SampleLoadPlan | undefined> {
  const marker = readSampleLoadMarker(storage);
  if (marker?.databaseName !== database.name) return undefined;
  const prepared = await prepare(ipc, marker.seed, marker.students);
  if (!prepared.ok) return undefined;
  const startedAt = performance.now();
  const documents = await writeSchoolFrame(database, prepared.context, prepared.file);
  return planFor(database, prepared, marker, startedAt, documents);
}

/** The load finished: nothing to resume. */
export function finishSampleLoad(storage: Storage): void {
  clearSampleLoadMarker(storage);
}

/**
 * Called once the home screen shows the classes: measures click → home (`hocba:trial-home`) for
 * `npm run bench:gradebook`, once per trial. Harmless in normal use.
 */
export function markTrialHomeShown(): void {
  if (performance.getEntriesByName(trialStartMark).length === 0) return;
  if (performance.getEntriesByName('hocba:trial-home').length > 0) return;
  requestAnimationFrame(() => {
    if (performance.getEntriesByName('hocba:trial-home').length > 0) return;
    performance.measure('hocba:trial-home', { start: trialStartMark, end: performance.now() });
  });
}
