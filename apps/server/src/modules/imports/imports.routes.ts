// HTTP for registry imports: the file is the request body (the console sends it with upload
// progress), the answer is the queued job; the job is then followed until it ends, and the rows it
// refused come back as a workbook.
import type { Readable } from 'node:stream';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DomainError, ErrorResponseSchema, ImportJobSchema, StartImportQuerySchema } from '@gridwork/core';
import { originOf, sessionOf } from '../../platform/auth.js';
import { attachment, toError, XLSX_TYPE } from '../../platform/downloads.js';
import { actorOf } from '../auth/auth.service.js';
import { writeRejectedWorkbook } from '../persons/persons.workbook.js';
import { columnsOfImport, type ImportsService } from './imports.service.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema };
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 36 }) });
const tags = ['registry'];
const UPLOAD_TYPES = ['text/csv', 'text/plain', XLSX_TYPE, 'application/vnd.ms-excel', 'application/octet-stream'];

export function registerImportRoutes(root: FastifyInstance, imports: ImportsService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  root.register(async (scoped) => {
    // The upload is streamed to disk as it arrives, never held in memory; its size is checked there.
    scoped.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));
    const uploads = scoped.withTypeProvider<TypeBoxTypeProvider>();
    uploads.post(
      '/api/imports',
      {
        preValidation: app.requirePermission('person.write'),
        schema: {
          tags,
          summary: '导入 Import a workbook (.xlsx) or CSV (UTF-8 or GB18030) as the request body; answers the queued job to follow',
          querystring: StartImportQuerySchema,
          response: { 202: ImportJobSchema, ...errors, 413: ErrorResponseSchema, 415: ErrorResponseSchema },
        },
      },
      async (request, reply) => {
        const body = request.body as Readable | undefined;
        if (!body || typeof body.pipe !== 'function') throw new DomainError('IMPORT_FILE_EMPTY');
        const job = await imports.start(sessionOf(request), actorOf(sessionOf(request), originOf(request)), request.query, body, request.locale);
        return reply.code(202).send(job);
      },
    );
  });

  app.get(
    '/api/imports',
    {
      preValidation: app.requirePermission('person.write'),
      schema: { tags, summary: '我的导入 My imports, newest first', response: { 200: Type.Object({ items: Type.Array(ImportJobSchema) }), ...errors } },
    },
    async (request) => ({ items: await imports.list(sessionOf(request), request.locale) }),
  );

  app.get(
    '/api/imports/:id',
    {
      preValidation: app.requirePermission('person.write'),
      schema: { tags, summary: '导入进度 An import: status, percent, counts', params: IdParams, response: { 200: ImportJobSchema, ...errors } },
    },
    async (request) => imports.get(sessionOf(request), request.params.id, request.locale),
  );

  app.get(
    '/api/imports/:id/rejected.xlsx',
    {
      preValidation: app.requirePermission('person.write'),
      schema: { tags, summary: '未导入的行 The rows an import refused, with the reason beside each (.xlsx)', params: IdParams, response: { 200: Type.Any({ description: 'an .xlsx workbook' }), ...errors } },
    },
    async (request, reply) => {
      const { job, rows } = await imports.rejections(sessionOf(request), request.params.id);
      const output = new PassThrough();
      void writeRejectedWorkbook(output, rows, request.locale, columnsOfImport(job.kind)).catch((error: unknown) => output.destroy(toError(error)));
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`${job.file_name.replace(/\.(xlsx|csv|txt)$/i, '')}-${request.locale === 'zh-CN' ? '未导入的行' : 'rejected'}.xlsx`))
        .send(output);
    },
  );
}
