import { describe, expect, it } from 'vitest';
import type { ClassId, StudentId } from '../../../shared/domain/ids';
import type { StudentPlan } from '../../../shared/rollOver/rollOverTypes';
import { choicesOf, destinationOptions, valueOf, type RollOverDraft } from './rollOverDrafts';

const an = 'student:0000000001' as StudentId;
const binh = 'student:0000000002' as StudentId;
const planned = (overrides: Partial<StudentPlan>): StudentPlan => ({
  studentId: an,
  fullName: 'Nguyễn Văn An',
  listNumber: 1,
  fromClassId: 'class:S1:2025-2026:3A' as ClassId,
  fromClassName: '3A',
  grade: 3,
  standing: 'completed',
  destination: { kind: 'promoted', className: '4A' },
  chosen: false,
  ...overrides,
});
const nextClasses = [
  { grade: 3, name: '3A' },
  { grade: 4, name: '4A' },
  { grade: 4, name: '4B' },
];
const labels = (student: StudentPlan) =>
  destinationOptions(student, nextClasses, new Set(['4B'])).map((option) => option.label);

describe('the roll-over choices on the setup screen', () => {
  it('reads the date as a Vietnamese school writes it, and leaves a date that does not exist empty', () => {
    const drafts = new Map<StudentId, RollOverDraft>([
      [an, { kind: 'transferred', dateText: '15/8/2026', detail: 'Trường Tiểu học Kim Liên' }],
      [binh, { kind: 'left', dateText: '31/02/2026', detail: 'Theo gia đình' }],
    ]);
    expect(choicesOf(drafts)).toEqual(
      new Map([
        [an, { kind: 'transferred', date: '2026-08-15', destination: 'Trường Tiểu học Kim Liên' }],
        [binh, { kind: 'left', date: '', reason: 'Theo gia đình' }],
      ]),
    );
  });

  it('offers only the destinations the year’s outcome allows, and always transfer and leave', () => {
    expect(labels(planned({}))).toEqual(['Lên lớp 4A', 'Lên lớp 4B (lớp mới)', 'Chuyển trường', 'Thôi học']);
    expect(
      labels(planned({ standing: 'retained', destination: { kind: 'retained', className: '3A' } })),
    ).toEqual(['Ở lại lớp 3A', 'Chuyển trường', 'Thôi học']);
    expect(
      labels(planned({ grade: 5, fromClassName: '5A', destination: { kind: 'finishedPrimary' } })),
    ).toEqual(['Hoàn thành chương trình tiểu học', 'Chuyển trường', 'Thôi học']);
    const waiting = planned({
      standing: 'notConfirmed',
      destination: { kind: 'undecided', reason: 'notConfirmed' },
    });
    expect(labels(waiting)).toEqual(['— Chưa có hướng đi —', 'Chuyển trường', 'Thôi học']);
    expect(valueOf(waiting, undefined)).toBe('undecided');
    expect(valueOf(waiting, { kind: 'left', dateText: '', detail: '' })).toBe('left');
    expect(valueOf(planned({}), undefined)).toBe('class:4A');
  });
});
