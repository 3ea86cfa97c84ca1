/**
 * Branded identifiers. Every document ID is deterministic from its natural key
 * (architecture.md), so two offline machines that create the same thing meet in one document.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Trường — a school, keyed by its Ministry school code (mã trường). */
export type SchoolId = Brand<string, 'SchoolId'>;
/** Lớp — a class in one school year. */
export type ClassId = Brand<string, 'ClassId'>;
/** Học sinh — a student, keyed by the Ministry student code (mã học sinh), stable across years and schools. */
export type StudentId = Brand<string, 'StudentId'>;
/** A local or server user account (teacher, principal). */
export type UserId = Brand<string, 'UserId'>;

export function schoolIdOf(schoolCode: string): SchoolId {
  return `school:${schoolCode}` as SchoolId;
}

export function classIdOf(schoolId: SchoolId, schoolYear: string, className: string): ClassId {
  return `class:${schoolId.slice('school:'.length)}:${schoolYear}:${className}` as ClassId;
}

export function studentIdOf(studentCode: string): StudentId {
  return `student:${studentCode}` as StudentId;
}

export function userIdOf(login: string): UserId {
  return `user:${login}` as UserId;
}
