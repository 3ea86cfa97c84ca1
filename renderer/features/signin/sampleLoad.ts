import { z } from 'zod';
import { readStoredJson } from '../../app/storedJson';
import type { CompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import { yearResultsByStudent } from '../../../shared/sample/generateYearResults';
import type { SampleSchoolFile } from '../../../shared/sample/sampleSchoolFile';
import type { HocbaDatabase } from '../../data/database';
import { metaFor } from '../../data/documentMeta';
import { sampleSchoolDocuments } from '../../../shared/sample/sampleDocuments';
import { auditedBulkInsert, type BulkDocument } from '../../data/writes/auditedWrite';
import type { WriteContext } from '../../data/writes/writeContext';

/**
 * The second stage of the sample trial: the students and their year of results, written behind
 * the home screen while the user already works. The home screen needs only the school, its
 * classes and the assignments (the first stage, a few dozen documents); everything else loads
 * here in small slices, each its own audited step under the audit lock, so a teacher's saves
 * interleave with it and the window never freezes.
 *
 * A marker in the page's storage says a load is unfinished: if the window closes, the next start
 * resumes it (the generator is deterministic, and documents already stored are skipped).
 */
const markerSchema = z.object({
  databaseName: z.string().min(1),
  seed: z.number().int(),
  students: z.number().int().positive(),
  withResults: z.boolean(),
});
export type SampleLoadMarker = z.output<typeof markerSchema>;

const markerKey = 'hocba.sampleLoad';

export function readSampleLoadMarker(storage: Storage): SampleLoadMarker | undefined {
  return readStoredJson(storage, markerKey, markerSchema);
}

export function writeSampleLoadMarker(storage: Storage, marker: SampleLoadMarker): void {
  storage.setItem(markerKey, JSON.stringify(marker));
}

export function clearSampleLoadMarker(storage: Storage): void {
  storage.removeItem(markerKey);
}

/** Where the load stands: students stored, then students whose results are stored. */
export type SampleLoadProgress = {
  readonly phase: 'students' | 'results';
  /** Students done in this phase. */
  readonly done: number;
  readonly students: number;
  /** Share of the whole load done, 0 to 1. */
  readonly fraction: number;
  /** Documents written by this load so far (each with its audit event). */
  readonly documents: number;
};

export type SampleLoadInput = {
  readonly database: HocbaDatabase;
  /** Acts as the sample school's principal, who creates the sample data. */
  readonly context: WriteContext;
  readonly catalogue: CompiledCatalogue;
  readonly file: SampleSchoolFile;
  readonly withResults: boolean;
  readonly resultsSeed: number;
  readonly onProgress: (progress: SampleLoadProgress) => void;
  /** Aborted when the user signs out: the load stops between slices and resumes next time. */
  readonly signal?: AbortSignal;
};

/**
 * Documents per slice. One slice is two audited bulk steps (events, then documents) of about
 * this many; small enough that a slice's main-thread work stays well under 50 ms and the
 * progress bar moves several times a second, large enough that the per-transaction cost is
 * spread (docs/decisions.md, "Staged sample trial").
 */
export const sampleSliceDocuments = 240;

/** Lets the page paint and handle input between slices (a macrotask, not a timer's wait). */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/** Runs of `size` items (the last may be shorter). */
function* slicesOf<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/**
 * Writes the sample school's students and (if asked) their year of results, in slices. Returns
 * the number of documents written; documents already stored (a resumed load) are skipped.
 */
export async function loadSampleStudentsAndResults(input: SampleLoadInput): Promise<number> {
  const { database, context, file, signal } = input;
  const students = file.students.length;
  const phases = input.withResults ? 2 : 1;
  let documents = 0;
  const report = (phase: SampleLoadProgress['phase'], done: number) =>
    input.onProgress({
      phase,
      done,
      students,
      fraction: ((phase === 'students' ? 0 : 1) + done / Math.max(1, students)) / phases,
      documents,
    });
  const insert = async <K extends 'people' | 'subjectResults' | 'characterResults'>(
    name: K,
    slice: readonly BulkDocument<K>[],
  ) => {
    if (slice.length === 0) return;
    const before = documents;
    await auditedBulkInsert(database, context, name, slice, {
      skipExisting: true,
      onProgress: (written) => {
        documents = before + written;
      },
    });
  };

  const now = context.now();
  const { people } = sampleSchoolDocuments(file, undefined, context.actor.userId, now);
  report('students', 0);
  let stored = 0;
  for (const slice of slicesOf(people, sampleSliceDocuments)) {
    if (signal?.aborted) return documents;
    await insert(
      'people',
      slice.map((doc) => ({ doc, studentId: doc.id, classId: doc.classId })),
    );
    stored += slice.length;
    report('students', stored);
    await yieldToPage();
  }
  if (!input.withResults) return documents;

  const meta = metaFor(file.school.id, file.schoolYear, context.actor.userId, now);
  let subjectSlice: BulkDocument<'subjectResults'>[] = [];
  let characterSlice: BulkDocument<'characterResults'>[] = [];
  let studentsDone = 0;
  let studentsInSlice = 0;
  const flush = async () => {
    await insert('subjectResults', subjectSlice);
    await insert('characterResults', characterSlice);
    studentsDone += studentsInSlice;
    subjectSlice = [];
    characterSlice = [];
    studentsInSlice = 0;
    report('results', studentsDone);
    await yieldToPage();
  };
  report('results', 0);
  for (const student of yearResultsByStudent(input.catalogue, file, input.resultsSeed)) {
    if (signal?.aborted) return documents;
    for (const result of student.subjectResults)
      subjectSlice.push({
        doc: { ...result, ...meta },
        studentId: result.studentId,
        classId: result.classId,
      });
    for (const result of student.characterResults)
      characterSlice.push({
        doc: { ...result, ...meta },
        studentId: result.studentId,
        classId: result.classId,
      });
    studentsInSlice += 1;
    if (subjectSlice.length + characterSlice.length >= sampleSliceDocuments) await flush();
  }
  await flush();
  return documents;
}
