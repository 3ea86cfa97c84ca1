import { afterEach, describe, expect, it } from 'vitest';
import { compareRosterOrder } from '../../../shared/classList/listNumbers';
import { defaultCompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import { buildTrackingBook } from '../../../shared/domain/evaluation/trackingBook';
import { contextAs, databaseHarness, seededDatabase } from '../../../tests/support/browserDatabase';
import { writeSubjectCells, writeTraitCells, type StudentPlace } from '../../data/writes/resultWrites';
import { loadTrackingBookStudents } from './loadTrackingBookStudents';

const harness = databaseHarness();
afterEach(() => harness.cleanUp());
const catalogue = defaultCompiledCatalogue();

describe('the Sổ theo dõi read from the stored results (Chromium IndexedDB)', () => {
  it('lists the class in register order with the values typed in the grade book', async () => {
    const { database, school } = await seededDatabase(harness);
    const schoolClass = school.classes.find((candidate) => candidate.grade === 4);
    const homeroom = school.assignments.find((a) => a.classId === schoolClass?.id && a.homeroom);
    if (!schoolClass || !homeroom) throw new Error('sample school incomplete');
    // The register order the grade book shows (list numbers from the stored class list).
    const stored = await database.people.find({ selector: { classId: schoolClass.id } }).exec();
    const roster = stored.map((doc) => doc.toMutableJSON()).sort(compareRosterOrder);
    const second = roster[1];
    if (!second) throw new Error('the class has fewer than two students');
    const place: StudentPlace = {
      studentId: second.id,
      classId: schoolClass.id,
      schoolId: school.school.id,
      schoolYear: school.schoolYear,
      grade: 4,
      electives: second.electives,
    };
    const context = contextAs(school, homeroom.teacherId);
    await writeSubjectCells(database, context, [
      { place, rowKey: 'toan', period: 'CK1', field: 'level', value: 'H' },
      { place, rowKey: 'toan', period: 'CK1', field: 'score', value: 6 },
      { place, rowKey: 'toan', period: 'CK1', field: 'comment', value: 'Em cần cẩn thận khi đặt tính.' },
    ]);
    await writeTraitCells(database, context, [
      { place, trait: 'trung-thuc', period: 'CK1', field: 'level', value: 'Đ' },
    ]);
    const classDoc = await database.classes.findOne(schoolClass.id).exec();
    if (!classDoc) throw new Error('the class is not stored');

    const students = await loadTrackingBookStudents(database, catalogue, classDoc.toMutableJSON());
    expect(students.map((student) => student.fullName)).toEqual(roster.map((student) => student.fullName));
    const [toan, ...traits] = buildTrackingBook(catalogue, 4, students, { rowKeys: ['toan'], traits: true });
    expect(toan?.rows[1]?.cells.slice(0, 6)).toEqual([2, second.fullName, null, null, 'H', 6]);
    expect(toan?.rows[1]?.cells.at(-1)).toBe('Cuối học kỳ I: Em cần cẩn thận khi đặt tính.');
    const ck1 = traits.find((section) => section.key === 'traits:CK1');
    const honesty = ck1?.columns.findIndex((column) => column.label === 'Trung thực') ?? -1;
    expect(ck1?.rows[1]?.cells[honesty]).toBe('Đ');
  });
});
