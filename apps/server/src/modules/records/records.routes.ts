// HTTP for households, houses, organisations, places and facilities: one set of routes per kind,
// each with its own schemas, so the API and its OpenAPI document name exactly what each allows.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  DomainError,
  ErrorResponseSchema,
  MemberSchema,
  PersonDueQuerySchema,
  PersonRecordLinkSchema,
  RECORD_KINDS,
  RECORD_KIND_DEFINITIONS,
  RecordSchema,
  verifyRecordBodySchema,
  can,
  createRecordBodySchema,
  recordExportQuerySchema,
  recordListQuerySchema,
  setMembersBodySchema,
  updateRecordBodySchema,
  type RecordBody,
  type RecordExportQuery,
  type RecordKind,
  type RecordListQuery,
  type RecordUpdateBody,
  type VerifyRecordBody,
} from '@gridwork/core';
import { PassThrough } from 'node:stream';
import { originOf, sessionOf } from '../../platform/auth.js';
import { attachment, toError, XLSX_TYPE } from '../../platform/downloads.js';
import { actorOf } from '../auth/auth.service.js';
import type { RecordsService } from './records.service.js';
import { recordTemplate, writeRecordsWorkbook } from './records.workbook.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 36 }) });
const tags = ['registry'];

/** The URL segment of each kind. */
export const RECORD_PATHS: Readonly<Record<RecordKind, string>> = {
  household: 'households',
  house: 'houses',
  organisation: 'organisations',
  place: 'places',
  facility: 'facilities',
};

const HistorySchema = Type.Object({
  items: Type.Array(Type.Object({ version: Type.Integer(), action: Type.String(), reason: Type.Union([Type.String(), Type.Null()]), actor: Type.Union([Type.String(), Type.Null()]), changes: Type.Record(Type.String(), Type.Unknown()), at: Type.String() })),
});

export function registerRecordRoutes(root: FastifyInstance, records: RecordsService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const actor = (request: Parameters<typeof sessionOf>[0]) => actorOf(sessionOf(request), originOf(request));

  for (const kind of RECORD_KINDS) {
    const base = `/api/${RECORD_PATHS[kind]}`;
    const label = RECORD_KIND_DEFINITIONS[kind].label;
    app.get(
      base,
      {
        preValidation: app.requirePermission('person.read'),
        schema: { tags, summary: `${label['zh-CN']}查询 ${label['en-US']} records in my scope: by name, address, key, category, state, village, grid; keyset pages`, querystring: recordListQuerySchema(kind), response: { 200: Type.Object({ items: Type.Array(RecordSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...errors } },
      },
      async (request) => records.list(kind, sessionOf(request), request.query as RecordListQuery),
    );
    const fileLabel = (locale: 'zh-CN' | 'en-US') => (locale === 'zh-CN' ? `${label['zh-CN']}信息` : RECORD_PATHS[kind]);
    app.get(
      `${base}/template.xlsx`,
      {
        preValidation: app.requirePermission('person.write'),
        schema: { tags, summary: `${label['zh-CN']}导入模板 The ${label['en-US'].toLowerCase()} workbook to fill in: notes, drop-down lists, my villages and grids`, response: { 200: Type.Any({ description: 'an .xlsx workbook' }), ...errors } },
      },
      async (request, reply) => {
        const workbook = await recordTemplate(kind, request.locale, await records.templatePlaces(sessionOf(request)));
        return reply.type(XLSX_TYPE).header('content-disposition', attachment(`${fileLabel(request.locale)}${request.locale === 'zh-CN' ? '导入模板' : '-template'}.xlsx`)).send(workbook);
      },
    );
    app.get(
      `${base}/export.xlsx`,
      {
        preValidation: app.requirePermission('person.read'),
        schema: {
          tags,
          summary: `${label['zh-CN']}导出 The filtered list of ${label['en-US'].toLowerCase()} records in my scope as a workbook that imports back; phones masked unless plain=true (needs unmask, audited)`,
          querystring: recordExportQuerySchema(kind),
          response: { 200: Type.Any({ description: 'an .xlsx workbook, streamed' }), ...errors },
        },
      },
      async (request, reply) => {
        const session = sessionOf(request);
        const query = request.query as RecordExportQuery;
        if (query.plain && !can(session.user.role, 'person.unmask')) throw new DomainError('FORBIDDEN', { permission: 'person.unmask' });
        const pages = await records.exportRows(kind, session, actor(request), query, request.locale);
        const output = new PassThrough();
        void writeRecordsWorkbook(kind, output, pages, request.locale).catch((error: unknown) => output.destroy(toError(error)));
        return reply.type(XLSX_TYPE).header('content-disposition', attachment(`${fileLabel(request.locale)}.xlsx`)).send(output);
      },
    );
    app.post(
      base,
      {
        preValidation: app.requirePermission('person.write'),
        schema: { tags, summary: `登记${label['zh-CN']} Register a ${label['en-US'].toLowerCase()} in a grid`, body: createRecordBodySchema(kind), response: { 201: RecordSchema, ...errors } },
      },
      async (request, reply) => reply.code(201).send(await records.create(kind, sessionOf(request), actor(request), request.body as RecordBody)),
    );
    app.get(
      `${base}/:id`,
      { preValidation: app.requirePermission('person.read'), schema: { tags, summary: `${label['zh-CN']}详情 One ${label['en-US'].toLowerCase()}`, params: IdParams, response: { 200: RecordSchema, ...errors } } },
      async (request) => records.get(kind, sessionOf(request), request.params.id),
    );
    app.patch(
      `${base}/:id`,
      {
        preValidation: app.requirePermission('person.write'),
        schema: { tags, summary: `修改${label['zh-CN']} Change a ${label['en-US'].toLowerCase()}; closing or removing needs a reason`, params: IdParams, body: updateRecordBodySchema(kind), response: { 200: RecordSchema, ...errors } },
      },
      async (request) => records.update(kind, sessionOf(request), actor(request), request.params.id, request.body as RecordUpdateBody),
    );
    app.get(
      `${base}/:id/history`,
      { preValidation: app.requirePermission('person.read'), schema: { tags, summary: `${label['zh-CN']}变更记录 Every change, with before and after`, params: IdParams, response: { 200: HistorySchema, ...errors } } },
      async (request) => ({ items: await records.history(kind, sessionOf(request), request.params.id) }),
    );
    app.post(
      `${base}/:id/verify`,
      {
        preValidation: app.requirePermission('person.write'),
        schema: { tags, summary: `复核${label['zh-CN']} Verify a ${label['en-US'].toLowerCase()} as it stands, or with corrections in the same step; a repeat with the same clientKey answers the record as it is now`, params: IdParams, body: verifyRecordBodySchema(kind), response: { 200: RecordSchema, ...errors } },
      },
      async (request) => records.verify(kind, sessionOf(request), actor(request), request.params.id, request.body as VerifyRecordBody),
    );
    if (!RECORD_KIND_DEFINITIONS[kind].members) continue;
    app.get(
      `${base}/:id/members`,
      { preValidation: app.requirePermission('person.read'), schema: { tags, summary: `${label['zh-CN']}成员 The people who belong, and how`, params: IdParams, response: { 200: Type.Object({ items: Type.Array(MemberSchema) }), ...errors } } },
      async (request) => ({ items: await records.members(kind, sessionOf(request), request.params.id) }),
    );
    app.put(
      `${base}/:id/members`,
      {
        preValidation: app.requirePermission('person.write'),
        schema: { tags, summary: `设置${label['zh-CN']}成员 Set who belongs${kind === 'household' ? ' (exactly one head)' : ''}`, params: IdParams, body: setMembersBodySchema(kind), response: { 200: Type.Object({ items: Type.Array(MemberSchema) }), ...errors } },
      },
      async (request) => ({ items: await records.setMembers(kind, sessionOf(request), actor(request), request.params.id, (request.body as { members: { personId: string; relation: string }[] }).members) }),
    );
  }

  app.get(
    '/api/registry/due',
    {
      preValidation: app.requirePermission('person.read'),
      schema: {
        tags,
        summary: '待复核的户、房屋、组织、场所、部件 Households, houses, organisations, places and facilities due for verification: a grid worker’s own grids (or one grid), oldest first',
        querystring: PersonDueQuerySchema,
        response: { 200: Type.Object({ items: Type.Array(RecordSchema) }), ...errors },
      },
    },
    async (request) => records.due(sessionOf(request), request.query),
  );

  app.get(
    '/api/persons/:id/records',
    { preValidation: app.requirePermission('person.read'), schema: { tags, summary: '所属户与房屋 The households and houses a person belongs to', params: IdParams, response: { 200: Type.Object({ items: Type.Array(PersonRecordLinkSchema) }), ...errors } } },
    async (request) => ({ items: await records.recordsOfPerson(sessionOf(request), request.params.id) }),
  );
}
