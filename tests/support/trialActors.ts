import { classIdOf, schoolIdOf, userIdOf } from '../../shared/domain/ids';
import type { IpcRequest } from '../../shared/ipc/contract';
import type { StudyRecord } from '../../shared/record/studyRecord';

type TrialActor = IpcRequest<'session:actAsTrialUser'>;

/** The classes these records are of, as ids of their school and year. */
export function classIdsOfRecords(records: readonly StudyRecord[]): string[] {
  return [
    ...new Set(
      records.map((record) =>
        classIdOf(schoolIdOf(record.school.code), record.year.schoolYear, record.year.className),
      ),
    ),
  ];
}

/**
 * The sample trial's actor as the page declares it to main: a staff member of the records'
 * school, with homeroom assignments of the given classes.
 */
export function trialActorOf(
  records: readonly StudyRecord[],
  role: TrialActor['role'],
  login: string,
  homeroomClassIds: readonly string[],
): TrialActor {
  const [first] = records;
  if (first === undefined) throw new Error('no records');
  const userId = userIdOf(login);
  return {
    userId,
    role,
    schoolCode: first.school.code,
    assignments: homeroomClassIds.map((classId) => ({
      id: `assignment:${login}:${classId}`,
      teacherId: userId,
      classId,
      homeroom: true,
      subjects: [],
    })),
  };
}

/** The principal of the records' school. */
export function trialPrincipalOf(records: readonly StudyRecord[]): TrialActor {
  return trialActorOf(records, 'principal', 'hieu.truong', []);
}

/**
 * Who signs a box in the trial: the homeroom teacher of the records' classes for the teacher's box,
 * the principal for the principal's box and the seal (shared/domain/permissions.ts, `canSignAs`).
 */
export function trialSignerOf(
  records: readonly StudyRecord[],
  role: 'homeroomTeacher' | 'principal' | 'schoolSeal',
): TrialActor {
  return role === 'homeroomTeacher'
    ? trialActorOf(records, 'teacher', 'gvcn.lop', classIdsOfRecords(records))
    : trialActorOf(records, 'principal', 'hieu.truong', []);
}
