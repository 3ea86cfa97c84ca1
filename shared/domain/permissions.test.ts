import { describe, expect, it } from 'vitest';
import type { Assignment } from './assignment';
import { classIdOf, schoolIdOf, userIdOf } from './ids';
import { permissionsFor, permissionsOfStaff } from './permissions';
import type { StaffMember } from './staff';

const classA = classIdOf(schoolIdOf('01'), '2025-2026', '3A');
const classB = classIdOf(schoolIdOf('01'), '2025-2026', '3B');
const assignments: Assignment[] = [
  {
    id: 'a1',
    teacherId: userIdOf('lan'),
    classId: classA,
    homeroom: true,
    subjects: ['tieng-viet', 'toan', 'dao-duc'],
  },
  {
    id: 'a2',
    teacherId: userIdOf('hung'),
    classId: classA,
    homeroom: false,
    subjects: ['tin-hoc-cong-nghe/tin-hoc'],
  },
  {
    id: 'a3',
    teacherId: userIdOf('hung'),
    classId: classB,
    homeroom: false,
    subjects: ['tin-hoc-cong-nghe'],
  },
  { id: 'a4', teacherId: userIdOf('principal'), classId: classB, homeroom: false, subjects: ['dao-duc'] },
];

describe('permissions from role and assignments', () => {
  it('lets a homeroom teacher do homeroom work and enter the assigned subjects of that class only', () => {
    const lan = permissionsFor({ userId: userIdOf('lan'), role: 'teacher' }, assignments);
    expect(lan.isHomeroomOf(classA)).toBe(true);
    expect(lan.canEditSubject(classA, 'toan')).toBe(true);
    expect(lan.canEditSubject(classA, 'ngoai-ngu-1')).toBe(false);
    expect(lan.canEditSubject(classB, 'toan')).toBe(false);
    expect(lan.canSeeClass(classB)).toBe(false);
    expect(lan.canSetUpSchool).toBe(false);
    expect(lan.canImportClassList(classA)).toBe(true);
  });

  it('gives a subject teacher exactly the assigned part, or every part when assigned the whole subject', () => {
    const hung = permissionsFor({ userId: userIdOf('hung'), role: 'teacher' }, assignments);
    expect(hung.canEditSubject(classA, 'tin-hoc-cong-nghe/tin-hoc')).toBe(true);
    expect(hung.canEditSubject(classA, 'tin-hoc-cong-nghe/cong-nghe')).toBe(false);
    expect(hung.canEditSubject(classB, 'tin-hoc-cong-nghe/cong-nghe')).toBe(true);
    expect(hung.isHomeroomOf(classA)).toBe(false);
    expect(hung.canImportClassList(classA)).toBe(false);
  });

  it('lets the principal see every class and set up the school, but edit results only where assigned', () => {
    const principal = permissionsFor({ userId: userIdOf('principal'), role: 'principal' }, assignments);
    expect(principal.canSetUpSchool).toBe(true);
    expect(principal.canSeeClass(classA)).toBe(true);
    expect(principal.canEditSubject(classA, 'toan')).toBe(false);
    expect(principal.canEditSubject(classB, 'dao-duc')).toBe(true);
    expect(principal.isHomeroomOf(classA)).toBe(false);
    expect(principal.canImportClassList(classA)).toBe(true);
  });

  it('takes the role from the staff list and gives a missing or deactivated account no rights', () => {
    const staff: StaffMember[] = [
      { userId: userIdOf('lan'), login: 'lan', fullName: 'Nguyễn Thị Lan', role: 'teacher', active: false },
      { userId: userIdOf('hung'), login: 'hung', fullName: 'Trần Văn Hùng', role: 'teacher', active: true },
      {
        userId: userIdOf('principal'),
        login: 'hieutruong',
        fullName: 'Lê Minh Tâm',
        role: 'principal',
        active: true,
      },
    ];
    const lan = permissionsOfStaff(staff, userIdOf('lan'), assignments);
    expect(lan.canSeeClass(classA)).toBe(false);
    expect(lan.canEditSubject(classA, 'toan')).toBe(false);
    expect(lan.isHomeroomOf(classA)).toBe(false);
    expect(permissionsOfStaff(staff, userIdOf('nobody'), assignments).canSeeClass(classA)).toBe(false);
    expect(
      permissionsOfStaff(staff, userIdOf('hung'), assignments).canEditSubject(
        classA,
        'tin-hoc-cong-nghe/tin-hoc',
      ),
    ).toBe(true);
    expect(permissionsOfStaff(staff, userIdOf('principal'), assignments).canSetUpSchool).toBe(true);
  });
});
