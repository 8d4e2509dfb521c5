// The public survey form behind a village's QR code: no sign-in, one answer per phone, and a
// CAPTCHA-free rate limit per client IP and per code (429 RATE_LIMITED with Retry-After).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorResponseSchema, PublicSurveyAnswerBodySchema, PublicSurveyParamsSchema, PublicSurveyReceiptSchema, PublicSurveySchema, isDomainError } from '@gridwork/core';
import { originOf } from '../../platform/auth.js';
import { sendError } from '../../platform/errors.js';
import type { SurveyAnswersService } from './survey-answers.service.js';
import type { SurveyRateLimiter } from './survey-rate-limit.js';

const errors = { 400: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 422: ErrorResponseSchema, 429: ErrorResponseSchema };
const tags = ['surveys'];

export function registerPublicSurveyRoutes(root: FastifyInstance, answers: SurveyAnswersService, limiter: SurveyRateLimiter): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/public/surveys/:code',
    {
      schema: { tags, summary: '公众问卷 The questionnaire of a village’s open survey (no sign-in); 404 for an unknown or closed code', params: PublicSurveyParamsSchema, response: { 200: PublicSurveySchema, ...errors } },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return answers.publicSurvey(request.params.code);
    },
  );

  app.post(
    '/api/public/surveys/:code/answers',
    {
      schema: {
        tags,
        summary: '公众答卷 A resident answers (201), or gets the receipt again (200) for a seen clientKey; one answer per phone (409); limited per IP and code (429 with Retry-After)',
        params: PublicSurveyParamsSchema,
        body: PublicSurveyAnswerBodySchema,
        response: { 200: PublicSurveyReceiptSchema, 201: PublicSurveyReceiptSchema, ...errors },
      },
    },
    async (request, reply) => {
      const origin = originOf(request);
      try {
        limiter.take(origin.ip, request.params.code);
      } catch (error) {
        if (!isDomainError(error) || error.code !== 'RATE_LIMITED') throw error;
        return sendError(reply.header('Retry-After', String(error.details['retryAfter'])), request.locale, 'RATE_LIMITED', error.details);
      }
      const result = await answers.publicAnswer(origin, request.params.code, request.body);
      return reply.code(result.created ? 201 : 200).send(result.receipt);
    },
  );
}
