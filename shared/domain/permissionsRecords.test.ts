import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assignment } from './assignment';
import { classIdOf, schoolIdOf, userIdOf } from './ids';
import { noPermissions, permissionsFor } from './permissions';
import { signerRoles } from './signerRole';
import { staffRoles } from './staff';

const school = schoolIdOf('01');
const classA = classIdOf(school, '2025-2026', '3A');
const classB = classIdOf(school, '2025-2026', '3B');
const lan = userIdOf('lan');
const homeroomOfA: Assignment = {
  id: 'a1',
  teacherId: lan,
  classId: classA,
  homeroom: true,
  subjects: ['toan'],
};
const subjectInB: Assignment = {
  id: 'a2',
  teacherId: lan,
  classId: classB,
  homeroom: false,
  subjects: ['toan'],
};

describe('rights over records, signatures, backups and exports', () => {
  it('lets a teacher sign as homeroom teacher of her own homeroom class only', () => {
    const teacher = permissionsFor({ userId: lan, role: 'teacher' }, [homeroomOfA, subjectInB]);
    expect(teacher.signerRoles).toStrictEqual(['homeroomTeacher']);
    expect(teacher.canSignAs('homeroomTeacher', classA)).toBe(true);
    expect(teacher.canSignAs('homeroomTeacher', classB)).toBe(false);
    expect(teacher.canSignAs('principal', classA)).toBe(false);
    expect(teacher.canSignAs('schoolSeal', classA)).toBe(false);
    expect(teacher.canProduceRecords(classA)).toBe(true);
    expect(teacher.canProduceRecords(classB)).toBe(false);
    expect(teacher.canAmendSignedRecord).toBe(false);
    expect(teacher.canDecidePromotion).toBe(false);
    expect(teacher.canRestoreBackup).toBe(false);
    expect(teacher.canMakeBackup).toBe(true);
    expect(teacher.canExportSummary(classB)).toBe(true);
    expect(teacher.canExportSummary(classIdOf(school, '2025-2026', '5C'))).toBe(false);
  });

  it('lets the principal sign as principal and put the seal on every class, amend, decide and restore', () => {
    const principal = permissionsFor({ userId: userIdOf('hieutruong'), role: 'principal' }, []);
    expect(principal.signerRoles).toStrictEqual(['principal', 'schoolSeal']);
    expect(principal.canSignAs('principal', classB)).toBe(true);
    expect(principal.canSignAs('schoolSeal', classB)).toBe(true);
    expect(principal.canSignAs('homeroomTeacher', classB)).toBe(false);
    expect(principal.canProduceRecords(classB)).toBe(true);
    expect(principal.canAmendSignedRecord).toBe(true);
    expect(principal.canDecidePromotion).toBe(true);
    expect(principal.canRestoreBackup).toBe(true);
  });

  it('lets a vice-principal produce records and restore, but sign, amend or decide nothing', () => {
    const vice = permissionsFor({ userId: userIdOf('pho'), role: 'vicePrincipal' }, []);
    expect(vice.signerRoles).toStrictEqual([]);
    expect(signerRoles.some((role) => vice.canSignAs(role, classA))).toBe(false);
    expect(vice.canProduceRecords(classA)).toBe(true);
    expect(vice.canAmendSignedRecord).toBe(false);
    expect(vice.canDecidePromotion).toBe(false);
    expect(vice.canRestoreBackup).toBe(true);
  });

  it('gives a deactivated or unknown account none of them', () => {
    expect(noPermissions.signerRoles).toStrictEqual([]);
    expect(noPermissions.canSignAs('principal', classA)).toBe(false);
    expect(noPermissions.canProduceRecords(classA)).toBe(false);
    expect(noPermissions.canMakeBackup).toBe(false);
    expect(noPermissions.canExportSummary(classA)).toBe(false);
  });

  it('never lets anyone sign a box their role does not sign, whatever the assignments', () => {
    const classes = [classA, classB];
    const assignment = fc.record({
      teacher: fc.constantFrom(lan, userIdOf('hung')),
      classId: fc.constantFrom(...classes),
      homeroom: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...staffRoles),
        fc.array(assignment, { maxLength: 6 }),
        fc.constantFrom(...signerRoles),
        fc.constantFrom(...classes),
        (role, drawn, signer, classId) => {
          const list: Assignment[] = drawn.map((a, index) => ({
            id: `a${index}`,
            teacherId: a.teacher,
            classId: a.classId,
            homeroom: a.homeroom,
            subjects: [],
          }));
          const may = permissionsFor({ userId: lan, role }, list).canSignAs(signer, classId);
          const homeroom = list.some((a) => a.teacherId === lan && a.classId === classId && a.homeroom);
          const expected =
            signer === 'homeroomTeacher' ? role === 'teacher' && homeroom : role === 'principal';
          expect(may).toBe(expected);
        },
      ),
    );
  });
});
