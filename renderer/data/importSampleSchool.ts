import type { SampleDocuments } from '../../shared/sample/sampleDocuments';
import type { HocbaDatabase } from './database';
import { auditedBulkInsert, type BulkDocument, type EditableCollection } from './writes/auditedWrite';
import type { WriteContext } from './writes/writeContext';

export type SeedProgress = { readonly written: number; readonly total: number };

const chunkSize = 2_000;

/**
 * Writes a sample school into the database, every document through the audit chain. Each
 * collection is written in chunks that are each all-or-nothing; `onProgress` counts documents.
 */
export async function importSampleSchool(
  database: HocbaDatabase,
  context: WriteContext,
  documents: SampleDocuments,
  onProgress: (progress: SeedProgress) => void = () => undefined,
): Promise<number> {
  const plan: { [K in EditableCollection]?: BulkDocument<K>[] } = {
    schools: [{ doc: documents.school, studentId: '', classId: '' }],
    classes: documents.classes.map((doc) => ({ doc, studentId: '', classId: doc.id })),
    people: documents.people.map((doc) => ({ doc, studentId: doc.id, classId: doc.classId })),
    assignments: documents.assignments.map((doc) => ({ doc, studentId: '', classId: doc.classId })),
    subjectResults: documents.subjectResults.map((doc) => ({
      doc,
      studentId: doc.studentId,
      classId: doc.classId,
    })),
    characterResults: documents.characterResults.map((doc) => ({
      doc,
      studentId: doc.studentId,
      classId: doc.classId,
    })),
  };
  const total = Object.values(plan).reduce((sum, list) => sum + list.length, 0);
  let written = 0;
  for (const name of Object.keys(plan) as EditableCollection[]) {
    const list = plan[name] ?? [];
    for (let start = 0; start < list.length; start += chunkSize) {
      const chunk = list.slice(start, start + chunkSize);
      await auditedBulkInsert(database, context, name, chunk as never);
      written += chunk.length;
      onProgress({ written, total });
    }
  }
  return written;
}
