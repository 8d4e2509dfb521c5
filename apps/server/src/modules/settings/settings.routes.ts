// HTTP for the county's settings: anyone who reads the registry sees how often things fall due;
// only the county changes it.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorResponseSchema, ReverificationSettingsSchema, UpdateReverificationBodySchema } from '@gridwork/core';
import { originOf, sessionOf } from '../../platform/auth.js';
import { actorOf } from '../auth/auth.service.js';
import type { SettingsService } from './settings.service.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema };
const tags = ['registry'];

export function registerSettingsRoutes(root: FastifyInstance, settings: SettingsService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/settings/reverification',
    {
      preValidation: app.requirePermission('person.read'),
      schema: {
        tags,
        summary: '复核周期 Days between re-verifications of each kind (key groups of people apart): the county’s setting or the default, who set it and when',
        response: { 200: ReverificationSettingsSchema, ...errors },
      },
    },
    async (request) => settings.reverification(request.locale),
  );

  app.put(
    '/api/settings/reverification',
    {
      preValidation: app.requirePermission('registry.settings.manage'),
      schema: {
        tags,
        summary: '设置复核周期 The county sets the days (1 to 3650) of the kinds it names; due lists and the quality report follow at once',
        body: UpdateReverificationBodySchema,
        response: { 200: ReverificationSettingsSchema, ...errors },
      },
    },
    async (request) => settings.updateReverification(sessionOf(request), actorOf(sessionOf(request), originOf(request)), request.body, request.locale),
  );
}
