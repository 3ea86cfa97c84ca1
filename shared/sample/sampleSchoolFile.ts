import { z } from 'zod';
import { schoolClassProfileSchema, schoolProfileSchema, schoolYearSchema } from '../domain/school';
import { studentIdentitySchema } from '../domain/student';
import { classIdSchema, schoolIdSchema, studentIdSchema, type ClassId, type UserId } from '../domain/ids';
import { staffMemberSchema } from '../domain/staff';

export const sampleSchoolFileFormat = 'hocba.sample-school';

/**
 * A whole sample school as one JSON file (`hocba seed --out`), also the payload of the
 * `sample:generate` IPC channel. The same seed always yields the same bytes.
 */
export const sampleSchoolFileSchema = z.object({
  format: z.literal(sampleSchoolFileFormat),
  formatVersion: z.literal(2),
  seed: z.number().int(),
  schoolYear: schoolYearSchema,
  school: schoolProfileSchema.extend({ id: schoolIdSchema }),
  classes: z.array(schoolClassProfileSchema.extend({ id: classIdSchema, schoolId: schoolIdSchema })),
  students: z.array(
    studentIdentitySchema.extend({
      id: studentIdSchema,
      schoolId: schoolIdSchema,
      schoolYear: schoolYearSchema,
      classId: classIdSchema,
      /** Elective subjects the student takes this year (catalogue codes). */
      electives: z.array(z.string()),
    }),
  ),
  staff: z.array(staffMemberSchema),
  assignments: z.array(
    z.object({
      id: z.string(),
      // Typed as the ids they are; their form is not checked here (it never was).
      teacherId: z.string().transform((value) => value as UserId),
      classId: z.string().transform((value) => value as ClassId),
      homeroom: z.boolean(),
      subjects: z.array(z.string()).readonly(),
    }),
  ),
});
export type SampleSchoolFile = z.output<typeof sampleSchoolFileSchema>;
export type SampleStudent = SampleSchoolFile['students'][number];
export type SampleClass = SampleSchoolFile['classes'][number];

/** Limits a sample run accepts: big enough for a province-scale school, small enough to stay quick. */
export const sampleStudentLimits = { min: 1, max: 5000 } as const;
