// HTTP for departments.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CreateDepartmentBodySchema,
  DepartmentSchema,
  ErrorResponseSchema,
  UpdateDepartmentBodySchema,
} from '@gridwork/core';
import { originOf, sessionOf } from '../../platform/auth.js';
import { actorOf } from '../auth/auth.service.js';
import type { DepartmentsService } from './departments.service.js';

const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
};
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 36 }) });
const DepartmentSummarySchema = Type.Omit(DepartmentSchema, ['staff']);

export function registerDepartmentRoutes(root: FastifyInstance, departments: DepartmentsService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['departments'];

  app.get(
    '/api/departments',
    {
      preValidation: app.requirePermission('department.read'),
      schema: {
        tags,
        summary: '部门列表 Departments serving my area or inside it',
        querystring: Type.Object(
          { includeDisabled: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(DepartmentSummarySchema) }), ...errors },
      },
    },
    async (request) => ({
      items: await departments.list(sessionOf(request), request.query.includeDisabled ?? false),
    }),
  );

  app.post(
    '/api/departments',
    {
      preValidation: app.requirePermission('department.manage'),
      schema: {
        tags,
        summary: '新建部门 Create a department',
        body: CreateDepartmentBodySchema,
        response: { 201: DepartmentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const session = sessionOf(request);
      return reply
        .code(201)
        .send(await departments.create(session, actorOf(session, originOf(request)), request.body));
    },
  );

  app.get(
    '/api/departments/:id',
    {
      preValidation: app.requirePermission('department.read'),
      schema: {
        tags,
        summary: '部门详情 A department with its categories and staff',
        params: IdParams,
        response: { 200: DepartmentSchema, ...errors },
      },
    },
    async (request) => departments.get(sessionOf(request), request.params.id),
  );

  app.patch(
    '/api/departments/:id',
    {
      preValidation: app.requirePermission('department.manage'),
      schema: {
        tags,
        summary: '修改部门 Rename, change categories, disable',
        params: IdParams,
        body: UpdateDepartmentBodySchema,
        response: { 200: DepartmentSchema, ...errors },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      return departments.update(
        session,
        actorOf(session, originOf(request)),
        request.params.id,
        request.body,
      );
    },
  );
}
