import { z } from 'zod';
import { apiBasePath } from '../../shared/auth/authWire';
import {
  createClassRequestSchema,
  putAssignmentRequestSchema,
  updateClassRequestSchema,
} from '../../shared/auth/schoolAdminWire';
import { classIdSchema, schoolIdSchema, userIdSchema } from '../../shared/domain/ids';
import {
  assignTeacher,
  createClass,
  getClassAssignments,
  getClassDetails,
  listSchoolClasses,
  unassignTeacher,
  updateClass,
} from '../services/classService';
import type { ServiceContext } from '../services/context';
import { requireSchoolLeadership } from '../services/permissions';
import type { App } from './app';
import { noContent, parse, signedIn } from './http';
import { schoolParams } from './schoolRoutes';

const classParams = z.object({ schoolId: schoolIdSchema, classId: classIdSchema });
const assignmentParams = classParams.extend({ teacherId: userIdSchema });
const base = `${apiBasePath}/schools/:schoolId/classes`;

/** A school's classes and assignments: leadership writes; reads as permissions.ts allows. */
export function registerClassRoutes(app: App, ctx: ServiceContext): void {
  app.get(base, async (request) => {
    const actor = await signedIn(ctx, request);
    const { schoolId } = parse(schoolParams, request.params);
    return { classes: await listSchoolClasses(ctx, actor, schoolId) };
  });

  app.post(base, async (request, reply) => {
    const actor = await signedIn(ctx, request);
    const { schoolId } = parse(schoolParams, request.params);
    requireSchoolLeadership(actor, schoolId); // before the body, as in schoolRoutes.ts
    const body = parse(createClassRequestSchema, request.body);
    return reply.code(201).send(await createClass(ctx, actor, schoolId, body));
  });

  app.get(`${base}/:classId`, async (request) => {
    const actor = await signedIn(ctx, request);
    const { schoolId, classId } = parse(classParams, request.params);
    return getClassDetails(ctx, actor, schoolId, classId);
  });

  app.patch(`${base}/:classId`, async (request) => {
    const actor = await signedIn(ctx, request);
    const { schoolId, classId } = parse(classParams, request.params);
    requireSchoolLeadership(actor, schoolId); // before the body, as in schoolRoutes.ts
    const body = parse(updateClassRequestSchema, request.body);
    return updateClass(ctx, actor, schoolId, classId, body.grade);
  });

  app.get(`${base}/:classId/assignments`, async (request) => {
    const actor = await signedIn(ctx, request);
    const { schoolId, classId } = parse(classParams, request.params);
    return { assignments: await getClassAssignments(ctx, actor, schoolId, classId) };
  });

  app.put(`${base}/:classId/assignments/:teacherId`, async (request) => {
    const actor = await signedIn(ctx, request);
    const { schoolId, classId, teacherId } = parse(assignmentParams, request.params);
    requireSchoolLeadership(actor, schoolId); // before the body, as in schoolRoutes.ts
    const body = parse(putAssignmentRequestSchema, request.body);
    return assignTeacher(ctx, actor, schoolId, classId, teacherId, body);
  });

  app.delete(`${base}/:classId/assignments/:teacherId`, async (request, reply) => {
    const actor = await signedIn(ctx, request);
    const { schoolId, classId, teacherId } = parse(assignmentParams, request.params);
    await unassignTeacher(ctx, actor, schoolId, classId, teacherId);
    return noContent(reply);
  });
}
