import { useMemo } from 'react';
import type { CompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import {
  studentYearInputFrom,
  type SubjectResultValues,
} from '../../../shared/domain/evaluation/resultDocuments';
import type { TrackingBookStudent } from '../../../shared/domain/evaluation/trackingBook';
import type { ClassDoc } from '../../data/collections/classesCollection';
import {
  useCharacterResults,
  useClassStudents,
  useClassSubjectResults,
} from '../../data/queries/classQueries';

/**
 * The class's students in register order with their year's stored results (every subject row,
 * qualities and competencies), as the Sổ theo dõi is built from them.
 */
export function useTrackingBookStudents(
  catalogue: CompiledCatalogue,
  schoolClass: ClassDoc,
): TrackingBookStudent[] | undefined {
  const students = useClassStudents(schoolClass.id);
  const subjectResults = useClassSubjectResults(schoolClass.id);
  const characterResults = useCharacterResults(schoolClass.id);
  return useMemo(() => {
    if (!students || !subjectResults || !characterResults) return undefined;
    const byStudent = new Map<string, SubjectResultValues[]>();
    for (const result of subjectResults)
      byStudent.set(result.studentId, [...(byStudent.get(result.studentId) ?? []), result]);
    return students.map((student) => ({
      id: student.id,
      fullName: student.fullName,
      year: studentYearInputFrom(
        catalogue,
        schoolClass.grade,
        student.electives,
        byStudent.get(student.id) ?? [],
        characterResults.get(student.id),
      ),
    }));
  }, [catalogue, schoolClass.grade, students, subjectResults, characterResults]);
}
