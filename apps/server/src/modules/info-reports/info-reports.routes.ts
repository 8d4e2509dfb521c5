// HTTP for information reports (信息报送): writing and submitting (the township), adopting and
// returning (the county), the list and one report, the monthly quota, the month's workbook and
// the county's quota setting.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AdoptInfoReportBodySchema,
  CreateInfoReportBodySchema,
  ErrorResponseSchema,
  InfoReportExportQuerySchema,
  InfoReportListQuerySchema,
  InfoReportPageSchema,
  InfoReportQuotaQuerySchema,
  InfoReportQuotaSchema,
  InfoReportSchema,
  InfoReportSettingsSchema,
  InfoReportVersionBodySchema,
  ReturnInfoReportBodySchema,
  UpdateInfoReportBodySchema,
  UpdateInfoReportSettingsBodySchema,
} from '@gridwork/core';
import { originOf, sessionOf } from '../../platform/auth.js';
import { attachment, XLSX_TYPE } from '../../platform/downloads.js';
import { actorOf } from '../auth/auth.service.js';
import type { InfoReportQuotaService } from './info-report-quota.service.js';
import type { InfoReportsService } from './info-reports.service.js';
import { infoReportsWorkbook } from './info-reports.workbook.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 422: ErrorResponseSchema };
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 36 }) });
const tags = ['info-reports'];
const actor = (request: FastifyRequest) => actorOf(sessionOf(request), originOf(request));

export function registerInfoReportRoutes(root: FastifyInstance, reports: InfoReportsService, quota: InfoReportQuotaService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/info-reports',
    {
      preValidation: app.requirePermission('info_report.write'),
      schema: {
        tags,
        summary: '撰写信息 A township writes a draft report (201), or gets the first one back (200) when the clientKey was seen',
        body: CreateInfoReportBodySchema,
        response: { 200: InfoReportSchema, 201: InfoReportSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await reports.create(sessionOf(request), actor(request), request.body);
      return reply.code(result.created ? 201 : 200).send(result.report);
    },
  );

  app.get(
    '/api/info-reports',
    {
      preValidation: app.requirePermission('info_report.read'),
      schema: { tags, summary: '信息报送 Reports in my scope, newest first (a township: its own; the county: what was submitted); keyset pages', querystring: InfoReportListQuerySchema, response: { 200: InfoReportPageSchema, ...errors } },
    },
    async (request) => reports.list(sessionOf(request), request.query),
  );

  app.get(
    '/api/info-reports/quota',
    {
      preValidation: app.requirePermission('info_report.read'),
      schema: { tags, summary: '信息报送考核 Per township: reports first submitted in the month, adopted, the quota, met, adoption rate', querystring: InfoReportQuotaQuerySchema, response: { 200: InfoReportQuotaSchema, ...errors } },
    },
    async (request) => quota.quota(sessionOf(request), request.query),
  );

  app.get(
    '/api/info-reports/export.xlsx',
    {
      preValidation: app.requirePermission('info_report.read'),
      schema: { tags, summary: '信息报送导出 The month’s reports and quota table as a workbook', querystring: InfoReportExportQuerySchema, response: { 200: Type.Any({ description: 'an .xlsx workbook' }), ...errors } },
    },
    async (request, reply) => {
      const session = sessionOf(request);
      const [rows, table] = await Promise.all([reports.ofMonth(session, request.query), quota.quota(session, { month: request.query.month })]);
      const workbook = await infoReportsWorkbook(request.query.month, rows, table, request.locale);
      const name = request.locale === 'zh-CN' ? `信息报送-${request.query.month}.xlsx` : `info-reports-${request.query.month}.xlsx`;
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(name)).send(workbook);
    },
  );

  app.get(
    '/api/info-reports/:id',
    {
      preValidation: app.requirePermission('info_report.read'),
      schema: { tags, summary: '信息详情 One report with its photos, attachments and history', params: IdParams, response: { 200: InfoReportSchema, ...errors } },
    },
    async (request) => reports.get(sessionOf(request), request.params.id),
  );

  app.patch(
    '/api/info-reports/:id',
    {
      preValidation: app.requirePermission('info_report.write'),
      schema: { tags, summary: '修改信息 Edit a draft or returned report (with the version read)', params: IdParams, body: UpdateInfoReportBodySchema, response: { 200: InfoReportSchema, ...errors } },
    },
    async (request) => reports.update(sessionOf(request), actor(request), request.params.id, request.body),
  );

  app.post(
    '/api/info-reports/:id/submit',
    {
      preValidation: app.requirePermission('info_report.write'),
      schema: { tags, summary: '提交信息 Submit a draft or returned report to the county; repeating it answers the same report', params: IdParams, body: InfoReportVersionBodySchema, response: { 200: InfoReportSchema, ...errors } },
    },
    async (request) => reports.submit(sessionOf(request), actor(request), request.params.id, request.body),
  );

  app.post(
    '/api/info-reports/:id/withdraw',
    {
      preValidation: app.requirePermission('info_report.write'),
      schema: { tags, summary: '撤回信息 Take a submitted report back to draft before the county reviews it', params: IdParams, body: InfoReportVersionBodySchema, response: { 200: InfoReportSchema, ...errors } },
    },
    async (request) => reports.withdraw(sessionOf(request), actor(request), request.params.id, request.body),
  );

  app.post(
    '/api/info-reports/:id/adopt',
    {
      preValidation: app.requirePermission('info_report.review'),
      schema: { tags, summary: '采用信息 Adopt a submitted report at a level, or raise an adopted one’s level', params: IdParams, body: AdoptInfoReportBodySchema, response: { 200: InfoReportSchema, ...errors } },
    },
    async (request) => reports.adopt(sessionOf(request), actor(request), request.params.id, request.body),
  );

  app.post(
    '/api/info-reports/:id/return',
    {
      preValidation: app.requirePermission('info_report.review'),
      schema: { tags, summary: '退回信息 Return a submitted report to its township with a note', params: IdParams, body: ReturnInfoReportBodySchema, response: { 200: InfoReportSchema, ...errors } },
    },
    async (request) => reports.returnReport(sessionOf(request), actor(request), request.params.id, request.body),
  );

  app.get(
    '/api/settings/info-reports',
    {
      preValidation: app.requirePermission('info_report.read'),
      schema: { tags, summary: '信息报送设置 The monthly quota per township', response: { 200: InfoReportSettingsSchema, ...errors } },
    },
    async () => quota.settings(),
  );

  app.put(
    '/api/settings/info-reports',
    {
      preValidation: app.requirePermission('info_report.review'),
      schema: { tags, summary: '修改信息报送设置 The county sets the monthly quota per township', body: UpdateInfoReportSettingsBodySchema, response: { 200: InfoReportSettingsSchema, ...errors } },
    },
    async (request) => quota.updateSettings(sessionOf(request), actor(request), request.body),
  );
}
