import { useMemo } from 'react';
import type { PeriodCode } from '../../../shared/domain/evaluation/catalogueSchema';
import {
  buildClassSummary,
  type ClassSummary,
  type SummaryStudent,
} from '../../../shared/domain/evaluation/classSummary';
import type { CompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import {
  studentYearInputFrom,
  type SubjectResultValues,
} from '../../../shared/domain/evaluation/resultDocuments';
import type { StudentYearInput } from '../../../shared/domain/evaluation/studentYearInput';
import type { ClassDoc } from '../../data/collections/classesCollection';
import type { YearResultDoc } from '../../data/collections/yearResultsCollection';
import {
  useCharacterResults,
  useClassStudents,
  useClassSubjectResults,
  useYearResults,
} from '../../data/queries/classQueries';

export type SummaryData = {
  readonly summary: ClassSummary;
  readonly inputs: ReadonlyMap<string, StudentYearInput>;
  readonly yearResults: ReadonlyMap<string, YearResultDoc>;
};

/** The class summary table, recomputed live from the class's stored results by the engine. */
export function useClassSummary(
  catalogue: CompiledCatalogue,
  schoolClass: ClassDoc,
  period: PeriodCode,
): SummaryData | undefined {
  const students = useClassStudents(schoolClass.id);
  const subjectResults = useClassSubjectResults(schoolClass.id);
  const characterResults = useCharacterResults(schoolClass.id);
  const yearResults = useYearResults(schoolClass.id);
  return useMemo(() => {
    if (!students || !subjectResults || !characterResults || !yearResults) return undefined;
    const byStudent = new Map<string, SubjectResultValues[]>();
    for (const result of subjectResults)
      byStudent.set(result.studentId, [...(byStudent.get(result.studentId) ?? []), result]);
    const inputs = new Map<string, StudentYearInput>();
    const rows: SummaryStudent[] = students.map((student) => {
      const year = yearResults.get(student.id);
      const input = studentYearInputFrom(
        catalogue,
        schoolClass.grade,
        student.electives,
        byStudent.get(student.id) ?? [],
        characterResults.get(student.id),
        {
          ...(student.individualEducationPlan ? { individualEducationPlan: true } : {}),
          ...(year?.supplementaryEvaluation
            ? {
                supplementaryEvaluation: {
                  outcome: year.supplementaryEvaluation.outcome,
                  date: year.supplementaryEvaluation.date,
                },
              }
            : {}),
          ...(year?.principalDecision
            ? {
                principalDecision: {
                  decision: year.principalDecision.decision,
                  date: year.principalDecision.date,
                },
              }
            : {}),
        },
      );
      inputs.set(student.id, input);
      return {
        id: student.id,
        fullName: student.fullName,
        birthDate: student.birthDate,
        gender: student.gender,
        studentCode: student.studentCode,
        year: input,
        ...(year?.confirmation ? { confirmedAwards: year.awards.map((award) => award.title) } : {}),
        ...(year?.note ? { note: year.note } : {}),
      };
    });
    return { summary: buildClassSummary(catalogue, schoolClass.grade, period, rows), inputs, yearResults };
  }, [catalogue, schoolClass.grade, period, students, subjectResults, characterResults, yearResults]);
}
