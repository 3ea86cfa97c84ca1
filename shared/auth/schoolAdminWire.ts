import { z } from 'zod';
import { classIdSchema, schoolIdSchema, userIdSchema } from '../domain/ids';
import { gradeSchema, schoolYearSchema } from '../domain/school';
import { cleanText } from '../domain/text';
import { assignmentWireSchema } from './authWire';
import { accountRoles } from './accountRoles';
import { loginSchema } from './passwordRules';

/**
 * The province server's administration API on the wire (under `/api/v1`): the province admin
 * creates schools and their principals; a school's leadership (principal, vice-principal) creates
 * staff accounts, classes and assignments of their own school, which the server holds as the
 * source of truth. A new account gets no password: the answer carries a one-time reset code to
 * print, and the staff member chooses a password with it (POST /auth/reset).
 *
 * Answers of the account routes in authWire.ts not written there: POST /auth/refresh and
 * POST /auth/password answer a token pair (a password change ends every session and opens a new
 * one for the device that changed it); POST /auth/sign-out and POST /auth/reset answer 204.
 */
const text = (max: number) => z.string().transform(cleanText).pipe(z.string().min(1).max(max));

/** POST /schools (province admin). */
export const createSchoolRequestSchema = z.object({
  code: z.string().regex(/^[0-9A-Za-z]{4,20}$/, 'Mã trường chỉ gồm 4–20 chữ và số'),
  name: text(200),
  /** Quận / huyện / xã — the unit the school reports to. */
  district: text(100),
});
export type CreateSchoolRequest = z.input<typeof createSchoolRequestSchema>;

export const schoolCountsSchema = z.object({
  students: z.number().int().nonnegative(),
  classes: z.number().int().nonnegative(),
  staff: z.number().int().nonnegative(),
});

export const staffAccountWireSchema = z.object({
  userId: userIdSchema,
  login: loginSchema,
  fullName: z.string().min(1).max(120),
  role: z.enum(accountRoles),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
});
export type StaffAccountWire = z.output<typeof staffAccountWireSchema>;

/** GET /schools (list), GET /schools/:schoolId, POST /schools (the created school). */
export const schoolSummarySchema = z.object({
  schoolId: schoolIdSchema,
  code: z.string(),
  name: z.string(),
  district: z.string(),
  principals: z.array(staffAccountWireSchema),
  counts: schoolCountsSchema,
});
export type SchoolSummary = z.output<typeof schoolSummarySchema>;
export const schoolListSchema = z.object({ schools: z.array(schoolSummarySchema) });

/** POST /schools/:schoolId/principal (province admin). */
export const createPrincipalRequestSchema = z.object({ login: loginSchema, fullName: text(120) });

/** POST /schools/:schoolId/staff (leadership): any school role but principal. */
export const createStaffRequestSchema = z.object({
  login: loginSchema,
  fullName: text(120),
  role: z.enum(['vicePrincipal', 'groupHead', 'teacher']),
});
export type CreateStaffRequest = z.input<typeof createStaffRequestSchema>;

/**
 * PATCH /schools/:schoolId/staff/:userId (leadership of the school, or the province admin): a
 * staff member's name, role (never to or from principal) or status; at least one of them. A
 * disabled account cannot sign in and its tokens stop working; enabling it lets it sign in again.
 */
export const updateStaffRequestSchema = z
  .object({
    fullName: text(120).optional(),
    role: z.enum(['vicePrincipal', 'groupHead', 'teacher']).optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'Cần ít nhất một thay đổi');
export type UpdateStaffRequest = z.input<typeof updateStaffRequestSchema>;

/** The one-time reset code to print (12 characters from resetCodeAlphabet). */
export const resetCodeIssuedSchema = z.object({
  resetCode: z.string().length(12),
  expiresAt: z.iso.datetime(),
});
export type ResetCodeIssued = z.output<typeof resetCodeIssuedSchema>;

/** The answer to creating an account: the account and the code its holder sets a password with. */
export const createdAccountSchema = z.object({
  account: staffAccountWireSchema,
  reset: resetCodeIssuedSchema,
});
export type CreatedAccount = z.output<typeof createdAccountSchema>;

/** GET /schools/:schoolId/staff */
export const staffListSchema = z.object({ staff: z.array(staffAccountWireSchema) });

/** POST /schools/:schoolId/classes (leadership). */
export const createClassRequestSchema = z.object({
  schoolYear: schoolYearSchema,
  grade: gradeSchema,
  name: text(20),
});
export type CreateClassRequest = z.input<typeof createClassRequestSchema>;

/** PATCH /schools/:schoolId/classes/:classId (leadership): the grade; the name is in the id. */
export const updateClassRequestSchema = z.object({ grade: gradeSchema });

export const classWireSchema = z.object({
  classId: classIdSchema,
  schoolYear: z.string(),
  grade: z.number().int(),
  name: z.string(),
});
export type ClassWire = z.output<typeof classWireSchema>;
export const classListSchema = z.object({ classes: z.array(classWireSchema) });

/** GET /schools/:schoolId/classes/:classId and …/assignments */
export const classDetailsSchema = classWireSchema.extend({ assignments: z.array(assignmentWireSchema) });
export const assignmentListSchema = z.object({ assignments: z.array(assignmentWireSchema) });

/** PUT /schools/:schoolId/classes/:classId/assignments/:teacherId (leadership). */
export const putAssignmentRequestSchema = z.object({
  homeroom: z.boolean(),
  subjects: z.array(z.string().min(1).max(60)).max(40),
});
