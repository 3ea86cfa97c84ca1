import type { ClassId, UserId } from './ids';

/**
 * Phân công — a teacher × class × school year: the subjects (catalogue subject codes, or row keys
 * such as `tin-hoc-cong-nghe/tin-hoc` for one part) they evaluate, and whether they are the
 * class's homeroom teacher (giáo viên chủ nhiệm).
 */
export type Assignment = {
  readonly id: string;
  readonly teacherId: UserId;
  readonly classId: ClassId;
  readonly homeroom: boolean;
  readonly subjects: readonly string[];
};

export function assignmentIdOf(teacherId: UserId, classId: ClassId): string {
  return `assignment:${teacherId.replace(/^user:/, '')}:${classId}`;
}

/** An assignment as the province server holds it (no id), with the id the desktop names it by. */
export function assignmentWithId(assignment: Omit<Assignment, 'id'>): Assignment {
  return { ...assignment, id: assignmentIdOf(assignment.teacherId, assignment.classId) };
}

/** Whether an assignment's subject list covers a row (a subject code covers all of its parts). */
export function coversRow(subjects: readonly string[], rowKey: string): boolean {
  const subject = rowKey.split('/')[0] ?? rowKey;
  return subjects.includes(rowKey) || subjects.includes(subject);
}
