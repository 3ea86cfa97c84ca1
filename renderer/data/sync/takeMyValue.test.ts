import { describe, expect, it } from 'vitest';
import type { StudentId } from '../../../shared/domain/ids';
import type { ConflictLogEntry } from './conflictLog';
import { myValueWrites, offersMyValue } from './takeMyValue';
import type { StudentPlace } from '../writes/resultWrites';

const place: StudentPlace = {
  studentId: 'student:0000000001' as StudentId,
  classId: 'class:school:A001:2025-2026:4A' as StudentPlace['classId'],
  schoolId: 'school:A001',
  schoolYear: '2025-2026',
  grade: 4,
  electives: [],
};
const meta = {
  schoolId: 'school:A001',
  schoolYear: '2025-2026',
  updatedAt: '2026-01-05T01:00:00Z',
  updatedBy: 'user:gv',
  rev: 3,
};
const period = (level: 'T' | 'H' | 'C' | null, comment: string, score: number | null = null) => ({
  level,
  score,
  retestScore: null,
  comment,
});

function entry(over: Partial<ConflictLogEntry>): ConflictLogEntry {
  return {
    key: 'k1',
    at: '2026-01-05T01:00:00.000Z',
    collection: 'subjectResults',
    docId: 'subjectResult:student:0000000001:toan:2025-2026',
    code: 'conflict',
    reason: 'Dữ liệu này vừa được sửa ở máy khác; giá trị trên máy chủ được giữ.',
    serverKept: ['CK1.comment'],
    mineKept: [],
    mine: {
      id: 'subjectResult:student:0000000001:toan:2025-2026',
      studentId: place.studentId,
      classId: place.classId,
      subject: 'toan',
      part: '',
      rowKey: 'toan',
      GK1: null,
      CK1: period('H', 'Cần cẩn thận khi tính.', 7),
      GK2: null,
      CN: null,
      ...meta,
      _deleted: false,
    },
    master: null,
    ...over,
  };
}

describe('taking one’s own value back from the conflict log', () => {
  it('writes back exactly the fields where the server’s value stayed', () => {
    const writes = myValueWrites(entry({ serverKept: ['CK1.comment', 'CK1.score'] }), () => place);
    expect(writes).toEqual({
      kind: 'subject',
      cells: [
        { place, rowKey: 'toan', period: 'CK1', field: 'comment', value: 'Cần cẩn thận khi tính.' },
        { place, rowKey: 'toan', period: 'CK1', field: 'score', value: 7 },
      ],
    });
  });

  it('writes a whole period back when the server had none of it', () => {
    const writes = myValueWrites(entry({ serverKept: ['CK1'] }), () => place);
    expect(writes?.kind).toBe('subject');
    expect(writes?.cells.map((cell) => cell.field)).toEqual(['level', 'score', 'retestScore', 'comment']);
  });

  it('takes qualities and competencies back by trait and field', () => {
    const writes = myValueWrites(
      entry({
        collection: 'characterResults',
        serverKept: ['CN.cham-hoc.level'],
        mine: {
          id: 'characterResult:student:0000000001:2025-2026',
          studentId: place.studentId,
          classId: place.classId,
          GK1: {},
          CK1: {},
          GK2: {},
          CN: { 'cham-hoc': { level: 'T', comment: 'Chăm học.' } },
          ...meta,
        },
      }),
      () => place,
    );
    expect(writes).toEqual({
      kind: 'trait',
      cells: [{ place, trait: 'cham-hoc', period: 'CN', field: 'level', value: 'T' }],
    });
  });

  it('offers nothing for a refusal, an entry already chosen, other data, or a student no longer here', () => {
    expect(offersMyValue(entry({ code: 'refused' }))).toBe(false);
    expect(offersMyValue(entry({ resolved: { choice: 'server', at: '2026-01-05T02:00:00.000Z' } }))).toBe(
      false,
    );
    expect(offersMyValue(entry({ collection: 'people' }))).toBe(false);
    expect(offersMyValue(entry({ serverKept: [] }))).toBe(false);
    expect(myValueWrites(entry({}), () => undefined)).toBeUndefined();
    // A version that is not a result document (changed at rest, or another app's) writes nothing.
    expect(myValueWrites(entry({ mine: { id: 'x', CK1: 'not a period' } }), () => place)).toBeUndefined();
  });
});
