import { describe, expect, it } from 'vitest';
import { checkPersonalId } from '../domain/personalId';
import { isEthnicityName } from '../domain/ethnicities';
import { classSizesFor, generateSampleSchool } from './generateSampleSchool';
import { sampleSchoolFileSchema } from './sampleSchoolFile';

describe('sample school generator', () => {
  const school = generateSampleSchool({ seed: 42, students: 2000 });

  it('is deterministic: the same seed gives the same bytes, another seed another school', () => {
    expect(JSON.stringify(generateSampleSchool({ seed: 42, students: 2000 }))).toBe(JSON.stringify(school));
    expect(JSON.stringify(generateSampleSchool({ seed: 43, students: 2000 }))).not.toBe(
      JSON.stringify(school),
    );
  });

  it('produces a file that validates against its schema', () => {
    expect(sampleSchoolFileSchema.safeParse(school).success).toBe(true);
  });

  it('has exactly the requested students, five grades, and classes of 30 to 40', () => {
    expect(school.students).toHaveLength(2000);
    expect(new Set(school.classes.map((c) => c.grade))).toEqual(new Set([1, 2, 3, 4, 5]));
    for (const schoolClass of school.classes) {
      const size = school.students.filter((s) => s.classId === schoolClass.id).length;
      expect(size).toBeGreaterThanOrEqual(30);
      expect(size).toBeLessThanOrEqual(40);
    }
  });

  it('gives every student a unique code and id, and class ids that exist', () => {
    const codes = new Set(school.students.map((s) => s.studentCode));
    expect(codes.size).toBe(2000);
    const classIds = new Set(school.classes.map((c) => c.id));
    expect(school.students.every((s) => classIds.has(s.classId))).toBe(true);
  });

  it('writes Vietnamese names in NFC with diacritics', () => {
    const names = school.students.map((s) => s.fullName);
    expect(names.every((name) => name === name.normalize('NFC'))).toBe(true);
    expect(names.every((name) => name.split(' ').length >= 3)).toBe(true);
    expect(
      names.filter((name) =>
        /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i.test(name),
      ).length,
    ).toBeGreaterThan(1900);
  });

  it('matches birth years to grades (6 years old in grade 1), with a few a year older', () => {
    for (const student of school.students) {
      const grade = school.classes.find((c) => c.id === student.classId)?.grade ?? 0;
      const birthYear = Number(student.birthDate.slice(0, 4));
      expect([2025 - 5 - grade, 2025 - 6 - grade]).toContain(birthYear);
    }
  });

  it('gives personal IDs consistent with gender and birth year', () => {
    for (const student of school.students) {
      expect(
        checkPersonalId(student.personalId, {
          gender: student.gender,
          birthYear: Number(student.birthDate.slice(0, 4)),
        }),
      ).toEqual([]);
    }
  });

  it('never gives two children of a school the same personal ID or student code, even a large school', () => {
    const large = generateSampleSchool({ seed: 77, students: 5000 });
    expect(new Set(large.students.map((s) => s.personalId)).size).toBe(large.students.length);
    expect(new Set(large.students.map((s) => s.studentCode)).size).toBe(large.students.length);
  });

  it('uses real ethnic group names and a plausible gender balance', () => {
    expect(school.students.every((s) => isEthnicityName(s.ethnicity))).toBe(true);
    const boys = school.students.filter((s) => s.gender === 'male').length;
    expect(boys).toBeGreaterThan(900);
    expect(boys).toBeLessThan(1150);
  });

  it('refuses an impossible size', () => {
    expect(() => generateSampleSchool({ seed: 1, students: 0 })).toThrow(RangeError);
    expect(() => generateSampleSchool({ seed: 1, students: 5001 })).toThrow(RangeError);
  });
});

describe('classSizesFor', () => {
  it.each([
    [400, 11],
    [35, 1],
    [70, 2],
    [61, 2],
    [80, 2],
    [81, 3],
  ])('splits %i students into %i classes of 30 to 40', (students, classes) => {
    const sizes = classSizesFor(students);
    expect(sizes).toHaveLength(classes);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(students);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('keeps a small grade in one class', () => {
    expect(classSizesFor(12)).toEqual([12]);
    expect(classSizesFor(0)).toEqual([]);
  });
});
