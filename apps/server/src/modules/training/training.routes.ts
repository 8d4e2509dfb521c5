// HTTP for training (教育培训): sessions, their sign-in sheet and QR check-in, my trainings,
// compliance with its export, and the county's training rules.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CheckInBodySchema,
  CheckInSessionQuerySchema,
  CheckInSessionSchema,
  CreateTrainingSessionBodySchema,
  ErrorResponseSchema,
  MyTrainingsQuerySchema,
  MyTrainingsSchema,
  RecordAttendanceBodySchema,
  RecordAttendanceResultSchema,
  TrainingAttendanceListSchema,
  TrainingAttendanceSchema,
  TrainingComplianceQuerySchema,
  TrainingComplianceSchema,
  TrainingInviteeListSchema,
  TrainingInviteeQuerySchema,
  TrainingSessionListQuerySchema,
  TrainingSessionPageSchema,
  TrainingSessionSchema,
  TrainingSettingsSchema,
  UpdateTrainingSessionBodySchema,
  UpdateTrainingSettingsBodySchema,
} from '@gridwork/core';
import { originOf, sessionOf } from '../../platform/auth.js';
import { attachment, XLSX_TYPE } from '../../platform/downloads.js';
import { actorOf } from '../auth/auth.service.js';
import type { TrainingComplianceService } from './training-compliance.service.js';
import { trainingComplianceWorkbook } from './training-compliance.workbook.js';
import type { TrainingCheckInService } from './training-check-in.service.js';
import type { TrainingService } from './training.service.js';

const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
  422: ErrorResponseSchema,
};
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 36 }) });
const tags = ['training'];

export function registerTrainingRoutes(
  root: FastifyInstance,
  services: { readonly sessions: TrainingService; readonly checkIns: TrainingCheckInService; readonly compliance: TrainingComplianceService },
): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const actor = (request: Parameters<typeof sessionOf>[0]) => actorOf(sessionOf(request), originOf(request));
  const { sessions, checkIns, compliance } = services;

  app.get(
    '/api/training/sessions',
    {
      preValidation: app.requirePermission('training.read'),
      schema: {
        tags,
        summary: '培训场次 Sessions organised in my scope or above it, newest first; keyset pages',
        querystring: TrainingSessionListQuerySchema,
        response: { 200: TrainingSessionPageSchema, ...errors },
      },
    },
    async (request) => sessions.list(sessionOf(request), request.query),
  );

  app.post(
    '/api/training/sessions',
    {
      preValidation: app.requirePermission('training.manage'),
      schema: {
        tags,
        summary: '新建培训 A session organised by my county or township, with its materials (uploaded first)',
        body: CreateTrainingSessionBodySchema,
        response: { 201: TrainingSessionSchema, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await sessions.create(sessionOf(request), actor(request), request.body)),
  );

  app.get(
    '/api/training/sessions/:id',
    {
      preValidation: app.requirePermission('training.read'),
      schema: { tags, summary: '培训详情 A session (its QR token only for its organisers)', params: IdParams, response: { 200: TrainingSessionSchema, ...errors } },
    },
    async (request) => sessions.get(sessionOf(request), request.params.id),
  );

  app.patch(
    '/api/training/sessions/:id',
    {
      preValidation: app.requirePermission('training.manage'),
      schema: {
        tags,
        summary: '修改培训 Change a session I organise, cancel it (status=cancelled) or mark it held',
        params: IdParams,
        body: UpdateTrainingSessionBodySchema,
        response: { 200: TrainingSessionSchema, ...errors },
      },
    },
    async (request) => sessions.update(sessionOf(request), actor(request), request.params.id, request.body),
  );

  app.delete(
    '/api/training/sessions/:id',
    {
      preValidation: app.requirePermission('training.manage'),
      schema: { tags, summary: '删除培训 A session nobody attended (otherwise cancel it)', params: IdParams, response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      await sessions.remove(sessionOf(request), actor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/training/sessions/:id/attendance',
    {
      preValidation: app.requirePermission('training.read'),
      schema: { tags, summary: '签到情况 Who attended, and how (sheet or QR)', params: IdParams, response: { 200: TrainingAttendanceListSchema, ...errors } },
    },
    async (request) => ({ items: await sessions.attendance(sessionOf(request), request.params.id) }),
  );

  app.post(
    '/api/training/sessions/:id/attendance',
    {
      preValidation: app.requirePermission('training.manage'),
      schema: {
        tags,
        summary: '签到表 Mark accounts present: all or none (an invalid one is named); one already present counts once',
        params: IdParams,
        body: RecordAttendanceBodySchema,
        response: { 200: RecordAttendanceResultSchema, ...errors },
      },
    },
    async (request) => sessions.recordSheet(sessionOf(request), actor(request), request.params.id, request.body),
  );

  app.get(
    '/api/training/sessions/:id/invitees',
    {
      preValidation: app.requirePermission('training.manage'),
      schema: {
        tags,
        summary: '可签到人员 Accounts the sheet may name (trainees in the organiser’s area), invited ones marked',
        params: IdParams,
        querystring: TrainingInviteeQuerySchema,
        response: { 200: TrainingInviteeListSchema, ...errors },
      },
    },
    async (request) => ({ items: await sessions.invitees(sessionOf(request), request.params.id, request.query) }),
  );

  app.get(
    '/api/training/check-in/:id',
    {
      preValidation: app.requirePermission('training.attend'),
      schema: {
        tags,
        summary: '扫码签到页 The session a QR code names (with its token), and whether I signed in',
        params: IdParams,
        querystring: CheckInSessionQuerySchema,
        response: { 200: CheckInSessionSchema, ...errors },
      },
    },
    async (request) => checkIns.checkInView(sessionOf(request), request.params.id, request.query.token),
  );

  app.post(
    '/api/training/check-in',
    {
      preValidation: app.requirePermission('training.attend'),
      schema: {
        tags,
        summary: '扫码签到 Sign in to a session on its day (201), or get the first answer back (200) for a client key seen or an attendance already recorded',
        body: CheckInBodySchema,
        response: { 200: TrainingAttendanceSchema, 201: TrainingAttendanceSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await checkIns.checkIn(sessionOf(request), actor(request), request.body);
      return reply.code(result.created ? 201 : 200).send(result.attendance);
    },
  );

  app.get(
    '/api/training/mine',
    {
      preValidation: app.requirePermission('training.attend'),
      schema: {
        tags,
        summary: '我的培训 Sessions I attended this year, those I am invited to, and what I am still short of',
        querystring: MyTrainingsQuerySchema,
        response: { 200: MyTrainingsSchema, ...errors },
      },
    },
    async (request) => compliance.mine(sessionOf(request), request.query.year),
  );

  app.get(
    '/api/training/compliance',
    {
      preValidation: app.requirePermission('training.read'),
      schema: {
        tags,
        summary: '培训达标 Who is short of the training rules in a year, with totals per township and village',
        querystring: TrainingComplianceQuerySchema,
        response: { 200: TrainingComplianceSchema, ...errors },
      },
    },
    async (request) => compliance.compliance(sessionOf(request), request.query),
  );

  app.get(
    '/api/training/compliance.xlsx',
    {
      preValidation: app.requirePermission('training.read'),
      schema: {
        tags,
        summary: '培训达标导出 The same list as a workbook',
        querystring: TrainingComplianceQuerySchema,
        response: { 200: Type.Any({ description: 'an .xlsx workbook' }), ...errors },
      },
    },
    async (request, reply) => {
      const data = await compliance.compliance(sessionOf(request), request.query);
      const workbook = await trainingComplianceWorkbook(data, request.locale);
      const name = request.locale === 'zh-CN' ? `培训达标-${data.year}.xlsx` : `training-compliance-${data.year}.xlsx`;
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(name)).send(workbook);
    },
  );

  app.get(
    '/api/settings/training',
    {
      preValidation: app.requirePermission('training.read'),
      schema: { tags, summary: '培训要求 The county’s training rules', response: { 200: TrainingSettingsSchema, ...errors } },
    },
    async () => compliance.settings(),
  );

  app.put(
    '/api/settings/training',
    {
      preValidation: app.requirePermission('training.rules.manage'),
      schema: {
        tags,
        summary: '修改培训要求 The county replaces its training rules (kind, audience, minimum, per year or quarter)',
        body: UpdateTrainingSettingsBodySchema,
        response: { 200: TrainingSettingsSchema, ...errors },
      },
    },
    async (request) => compliance.updateSettings(sessionOf(request), actor(request), request.body),
  );
}
