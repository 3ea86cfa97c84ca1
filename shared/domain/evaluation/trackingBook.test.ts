import { describe, expect, it } from 'vitest';
import type { Assignment } from '../assignment';
import { classIdOf, schoolIdOf, studentIdOf, userIdOf } from '../ids';
import { permissionsFor } from '../permissions';
import { buildStudentYear } from './buildStudentYear';
import { defaultCompiledCatalogue } from './compiledCatalogue';
import type { StudentYearInput } from './studentYearInput';
import { buildTrackingBook, type TrackingBookStudent } from './trackingBook';
import { trackingBookExportRequestSchema } from './trackingBookExport';
import { isEmptyScope, narrowScope, trackingBookScopeOf } from './trackingBookScope';

const compiled = defaultCompiledCatalogue();

function student(n: number, year: StudentYearInput, fullName = `Nguyễn Văn Học ${n}`): TrackingBookStudent {
  return { id: studentIdOf(`01000000${n}`), fullName, year };
}

const everyLevel = (grade: number, electives: readonly string[] = []) =>
  buildStudentYear(compiled, {
    grade,
    electives,
    subjectLevel: (_row, period) => (period === 'GK1' ? 'H' : 'T'),
    score: (_row, period) => (period === 'CN' ? 9 : 8),
    traitLevel: (trait) => (trait.code === 'trung-thuc' ? 'Đ' : 'T'),
  });

const labels = (section: { columns: readonly { group: string; label: string }[] }) =>
  section.columns.map((column) => (column.group ? `${column.group}/${column.label}` : column.label));

describe('Sổ theo dõi chất lượng giáo dục tables', () => {
  it('grade 4 Toán: a level and a score at every period (TT27 Điều 7: GK tests in grades 4–5), then the comment', () => {
    const [toan] = buildTrackingBook(compiled, 4, [student(1, everyLevel(4))], {
      rowKeys: ['toan'],
      traits: false,
    });
    expect(toan?.title).toBe('Môn Toán');
    expect(labels(toan ?? { columns: [] })).toEqual([
      'STT',
      'Họ và tên',
      'Giữa học kỳ I/Mức',
      'Giữa học kỳ I/Điểm',
      'Cuối học kỳ I/Mức',
      'Cuối học kỳ I/Điểm',
      'Giữa học kỳ II/Mức',
      'Giữa học kỳ II/Điểm',
      'Cuối năm học/Mức',
      'Cuối năm học/Điểm',
      'Nhận xét',
    ]);
    expect(toan?.rows[0]?.cells).toEqual([1, 'Nguyễn Văn Học 1', 'H', 8, 'T', 8, 'T', 8, 'T', 9, '']);
  });

  it('grade 3 Toán has scores at CK1 and CN only; Đạo đức and an activity have levels only', () => {
    const sections = buildTrackingBook(compiled, 3, [student(1, everyLevel(3))], {
      rowKeys: ['toan', 'dao-duc', 'hoat-dong-trai-nghiem'],
      traits: false,
    });
    const [toan, daoDuc, activity] = sections;
    expect(toan?.columns.filter((column) => column.kind === 'score').map((column) => column.group)).toEqual([
      'Cuối học kỳ I',
      'Cuối năm học',
    ]);
    expect(daoDuc?.columns.some((column) => column.kind === 'score')).toBe(false);
    expect(daoDuc?.title).toBe('Môn Đạo đức');
    expect(activity?.title).toBe('Hoạt động trải nghiệm');
    expect(daoDuc?.rows[0]?.cells).toEqual([1, 'Nguyễn Văn Học 1', 'H', 'T', 'T', 'T', '']);
    expect(toan?.legend).toContain('Điểm: điểm bài kiểm tra định kỳ');
    expect(daoDuc?.legend).not.toContain('Điểm');
  });

  it('shows the retest score instead of the first one (TT27 Điều 7 khoản 1 điểm d), and blanks for missing values', () => {
    const year = everyLevel(4);
    const subjects = year.subjects
      .filter((entry) => !(entry.subject === 'toan' && entry.period === 'GK2'))
      .map((entry) =>
        entry.subject === 'toan' && entry.period === 'CN' ? { ...entry, score: 4, retestScore: 6 } : entry,
      );
    const [toan] = buildTrackingBook(compiled, 4, [student(1, { ...year, subjects })], {
      rowKeys: ['toan'],
      traits: false,
    });
    expect(toan?.rows[0]?.cells.slice(6, 10)).toEqual([null, null, 'T', 6]);
  });

  it('joins the period comments, each named, skipping empty ones', () => {
    const year = everyLevel(4);
    const subjects = year.subjects.map((entry) => {
      if (entry.subject !== 'tieng-viet') return entry;
      if (entry.period === 'GK1') return { ...entry, comment: '  Em đọc to, rõ ràng. ' };
      if (entry.period === 'CK1') return { ...entry, comment: '   ' };
      if (entry.period === 'CN') return { ...entry, comment: 'Em viết đúng chính tả.' };
      return entry;
    });
    const [tiengViet] = buildTrackingBook(compiled, 4, [student(1, { ...year, subjects })], {
      rowKeys: ['tieng-viet'],
      traits: false,
    });
    expect(tiengViet?.rows[0]?.cells.at(-1)).toBe(
      'Giữa học kỳ I: Em đọc to, rõ ràng.\nCuối năm học: Em viết đúng chính tả.',
    );
  });

  it('leaves out the students who do not take an elective, keeping the class list numbers', () => {
    const students = [
      student(1, everyLevel(1)),
      student(2, everyLevel(1, ['ngoai-ngu-1'])),
      student(3, everyLevel(1)),
    ];
    const [english] = buildTrackingBook(compiled, 1, students, { rowKeys: ['ngoai-ngu-1'], traits: false });
    expect(english?.rows.map((row) => row.cells.slice(0, 2))).toEqual([[2, 'Nguyễn Văn Học 2']]);
    const nobody = buildTrackingBook(
      compiled,
      1,
      [students[0], students[2]].filter((s) => s !== undefined),
      {
        rowKeys: ['ngoai-ngu-1', 'toan'],
        traits: false,
      },
    );
    expect(nobody.map((section) => section.key)).toEqual(['toan']);
  });

  it('names the sheets of subject parts by the part, and writes names in NFC', () => {
    const decomposed = 'Trần Thị Ánh Tuyết'.normalize('NFD');
    const sections = buildTrackingBook(compiled, 4, [student(1, everyLevel(4), decomposed)], {
      rowKeys: ['tin-hoc-cong-nghe/cong-nghe', 'nghe-thuat/am-nhac'],
      traits: false,
    });
    expect(sections.map((section) => [section.sheet, section.title])).toEqual([
      ['Công nghệ', 'Môn Tin học và Công nghệ (Công nghệ)'],
      ['Âm nhạc', 'Môn Nghệ thuật (Âm nhạc)'],
    ]);
    expect(sections[0]?.rows[0]?.cells[1]).toBe('Trần Thị Ánh Tuyết'.normalize('NFC'));
  });

  it('gives one qualities and competencies table per period: 3 + 7 competencies, 5 qualities, the comments', () => {
    const year = everyLevel(4);
    const qualities = year.qualities.map((entry) =>
      entry.quality === 'cham-chi' && entry.period === 'CK1' ? { ...entry, comment: 'Em chăm chỉ.' } : entry,
    );
    const sections = buildTrackingBook(compiled, 4, [student(1, { ...year, qualities })], {
      rowKeys: [],
      traits: true,
    });
    expect(sections.map((section) => section.title)).toEqual([
      'Phẩm chất và năng lực — Giữa học kỳ I',
      'Phẩm chất và năng lực — Cuối học kỳ I',
      'Phẩm chất và năng lực — Giữa học kỳ II',
      'Phẩm chất và năng lực — Cuối năm học',
    ]);
    expect(new Set(sections.map((section) => section.sheet))).toEqual(new Set(['Phẩm chất, năng lực']));
    const ck1 = sections[1];
    const groups = ck1?.columns.map((column) => column.group) ?? [];
    expect(groups.filter((group) => group === 'Năng lực chung')).toHaveLength(3);
    expect(groups.filter((group) => group === 'Năng lực đặc thù')).toHaveLength(7);
    expect(groups.filter((group) => group === 'Phẩm chất chủ yếu')).toHaveLength(5);
    const cells = ck1?.rows[0]?.cells ?? [];
    const honesty = ck1?.columns.findIndex((column) => column.label === 'Trung thực') ?? -1;
    expect(cells[honesty]).toBe('Đ');
    expect(cells.at(-1)).toBe('Chăm chỉ: Em chăm chỉ.');
    expect(sections[0]?.rows[0]?.cells.at(-1)).toBe('');
  });

  it('makes a request the IPC boundary accepts', () => {
    const students = [student(1, everyLevel(4)), student(2, everyLevel(4))];
    const sections = buildTrackingBook(compiled, 4, students, {
      rowKeys: compiled.plan(4).rows.map((row) => row.key),
      traits: true,
    });
    const parsed = trackingBookExportRequestSchema.safeParse({
      school: { name: 'Trường Tiểu học Kim Đồng', province: 'Hà Nội', commune: 'Phường Ba Đình' },
      className: '4A',
      schoolYear: '2025-2026',
      grade: 4,
      homeroomTeacherName: 'Lê Thị Hoa',
      sections,
    });
    expect(parsed.success).toBe(true);
    // Every row but the minority language elective nobody takes, and four trait tables.
    expect(sections).toHaveLength(compiled.plan(4).rows.length - 1 + 4);
  });
});

describe('what of the book a person may export', () => {
  const school = schoolIdOf('01000001');
  const classA = classIdOf(school, '2025-2026', '4A');
  const classB = classIdOf(school, '2025-2026', '4B');
  const plan = compiled.plan(4);
  const teacher = userIdOf('gv.an');
  const assignment = (homeroom: boolean, subjects: string[], classId = classA): Assignment => ({
    id: `a-${homeroom}-${subjects.join()}`,
    teacherId: teacher,
    classId,
    homeroom,
    subjects,
  });

  it('the homeroom teacher and leadership: every subject and the qualities and competencies', () => {
    const homeroom = permissionsFor({ userId: teacher, role: 'teacher' }, [assignment(true, [])]);
    expect(trackingBookScopeOf(homeroom, classA, plan)).toEqual({
      rowKeys: plan.rows.map((row) => row.key),
      traits: true,
    });
    const principal = permissionsFor({ userId: userIdOf('ht'), role: 'principal' }, []);
    expect(trackingBookScopeOf(principal, classB, plan).traits).toBe(true);
  });

  it('a subject teacher: only the assigned subjects (a whole subject covers its parts), no traits', () => {
    const permissions = permissionsFor({ userId: teacher, role: 'teacher' }, [
      assignment(false, ['ngoai-ngu-1', 'tin-hoc-cong-nghe']),
    ]);
    expect(trackingBookScopeOf(permissions, classA, plan)).toEqual({
      rowKeys: ['ngoai-ngu-1', 'tin-hoc-cong-nghe/tin-hoc', 'tin-hoc-cong-nghe/cong-nghe'],
      traits: false,
    });
    expect(isEmptyScope(trackingBookScopeOf(permissions, classB, plan))).toBe(true);
    const scope = trackingBookScopeOf(permissions, classA, plan);
    expect(narrowScope(scope, 'ngoai-ngu-1')).toEqual({ rowKeys: ['ngoai-ngu-1'], traits: false });
    expect(isEmptyScope(narrowScope(scope, 'toan'))).toBe(true);
  });
});
