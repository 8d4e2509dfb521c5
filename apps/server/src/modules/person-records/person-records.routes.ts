// HTTP for the records kept on a person: special-population records (only for roles with
// person.special) and assistance targets.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AssistanceSchema,
  CreateAssistanceBodySchema,
  CreateSpecialPopulationBodySchema,
  ErrorResponseSchema,
  SpecialPopulationListQuerySchema,
  SpecialPopulationSchema,
  UpdateAssistanceBodySchema,
  UpdateSpecialPopulationBodySchema,
} from '@gridwork/core';
import { originOf, sessionOf } from '../../platform/auth.js';
import { actorOf } from '../auth/auth.service.js';
import type { PersonRecordsService } from './person-records.service.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 36 }) });
const tags = ['registry'];

export function registerPersonRecordRoutes(root: FastifyInstance, records: PersonRecordsService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const actor = (request: Parameters<typeof sessionOf>[0]) => actorOf(sessionOf(request), originOf(request));

  app.get(
    '/api/special-populations',
    {
      preValidation: app.requirePermission('person.special'),
      schema: {
        tags,
        summary: '特殊人群 Special-population records in my scope, by category, risk level, village, active; keyset pages (every read audited)',
        querystring: SpecialPopulationListQuerySchema,
        response: { 200: Type.Object({ items: Type.Array(SpecialPopulationSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...errors },
      },
    },
    async (request) => records.listSpecials(sessionOf(request), actor(request), request.query),
  );

  app.get(
    '/api/persons/:id/special-populations',
    {
      preValidation: app.requirePermission('person.special'),
      schema: { tags, summary: '某人的特殊人群记录 A person’s special-population records (audited)', params: IdParams, response: { 200: Type.Object({ items: Type.Array(SpecialPopulationSchema) }), ...errors } },
    },
    async (request) => ({ items: await records.specialsOfPerson(sessionOf(request), actor(request), request.params.id) }),
  );

  app.post(
    '/api/persons/:id/special-populations',
    {
      preValidation: app.requirePermission('person.special'),
      schema: { tags, summary: '登记特殊人群 Record a person as a special population', params: IdParams, body: CreateSpecialPopulationBodySchema, response: { 201: SpecialPopulationSchema, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await records.createSpecial(sessionOf(request), actor(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/special-populations/:id',
    {
      preValidation: app.requirePermission('person.special'),
      schema: { tags, summary: '更新特殊人群记录 Change risk level, supervising unit, details, or end the record with a reason', params: IdParams, body: UpdateSpecialPopulationBodySchema, response: { 200: SpecialPopulationSchema, ...errors } },
    },
    async (request) => records.updateSpecial(sessionOf(request), actor(request), request.params.id, request.body),
  );

  app.get(
    '/api/persons/:id/assistance',
    {
      preValidation: app.requirePermission('person.read'),
      schema: { tags, summary: '帮扶记录 A person’s assistance records', params: IdParams, response: { 200: Type.Object({ items: Type.Array(AssistanceSchema) }), ...errors } },
    },
    async (request) => ({ items: await records.assistanceOfPerson(sessionOf(request), request.params.id) }),
  );

  app.post(
    '/api/persons/:id/assistance',
    {
      preValidation: app.requirePermission('person.write'),
      schema: { tags, summary: '登记帮扶 Record assistance: kind, measures, dates', params: IdParams, body: CreateAssistanceBodySchema, response: { 201: AssistanceSchema, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await records.createAssistance(sessionOf(request), actor(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/assistance/:id',
    {
      preValidation: app.requirePermission('person.write'),
      schema: { tags, summary: '更新帮扶 Change the measures, or end the assistance with a reason', params: IdParams, body: UpdateAssistanceBodySchema, response: { 200: AssistanceSchema, ...errors } },
    },
    async (request) => records.updateAssistance(sessionOf(request), actor(request), request.params.id, request.body),
  );
}
