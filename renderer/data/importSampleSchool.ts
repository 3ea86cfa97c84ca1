import { searchKeyOf } from '../../shared/domain/text';
import type { SampleSchoolFile } from '../../shared/sample/sampleSchoolFile';
import type { ClassDoc } from './collections/classesCollection';
import type { PersonDoc } from './collections/people/peopleCollection';
import type { SchoolDoc } from './collections/schoolsCollection';
import type { HocbaDatabase } from './database';
import { metaFor } from './documentMeta';

export type ImportCounts = { readonly schools: number; readonly classes: number; readonly students: number };

/** Maps a sample school file to the documents of the local database. Pure, so it is tested alone. */
export function sampleSchoolDocuments(
  file: SampleSchoolFile,
  actor: string,
  now: Date,
): { school: SchoolDoc; classes: ClassDoc[]; people: PersonDoc[] } {
  const meta = metaFor(file.school.id, file.schoolYear, actor, now);
  const { id, ...profile } = file.school;
  return {
    school: { id, ...profile, ...meta },
    classes: file.classes.map(({ id: classId, grade, name, homeroomTeacherName }) => ({
      id: classId,
      grade,
      name,
      homeroomTeacherName,
      ...meta,
    })),
    people: file.students.map(({ schoolId: _schoolId, schoolYear: _schoolYear, ...student }) => ({
      ...student,
      searchName: searchKeyOf(student.fullName),
      ...meta,
    })),
  };
}

/**
 * Writes a sample school into the database. Upserts by deterministic id, so running it twice
 * leaves one school, not two. Throws if any document is refused by its schema.
 */
export async function importSampleSchool(
  database: HocbaDatabase,
  file: SampleSchoolFile,
  actor: string,
  now: Date = new Date(),
): Promise<ImportCounts> {
  const documents = sampleSchoolDocuments(file, actor, now);
  const results = await Promise.all([
    database.schools.bulkUpsert([documents.school]),
    database.classes.bulkUpsert(documents.classes),
    database.people.bulkUpsert(documents.people),
  ]);
  const refused = results.reduce((count, result) => count + result.error.length, 0);
  if (refused > 0) throw new Error(`${refused} sample documents were refused by their schemas`);
  return { schools: 1, classes: documents.classes.length, students: documents.people.length };
}
