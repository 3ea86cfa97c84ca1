import type { z } from 'zod';

/** Flattens zod issues into `{path, message}` pairs that name the field: `students`, `rows.3.birthDate`. */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(gốc)',
    message: issue.message,
  }));
}
