import { assignmentIdOf, type Assignment } from '../../../shared/domain/assignment';
import {
  characterResultIdOf,
  splitRowKey,
  subjectResultIdOf,
  yearResultIdOf,
} from '../../../shared/domain/evaluation/resultDocuments';
import {
  classIdOf,
  schoolIdOf,
  studentIdOf,
  userIdOf,
  type ClassId,
  type UserId,
} from '../../../shared/domain/ids';
import { permissionsFor, type Actor } from '../../../shared/domain/permissions';
import type { CharacterResultDoc } from '../../../shared/documents/characterResults/characterResults';
import type { PersonDoc } from '../../../shared/documents/people/people';
import { newStudentFields } from '../../../shared/documents/people/peopleMigrations';
import type { SubjectResultDoc } from '../../../shared/documents/subjectResults/subjectResults';
import type { Writer } from '../../../shared/documents/writeRule';
import type { YearResultDoc } from '../../../shared/documents/yearResults/yearResults';

/** A small school for the write rules' tests: two classes, a homeroom teacher, a subject teacher, the principal. */
export const schoolId = schoolIdOf('79000101');
export const schoolYear = '2025-2026';
export const class3A = classIdOf(schoolId, schoolYear, '3A');
export const class3B = classIdOf(schoolId, schoolYear, '3B');
export const lan = userIdOf('lan');
export const hung = userIdOf('hung');
export const principal = userIdOf('hieutruong');
export const student = studentIdOf('0123456789');

export const homeroomAssignment: Assignment = {
  id: assignmentIdOf(lan, class3A),
  teacherId: lan,
  classId: class3A,
  homeroom: true,
  subjects: ['toan'],
};

export const assignments: Assignment[] = [
  homeroomAssignment,
  {
    id: assignmentIdOf(hung, class3A),
    teacherId: hung,
    classId: class3A,
    homeroom: false,
    subjects: ['tin-hoc-cong-nghe/tin-hoc'],
  },
];

export function writerOf(userId: UserId, role: Actor['role'] = 'teacher'): Writer {
  const actor = { userId, role };
  return { actor, permissions: permissionsFor(actor, assignments) };
}

const meta = (by: UserId) => ({
  schoolId,
  schoolYear,
  updatedAt: '2026-01-05T02:00:00.000Z',
  updatedBy: by,
  rev: 0,
});

export function subjectResultOf(rowKey: string, by: UserId, classId: ClassId = class3A): SubjectResultDoc {
  return {
    id: subjectResultIdOf(student, rowKey, schoolYear),
    studentId: student,
    classId,
    ...splitRowKey(rowKey),
    rowKey,
    GK1: null,
    CK1: null,
    GK2: null,
    CN: { level: 'T', score: 9, retestScore: null, comment: 'Làm tính nhanh.' },
    ...meta(by),
  };
}

export function characterResultOf(by: UserId, classId: ClassId = class3A): CharacterResultDoc {
  return {
    id: characterResultIdOf(student, schoolYear),
    studentId: student,
    classId,
    GK1: {},
    CK1: { chamChi: { level: 'T', comment: '' } },
    GK2: {},
    CN: {},
    ...meta(by),
  };
}

export function yearResultOf(by: UserId): YearResultDoc {
  return {
    id: yearResultIdOf(student, schoolYear),
    studentId: student,
    classId: class3A,
    confirmation: null,
    awards: [],
    supplementaryEvaluation: null,
    principalDecision: null,
    note: '',
    ...meta(by),
  };
}

export function personOf(by: UserId, classId: ClassId = class3A): PersonDoc {
  return {
    id: student,
    classId,
    studentCode: '0123456789',
    personalId: '',
    fullName: 'Nguyễn Văn An',
    gender: 'male',
    birthDate: '2017-03-02',
    ethnicity: 'Kinh',
    nationality: 'Việt Nam',
    birthPlace: '',
    hometown: '',
    address: '',
    fatherName: '',
    motherName: '',
    guardianName: '',
    searchName: 'nguyen van an',
    electives: [],
    photo: null,
    birthCertificateCheck: null,
    parentsConfirmation: null,
    ...newStudentFields,
    ...meta(by),
  };
}

export const metaOf = meta;
