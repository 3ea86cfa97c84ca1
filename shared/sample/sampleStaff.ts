import { assignmentIdOf, type Assignment } from '../domain/assignment';
import { userIdOf, type ClassId, type UserId } from '../domain/ids';
import type { CompiledCatalogue } from '../domain/evaluation/compiledCatalogue';
import { searchKeyOf } from '../domain/text';
import type { StaffMember } from '../domain/staff';

type ClassLike = { readonly id: ClassId; readonly grade: number; readonly homeroomTeacherName: string };

/** Subjects taught by specialist teachers, and how many classes one specialist takes. */
const specialists: readonly {
  readonly subjects: readonly string[];
  readonly classesEach: number;
  readonly grades: readonly number[];
}[] = [
  { subjects: ['ngoai-ngu-1'], classesEach: 12, grades: [1, 2, 3, 4, 5] },
  { subjects: ['tin-hoc-cong-nghe'], classesEach: 18, grades: [3, 4, 5] },
  { subjects: ['nghe-thuat/am-nhac'], classesEach: 16, grades: [1, 2, 3, 4, 5] },
  { subjects: ['nghe-thuat/mi-thuat'], classesEach: 16, grades: [1, 2, 3, 4, 5] },
  { subjects: ['giao-duc-the-chat'], classesEach: 16, grades: [1, 2, 3, 4, 5] },
];

/** "Trần Thị Yến" → "yentt": given name then initials, as school e-mail accounts are often made. */
function loginFor(fullName: string, taken: Set<string>): string {
  const words = searchKeyOf(fullName).split(' ');
  const given = words.pop() ?? 'gv';
  const base = `${given}${words.map((word) => word[0] ?? '').join('')}`.replace(/[^a-z0-9]/g, '') || 'gv';
  let login = base.length >= 3 ? base : `${base}gv`;
  for (let n = 2; taken.has(login); n += 1) login = `${base}${n}`;
  taken.add(login);
  return login;
}

export type SampleStaff = { readonly staff: StaffMember[]; readonly assignments: Assignment[] };

/**
 * The sample school's people who teach: the principal and a vice-principal, one homeroom teacher
 * per class (who also teaches the class's core subjects) and specialists for English, Tin học và
 * Công nghệ, music, fine arts and PE, each across several classes.
 */
export function generateSampleStaff(
  compiled: CompiledCatalogue,
  principalName: string,
  vicePrincipalName: string,
  specialistName: () => string,
  classes: readonly ClassLike[],
): SampleStaff {
  const taken = new Set<string>(['hieutruong', 'phohieutruong']);
  const staff: StaffMember[] = [
    {
      userId: userIdOf('hieutruong'),
      login: 'hieutruong',
      fullName: principalName,
      role: 'principal',
      active: true,
    },
    {
      userId: userIdOf('phohieutruong'),
      login: 'phohieutruong',
      fullName: vicePrincipalName,
      role: 'vicePrincipal',
      active: true,
    },
  ];
  const assignments: Assignment[] = [];
  const specialistFor = new Map<string, UserId>();

  for (const group of specialists) {
    const eligible = classes.filter((schoolClass) => group.grades.includes(schoolClass.grade));
    for (let start = 0; start < eligible.length; start += group.classesEach) {
      const fullName = specialistName();
      const login = loginFor(fullName, taken);
      const userId = userIdOf(login);
      staff.push({ userId, login, fullName, role: 'teacher', active: true });
      for (const schoolClass of eligible.slice(start, start + group.classesEach)) {
        assignments.push({
          id: assignmentIdOf(userId, schoolClass.id),
          teacherId: userId,
          classId: schoolClass.id,
          homeroom: false,
          subjects: [...group.subjects],
        });
        for (const subject of group.subjects) specialistFor.set(`${schoolClass.id}|${subject}`, userId);
      }
    }
  }

  for (const schoolClass of classes) {
    const login = loginFor(schoolClass.homeroomTeacherName, taken);
    const userId = userIdOf(login);
    staff.push({ userId, login, fullName: schoolClass.homeroomTeacherName, role: 'teacher', active: true });
    const ownSubjects = [
      ...new Set(compiled.plan(schoolClass.grade).rows.map((row) => row.subject.code)),
    ].filter(
      (subject) =>
        ![...specialistFor.keys()].some(
          (key) => key === `${schoolClass.id}|${subject}` || key.startsWith(`${schoolClass.id}|${subject}/`),
        ),
    );
    assignments.push({
      id: assignmentIdOf(userId, schoolClass.id),
      teacherId: userId,
      classId: schoolClass.id,
      homeroom: true,
      subjects: ownSubjects,
    });
  }
  return { staff, assignments };
}
