import { z } from 'zod';
import { apiBasePath } from '../../shared/auth/authWire';
import {
  createPrincipalRequestSchema,
  createSchoolRequestSchema,
  createStaffRequestSchema,
  updateStaffRequestSchema,
} from '../../shared/auth/schoolAdminWire';
import { schoolIdSchema, userIdSchema } from '../../shared/domain/ids';
import {
  createPrincipal,
  createStaff,
  disableStaff,
  listStaff,
  resetStaffPassword,
  updateStaff,
} from '../services/accountService';
import type { ServiceContext } from '../services/context';
import { requireProvinceAdmin, requireSchoolLeadership } from '../services/permissions';
import { createSchool, getSchoolSummary, listSchoolSummaries } from '../services/schoolService';
import type { App } from './app';
import { parse, signedIn } from './http';

export const schoolParams = z.object({ schoolId: schoolIdSchema });
const accountParams = z.object({ schoolId: schoolIdSchema, userId: userIdSchema });

/** Schools (province admin) and each school's accounts (province admin, the school's leadership). */
export function registerSchoolRoutes(app: App, ctx: ServiceContext): void {
  app.get(`${apiBasePath}/schools`, async (request) => {
    const actor = await signedIn(ctx, request);
    return { schools: await listSchoolSummaries(ctx, actor) };
  });

  app.post(`${apiBasePath}/schools`, async (request, reply) => {
    const actor = await signedIn(ctx, request);
    requireProvinceAdmin(actor); // before the body: a caller without the right learns nothing from validation
    const body = parse(createSchoolRequestSchema, request.body);
    return reply.code(201).send(await createSchool(ctx, actor, body));
  });

  app.get(`${apiBasePath}/schools/:schoolId`, async (request) => {
    const actor = await signedIn(ctx, request);
    const { schoolId } = parse(schoolParams, request.params);
    return getSchoolSummary(ctx, actor, schoolId);
  });

  app.post(`${apiBasePath}/schools/:schoolId/principal`, async (request, reply) => {
    const actor = await signedIn(ctx, request);
    const { schoolId } = parse(schoolParams, request.params);
    requireProvinceAdmin(actor);
    const body = parse(createPrincipalRequestSchema, request.body);
    return reply.code(201).send(await createPrincipal(ctx, actor, schoolId, body));
  });

  app.get(`${apiBasePath}/schools/:schoolId/staff`, async (request) => {
    const actor = await signedIn(ctx, request);
    const { schoolId } = parse(schoolParams, request.params);
    return { staff: await listStaff(ctx, actor, schoolId) };
  });

  app.post(`${apiBasePath}/schools/:schoolId/staff`, async (request, reply) => {
    const actor = await signedIn(ctx, request);
    const { schoolId } = parse(schoolParams, request.params);
    requireSchoolLeadership(actor, schoolId);
    const body = parse(createStaffRequestSchema, request.body);
    return reply.code(201).send(await createStaff(ctx, actor, schoolId, body));
  });

  app.post(`${apiBasePath}/schools/:schoolId/staff/:userId/reset-code`, async (request) => {
    const actor = await signedIn(ctx, request);
    const { schoolId, userId } = parse(accountParams, request.params);
    return resetStaffPassword(ctx, actor, schoolId, userId);
  });

  app.patch(`${apiBasePath}/schools/:schoolId/staff/:userId`, async (request) => {
    const actor = await signedIn(ctx, request);
    const { schoolId, userId } = parse(accountParams, request.params);
    if (actor.role !== 'provinceAdmin') requireSchoolLeadership(actor, schoolId); // before the body
    const body = parse(updateStaffRequestSchema, request.body);
    return updateStaff(ctx, actor, schoolId, userId, body);
  });

  app.post(`${apiBasePath}/schools/:schoolId/staff/:userId/disable`, async (request) => {
    const actor = await signedIn(ctx, request);
    const { schoolId, userId } = parse(accountParams, request.params);
    return disableStaff(ctx, actor, schoolId, userId);
  });
}
