import { describe, expect, it } from 'vitest';
import { assignmentIdOf } from '../../../shared/domain/assignment';
import { schoolIdOf } from '../../../shared/domain/ids';
import {
  checkAssignmentWrite,
  assignmentWriteRule,
} from '../../../shared/documents/assignments/assignmentsWriteRule';
import { auditEventIdOf } from '../../../shared/documents/auditEvents/auditEvents';
import { checkAuditEventWrite } from '../../../shared/documents/auditEvents/auditEventsWriteRule';
import { checkClassWrite } from '../../../shared/documents/classes/classesWriteRule';
import { checkPersonWrite } from '../../../shared/documents/people/peopleWriteRule';
import { checkSchoolWrite } from '../../../shared/documents/schools/schoolsWriteRule';
import { newestSchoolOf } from './schoolBuilder';
import { noControls } from '../../../shared/documents/writeRule';
import {
  class3A,
  class3B,
  homeroomAssignment,
  hung,
  lan,
  metaOf,
  personOf,
  principal,
  writerOf,
} from './builders';

describe('schools, classes, assignments: leadership only', () => {
  const schoolClass = (by: typeof lan) => ({
    id: class3A,
    grade: 3 as const,
    name: '3A',
    homeroomTeacherName: 'Nguyễn Thị Lan',
    ...metaOf(by),
  });
  const assignment = (by: typeof lan) => ({ ...homeroomAssignment, ...metaOf(by) });

  it('lets the principal and a vice-principal set up, and refuses a teacher', () => {
    const vice = writerOf(principal, 'vicePrincipal');
    expect(
      checkClassWrite(writerOf(principal, 'principal'), noControls, null, schoolClass(principal)).ok,
    ).toBe(true);
    expect(checkClassWrite(vice, noControls, null, schoolClass(principal)).ok).toBe(true);
    expect(checkClassWrite(writerOf(lan), noControls, null, schoolClass(lan))).toStrictEqual({
      ok: false,
      reason: 'Chỉ hiệu trưởng hoặc phó hiệu trưởng mới thiết lập được trường, năm học, lớp và phân công.',
    });
    expect(checkAssignmentWrite(writerOf(lan), noControls, null, assignment(lan)).ok).toBe(false);
    expect(
      assignmentWriteRule(
        { userId: principal, role: 'principal' },
        [],
        noControls,
        null,
        assignment(principal),
      ).ok,
    ).toBe(true);
    const school = newestSchoolOf(principal);
    expect(
      checkSchoolWrite(writerOf(principal, 'principal'), noControls, school, { ...school, phone: '028' }).ok,
    ).toBe(true);
    expect(checkSchoolWrite(writerOf(lan), noControls, school, { ...school, updatedBy: lan }).ok).toBe(false);
  });

  it('keeps ids natural: a class by school, year and name; an assignment by teacher and class; a school by code', () => {
    const renamed = { ...schoolClass(principal), name: '3B' };
    expect(checkClassWrite(writerOf(principal, 'principal'), noControls, null, renamed).ok).toBe(false);
    const moved = { ...assignment(principal), classId: class3B };
    expect(checkAssignmentWrite(writerOf(principal, 'principal'), noControls, null, moved).ok).toBe(false);
    expect(moved.id).not.toBe(assignmentIdOf(moved.teacherId, moved.classId));
    const school = newestSchoolOf(principal);
    expect(school.id).toBe(schoolIdOf(school.code));
    expect(
      checkSchoolWrite(writerOf(principal, 'principal'), noControls, null, { ...school, code: '79000999' })
        .ok,
    ).toBe(false);
  });
});

describe('people: the homeroom teacher, or leadership', () => {
  it('lets the homeroom teacher add and edit her students, and refuses a subject teacher', () => {
    expect(checkPersonWrite(writerOf(lan), noControls, null, personOf(lan)).ok).toBe(true);
    expect(
      checkPersonWrite(writerOf(lan), noControls, personOf(lan), { ...personOf(lan), address: 'Huế' }).ok,
    ).toBe(true);
    expect(checkPersonWrite(writerOf(hung), noControls, personOf(lan), personOf(hung))).toStrictEqual({
      ok: false,
      reason: 'Chỉ giáo viên chủ nhiệm của lớp hoặc ban giám hiệu mới ghi được hồ sơ học sinh này.',
    });
  });

  it('lets only leadership move a student to another class or remove one; the code never changes', () => {
    expect(checkPersonWrite(writerOf(lan), noControls, personOf(lan), personOf(lan, class3B)).ok).toBe(false);
    const mover = writerOf(principal, 'principal');
    expect(checkPersonWrite(mover, noControls, personOf(lan), personOf(principal, class3B)).ok).toBe(true);
    expect(checkPersonWrite(writerOf(lan), noControls, personOf(lan), null).ok).toBe(false);
    expect(checkPersonWrite(mover, noControls, personOf(lan), null).ok).toBe(true);
    const recoded = { ...personOf(principal), studentCode: '0123456780' };
    expect(checkPersonWrite(mover, noControls, personOf(lan), recoded)).toStrictEqual({
      ok: false,
      reason: 'Mã học sinh do Bộ cấp nên không sửa được.',
    });
  });
});

describe('auditEvents: insert-only, by the person named', () => {
  const event = {
    id: auditEventIdOf('device-1', 7),
    deviceId: 'device-1',
    seq: 7,
    prevHash: '0'.repeat(64),
    hash: '1'.repeat(64),
    actor: lan,
    at: '2026-01-05T02:00:00.000Z',
    collectionName: 'people',
    docId: 'student:0123456789',
    field: 'address',
    old: '""',
    new: '"Huế"',
    studentId: 'student:0123456789',
    classId: class3A,
    amendmentId: '',
  };
  it('accepts a new event by its actor and refuses a rewrite, a removal, another actor and a wrong id', () => {
    expect(checkAuditEventWrite(writerOf(lan), noControls, null, event).ok).toBe(true);
    expect(checkAuditEventWrite(writerOf(lan), noControls, event, { ...event, new: '"Hà Nội"' }).ok).toBe(
      false,
    );
    expect(checkAuditEventWrite(writerOf(lan), noControls, event, null).ok).toBe(false);
    expect(checkAuditEventWrite(writerOf(hung), noControls, null, event).ok).toBe(false);
    expect(checkAuditEventWrite(writerOf(lan), noControls, null, { ...event, seq: 8 }).ok).toBe(false);
  });
});
