import { describe, expect, it } from 'vitest';
import { defaultCompiledCatalogue } from '../domain/evaluation/compiledCatalogue';
import { studentIdentityOf } from '../domain/student';
import { generateSampleSchool } from '../sample/generateSampleSchool';
import { generateYearResults } from '../sample/generateYearResults';
import { buildStudyRecord } from './buildStudyRecord';
import { canonicalRecordJson, parseStudyRecordJson, studyRecordHash } from './recordHash';
import { amendStudyRecord, checkVersionLink } from './recordVersions';
import { sampleStudyRecords } from './sampleStudyRecords';
import { studyRecordSchema, type StudyRecord } from './studyRecord';

const compiled = defaultCompiledCatalogue();
const school = generateSampleSchool({ seed: 11, students: 120 });
const results = generateYearResults(compiled, school, 11);
const records = sampleStudyRecords(compiled, school, results);

function recordOfGrade(grade: number): StudyRecord {
  const record = records.find((candidate) => candidate.year.grade === grade);
  if (!record) throw new Error(`no sample record in grade ${grade}`);
  return record;
}

/** The same value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .reverse()
      .map(([key, member]) => [key, reverseKeys(member)]),
  );
}

/** The same value with every string decomposed (NFD), as some Mac and Word sources paste it. */
function decompose(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFD');
  if (Array.isArray(value)) return value.map(decompose);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, member]) => [key, decompose(member)]),
  );
}

describe('building a học bạ from a sample student', () => {
  const student = school.students[0];
  const record = records[0];

  it('carries the identity page, the class and the school of the year', () => {
    expect(student && record).toBeTruthy();
    if (!student || !record) return;
    const schoolClass = school.classes.find((candidate) => candidate.id === student.classId);
    expect(record.id).toBe(`studyRecord:student:${student.studentCode}:${school.schoolYear}`);
    expect(record.student.fullName).toBe(student.fullName);
    expect(record.student.personalId).toBe(student.personalId);
    expect(record.student.motherName).toBe(student.motherName);
    expect(record.studyHistory).toEqual([
      expect.objectContaining({
        schoolYear: school.schoolYear,
        className: schoolClass?.name,
        schoolName: school.school.name,
      }),
    ]);
    expect(record.year.homeroomTeacherName).toBe(schoolClass?.homeroomTeacherName);
    expect(record.year.principalName).toBe(school.school.principalName);
    expect(record.version).toEqual({ number: 1, previousHash: null, amendmentId: null });
  });

  it('lists every year the student has, oldest first, the entry date on the first year at a school', () => {
    const grade4 = recordOfGrade(4);
    const start = Number(school.schoolYear.slice(0, 4));
    expect(grade4.studyHistory.map((entry) => [entry.schoolYear, entry.grade])).toEqual([
      [`${start - 3}-${start - 2}`, 1],
      [`${start - 2}-${start - 1}`, 2],
      [`${start - 1}-${start}`, 3],
      [school.schoolYear, 4],
    ]);
    const letter = grade4.year.className.slice(1);
    expect(grade4.studyHistory.map((entry) => entry.className)).toEqual(
      [1, 2, 3, 4].map((grade) => `${grade}${letter}`),
    );
    expect(grade4.studyHistory.map((entry) => entry.entryDate)).toEqual([
      `${start - 3}-09-05`,
      null,
      null,
      null,
    ]);
    expect(new Set(grade4.studyHistory.map((entry) => entry.registerNumber)).size).toBe(1);
  });

  it('gives a student who transferred in this year the date of transfer on this year’s line', () => {
    const schoolClass = school.classes.find((candidate) => candidate.grade === 3);
    const student = school.students.find((candidate) => candidate.classId === schoolClass?.id);
    if (!student || !schoolClass) throw new Error('no grade 3 student');
    const elsewhere = {
      schoolName: 'Trường Tiểu học Kim Đồng',
      schoolCode: '01999001',
      registerNumber: '45/2023',
    };
    const record = buildStudyRecord(compiled, {
      school: school.school,
      schoolClass,
      principalName: school.school.principalName,
      student: studentIdentityOf(student),
      registerNumber: '310/2025',
      entryDate: '2025-08-20',
      // Given out of order, and one line from a later year that cannot be a prior year.
      priorYears: [
        { ...elsewhere, schoolYear: '2024-2025', grade: 2, className: '2B', entryDate: null },
        { ...elsewhere, schoolYear: '2023-2024', grade: 1, className: '1B', entryDate: '2023-09-05' },
        { ...elsewhere, schoolYear: '2030-2031', grade: 5, className: '5B', entryDate: null },
      ],
      year: { grade: 3, electives: [], subjects: [], qualities: [], competencies: [] },
    });
    expect(record.studyHistory.map((entry) => [entry.schoolYear, entry.schoolName, entry.entryDate])).toEqual(
      [
        ['2023-2024', 'Trường Tiểu học Kim Đồng', '2023-09-05'],
        ['2024-2025', 'Trường Tiểu học Kim Đồng', null],
        [school.schoolYear, school.school.name, '2025-08-20'],
      ],
    );
  });

  it('has the subject rows of the grade in the record order, with CK1 and CN levels and scores', () => {
    const grade5 = recordOfGrade(5);
    const labels = grade5.year.subjects.map((row) => row.label);
    expect(labels.slice(0, 2)).toEqual(['Tiếng Việt', 'Toán']);
    expect(labels).toContain('Tin học và Công nghệ (Tin học)');
    expect(labels).toContain('Tin học và Công nghệ (Công nghệ)');
    expect(labels).toContain('Nghệ thuật (Âm nhạc)');
    const math = grade5.year.subjects.find((row) => row.key === 'toan');
    expect(math?.tested).toBe(true);
    expect(math?.CN.level).not.toBeNull();
    expect(math?.CN.score).toBeGreaterThanOrEqual(0);
    expect(math?.CK1.score).toBeGreaterThanOrEqual(0);
    const ethics = grade5.year.subjects.find((row) => row.key === 'dao-duc');
    expect(ethics?.tested).toBe(false);
    expect(ethics?.CN.score).toBeNull();
    expect(grade5.year.qualities.map((row) => row.name)).toEqual([
      'Yêu nước',
      'Nhân ái',
      'Chăm chỉ',
      'Trung thực',
      'Trách nhiệm',
    ]);
    expect(grade5.year.competencies.filter((row) => row.kind === 'generalCompetency')).toHaveLength(3);
    expect(grade5.year.competencies.filter((row) => row.kind === 'specificCompetency')).toHaveLength(7);
    expect(grade5.year.qualities.every((row) => row.comment !== '')).toBe(true);
  });

  it('agrees with the engine on the result, awards and completion', () => {
    for (const record of records.slice(0, 40)) {
      expect(record.year.result.status).toBe('computed');
      if (record.year.result.status !== 'computed') continue;
      // Every sample record is final: a CHT student passed the summer's supplementary evaluation.
      expect(record.status).toBe('final');
      if (record.year.result.code === 'CHT') expect(record.year.completion?.status).toBe('completed');
      expect(['HTXS', 'HTT', 'HT', 'CHT']).toContain(record.year.result.code);
      if (record.year.result.code === 'HTXS')
        expect(record.year.awards).toEqual([{ kind: 'excellent', title: 'Học sinh Xuất sắc' }]);
      else expect(record.year.awards.some((award) => award.kind === 'exemplary')).toBe(false);
      const programme = record.year.grade === 5 ? 'chương trình tiểu học' : 'chương trình lớp học';
      if (record.year.result.code !== 'CHT')
        expect(record.year.completion).toEqual({ status: 'completed', label: `Hoàn thành ${programme}` });
    }
  });

  it('is a draft listing what is missing when the year is not over', () => {
    const partial = generateYearResults(compiled, school, 11, 'CK1');
    const [draft] = sampleStudyRecords(compiled, school, partial, 1);
    expect(draft?.status).toBe('draft');
    expect(draft?.year.result.status).toBe('incomplete');
    if (draft?.year.result.status === 'incomplete') expect(draft.year.result.missing[0]).toMatch(/^Chưa có/);
    expect(draft?.year.completion).toBeNull();
  });

  it('keeps the supplementary evaluation and the principal decision of a CHT student', () => {
    const base = recordOfGrade(3);
    const source = school.students.find((candidate) => candidate.studentCode === base.student.studentCode);
    if (!source) throw new Error('sample student missing');
    const record = buildStudyRecord(compiled, {
      school: school.school,
      schoolClass: {
        schoolYear: school.schoolYear,
        grade: 3,
        name: base.year.className,
        homeroomTeacherName: 'Lê Thị Hà',
      },
      principalName: 'Nguyễn Văn Bình',
      student: { ...base.student },
      year: {
        grade: 3,
        electives: [],
        subjects: compiled
          .plan(3)
          .rows.filter((row) => row.status === 'compulsory')
          .map((row) => ({
            subject: row.subject.code,
            ...(row.partCode === undefined ? {} : { part: row.partCode }),
            period: 'CN' as const,
            level: 'C' as const,
            ...(row.testPeriods.has('CN') ? { score: 3 } : {}),
          })),
        qualities: compiled
          .plan(3)
          .qualities.map((trait) => ({ quality: trait.code, period: 'CN' as const, level: 'Đ' as const })),
        competencies: compiled.plan(3).competencies.map((trait) => ({
          competency: trait.code,
          period: 'CN' as const,
          level: 'Đ' as const,
        })),
        supplementaryEvaluation: {
          outcome: 'notCompleted',
          date: '2026-08-10',
          note: 'Kiểm tra lại môn Toán.',
        },
        principalDecision: { decision: 'promoted', date: '2026-08-15' },
      },
      resultConfirmedAt: '2026-05-25T03:00:00.000Z',
    });
    expect(record.year.result).toEqual({ status: 'computed', code: 'CHT', name: 'Chưa hoàn thành' });
    expect(record.year.supplementaryEvaluation).toEqual({
      outcome: 'notCompleted',
      date: '2026-08-10',
      note: 'Kiểm tra lại môn Toán.',
    });
    expect(record.year.principalDecision).toEqual({ decision: 'promoted', date: '2026-08-15' });
    expect(record.year.completion).toEqual({ status: 'decided', label: 'Được lên lớp' });
  });
});

describe('the record schema', () => {
  it('refuses a final record without the time its result was confirmed', () => {
    const [record] = records;
    if (!record) throw new Error('no sample record');
    const parsed = parseStudyRecordJson(
      canonicalRecordJson({ ...record, year: { ...record.year, resultConfirmedAt: null } }),
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.join(' ')).toContain('thời điểm giáo viên chủ nhiệm xác nhận');
  });

  it('names in the signers the same people printed under the boxes', () => {
    const [record] = records;
    if (!record) throw new Error('no sample record');
    const renamed = {
      ...record,
      signers: { ...record.signers, principal: { ...record.signers.principal, name: 'Người Khác' } },
    };
    expect(parseStudyRecordJson(canonicalRecordJson(renamed)).ok).toBe(false);
  });

  it('round-trips through canonical JSON unchanged', () => {
    for (const record of records.slice(0, 20)) {
      const parsed = parseStudyRecordJson(canonicalRecordJson(record));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.record).toEqual(record);
      expect(parsed.contentHash).toBe(studyRecordHash(record));
    }
  });

  it('refuses a file that is not a record, with messages a person can act on', () => {
    expect(parseStudyRecordJson('{not json')).toEqual({
      ok: false,
      problems: ['Tệp học bạ không phải JSON hợp lệ.'],
    });
    const record = recordOfGrade(2);
    const broken = {
      ...record,
      year: { ...record.year, subjects: [{ ...record.year.subjects[0], CN: { level: 'X', score: 11 } }] },
    };
    const parsed = parseStudyRecordJson(JSON.stringify(broken));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problems.some((problem) => problem.startsWith('year.subjects.0.CN'))).toBe(true);
    const extra = parseStudyRecordJson(JSON.stringify({ ...record, unexpected: true }));
    expect(extra.ok).toBe(false);
  });

  it('refuses a final record without a computed result and a first version with a predecessor', () => {
    const record = recordOfGrade(1);
    expect(
      studyRecordSchema.safeParse({
        ...record,
        year: { ...record.year, result: { status: 'incomplete', missing: ['x'] } },
      }).success,
    ).toBe(false);
    expect(
      studyRecordSchema.safeParse({
        ...record,
        version: { number: 1, previousHash: 'a'.repeat(64), amendmentId: null },
      }).success,
    ).toBe(false);
    expect(
      studyRecordSchema.safeParse({
        ...record,
        version: { number: 2, previousHash: null, amendmentId: 'bb-1' },
      }).success,
    ).toBe(false);
  });
});

describe('the content hash', () => {
  const record = recordOfGrade(4);
  const hash = studyRecordHash(record);

  it('is a SHA-256 in lower-case hex, stable for the same content', () => {
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(studyRecordHash(structuredClone(record))).toBe(hash);
  });

  it('does not depend on key order', () => {
    const reordered = reverseKeys(record) as StudyRecord;
    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(record)[0]);
    expect(studyRecordHash(reordered)).toBe(hash);
  });

  it('does not depend on the Unicode normal form of the text', () => {
    const decomposed = decompose(record) as StudyRecord;
    expect(decomposed.student.fullName).not.toBe(record.student.fullName);
    expect(studyRecordHash(decomposed)).toBe(hash);
    const parsed = parseStudyRecordJson(JSON.stringify(decomposed));
    expect(parsed.ok && parsed.contentHash).toBe(hash);
  });

  it('changes with any value', () => {
    const first = record.year.subjects[0];
    if (!first) throw new Error('no subject');
    const changed = {
      ...record,
      year: {
        ...record.year,
        subjects: [{ ...first, comment: `${first.comment}.` }, ...record.year.subjects.slice(1)],
      },
    };
    expect(studyRecordHash(changed)).not.toBe(hash);
  });
});

describe('versions', () => {
  const first = recordOfGrade(5);

  it('makes a correction version 2, pointing to version 1 and the amendment', () => {
    const corrected = { ...first, student: { ...first.student, hometown: 'Xã Đông Anh, Thành phố Hà Nội' } };
    const second = amendStudyRecord(first, corrected, 'bienBan:2026-001');
    expect(second.version).toEqual({
      number: 2,
      previousHash: studyRecordHash(first),
      amendmentId: 'bienBan:2026-001',
    });
    expect(second.id).toBe(first.id);
    expect(checkVersionLink(first, second)).toEqual({ ok: true, problems: [] });
    const third = amendStudyRecord(
      second,
      { ...second, student: { ...second.student, address: 'Số 1, phố Huế' } },
      'bienBan:2026-002',
    );
    expect(third.version.number).toBe(3);
    expect(checkVersionLink(second, third).ok).toBe(true);
  });

  it('detects a changed predecessor, a skipped number and a different record', () => {
    const second = amendStudyRecord(first, first, 'bienBan:2026-003');
    const tampered = { ...first, student: { ...first.student, fullName: 'Nguyễn Văn Khác' } };
    expect(checkVersionLink(tampered, second).problems.map((problem) => problem.kind)).toEqual([
      'hashMismatch',
    ]);
    expect(checkVersionLink(second, second).problems.map((problem) => problem.kind)).toContain('notNext');
    const other = recordOfGrade(1);
    expect(checkVersionLink(other, second).problems.map((problem) => problem.kind)).toContain(
      'differentRecord',
    );
    expect(() => amendStudyRecord(other, first, 'bienBan:1')).toThrow(/cùng học sinh/);
    expect(() => amendStudyRecord(first, first, ' ')).toThrow(/biên bản/);
  });
});
