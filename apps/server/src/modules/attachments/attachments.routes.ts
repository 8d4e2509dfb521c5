// HTTP for attachments: one upload per request (a weak signal loses at most one file), the type
// read from the bytes; a download for the uploader and for whoever may see a record holding it.
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ATTACHMENT_ID_PATTERN, AttachmentRefSchema, AttachmentUploadQuerySchema, DomainError, ErrorResponseSchema, attachmentUrl, newId } from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import { originOf, sessionOf } from '../../platform/auth.js';
import { actorOf } from '../auth/auth.service.js';
import { MAX_ATTACHMENT_BYTES, cleanAttachmentName, detectAttachmentType, type AttachmentStore } from '../../platform/attachments.js';
import { anyHolderAllows, type ContentHolder } from '../../platform/content-holders.js';
import { attachment as contentDisposition } from '../../platform/downloads.js';
import * as repo from './attachments.repo.js';

const tags = ['platform'];
const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 413: ErrorResponseSchema, 415: ErrorResponseSchema };

export function registerAttachmentRoutes(root: FastifyInstance, ctx: AppContext, store: AttachmentStore, holders: readonly ContentHolder[]): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  // The body is the file's bytes whatever type the browser names; the type is decided from them.
  app.register(async (scoped) => {
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_request, body, done) => done(null, body));
    // A file over the limit is named as such; every other error goes to the app's one handler.
    scoped.setErrorHandler((error: { code?: string }, _request, _reply) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new DomainError('ATTACHMENT_TOO_LARGE', { limitBytes: MAX_ATTACHMENT_BYTES });
      throw error;
    });
    const uploads = scoped.withTypeProvider<TypeBoxTypeProvider>();
    uploads.post(
      '/api/attachments',
      {
        preValidation: app.requirePermission('attachment.upload'),
        bodyLimit: MAX_ATTACHMENT_BYTES,
        schema: {
          tags,
          summary: '上传附件 Upload one attachment (PDF, Word, Excel, PowerPoint, JPEG, PNG or WebP bytes, at most 20 MB)',
          querystring: AttachmentUploadQuerySchema,
          response: { 201: AttachmentRefSchema, ...errors },
        },
      },
      async (request, reply) => {
        const session = sessionOf(request);
        const bytes = request.body;
        const name = cleanAttachmentName(request.query.name);
        const mime = Buffer.isBuffer(bytes) && bytes.length > 0 ? detectAttachmentType(bytes, name) : null;
        if (!Buffer.isBuffer(bytes) || !mime) throw new DomainError('ATTACHMENT_TYPE_UNSUPPORTED');
        const sha256 = store.put(bytes);
        const row = { id: newId(), sha256, name: name || 'attachment', mime, bytes: bytes.length, uploaded_by: session.user.id, created_at: new Date(ctx.clock()).toISOString() };
        await ctx.db.write(async (trx) => {
          await repo.insertAttachment(trx, row);
          await ctx.audit.append(trx, actorOf(session, originOf(request)), { action: 'attachment.uploaded', objectType: 'attachment', objectId: row.id, details: { name: row.name, mime, bytes: row.bytes } });
        });
        return reply.code(201).send({ id: row.id, name: row.name, mime, bytes: row.bytes, url: attachmentUrl(row.id) });
      },
    );
  });

  app.get(
    '/api/attachments/:id',
    {
      preValidation: app.requireSession,
      schema: {
        tags,
        summary: '下载附件 An attachment I uploaded, or one held by a record I may see',
        params: Type.Object({ id: Type.String({ pattern: ATTACHMENT_ID_PATTERN }) }),
        response: { 200: Type.Any({ description: 'the file' }), ...errors },
      },
    },
    async (request, reply) => {
      const session = sessionOf(request);
      const row = await repo.findAttachment(ctx.db.kysely, request.params.id);
      if (!row) throw new DomainError('NOT_FOUND');
      const mine = row.uploaded_by === session.user.id;
      if (!mine && !(await anyHolderAllows(holders, ctx.db.kysely, session, row.id))) throw new DomainError('NOT_FOUND');
      reply.header('Cache-Control', 'private, max-age=31536000, immutable');
      reply.header('Content-Disposition', contentDisposition(row.name));
      return reply.type(row.mime).send(fs.createReadStream(store.fileOf(row.sha256)));
    },
  );
}
