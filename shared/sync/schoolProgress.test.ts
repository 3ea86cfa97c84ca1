import { describe, expect, it } from 'vitest';
import { periodCodes, type PeriodCode } from '../domain/evaluation/catalogueSchema';
import { defaultCompiledCatalogue } from '../domain/evaluation/compiledCatalogue';
import { profileCompleteness } from '../domain/studentProfile';
import { generateSampleSchool } from '../sample/generateSampleSchool';
import { generateYearResults } from '../sample/generateYearResults';
import { sampleSchoolDocuments } from '../sample/sampleDocuments';
import { percentOf, schoolProgress, type ProgressInput, type RowResultCount } from './schoolProgress';

const compiled = defaultCompiledCatalogue();
const sample = generateSampleSchool({ seed: 11, students: 60 });
const documents = sampleSchoolDocuments(
  sample,
  generateYearResults(compiled, sample, 11),
  'user:hieutruong',
  new Date('2026-05-20T01:00:00Z'),
);

/** What the server's SQL gives: documents per class and row, with a level per period. */
function rowCounts(docs: typeof documents.subjectResults): RowResultCount[] {
  const counts = new Map<string, { classId: string; rowKey: string; levels: Record<PeriodCode, number> }>();
  for (const doc of docs) {
    const key = `${doc.classId}|${doc.rowKey}`;
    const count = counts.get(key) ?? {
      classId: doc.classId,
      rowKey: doc.rowKey,
      levels: { GK1: 0, CK1: 0, GK2: 0, CN: 0 },
    };
    for (const period of periodCodes) if ((doc[period]?.level ?? null) !== null) count.levels[period] += 1;
    counts.set(key, count);
  }
  return [...counts.values()];
}

const baseInput: ProgressInput = {
  compiled,
  classes: documents.classes,
  students: documents.people,
  rowResults: rowCounts(documents.subjectResults),
  confirmedByClass: new Map(),
  signedRecords: [],
};

describe('a school’s progress for the province', () => {
  it('counts the year’s students, their complete profiles, and every level the catalogue asks for', () => {
    const progress = schoolProgress(baseInput);
    expect(progress.schoolYear).toBe(sample.schoolYear);
    expect(progress.classes).toBe(documents.classes.length);
    expect(progress.students).toBe(documents.people.length);
    const complete = documents.people.filter(
      (person) => profileCompleteness(person).missing.length === 0,
    ).length;
    expect(progress.profilesComplete).toEqual({ done: complete, of: documents.people.length });
    // Every student is asked for each compulsory row of the grade, and the electives they take.
    let asked = 0;
    for (const person of documents.people) {
      const grade = documents.classes.find((c) => c.id === person.classId)?.grade ?? 1;
      asked += compiled
        .plan(grade)
        .rows.filter(
          (row) => row.status === 'compulsory' || person.electives.includes(row.subject.code),
        ).length;
    }
    for (const period of periodCodes) expect(progress.periods[period].of).toBe(asked);
    // The sample holds a whole year: every level of the year's end is there.
    expect(progress.periods.CN).toEqual({ done: asked, of: asked });
    expect(percentOf(progress.periods.CN)).toBe(100);
  });

  it('leaves out a student who left, another year’s classes, and levels of rows not asked of anyone', () => {
    const [first, ...rest] = documents.people;
    if (first === undefined) throw new Error('the sample has no student');
    const left = { ...first, departure: { kind: 'transferred', date: '2026-01-10' } };
    const lastYear = { id: 'class:old', schoolYear: '2020-2021', grade: 3 };
    const stray: RowResultCount = {
      classId: documents.classes[0]?.id ?? '',
      rowKey: 'khong-co-trong-chuong-trinh',
      levels: { GK1: 50, CK1: 50, GK2: 50, CN: 50 },
    };
    const progress = schoolProgress({
      ...baseInput,
      classes: [...documents.classes, lastYear],
      students: [left, ...rest, { ...first, id: 'student:9999999999', classId: 'class:old' }],
    });
    expect(progress.students).toBe(rest.length);
    // Levels in a row the catalogue does not have change nothing.
    const withStray = schoolProgress({ ...baseInput, rowResults: [...baseInput.rowResults, stray] });
    expect(withStray.periods).toEqual(schoolProgress(baseInput).periods);
    expect(schoolProgress({ ...baseInput, schoolYear: '2020-2021', students: [] }).classes).toBe(0);
  });

  it('counts confirmed year results and records signed in every box, only of the year', () => {
    const [firstClass] = documents.classes;
    if (firstClass === undefined) throw new Error('the sample has no class');
    const progress = schoolProgress({
      ...baseInput,
      confirmedByClass: new Map([
        [firstClass.id, 12],
        ['class:old', 40],
      ]),
      signedRecords: [
        { schoolYear: sample.schoolYear, verdict: 'complete' },
        { schoolYear: sample.schoolYear, verdict: 'partial' },
        { schoolYear: '2020-2021', verdict: 'complete' },
      ],
    });
    expect(progress.yearResultsConfirmed).toEqual({ done: 12, of: documents.people.length });
    expect(progress.recordsSigned).toEqual({ done: 1, of: documents.people.length });
    expect(progress.recordsPartlySigned).toBe(1);
  });

  it('reports a school with no class as nothing to do, not as a failure', () => {
    const progress = schoolProgress({ ...baseInput, classes: [], students: [], rowResults: [] });
    expect(progress).toMatchObject({ schoolYear: null, classes: 0, students: 0 });
    expect(percentOf(progress.recordsSigned)).toBe(100);
  });
});
