// HTTP for events: the catalogue, reporting (with photos uploaded first, one request each, so a
// weak signal loses at most one photo), reading, lists and queues, and actions on an event.
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CategorySchema,
  CreateCategoryBodySchema,
  DomainError,
  ErrorResponseSchema,
  EventActionBodySchema,
  EventListQuerySchema,
  EventListSchema,
  EventSchema,
  EventTimelineEntrySchema,
  PHOTO_ID_PATTERN,
  ReportEventBodySchema,
  UpdateCategoryBodySchema,
  can,
} from '@gridwork/core';
import { originOf, sessionOf } from '../../platform/auth.js';
import { MAX_PHOTO_BYTES, detectImageType, type PhotoStore } from '../../platform/photos.js';
import { anyHolderAllows, type ContentHolder } from '../../platform/content-holders.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../auth/auth.service.js';
import type { CategoriesService } from './categories.service.js';
import type { createEventActionsService } from './event-actions.service.js';
import type { EventsService } from './events.service.js';
import { visibilityOf } from './events.service.js';
import { photoUrl } from './events.mapper.js';
import * as repo from './events.repo.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 422: ErrorResponseSchema };
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 36 }) });
const tags = ['events'];
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'];

export interface EventRouteServices {
  readonly events: EventsService;
  readonly actions: ReturnType<typeof createEventActionsService>;
  readonly categories: CategoriesService;
  readonly photos: PhotoStore;
  /** Records other than events that hold photos (visits, reports, …): a caller who may see one may open its photos. */
  readonly photoHolders: readonly ContentHolder[];
}

export function registerEventRoutes(root: FastifyInstance, ctx: AppContext, services: EventRouteServices): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { events, actions, categories, photos, photoHolders } = services;

  app.get(
    '/api/event-categories',
    {
      preValidation: app.requirePermission('event.read'),
      schema: { tags, summary: '事件类别 The event catalogue', response: { 200: Type.Object({ items: Type.Array(CategorySchema) }), ...errors } },
    },
    async (request) => ({ items: await categories.list(request.locale) }),
  );

  app.post(
    '/api/event-categories',
    {
      preValidation: app.requirePermission('event.catalogue.manage'),
      schema: { tags, summary: '新增事件类别 Add a category or a sub-kind to the catalogue', body: CreateCategoryBodySchema, response: { 201: CategorySchema, ...errors } },
    },
    async (request, reply) => {
      const session = sessionOf(request);
      return reply.code(201).send(await categories.create(actorOf(session, originOf(request)), request.body, request.locale));
    },
  );

  app.patch(
    '/api/event-categories/:code',
    {
      preValidation: app.requirePermission('event.catalogue.manage'),
      schema: {
        tags,
        summary: '修改事件类别 Deadlines, on-the-spot resolution, public reporting, default lead department',
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }) }),
        body: UpdateCategoryBodySchema,
        response: { 200: CategorySchema, ...errors },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      return categories.update(actorOf(session, originOf(request)), request.params.code, request.body, request.locale);
    },
  );

  app.post(
    '/api/events',
    {
      preValidation: app.requirePermission('event.report'),
      schema: {
        tags,
        summary: '上报事件 Report an event (a retry with the same clientKey returns the first event with 200)',
        body: ReportEventBodySchema,
        response: { 200: EventSchema, 201: EventSchema, ...errors },
      },
    },
    async (request, reply) => {
      const session = sessionOf(request);
      const { event, created } = await events.report(session, actorOf(session, originOf(request)), request.body);
      return reply.code(created ? 201 : 200).send(event);
    },
  );

  app.get(
    '/api/events',
    {
      preValidation: app.requirePermission('event.read'),
      schema: { tags, summary: '事件列表 Events in my scope, newest first (keyset pages)', querystring: EventListQuerySchema, response: { 200: EventListSchema, ...errors } },
    },
    async (request) => events.list(sessionOf(request), request.query),
  );

  app.get(
    '/api/events/:id',
    {
      preValidation: app.requirePermission('event.read'),
      schema: { tags, summary: '事件详情 One event, with the actions I may take', params: IdParams, response: { 200: EventSchema, ...errors } },
    },
    async (request) => events.get(sessionOf(request), request.params.id),
  );

  app.get(
    '/api/events/:id/timeline',
    {
      preValidation: app.requirePermission('event.read'),
      schema: { tags, summary: '事件流转记录 Who did what, when', params: IdParams, response: { 200: Type.Object({ items: Type.Array(EventTimelineEntrySchema) }), ...errors } },
    },
    async (request) => ({ items: await events.timeline(sessionOf(request), request.params.id) }),
  );

  app.post(
    '/api/events/:id/actions',
    {
      preValidation: app.requirePermission('event.act'),
      schema: {
        tags,
        summary: '事件办理 Accept, reject, merge, resolve on the spot, dispatch, return, sign for, handle, verify, escalate, supervise',
        params: IdParams,
        body: EventActionBodySchema,
        response: { 200: EventSchema, ...errors },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      return actions.act(session, actorOf(session, originOf(request)), request.params.id, request.body);
    },
  );

  // Photos arrive as the bare image bytes; their type is read from the bytes, not trusted.
  app.register(async (scoped) => {
    scoped.addContentTypeParser(IMAGE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, (_request, body, done) => done(null, body));
    const photoApp = scoped.withTypeProvider<TypeBoxTypeProvider>();
    photoApp.post(
      '/api/photos',
      {
        preValidation: app.requirePermission('photo.upload'),
        bodyLimit: MAX_PHOTO_BYTES,
        schema: {
          tags,
          summary: '上传照片 Upload one photo (JPEG, PNG or WebP bytes, at most 10 MB); the id is its SHA-256',
          response: { 201: Type.Object({ id: Type.String(), url: Type.String(), mime: Type.String(), bytes: Type.Integer() }), ...errors, 413: ErrorResponseSchema, 415: ErrorResponseSchema },
        },
      },
      async (request, reply) => {
        const session = sessionOf(request);
        const bytes = request.body;
        if (!Buffer.isBuffer(bytes)) throw new DomainError('PHOTO_TYPE_UNSUPPORTED');
        const mime = detectImageType(bytes);
        if (!mime) throw new DomainError('PHOTO_TYPE_UNSUPPORTED');
        const stored = photos.put(bytes, mime);
        const now = new Date(ctx.clock()).toISOString();
        await ctx.db.write(async (trx) => {
          await repo.insertPhotoIfAbsent(trx, { id: stored.id, mime, bytes: stored.bytes, uploaded_by: session.user.id, created_at: now });
          await ctx.audit.append(trx, actorOf(session, originOf(request)), { action: 'photo.uploaded', objectType: 'photo', objectId: stored.id, details: { mime, bytes: stored.bytes } });
        });
        return reply.code(201).send({ id: stored.id, url: photoUrl(stored.id), mime, bytes: stored.bytes });
      },
    );
  });

  app.get(
    '/api/photos/:id',
    {
      preValidation: app.requireSession,
      schema: { tags, summary: '查看照片 A photo of an event or another record I may see (or one I uploaded)', params: Type.Object({ id: Type.String({ pattern: PHOTO_ID_PATTERN }) }), response: { 200: Type.Any({ description: 'the JPEG, PNG or WebP bytes' }), ...errors } },
    },
    async (request, reply) => {
      const session = sessionOf(request);
      const photo = await repo.findPhoto(ctx.db.kysely, request.params.id);
      if (!photo) throw new DomainError('NOT_FOUND');
      const mayRead = can(session.user.role, 'event.read');
      const mine = photo.uploaded_by === session.user.id;
      const seen = mayRead && !mine ? (await repo.visibleEventsWithPhoto(ctx.db.kysely, visibilityOf(session), photo.id)).length > 0 : false;
      if (!mine && !seen && !(await anyHolderAllows(photoHolders, ctx.db.kysely, session, photo.id))) throw new DomainError('NOT_FOUND');
      reply.header('Cache-Control', 'private, max-age=31536000, immutable');
      return reply.type(photo.mime).send(fs.createReadStream(photos.fileOf(photo.id)));
    },
  );
}
