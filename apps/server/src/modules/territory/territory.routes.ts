// HTTP for the org tree and grids.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AssignWorkersBodySchema,
  CreateGridBodySchema,
  ErrorResponseSchema,
  GridSchema,
  LocateQuerySchema,
  MergeGridsBodySchema,
  OrgUnitSchema,
  SplitGridBodySchema,
  UpdateGridBodySchema,
} from '@gridwork/core';
import { originOf, sessionOf } from '../../platform/auth.js';
import { actorOf } from '../auth/auth.service.js';
import type { GridsService } from './grids.service.js';
import type { OrgUnitsService } from './org-units.service.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 36 }) });
const tags = ['territory'];

export function registerTerritoryRoutes(root: FastifyInstance, orgUnits: OrgUnitsService, grids: GridsService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/org-units',
    {
      preValidation: app.requirePermission('territory.read'),
      schema: {
        tags,
        summary: '组织机构树 My unit, or the children of a unit in my scope',
        querystring: Type.Object({ parentId: Type.Optional(Type.String({ minLength: 1, maxLength: 36 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(OrgUnitSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await orgUnits.list(sessionOf(request), request.query.parentId) }),
  );

  app.get(
    '/api/grids',
    {
      preValidation: app.requirePermission('territory.read'),
      schema: {
        tags,
        summary: '网格列表 Grids of a village, with boundaries and workers',
        querystring: Type.Object({ villageId: Type.String({ minLength: 1, maxLength: 36 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(GridSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await grids.listOfVillage(sessionOf(request), request.query.villageId) }),
  );

  app.get(
    '/api/grids/locate',
    {
      preValidation: app.requirePermission('territory.read'),
      schema: {
        tags,
        summary: '定位网格 The grid a GPS point (WGS84) lies in, or null',
        querystring: LocateQuerySchema,
        response: { 200: Type.Object({ grid: Type.Union([GridSchema, Type.Null()]) }), ...errors },
      },
    },
    async (request) => ({ grid: await grids.locate(sessionOf(request), request.query.lon, request.query.lat) }),
  );

  app.get(
    '/api/grids/:id',
    {
      preValidation: app.requirePermission('territory.read'),
      schema: { tags, summary: '网格详情 One grid', params: IdParams, response: { 200: GridSchema, ...errors } },
    },
    async (request) => grids.get(sessionOf(request), request.params.id),
  );

  app.post(
    '/api/grids',
    {
      preValidation: app.requirePermission('grid.manage'),
      schema: { tags, summary: '新建网格 Create a grid under a village', body: CreateGridBodySchema, response: { 201: GridSchema, ...errors } },
    },
    async (request, reply) => {
      const session = sessionOf(request);
      return reply.code(201).send(await grids.create(session, actorOf(session, originOf(request)), request.body));
    },
  );

  app.patch(
    '/api/grids/:id',
    {
      preValidation: app.requirePermission('grid.manage'),
      schema: { tags, summary: '修改网格 Rename or redraw a grid (null clears the boundary)', params: IdParams, body: UpdateGridBodySchema, response: { 200: GridSchema, ...errors } },
    },
    async (request) => {
      const session = sessionOf(request);
      return grids.update(session, actorOf(session, originOf(request)), request.params.id, request.body);
    },
  );

  app.post(
    '/api/grids/:id/split',
    {
      preValidation: app.requirePermission('grid.manage'),
      schema: { tags, summary: '拆分网格 Split a grid into parts that cover it exactly', params: IdParams, body: SplitGridBodySchema, response: { 200: Type.Object({ items: Type.Array(GridSchema) }), ...errors } },
    },
    async (request) => {
      const session = sessionOf(request);
      return { items: await grids.split(session, actorOf(session, originOf(request)), request.params.id, request.body) };
    },
  );

  app.post(
    '/api/grids/merge',
    {
      preValidation: app.requirePermission('grid.manage'),
      schema: { tags, summary: '合并网格 Merge touching grids of one village', body: MergeGridsBodySchema, response: { 200: GridSchema, ...errors } },
    },
    async (request) => {
      const session = sessionOf(request);
      return grids.merge(session, actorOf(session, originOf(request)), request.body);
    },
  );

  app.put(
    '/api/grids/:id/workers',
    {
      preValidation: app.requirePermission('grid.manage'),
      schema: { tags, summary: '分配网格员 Set the grid workers of a grid', params: IdParams, body: AssignWorkersBodySchema, response: { 200: GridSchema, ...errors } },
    },
    async (request) => {
      const session = sessionOf(request);
      return grids.assignWorkers(session, actorOf(session, originOf(request)), request.params.id, request.body.accountIds);
    },
  );
}
