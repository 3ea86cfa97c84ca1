import { z } from 'zod';

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

/**
 * The ids as they are read at a boundary (a file, an IPC payload, a stored document): checked for
 * their form and branded, so parsed data carries the branded type. The values are not changed.
 */
export const schoolIdSchema = z
  .string()
  .regex(/^school:[0-9A-Za-z]+$/)
  .transform((value) => value as SchoolId);
export const classIdSchema = z
  .string()
  .regex(/^class:/)
  .transform((value) => value as ClassId);
export const studentIdSchema = z
  .string()
  .regex(/^student:\d{10}$/)
  .transform((value) => value as StudentId);
export const userIdSchema = z
  .string()
  .regex(/^user:[a-z0-9._-]+$/)
  .transform((value) => value as UserId);
