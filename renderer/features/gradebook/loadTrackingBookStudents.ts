import { compareRosterOrder } from '../../../shared/classList/listNumbers';
import type { CompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import {
  studentYearInputFrom,
  type SubjectResultValues,
} from '../../../shared/domain/evaluation/resultDocuments';
import type { TrackingBookStudent } from '../../../shared/domain/evaluation/trackingBook';
import type { ClassDoc } from '../../data/collections/classesCollection';
import type { HocbaDatabase } from '../../data/database';

/**
 * The class's students in register order with their year's stored results (every subject row,
 * qualities and competencies), read once when the teacher exports: a live query of the whole
 * class's results would be re-read on every value typed in the grade book.
 */
export async function loadTrackingBookStudents(
  database: HocbaDatabase,
  catalogue: CompiledCatalogue,
  schoolClass: ClassDoc,
): Promise<TrackingBookStudent[]> {
  const selector = { classId: schoolClass.id };
  const [people, subjectDocs, characterDocs] = await Promise.all([
    database.people.find({ selector }).exec(),
    database.subjectResults.find({ selector }).exec(),
    database.characterResults.find({ selector }).exec(),
  ]);
  const byStudent = new Map<string, SubjectResultValues[]>();
  for (const doc of subjectDocs) {
    const result = doc.toMutableJSON();
    byStudent.set(result.studentId, [...(byStudent.get(result.studentId) ?? []), result]);
  }
  const characters = new Map(characterDocs.map((doc) => [doc.studentId, doc.toMutableJSON()]));
  const students = people.map((doc) => doc.toMutableJSON()).sort(compareRosterOrder);
  return students.map((student) => ({
    id: student.id,
    fullName: student.fullName,
    year: studentYearInputFrom(
      catalogue,
      schoolClass.grade,
      student.electives,
      byStudent.get(student.id) ?? [],
      characters.get(student.id),
    ),
  }));
}
