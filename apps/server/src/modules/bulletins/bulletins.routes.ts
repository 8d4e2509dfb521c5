// HTTP for the bulletins (archive, on-demand generation, the two files) and the leader dashboard.
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  BulletinCreateSchema,
  BulletinListQuerySchema,
  BulletinListSchema,
  BulletinSchema,
  ErrorResponseSchema,
  LeaderDashboardQuerySchema,
  LeaderDashboardSchema,
} from '@gridwork/core';
import { originOf, sessionOf } from '../../platform/auth.js';
import { attachment } from '../../platform/downloads.js';
import { actorOf } from '../auth/auth.service.js';
import type { BulletinsService } from './bulletins.service.js';
import type { LeaderDashboardService } from './leader-dashboard.service.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema };
const tags = ['bulletins'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 36 }) });

export function registerBulletinRoutes(root: FastifyInstance, bulletins: BulletinsService, leader: LeaderDashboardService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/bulletins',
    {
      preValidation: app.requirePermission('bulletin.read'),
      schema: { tags, summary: '通报归档 The archive of bulletins, newest first', querystring: BulletinListQuerySchema, response: { 200: BulletinListSchema, ...errors } },
    },
    async (request) => bulletins.list(sessionOf(request), request.query),
  );

  app.post(
    '/api/bulletins',
    {
      preValidation: app.requirePermission('assessment.manage'),
      schema: {
        tags,
        summary: '生成通报 Write a bulletin of a month or year now (scores recomputed first): a Word file and a workbook',
        body: BulletinCreateSchema,
        response: { 201: BulletinSchema, ...errors, 409: ErrorResponseSchema, 422: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const session = sessionOf(request);
      const created = await bulletins.create(session, actorOf(session, originOf(request)), request.body);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/bulletins/:id',
    {
      preValidation: app.requirePermission('bulletin.read'),
      schema: { tags, summary: '通报详情 One bulletin with the figures it was written from', params: IdParams, response: { 200: BulletinSchema, ...errors } },
    },
    async (request) => bulletins.get(sessionOf(request), request.params.id),
  );

  for (const which of ['docx', 'xlsx'] as const) {
    app.get(
      `/api/bulletins/:id/${which}`,
      {
        preValidation: app.requirePermission('bulletin.read'),
        schema: {
          tags,
          summary: which === 'docx' ? '下载通报 The bulletin as a Word file (.docx)' : '下载附表 The bulletin’s tables as a workbook (.xlsx)',
          params: IdParams,
          response: { 200: Type.Any({ description: which === 'docx' ? 'a .docx document' : 'an .xlsx workbook' }), ...errors },
        },
      },
      async (request, reply) => {
        const found = await bulletins.file(sessionOf(request), request.params.id, which);
        reply.header('Cache-Control', 'private, max-age=31536000, immutable');
        return reply.type(found.mime).header('content-disposition', attachment(found.name)).send(fs.createReadStream(found.path));
      },
    );
  }

  app.get(
    '/api/assessment/leader-dashboard',
    {
      preValidation: app.requirePermission('assessment.read'),
      schema: {
        tags: ['assessment'],
        summary: '领导驾驶舱 A month at a glance within my scope: totals, rankings (county ranks), cards per township, 12-month score trend, survey rates, latest bulletins',
        querystring: LeaderDashboardQuerySchema,
        response: { 200: LeaderDashboardSchema, ...errors },
      },
    },
    async (request) => leader.dashboard(sessionOf(request), request.query),
  );
}
