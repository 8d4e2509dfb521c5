// HTTP for the floating population: arrivals and departures (retried safely by client key), the
// list and one registration, permit and employer changes, statistics, a house's tenants and a
// landlord's houses.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ArrivalBodySchema,
  DepartureBodySchema,
  ErrorResponseSchema,
  FloatingListQuerySchema,
  FloatingListSchema,
  FloatingRegistrationSchema,
  FloatingStatsQuerySchema,
  FloatingStatsSchema,
  HouseTenantSchema,
  LandlordSchema,
  UpdateFloatingBodySchema,
} from '@gridwork/core';
import { originOf, sessionOf } from '../../platform/auth.js';
import { actorOf } from '../auth/auth.service.js';
import type { createFloatingReportsService } from './floating-reports.service.js';
import type { FloatingService } from './floating.service.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 422: ErrorResponseSchema };
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 36 }) });
const tags = ['registry'];

const actor = (request: FastifyRequest) => actorOf(sessionOf(request), originOf(request));

export function registerFloatingRoutes(root: FastifyInstance, floating: FloatingService, reports: ReturnType<typeof createFloatingReportsService>): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/floating/arrivals',
    {
      preValidation: app.requirePermission('floating.write'),
      schema: {
        tags,
        summary: '流动人口来登记 Register an arrival: a registered person (personId) or a new one (person); makes them floating and, with a house, its tenant. 201, or 200 with the first registration when the clientKey was seen',
        body: ArrivalBodySchema,
        response: { 200: FloatingRegistrationSchema, 201: FloatingRegistrationSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await floating.arrive(sessionOf(request), actor(request), request.body);
      return reply.code(result.created ? 201 : 200).send(result.registration);
    },
  );

  app.post(
    '/api/floating/departures',
    {
      preValidation: app.requirePermission('floating.write'),
      schema: {
        tags,
        summary: '流动人口去登记 Register a departure: ends the stay, the tenancy and the residence here; 409 FLOATING_NOT_ARRIVED without a present registration',
        body: DepartureBodySchema,
        response: { 200: FloatingRegistrationSchema, ...errors },
      },
    },
    async (request) => floating.depart(sessionOf(request), actor(request), request.body),
  );

  app.get(
    '/api/floating',
    {
      preValidation: app.requirePermission('floating.read'),
      schema: { tags, summary: '流动人口 Floating population in my scope, newest first: present or departed, by name, permits expiring; keyset pages', querystring: FloatingListQuerySchema, response: { 200: FloatingListSchema, ...errors } },
    },
    async (request) => floating.list(sessionOf(request), request.query),
  );

  app.get(
    '/api/floating/stats',
    {
      preValidation: app.requirePermission('floating.read'),
      schema: { tags, summary: '流动人口统计 People present by village, grid and origin province; arrivals and departures per month', querystring: FloatingStatsQuerySchema, response: { 200: FloatingStatsSchema, ...errors } },
    },
    async (request) => reports.stats(sessionOf(request), request.query),
  );

  app.get(
    '/api/floating/:id',
    {
      preValidation: app.requirePermission('floating.read'),
      schema: { tags, summary: '流动人口登记 One registration', params: IdParams, response: { 200: FloatingRegistrationSchema, ...errors } },
    },
    async (request) => floating.get(sessionOf(request), request.params.id),
  );

  app.patch(
    '/api/floating/:id',
    {
      preValidation: app.requirePermission('floating.write'),
      schema: { tags, summary: '修改流动人口登记 Change the residence permit, employer or expected stay (with the version read)', params: IdParams, body: UpdateFloatingBodySchema, response: { 200: FloatingRegistrationSchema, ...errors } },
    },
    async (request) => floating.update(sessionOf(request), actor(request), request.params.id, request.body),
  );

  app.get(
    '/api/houses/:id/tenants',
    {
      preValidation: app.requirePermission('floating.read'),
      schema: { tags, summary: '出租屋承租人 The current tenants of a house, with their arrival registrations', params: IdParams, response: { 200: Type.Object({ items: Type.Array(HouseTenantSchema) }), ...errors } },
    },
    async (request) => ({ items: await reports.houseTenants(sessionOf(request), request.params.id) }),
  );

  app.get(
    '/api/landlords/:personId',
    {
      preValidation: app.requirePermission('floating.read'),
      schema: {
        tags,
        summary: '房东 A landlord: the houses a person owns in my scope, each with its current tenants',
        params: Type.Object({ personId: Type.String({ minLength: 1, maxLength: 36 }) }),
        response: { 200: LandlordSchema, ...errors },
      },
    },
    async (request) => reports.landlord(sessionOf(request), request.params.personId),
  );
}
