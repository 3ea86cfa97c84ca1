import { z } from 'zod';
import { staffRoles } from '../../domain/staff';
import { documentMetaShape } from '../documentMeta';
import { text, type StoredDocument } from '../fields';
import { rxJsonSchemaOf } from '../rxJsonSchemaOf';
import { schoolsV0Shape } from './schoolsV0';

/** A staff member as `schools` v1 stored them (before personal IDs and pinned certificates). */
export const staffMemberV1Shape = {
  userId: text(60),
  login: text(40),
  fullName: text(120),
  role: z.enum(staffRoles),
  active: z.boolean(),
} as const;

/** `schools` version 1, frozen: v0 plus `staff` and `schoolYears`. */
export const schoolsV1Shape = {
  ...schoolsV0Shape,
  staff: z.array(z.strictObject(staffMemberV1Shape)).max(500),
  schoolYears: z.array(text(9)).max(50),
} as const;

export const schoolsV1 = z.strictObject({ ...schoolsV1Shape, ...documentMetaShape });
export type SchoolDocV1 = StoredDocument<typeof schoolsV1>;
export type StaffMemberV1 = SchoolDocV1['staff'][number];
export const schoolsV1Json = rxJsonSchemaOf(schoolsV1, { title: 'schools', version: 1, primaryKey: 'id' });
