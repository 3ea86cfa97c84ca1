import { describe, expect, it } from 'vitest';
import { coversRow } from '../domain/assignment';
import { defaultCompiledCatalogue } from '../domain/evaluation/compiledCatalogue';
import { computeYearResult } from '../domain/evaluation/computeYearResult';
import { studentYearInputFrom } from '../domain/evaluation/resultDocuments';
import { validateStudentYear } from '../domain/evaluation/validateStudentYear';
import { generateSampleSchool } from './generateSampleSchool';
import { generateYearResults, yearResultsByStudent } from './generateYearResults';

const compiled = defaultCompiledCatalogue();
const school = generateSampleSchool({ seed: 5, students: 700 });

describe('sample staff and assignments', () => {
  it('has a principal, a vice-principal and unique logins', () => {
    expect(school.staff.filter((member) => member.role === 'principal')).toHaveLength(1);
    expect(school.staff.find((member) => member.role === 'principal')?.fullName).toBe(
      school.school.principalName,
    );
    expect(new Set(school.staff.map((member) => member.login)).size).toBe(school.staff.length);
  });

  it('gives every class one homeroom teacher and every subject row of its grade exactly one teacher', () => {
    for (const schoolClass of school.classes) {
      const own = school.assignments.filter((assignment) => assignment.classId === schoolClass.id);
      expect(own.filter((assignment) => assignment.homeroom)).toHaveLength(1);
      for (const row of compiled.plan(schoolClass.grade).rows) {
        expect(
          own.filter((assignment) => coversRow(assignment.subjects, row.key)),
          `${schoolClass.name} ${row.key}`,
        ).toHaveLength(1);
      }
    }
  });
});

describe('sample year results', () => {
  const year = generateYearResults(compiled, school, 9);
  const gradeOf = new Map(school.classes.map((c) => [c.id, c.grade]));

  it('is deterministic', () => {
    expect(JSON.stringify(generateYearResults(compiled, school, 9))).toBe(JSON.stringify(year));
  });

  it('gives the same values one student at a time, in the same order (a trial loads in slices)', () => {
    const students = [...yearResultsByStudent(compiled, school, 9)];
    expect(students).toHaveLength(school.students.length);
    expect(students.flatMap((student) => student.subjectResults)).toEqual(year.subjectResults);
    expect(students.flatMap((student) => student.characterResults)).toEqual(year.characterResults);
    expect(
      students.every(
        (student, index) => student.characterResults[0]?.studentId === school.students[index]?.id,
      ),
    ).toBe(true);
  });

  it('gives every student a complete, valid year with a result, and every result occurs', () => {
    const bySubject = new Map<string, (typeof year.subjectResults)[number][]>();
    for (const result of year.subjectResults)
      bySubject.set(result.studentId, [...(bySubject.get(result.studentId) ?? []), result]);
    const byCharacter = new Map(year.characterResults.map((result) => [result.studentId, result]));
    const seen = new Set<string>();
    for (const student of school.students) {
      const input = studentYearInputFrom(
        compiled,
        gradeOf.get(student.classId) ?? 1,
        student.electives,
        bySubject.get(student.id) ?? [],
        byCharacter.get(student.id),
      );
      expect(validateStudentYear(compiled, input)).toEqual([]);
      const outcome = computeYearResult(compiled, input);
      expect(outcome.status).toBe('computed');
      if (outcome.status === 'computed') seen.add(outcome.result);
    }
    expect([...seen].sort()).toEqual(['CHT', 'HT', 'HTT', 'HTXS']);
  });

  it('gives every class all four results and both awards, so a trial shows each path (issue 10, point 18)', () => {
    const bySubject = new Map<string, (typeof year.subjectResults)[number][]>();
    for (const result of year.subjectResults)
      bySubject.set(result.studentId, [...(bySubject.get(result.studentId) ?? []), result]);
    const byCharacter = new Map(year.characterResults.map((result) => [result.studentId, result]));
    for (const schoolClass of school.classes) {
      const results = new Set<string>();
      const awards = new Set<string>();
      for (const student of school.students.filter((candidate) => candidate.classId === schoolClass.id)) {
        const outcome = computeYearResult(
          compiled,
          studentYearInputFrom(
            compiled,
            schoolClass.grade,
            student.electives,
            bySubject.get(student.id) ?? [],
            byCharacter.get(student.id),
          ),
        );
        if (outcome.status !== 'computed') continue;
        results.add(outcome.result);
        for (const proposal of outcome.awards) awards.add(proposal.award);
      }
      expect([...results].sort(), schoolClass.name).toEqual(['CHT', 'HT', 'HTT', 'HTXS']);
      expect([...awards].sort(), schoolClass.name).toEqual(['excellent', 'exemplary']);
    }
  });

  it('stops at the requested period', () => {
    const midYear = generateYearResults(compiled, school, 9, 'CK1');
    expect(
      midYear.subjectResults.every(
        (result) => result.CK1 !== null && result.GK2 === null && result.CN === null,
      ),
    ).toBe(true);
  });
});
