// HTTP for the indicator table of a period and the facts behind one figure.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponseSchema, IndicatorFactsQuerySchema, IndicatorFactsSchema, IndicatorQuerySchema, IndicatorTableSchema } from '@gridwork/core';
import { sessionOf } from '../../platform/auth.js';
import { attachment, XLSX_TYPE } from '../../platform/downloads.js';
import type { IndicatorsService } from './indicators.service.js';
import { indicatorsWorkbook, indicatorsWorkbookName } from './indicators.workbook.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema };
const tags = ['assessment'];

export function registerIndicatorRoutes(root: FastifyInstance, indicators: IndicatorsService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/assessment/indicators',
    {
      preValidation: app.requirePermission('assessment.read'),
      schema: {
        tags,
        summary: '考核指标 Every unit of a kind in my scope with the figures of the period (numerator, denominator, too few to rank)',
        querystring: IndicatorQuerySchema,
        response: { 200: IndicatorTableSchema, ...errors },
      },
    },
    async (request) => indicators.table(sessionOf(request), request.query),
  );

  app.get(
    '/api/assessment/indicators/facts',
    {
      preValidation: app.requirePermission('assessment.read'),
      schema: {
        tags,
        summary: '指标明细 The facts behind one unit’s figure: the events, days, visits… counted and not counted (at most 500)',
        querystring: IndicatorFactsQuerySchema,
        response: { 200: IndicatorFactsSchema, ...errors },
      },
    },
    async (request) => indicators.facts(sessionOf(request), request.query, request.locale),
  );

  app.get(
    '/api/assessment/indicators/export.xlsx',
    {
      preValidation: app.requirePermission('assessment.read'),
      schema: {
        tags,
        summary: '考核指标导出 The same table as a workbook: value and numerator/denominator per indicator, and the formulas',
        querystring: IndicatorQuerySchema,
        response: { 200: Type.Any({ description: 'an .xlsx workbook' }), ...errors },
      },
    },
    async (request, reply) => {
      const table = await indicators.table(sessionOf(request), request.query);
      const workbook = await indicatorsWorkbook(table, request.locale);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(indicatorsWorkbookName(table, request.locale))).send(workbook);
    },
  );
}
