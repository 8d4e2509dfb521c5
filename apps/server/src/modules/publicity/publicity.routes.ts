// HTTP for the publicity log: record (retried safely by client key), list, read, edit, withdraw,
// the history, the monthly counts and their workbook.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CreatePublicityBodySchema,
  ErrorResponseSchema,
  PublicityActivitySchema,
  PublicityHistoryEntrySchema,
  PublicityListQuerySchema,
  PublicityMonthlyQuerySchema,
  PublicityMonthlySchema,
  PublicityPageSchema,
  UpdatePublicityBodySchema,
  WithdrawPublicityBodySchema,
} from '@gridwork/core';
import { originOf, sessionOf } from '../../platform/auth.js';
import { attachment, XLSX_TYPE } from '../../platform/downloads.js';
import { actorOf } from '../auth/auth.service.js';
import { publicityMonthlyWorkbook } from './publicity-monthly.workbook.js';
import type { PublicityService } from './publicity.service.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 422: ErrorResponseSchema };
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 36 }) });
const tags = ['daily'];
const actor = (request: FastifyRequest) => actorOf(sessionOf(request), originOf(request));

export function registerPublicityRoutes(root: FastifyInstance, publicity: PublicityService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/publicity',
    {
      preValidation: app.requirePermission('publicity.write'),
      schema: {
        tags,
        summary: '记录宣传活动 Record a publicity activity of a village or township in my scope; 201, or 200 with the first record when the clientKey was seen',
        body: CreatePublicityBodySchema,
        response: { 200: PublicityActivitySchema, 201: PublicityActivitySchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await publicity.create(sessionOf(request), actor(request), request.body);
      return reply.code(result.created ? 201 : 200).send(result.activity);
    },
  );

  app.get(
    '/api/publicity',
    {
      preValidation: app.requirePermission('publicity.read'),
      schema: { tags, summary: '宣传活动 Activities in my scope, newest first, by township, village, kind and month; keyset pages', querystring: PublicityListQuerySchema, response: { 200: PublicityPageSchema, ...errors } },
    },
    async (request) => publicity.list(sessionOf(request), request.query),
  );

  app.get(
    '/api/publicity/monthly',
    {
      preValidation: app.requirePermission('publicity.read'),
      schema: { tags, summary: '宣传发动月统计 Activities of a month per township and village and kind; units with none are listed too', querystring: PublicityMonthlyQuerySchema, response: { 200: PublicityMonthlySchema, ...errors } },
    },
    async (request) => publicity.monthly(sessionOf(request), request.query),
  );

  app.get(
    '/api/publicity/monthly.xlsx',
    {
      preValidation: app.requirePermission('publicity.read'),
      schema: { tags, summary: '宣传发动月统计导出 The monthly counts as a workbook', querystring: PublicityMonthlyQuerySchema, response: { 200: Type.Any({ description: 'an .xlsx workbook' }), ...errors } },
    },
    async (request, reply) => {
      const data = await publicity.monthly(sessionOf(request), request.query);
      const workbook = await publicityMonthlyWorkbook(data, request.locale);
      const name = request.locale === 'zh-CN' ? `宣传发动-${data.month}.xlsx` : `publicity-${data.month}.xlsx`;
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(name)).send(workbook);
    },
  );

  app.get(
    '/api/publicity/:id',
    {
      preValidation: app.requirePermission('publicity.read'),
      schema: { tags, summary: '宣传活动 One activity', params: IdParams, response: { 200: PublicityActivitySchema, ...errors } },
    },
    async (request) => publicity.get(sessionOf(request), request.params.id),
  );

  app.patch(
    '/api/publicity/:id',
    {
      preValidation: app.requirePermission('publicity.write'),
      schema: { tags, summary: '修改宣传活动 Change an activity (with the version read); the previous values go to its history', params: IdParams, body: UpdatePublicityBodySchema, response: { 200: PublicityActivitySchema, ...errors } },
    },
    async (request) => publicity.update(sessionOf(request), actor(request), request.params.id, request.body),
  );

  app.post(
    '/api/publicity/:id/withdraw',
    {
      preValidation: app.requirePermission('publicity.write'),
      schema: { tags, summary: '撤销宣传活动 Withdraw an activity with a reason (never deleted; it leaves the counts)', params: IdParams, body: WithdrawPublicityBodySchema, response: { 200: PublicityActivitySchema, ...errors } },
    },
    async (request) => publicity.withdraw(sessionOf(request), actor(request), request.params.id, request.body),
  );

  app.get(
    '/api/publicity/:id/history',
    {
      preValidation: app.requirePermission('publicity.read'),
      schema: { tags, summary: '宣传活动修改记录 The versions of an activity: who changed what, when', params: IdParams, response: { 200: Type.Object({ items: Type.Array(PublicityHistoryEntrySchema) }), ...errors } },
    },
    async (request) => ({ items: await publicity.history(sessionOf(request), request.params.id) }),
  );
}
