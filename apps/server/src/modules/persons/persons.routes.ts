// HTTP for the registry's people: register, read (masked), search, change with history, and the
// audited unmask.
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CreatePersonBodySchema,
  DomainError,
  can,
  ErrorResponseSchema,
  PersonDueQuerySchema,
  PersonExportQuerySchema,
  QualityQuerySchema,
  QualityRowSchema,
  VerifyPersonBodySchema,
  PersonListQuerySchema,
  PersonSchema,
  PersonSensitiveSchema,
  UpdatePersonBodySchema,
} from '@gridwork/core';
import { originOf, sessionOf } from '../../platform/auth.js';
import { actorOf } from '../auth/auth.service.js';
import { attachment, toError, XLSX_TYPE } from '../../platform/downloads.js';
import type { PersonsService } from './persons.service.js';
import { personTemplate, writePersonsWorkbook } from './persons.workbook.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 36 }) });
const tags = ['registry'];

export function registerPersonRoutes(root: FastifyInstance, persons: PersonsService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/persons',
    {
      preValidation: app.requirePermission('person.read'),
      schema: {
        tags,
        summary: '人员查询 People in my scope: by name (prefix or part), ID number or phone (exact), village, grid; keyset pages',
        querystring: PersonListQuerySchema,
        response: { 200: Type.Object({ items: Type.Array(PersonSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...errors },
      },
    },
    async (request) => persons.list(sessionOf(request), request.query),
  );

  app.get(
    '/api/persons/due',
    {
      preValidation: app.requirePermission('person.read'),
      schema: {
        tags,
        summary: '待复核人员 People due for verification: a grid worker’s own grids (or one grid), never verified or verified too long ago, oldest first',
        querystring: PersonDueQuerySchema,
        response: { 200: Type.Object({ items: Type.Array(PersonSchema) }), ...errors },
      },
    },
    async (request) => persons.due(sessionOf(request), request.query),
  );

  app.get(
    '/api/persons/quality',
    {
      preValidation: app.requirePermission('person.read'),
      schema: {
        tags,
        summary: '数据质量 The registry’s data quality per township, village and grid: completeness, validity, possible duplicates, staleness, accuracy',
        querystring: QualityQuerySchema,
        response: { 200: Type.Object({ items: Type.Array(QualityRowSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await persons.quality(sessionOf(request), request.query) }),
  );

  app.post(
    '/api/persons/:id/verify',
    {
      preValidation: app.requirePermission('person.write'),
      schema: {
        tags,
        summary: '复核 Verify a person: confirmed as it stands, or corrected',
        params: IdParams,
        body: VerifyPersonBodySchema,
        response: { 200: PersonSchema, ...errors },
      },
    },
    async (request) => persons.verify(sessionOf(request), actorOf(sessionOf(request), originOf(request)), request.params.id, request.body),
  );

  app.get(
    '/api/persons/template.xlsx',
    {
      preValidation: app.requirePermission('person.write'),
      schema: { tags, summary: '人员导入模板 The people workbook to fill in: notes, drop-down lists, my villages and grids', response: { 200: Type.Any({ description: 'an .xlsx workbook' }), ...errors } },
    },
    async (request, reply) => {
      const workbook = await personTemplate(request.locale, await persons.templatePlaces(sessionOf(request)));
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(request.locale === 'zh-CN' ? '人员信息导入模板.xlsx' : 'people-template.xlsx')).send(workbook);
    },
  );

  app.get(
    '/api/persons/export.xlsx',
    {
      preValidation: app.requirePermission('person.read'),
      schema: {
        tags,
        summary: '人员导出 The filtered list of people in my scope as a workbook; masked unless plain=true (needs unmask, audited)',
        querystring: PersonExportQuerySchema,
        response: { 200: Type.Any({ description: 'an .xlsx workbook, streamed' }), ...errors },
      },
    },
    async (request, reply) => {
      const session = sessionOf(request);
      if (request.query.plain && !can(session.user.role, 'person.unmask')) throw new DomainError('FORBIDDEN');
      const rows = await persons.exportRows(session, actorOf(session, originOf(request)), request.query, request.locale);
      const output = new PassThrough();
      void writePersonsWorkbook(output, rows, request.locale).catch((error: unknown) => output.destroy(toError(error)));
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(request.locale === 'zh-CN' ? '人员信息.xlsx' : 'people.xlsx')).send(output);
    },
  );

  app.post(
    '/api/persons',
    {
      preValidation: app.requirePermission('person.write'),
      schema: { tags, summary: '登记人员 Register a person in a grid', body: CreatePersonBodySchema, response: { 201: PersonSchema, ...errors } },
    },
    async (request, reply) => {
      const session = sessionOf(request);
      return reply.code(201).send(await persons.create(session, actorOf(session, originOf(request)), request.body));
    },
  );

  app.get(
    '/api/persons/:id',
    {
      preValidation: app.requirePermission('person.read'),
      schema: { tags, summary: '人员信息 One person, ID number and phone masked', params: IdParams, response: { 200: PersonSchema, ...errors } },
    },
    async (request) => persons.get(sessionOf(request), request.params.id),
  );

  app.patch(
    '/api/persons/:id',
    {
      preValidation: app.requirePermission('person.write'),
      schema: { tags, summary: '修改人员信息 Change a person (with the version read; moving out or death needs a reason)', params: IdParams, body: UpdatePersonBodySchema, response: { 200: PersonSchema, ...errors } },
    },
    async (request) => {
      const session = sessionOf(request);
      return persons.update(session, actorOf(session, originOf(request)), request.params.id, request.body);
    },
  );

  app.get(
    '/api/persons/:id/history',
    {
      preValidation: app.requirePermission('person.read'),
      schema: {
        tags,
        summary: '变更记录 Every change of a person, sealed fields masked',
        params: IdParams,
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ version: Type.Integer(), action: Type.String(), reason: Type.Union([Type.String(), Type.Null()]), actor: Type.Union([Type.String(), Type.Null()]), changes: Type.Record(Type.String(), Type.Unknown()), at: Type.String() })),
          }),
          ...errors,
        },
      },
    },
    async (request) => ({ items: await persons.history(sessionOf(request), request.params.id) }),
  );

  app.post(
    '/api/persons/:id/unmask',
    {
      preValidation: app.requirePermission('person.unmask'),
      schema: {
        tags,
        summary: '查看完整证件号和电话 The plain ID number and phone; recorded on the audit trail with the purpose',
        params: IdParams,
        body: Type.Object({ purpose: Type.String({ minLength: 2, maxLength: 100, description: 'Why, e.g. 走访联系' }) }, { additionalProperties: false }),
        response: { 200: PersonSensitiveSchema, ...errors },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      return persons.unmask(session, actorOf(session, originOf(request)), request.params.id, request.body.purpose);
    },
  );
}
