import { z } from 'zod';
import {
  classIdSchema,
  userIdSchema,
  type ClassId,
  type SchoolId,
  type UserId,
} from '../../shared/domain/ids';
import type { Queryable } from './database';
import { parseRows } from './rows';

/** Classes and assignments of one school: every statement names its school_id. */
export type ClassRecord = {
  readonly classId: ClassId;
  readonly schoolYear: string;
  readonly grade: number;
  readonly name: string;
};

export type AssignmentRecord = {
  readonly teacherId: UserId;
  readonly classId: ClassId;
  readonly homeroom: boolean;
  readonly subjects: string[];
};

const classRow = z
  .object({ class_id: classIdSchema, school_year: z.string(), grade: z.number(), name: z.string() })
  .transform((row): ClassRecord => ({
    classId: row.class_id,
    schoolYear: row.school_year,
    grade: row.grade,
    name: row.name,
  }));

const subjectsColumn = z.union([
  z.array(z.string()),
  z.string().transform((value): unknown => JSON.parse(value)),
]);
const assignmentRow = z
  .object({
    teacher_id: userIdSchema,
    class_id: classIdSchema,
    homeroom: z.boolean(),
    subjects: subjectsColumn.pipe(z.array(z.string())),
  })
  .transform((row): AssignmentRecord => ({
    teacherId: row.teacher_id,
    classId: row.class_id,
    homeroom: row.homeroom,
    subjects: row.subjects,
  }));

export async function insertClass(
  db: Queryable,
  schoolId: SchoolId,
  record: ClassRecord,
  now: Date,
): Promise<void> {
  await db.query(
    'insert into classes (school_id, class_id, school_year, grade, name, created_at) values ($1, $2, $3, $4, $5, $6)',
    [schoolId, record.classId, record.schoolYear, record.grade, record.name, now],
  );
}

export async function updateClassGrade(
  db: Queryable,
  schoolId: SchoolId,
  classId: ClassId,
  grade: number,
): Promise<boolean> {
  const rows = await db.query(
    'update classes set grade = $3 where school_id = $1 and class_id = $2 returning class_id',
    [schoolId, classId, grade],
  );
  return rows.length === 1;
}

export async function listClasses(db: Queryable, schoolId: SchoolId): Promise<ClassRecord[]> {
  const rows = await db.query(
    'select class_id, school_year, grade, name from classes where school_id = $1 order by school_year, name',
    [schoolId],
  );
  return parseRows(classRow, rows);
}

export async function getClass(
  db: Queryable,
  schoolId: SchoolId,
  classId: ClassId,
): Promise<ClassRecord | null> {
  const rows = await db.query(
    'select class_id, school_year, grade, name from classes where school_id = $1 and class_id = $2',
    [schoolId, classId],
  );
  return parseRows(classRow, rows)[0] ?? null;
}

const assignmentColumns = 'teacher_id, class_id, homeroom, subjects';

export async function listClassAssignments(
  db: Queryable,
  schoolId: SchoolId,
  classId: ClassId,
): Promise<AssignmentRecord[]> {
  const rows = await db.query(
    `select ${assignmentColumns} from assignments where school_id = $1 and class_id = $2 order by teacher_id`,
    [schoolId, classId],
  );
  return parseRows(assignmentRow, rows);
}

export async function listTeacherAssignments(
  db: Queryable,
  schoolId: SchoolId,
  teacherId: UserId,
): Promise<AssignmentRecord[]> {
  const rows = await db.query(
    `select ${assignmentColumns} from assignments where school_id = $1 and teacher_id = $2 order by class_id`,
    [schoolId, teacherId],
  );
  return parseRows(assignmentRow, rows);
}

export async function putAssignment(
  db: Queryable,
  schoolId: SchoolId,
  assignment: AssignmentRecord,
  now: Date,
): Promise<void> {
  await db.query(
    `insert into assignments (school_id, class_id, teacher_id, homeroom, subjects, updated_at)
     values ($1, $2, $3, $4, $5::jsonb, $6)
     on conflict (school_id, class_id, teacher_id) do update set homeroom = excluded.homeroom,
       subjects = excluded.subjects, updated_at = excluded.updated_at`,
    [
      schoolId,
      assignment.classId,
      assignment.teacherId,
      assignment.homeroom,
      JSON.stringify(assignment.subjects),
      now,
    ],
  );
}

export async function deleteAssignment(
  db: Queryable,
  schoolId: SchoolId,
  classId: ClassId,
  teacherId: UserId,
): Promise<void> {
  await db.query('delete from assignments where school_id = $1 and class_id = $2 and teacher_id = $3', [
    schoolId,
    classId,
    teacherId,
  ]);
}
