// HTTP for the scoring schemes (目标分值, versioned per year) and the scores and rankings built
// from them: the ranking of a period, one unit's score with the facts behind it, recompute, export.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ErrorResponseSchema,
  PutScoreSchemeBodySchema,
  PutScoreSchemeResultSchema,
  RankingSchema,
  RecomputeScoresBodySchema,
  RecomputeScoresResultSchema,
  SchemeQuerySchema,
  SchemeVersionsSchema,
  SchemeYearParamsSchema,
  ScoreSchemeSchema,
  ScoresQuerySchema,
  UnitScoreDetailSchema,
  UnitScoreQuerySchema,
} from '@gridwork/core';
import { originOf, sessionOf } from '../../platform/auth.js';
import { attachment, XLSX_TYPE } from '../../platform/downloads.js';
import { actorOf } from '../auth/auth.service.js';
import type { SchemeService } from './scheme.service.js';
import type { ScoresService } from './scores.service.js';
import { rankingWorkbook } from './scores.workbook.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 422: ErrorResponseSchema };
const tags = ['assessment'];
const actor = (request: FastifyRequest) => actorOf(sessionOf(request), originOf(request));

export function registerScoreRoutes(root: FastifyInstance, scores: ScoresService, scheme: SchemeService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/assessment/schemes/:year',
    {
      preValidation: app.requirePermission('assessment.read'),
      schema: {
        tags,
        summary: '考核方案 The year’s scoring scheme: the latest version, or ?version= an older one (a year with none: the default, version 0)',
        params: SchemeYearParamsSchema,
        querystring: SchemeQuerySchema,
        response: { 200: ScoreSchemeSchema, ...errors },
      },
    },
    async (request) => scheme.get(request.params.year, request.query.version, request.locale),
  );

  app.get(
    '/api/assessment/schemes/:year/versions',
    {
      preValidation: app.requirePermission('assessment.read'),
      schema: { tags, summary: '方案版本 Every version of the year’s scheme, newest first', params: SchemeYearParamsSchema, response: { 200: SchemeVersionsSchema, ...errors } },
    },
    async (request) => scheme.versions(request.params.year),
  );

  app.put(
    '/api/assessment/schemes/:year',
    {
      preValidation: app.requirePermission('assessment.manage'),
      schema: {
        tags,
        summary: '修改考核方案 Saves a new version of the year’s scheme (weights add up to 100 per unit kind; a past year answers 409) and recomputes this year’s stored scores',
        params: SchemeYearParamsSchema,
        body: PutScoreSchemeBodySchema,
        response: { 200: PutScoreSchemeResultSchema, ...errors },
      },
    },
    async (request) => scheme.put(sessionOf(request), actor(request), request.params.year, request.body, request.locale),
  );

  app.get(
    '/api/assessment/scores',
    {
      preValidation: app.requirePermission('assessment.read'),
      schema: {
        tags,
        summary: '考核排名 The units of a kind in my scope with their scores and county ranks (stored; computed and stored on first read)',
        querystring: ScoresQuerySchema,
        response: { 200: RankingSchema, ...errors },
      },
    },
    async (request) => scores.ranking(sessionOf(request), actor(request), request.query),
  );

  app.get(
    '/api/assessment/scores/unit',
    {
      preValidation: app.requirePermission('assessment.read'),
      schema: {
        tags,
        summary: '得分明细 One unit’s score: each item with its figure, weight and points, each deduction with the value behind it, the cap',
        querystring: UnitScoreQuerySchema,
        response: { 200: UnitScoreDetailSchema, ...errors },
      },
    },
    async (request) => scores.unitScore(sessionOf(request), actor(request), request.query, request.locale),
  );

  app.post(
    '/api/assessment/scores/recompute',
    {
      preValidation: app.requirePermission('assessment.manage'),
      schema: {
        tags,
        summary: '重新计算 Recomputes and stores the period’s scores (one unit kind, or every kind of the scheme) with the scheme of its year',
        body: RecomputeScoresBodySchema,
        response: { 200: RecomputeScoresResultSchema, ...errors },
      },
    },
    async (request) => ({ recomputed: await scores.recomputeFor(sessionOf(request), actor(request), request.body) }),
  );

  app.get(
    '/api/assessment/scores/export.xlsx',
    {
      preValidation: app.requirePermission('assessment.read'),
      schema: { tags, summary: '排名导出 The ranking in my scope as a workbook, with the deductions', querystring: ScoresQuerySchema, response: { 200: Type.Any({ description: 'an .xlsx workbook' }), ...errors } },
    },
    async (request, reply) => {
      const ranking = await scores.ranking(sessionOf(request), actor(request), request.query);
      const workbook = await rankingWorkbook(ranking, request.locale);
      const name = request.locale === 'zh-CN' ? `考核排名-${request.query.period}-${request.query.unitKind}.xlsx` : `ranking-${request.query.period}-${request.query.unitKind}.xlsx`;
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(name)).send(workbook);
    },
  );
}
