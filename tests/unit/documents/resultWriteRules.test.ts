import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coversRow, type Assignment } from '../../../shared/domain/assignment';
import { checkCharacterResultWrite } from '../../../shared/documents/characterResults/characterResultsWriteRule';
import {
  checkSubjectResultWrite,
  subjectResultWriteRule,
} from '../../../shared/documents/subjectResults/subjectResultsWriteRule';
import { noControls } from '../../../shared/documents/writeRule';
import { checkYearResultWrite } from '../../../shared/documents/yearResults/yearResultsWriteRule';
import {
  characterResultOf,
  class3A,
  class3B,
  hung,
  lan,
  principal,
  subjectResultOf,
  writerOf,
  yearResultOf,
} from './builders';

const refusal = (reason: string) => ({ ok: false, reason });

describe('subjectResults: written by a teacher assigned that row in that class', () => {
  it('lets the assigned teachers create and change their rows', () => {
    expect(
      checkSubjectResultWrite(writerOf(lan), noControls, null, subjectResultOf('toan', lan)),
    ).toStrictEqual({
      ok: true,
    });
    const before = subjectResultOf('tin-hoc-cong-nghe/tin-hoc', lan);
    const after = { ...subjectResultOf('tin-hoc-cong-nghe/tin-hoc', hung), CN: null };
    expect(checkSubjectResultWrite(writerOf(hung), noControls, before, after).ok).toBe(true);
  });

  it('refuses another subject, another part, another class, and the principal where not assigned', () => {
    const notAssigned = refusal('Bạn không được phân công đánh giá môn này của lớp này, nên chỉ xem được.');
    const write = (userId: typeof lan, rowKey: string, role: 'teacher' | 'principal' = 'teacher') =>
      checkSubjectResultWrite(writerOf(userId, role), noControls, null, subjectResultOf(rowKey, userId));
    expect(write(hung, 'toan')).toStrictEqual(notAssigned);
    expect(write(hung, 'tin-hoc-cong-nghe/cong-nghe')).toStrictEqual(notAssigned);
    expect(write(principal, 'toan', 'principal')).toStrictEqual(notAssigned);
    const otherClass = subjectResultOf('toan', lan, class3B);
    expect(checkSubjectResultWrite(writerOf(lan), noControls, null, otherClass).ok).toBe(false);
  });

  it('refuses a stamp naming someone else, an id that is not the natural one, and a moved row', () => {
    expect(checkSubjectResultWrite(writerOf(lan), noControls, null, subjectResultOf('toan', hung)).ok).toBe(
      false,
    );
    const wrongId = { ...subjectResultOf('toan', lan), id: 'subjectResult:x' };
    expect(checkSubjectResultWrite(writerOf(lan), noControls, null, wrongId)).toStrictEqual(
      refusal('Mã tài liệu không khớp với thông tin của nó (học sinh, lớp, môn, năm học).'),
    );
    const wrongSubject = { ...subjectResultOf('toan', lan), subject: 'tieng-viet' };
    expect(checkSubjectResultWrite(writerOf(lan), noControls, null, wrongSubject).ok).toBe(false);
    const moved = { ...subjectResultOf('toan', lan), classId: class3B };
    expect(checkSubjectResultWrite(writerOf(lan), noControls, subjectResultOf('toan', lan), moved).ok).toBe(
      false,
    );
  });

  it('never lets a subject teacher write a row their assignment does not cover (property)', () => {
    const rowKeys = [
      'toan',
      'tieng-viet',
      'tin-hoc-cong-nghe/tin-hoc',
      'tin-hoc-cong-nghe/cong-nghe',
      'dao-duc',
    ];
    const subjectsOrRows = [...rowKeys, 'tin-hoc-cong-nghe'];
    fc.assert(
      fc.property(
        fc.subarray(subjectsOrRows),
        fc.constantFrom(...rowKeys),
        fc.constantFrom(class3A, class3B),
        (subjects, rowKey, classId) => {
          const assignment: Assignment = {
            id: 'a',
            teacherId: hung,
            classId: class3A,
            homeroom: false,
            subjects,
          };
          const verdict = subjectResultWriteRule(
            { userId: hung, role: 'teacher' },
            [assignment],
            noControls,
            null,
            subjectResultOf(rowKey, hung, classId),
          );
          expect(verdict.ok).toBe(classId === class3A && coversRow(subjects, rowKey));
        },
      ),
    );
  });
});

describe('characterResults: the homeroom teacher only', () => {
  it('allows the homeroom teacher and refuses a subject teacher or another class', () => {
    expect(checkCharacterResultWrite(writerOf(lan), noControls, null, characterResultOf(lan)).ok).toBe(true);
    expect(
      checkCharacterResultWrite(writerOf(hung), noControls, null, characterResultOf(hung)),
    ).toStrictEqual(refusal('Chỉ giáo viên chủ nhiệm của lớp mới nhập được phần này.'));
    expect(
      checkCharacterResultWrite(writerOf(lan), noControls, null, characterResultOf(lan, class3B)).ok,
    ).toBe(false);
  });
});

describe('yearResults: the homeroom teacher confirms, the principal decides', () => {
  const at = '2026-05-30T02:00:00.000Z';
  it('lets the homeroom teacher confirm and evaluate, and refuses a subject teacher', () => {
    const confirmed = { ...yearResultOf(lan), confirmation: { at, by: lan, result: 'HT', fingerprint: 'f' } };
    expect(checkYearResultWrite(writerOf(lan), noControls, yearResultOf(lan), confirmed).ok).toBe(true);
    const byHung = { ...confirmed, updatedBy: hung, confirmation: { ...confirmed.confirmation, by: hung } };
    expect(checkYearResultWrite(writerOf(hung), noControls, yearResultOf(lan), byHung).ok).toBe(false);
  });

  it('refuses a stamp that names someone other than the writer', () => {
    const forged = {
      ...yearResultOf(lan),
      note: 'x',
      confirmation: { at, by: hung, result: 'HT', fingerprint: 'f' },
    };
    expect(checkYearResultWrite(writerOf(lan), noControls, yearResultOf(lan), forged)).toStrictEqual(
      refusal('Tài liệu phải ghi đúng người sửa là người đang đăng nhập.'),
    );
  });

  it('lets only the principal decide, and the homeroom teacher clear a decision', () => {
    const decided = {
      ...yearResultOf(principal),
      principalDecision: { at, by: principal, decision: 'promoted' as const, date: '2026-06-01' },
    };
    expect(
      checkYearResultWrite(writerOf(principal, 'principal'), noControls, yearResultOf(lan), decided).ok,
    ).toBe(true);
    const byLan = {
      ...decided,
      updatedBy: lan,
      principalDecision: { ...decided.principalDecision, by: lan },
    };
    expect(checkYearResultWrite(writerOf(lan), noControls, yearResultOf(lan), byLan)).toStrictEqual(
      refusal('Chỉ hiệu trưởng mới quyết định việc lên lớp của học sinh chưa hoàn thành chương trình.'),
    );
    const cleared = {
      ...yearResultOf(lan),
      supplementaryEvaluation: { at, by: lan, outcome: 'completed' as const, date: '2026-08-05' },
    };
    expect(checkYearResultWrite(writerOf(lan), noControls, decided, cleared).ok).toBe(true);
    expect(
      checkYearResultWrite(writerOf(hung), noControls, decided, { ...cleared, updatedBy: hung }).ok,
    ).toBe(false);
  });
});

describe('yearResults: a document created by one decision', () => {
  it('lets the principal create a year result with only the decision in it', () => {
    const decided = {
      ...yearResultOf(principal),
      principalDecision: {
        at: '2026-06-01T02:00:00.000Z',
        by: principal,
        decision: 'promoted' as const,
        date: '2026-06-01',
      },
    };
    expect(checkYearResultWrite(writerOf(principal, 'principal'), noControls, null, decided).ok).toBe(true);
    expect(
      checkYearResultWrite(writerOf(principal, 'principal'), noControls, null, { ...decided, note: 'x' }).ok,
    ).toBe(false);
  });
});
