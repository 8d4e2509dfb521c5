// HTTP for follow-up plans, due lists, visits, their review, monthly compliance and the county's
// visit settings.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ComplianceQuerySchema,
  ComplianceSchema,
  CreateFollowUpPlanBodySchema,
  DueVisitPageSchema,
  DueVisitQuerySchema,
  ErrorResponseSchema,
  FollowUpPlanSchema,
  RecordVisitBodySchema,
  ReviewVisitBodySchema,
  UpdateFollowUpPlanBodySchema,
  UpdateVisitSettingsBodySchema,
  VisitListQuerySchema,
  VisitPageSchema,
  VisitSchema,
  VisitSettingsSchema,
} from '@gridwork/core';
import { originOf, sessionOf } from '../../platform/auth.js';
import { attachment, XLSX_TYPE } from '../../platform/downloads.js';
import { actorOf } from '../auth/auth.service.js';
import type { FollowUpPlansService } from './follow-up-plans.service.js';
import type { VisitComplianceService } from './visit-compliance.service.js';
import { complianceWorkbook } from './visit-compliance.workbook.js';
import type { VisitSettingsService } from './visit-settings.service.js';
import type { VisitsService } from './visits.service.js';

const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
  422: ErrorResponseSchema,
};
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 36 }) });
const tags = ['visits'];

export interface VisitServices {
  readonly plans: FollowUpPlansService;
  readonly visits: VisitsService;
  readonly compliance: VisitComplianceService;
  readonly settings: VisitSettingsService;
}

export function registerVisitRoutes(root: FastifyInstance, services: VisitServices): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const actor = (request: Parameters<typeof sessionOf>[0]) => actorOf(sessionOf(request), originOf(request));
  const { plans, visits, compliance, settings } = services;

  app.get(
    '/api/follow-up-plans',
    {
      preValidation: app.requirePermission('visit.read'),
      schema: {
        tags,
        summary: '走访计划 The county’s follow-up plans, with the open schedules each keeps',
        response: { 200: Type.Object({ items: Type.Array(FollowUpPlanSchema) }), ...errors },
      },
    },
    async () => plans.list(),
  );

  app.post(
    '/api/follow-up-plans',
    {
      preValidation: app.requirePermission('visit.plan.manage'),
      schema: {
        tags,
        summary:
          '新建走访计划 A plan for a special-population category and risk level, an assistance kind or a tag; schedules follow at once',
        body: CreateFollowUpPlanBodySchema,
        response: { 201: FollowUpPlanSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await plans.create(sessionOf(request), actor(request), request.body)),
  );

  app.patch(
    '/api/follow-up-plans/:id',
    {
      preValidation: app.requirePermission('visit.plan.manage'),
      schema: {
        tags,
        summary:
          '修改或停用走访计划 Change intervals, shift rule or grace days, or retire with active=false; every schedule is recomputed',
        params: IdParams,
        body: UpdateFollowUpPlanBodySchema,
        response: { 200: FollowUpPlanSchema, ...errors },
      },
    },
    async (request) => plans.update(sessionOf(request), actor(request), request.params.id, request.body),
  );

  app.get(
    '/api/visits/due',
    {
      preValidation: app.requirePermission('visit.read'),
      schema: {
        tags,
        summary:
          '走访任务 Due, overdue and missed visits in my scope (a grid worker: my grids), soonest first; keyset pages',
        querystring: DueVisitQuerySchema,
        response: { 200: DueVisitPageSchema, ...errors },
      },
    },
    async (request) => visits.dueList(sessionOf(request), request.query),
  );

  app.post(
    '/api/visits',
    {
      preValidation: app.requirePermission('visit.record'),
      schema: {
        tags,
        summary:
          '记录走访 Record a visit (201), or get the first one back (200) when the client key was seen',
        body: RecordVisitBodySchema,
        response: { 200: VisitSchema, 201: VisitSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await visits.record(sessionOf(request), actor(request), request.body);
      return reply.code(result.created ? 201 : 200).send(result.visit);
    },
  );

  app.get(
    '/api/visits',
    {
      preValidation: app.requirePermission('visit.read'),
      schema: {
        tags,
        summary: '走访记录 Visits in my scope, newest first; flagged=true for the review queue',
        querystring: VisitListQuerySchema,
        response: { 200: VisitPageSchema, ...errors },
      },
    },
    async (request) => visits.list(sessionOf(request), request.query),
  );

  app.post(
    '/api/visits/:id/review',
    {
      preValidation: app.requirePermission('visit.review'),
      schema: {
        tags,
        summary: '审核走访 Accept or reject a flagged visit',
        params: IdParams,
        body: ReviewVisitBodySchema,
        response: { 200: VisitSchema, ...errors },
      },
    },
    async (request) => visits.review(sessionOf(request), actor(request), request.params.id, request.body),
  );

  app.get(
    '/api/persons/:id/visits',
    {
      preValidation: app.requirePermission('visit.read'),
      schema: {
        tags,
        summary: '走访记录 A person’s visits, newest first',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(VisitSchema) }), ...errors },
      },
    },
    async (request) => visits.ofPerson(sessionOf(request), request.params.id),
  );

  app.get(
    '/api/visits/compliance',
    {
      preValidation: app.requirePermission('visit.read'),
      schema: {
        tags,
        summary: '走访考核 A month’s visits per grid worker and village: on time, late, overdue now, cards',
        querystring: ComplianceQuerySchema,
        response: { 200: ComplianceSchema, ...errors },
      },
    },
    async (request) => compliance.compliance(sessionOf(request), request.query),
  );

  app.get(
    '/api/visits/compliance.xlsx',
    {
      preValidation: app.requirePermission('visit.read'),
      schema: {
        tags,
        summary: '走访考核导出 The month’s compliance table as a workbook',
        querystring: ComplianceQuerySchema,
        response: { 200: Type.Any({ description: 'an .xlsx workbook' }), ...errors },
      },
    },
    async (request, reply) => {
      const data = await compliance.compliance(sessionOf(request), request.query);
      const workbook = await complianceWorkbook(data, request.locale);
      const name =
        request.locale === 'zh-CN' ? `走访考核-${data.month}.xlsx` : `visit-compliance-${data.month}.xlsx`;
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(name)).send(workbook);
    },
  );

  app.get(
    '/api/settings/visits',
    {
      preValidation: app.requirePermission('visit.read'),
      schema: {
        tags,
        summary: '走访设置 Far-from-address distance, the speed of impossible succession, card rules',
        response: { 200: VisitSettingsSchema, ...errors },
      },
    },
    async () => settings.get(),
  );

  app.put(
    '/api/settings/visits',
    {
      preValidation: app.requirePermission('visit.plan.manage'),
      schema: {
        tags,
        summary: '修改走访设置 The county changes the visit settings it names',
        body: UpdateVisitSettingsBodySchema,
        response: { 200: VisitSettingsSchema, ...errors },
      },
    },
    async (request) => settings.update(sessionOf(request), actor(request), request.body),
  );
}
