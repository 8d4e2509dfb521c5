// HTTP for the surveys (知晓率、满意率调查): the county's questionnaires (create, change a draft,
// open with the draw, close), the drawn people of a village for interviewers, answers from phone
// interviews and field visits, and the rates with their intervals.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CreateSurveyAnswerBodySchema,
  CreateSurveyBodySchema,
  ErrorResponseSchema,
  SurveyAnswerSchema,
  SurveyListQuerySchema,
  SurveyListSchema,
  SurveyOpenListSchema,
  SurveyRatesSchema,
  SurveySampleQuerySchema,
  SurveySampleSchema,
  SurveySchema,
  UpdateSurveyBodySchema,
} from '@gridwork/core';
import { originOf, sessionOf } from '../../platform/auth.js';
import { actorOf } from '../auth/auth.service.js';
import type { SurveyAnswersService } from './survey-answers.service.js';
import type { SurveyRatesService } from './survey-rates.service.js';
import type { SurveysService } from './surveys.service.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 422: ErrorResponseSchema };
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 36 }) });
const tags = ['surveys'];
const actor = (request: FastifyRequest) => actorOf(sessionOf(request), originOf(request));

export function registerSurveyRoutes(root: FastifyInstance, services: { surveys: SurveysService; answers: SurveyAnswersService; rates: SurveyRatesService }): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { surveys, answers, rates } = services;

  app.post(
    '/api/surveys',
    {
      preValidation: app.requirePermission('survey.manage'),
      schema: {
        tags,
        summary: '新建调查 The county defines a survey (201), or gets the first one back (200) when the clientKey was seen; H1 asks awareness only',
        body: CreateSurveyBodySchema,
        response: { 200: SurveySchema, 201: SurveySchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await surveys.create(sessionOf(request), actor(request), request.body);
      return reply.code(result.created ? 201 : 200).send(result.survey);
    },
  );

  app.get(
    '/api/surveys',
    {
      preValidation: app.requirePermission('survey.read'),
      schema: { tags, summary: '调查列表 Surveys with a village in my scope, with my villages’ figures', querystring: SurveyListQuerySchema, response: { 200: SurveyListSchema, ...errors } },
    },
    async (request) => surveys.list(sessionOf(request), request.query),
  );

  app.get(
    '/api/surveys/open',
    {
      preValidation: app.requirePermission('survey.answer'),
      schema: { tags, summary: '待调查 Open surveys with a village of mine, with their questions and my villages (for interviewers: phone and field)', response: { 200: SurveyOpenListSchema, ...errors } },
    },
    async (request) => surveys.openForMe(sessionOf(request)),
  );

  app.get(
    '/api/surveys/:id',
    {
      preValidation: app.requirePermission('survey.read'),
      schema: { tags, summary: '调查详情 The questionnaire and my villages: public code, adults, sample size, answers', params: IdParams, response: { 200: SurveySchema, ...errors } },
    },
    async (request) => surveys.get(sessionOf(request), request.params.id),
  );

  app.patch(
    '/api/surveys/:id',
    {
      preValidation: app.requirePermission('survey.manage'),
      schema: { tags, summary: '修改调查 Change a draft survey (version read required)', params: IdParams, body: UpdateSurveyBodySchema, response: { 200: SurveySchema, ...errors } },
    },
    async (request) => surveys.update(sessionOf(request), actor(request), request.params.id, request.body),
  );

  app.post(
    '/api/surveys/:id/open',
    {
      preValidation: app.requirePermission('survey.manage'),
      schema: { tags, summary: '开始调查 Draws each village’s sample with the seed and opens the survey; 422 SURVEY_SAMPLE_TOO_LARGE names a village with too few adults (nothing drawn)', params: IdParams, response: { 200: SurveySchema, ...errors } },
    },
    async (request) => surveys.open(sessionOf(request), actor(request), request.params.id),
  );

  app.post(
    '/api/surveys/:id/close',
    {
      preValidation: app.requirePermission('survey.manage'),
      schema: { tags, summary: '结束调查 Closes an open survey: no more answers', params: IdParams, response: { 200: SurveySchema, ...errors } },
    },
    async (request) => surveys.close(sessionOf(request), actor(request), request.params.id),
  );

  app.get(
    '/api/surveys/:id/sample',
    {
      preValidation: app.requirePermission('survey.answer'),
      schema: { tags, summary: '抽样名单 The drawn people of a village in draw order, with masked phones and whether each has answered', params: IdParams, querystring: SurveySampleQuerySchema, response: { 200: SurveySampleSchema, ...errors } },
    },
    async (request) => answers.sample(sessionOf(request), request.params.id, request.query.villageId),
  );

  app.post(
    '/api/surveys/:id/answers',
    {
      preValidation: app.requirePermission('survey.answer'),
      schema: {
        tags,
        summary: '录入答卷 A phone interview or field visit (201), or the first answer again (200) when the clientKey was seen; 409 when the person or phone has answered',
        params: IdParams,
        body: CreateSurveyAnswerBodySchema,
        response: { 200: SurveyAnswerSchema, 201: SurveyAnswerSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await answers.answer(sessionOf(request), actor(request), request.params.id, request.body);
      return reply.code(result.created ? 201 : 200).send(result.answer);
    },
  );

  app.get(
    '/api/surveys/:id/rates',
    {
      preValidation: app.requirePermission('survey.read'),
      schema: { tags, summary: '知晓率、满意率 Rates per village and township with 95% Wilson intervals, sample size and response rate', params: IdParams, response: { 200: SurveyRatesSchema, ...errors } },
    },
    async (request) => rates.rates(sessionOf(request), request.params.id),
  );
}
