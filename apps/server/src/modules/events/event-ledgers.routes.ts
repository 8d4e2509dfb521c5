// HTTP for the card ledger, the monthly quotas and one's inbox.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CardLedgerSchema, ErrorResponseSchema, InboxMessageSchema, InboxQuerySchema, MonthQuerySchema, QuotaRowSchema } from '@gridwork/core';
import { sessionOf } from '../../platform/auth.js';
import type { EventLedgersService } from './event-ledgers.service.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema };

export function registerEventLedgerRoutes(root: FastifyInstance, ledgers: EventLedgersService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/cards',
    {
      preValidation: app.requirePermission('card.read'),
      schema: { tags: ['events'], summary: '黄牌红牌台账 Cards issued in a month to the units in my scope, with totals per unit', querystring: MonthQuerySchema, response: { 200: CardLedgerSchema, ...errors } },
    },
    async (request) => ledgers.cards(sessionOf(request), request.query.month),
  );

  app.get(
    '/api/event-quotas',
    {
      preValidation: app.requirePermission('event.read'),
      schema: { tags: ['events'], summary: '网格员月度上报任务 Valid events each grid worker reported in a month against the target', querystring: MonthQuerySchema, response: { 200: Type.Object({ items: Type.Array(QuotaRowSchema) }), ...errors } },
    },
    async (request) => ({ items: await ledgers.quota(sessionOf(request), request.query.month) }),
  );

  app.get(
    '/api/inbox',
    {
      preValidation: app.requireSession,
      schema: {
        tags: ['events'],
        summary: '站内消息 My messages, newest first: dispatches, returns, verifications, cards',
        querystring: InboxQuerySchema,
        response: { 200: Type.Object({ items: Type.Array(InboxMessageSchema), unread: Type.Integer(), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...errors },
      },
    },
    async (request) => ledgers.inbox(sessionOf(request), request.query),
  );

  app.post(
    '/api/inbox/:id/read',
    {
      preValidation: app.requireSession,
      schema: { tags: ['events'], summary: '标为已读 Mark one of my messages read', params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 36 }) }), response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      await ledgers.markRead(sessionOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
