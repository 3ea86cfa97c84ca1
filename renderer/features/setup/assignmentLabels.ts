import type { CompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import type { AssignmentDoc } from '../../data/collections/assignmentsCollection';
import type { ClassDoc } from '../../data/collections/classesCollection';
import { setupStrings } from './strings';

/** How a stored subject entry reads: a row's label ("Tin học và Công nghệ (Tin học)") or a subject's name. */
export function subjectLabelOf(catalogue: CompiledCatalogue, grade: number, key: string): string {
  return catalogue.plan(grade).rowsByKey.get(key)?.label ?? catalogue.subjectsByCode.get(key)?.name ?? key;
}

/** One line per class a teacher works in: "3A: chủ nhiệm, Toán, Tiếng Việt". */
export function teacherAssignmentLines(
  catalogue: CompiledCatalogue,
  classes: readonly ClassDoc[],
  assignments: readonly AssignmentDoc[],
  teacherId: string,
): string[] {
  return classes.flatMap((schoolClass) => {
    const assignment = assignments.find((a) => a.teacherId === teacherId && a.classId === schoolClass.id);
    if (!assignment || (!assignment.homeroom && assignment.subjects.length === 0)) return [];
    const parts = [
      ...(assignment.homeroom ? [setupStrings.staff.homeroom] : []),
      ...assignment.subjects.map((key) => subjectLabelOf(catalogue, schoolClass.grade, key)),
    ];
    return [setupStrings.staff.classSubjects(schoolClass.name, parts.join(', '))];
  });
}
