// The audit administrator's view of the trail: search it, and check that nobody has changed it.
// Reading the trail is itself recorded.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AuditChainReportSchema,
  AuditEntrySchema,
  AuditQuerySchema,
  ErrorResponseSchema,
  type AuditEntry,
} from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import { verifyAuditChain } from '../../platform/audit.js';
import { sessionOf } from '../../platform/auth.js';
import { searchAudit } from './audit.repo.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema };

export function registerAuditRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/audit',
    {
      preValidation: app.requirePermission('audit.read'),
      schema: {
        tags: ['audit'],
        summary: '审计日志 Search the audit trail (newest first)',
        querystring: AuditQuerySchema,
        response: { 200: Type.Object({ items: Type.Array(AuditEntrySchema) }), ...errors },
      },
    },
    async (request) => {
      sessionOf(request);
      const rows = await searchAudit(ctx.db.kysely, { ...request.query, limit: request.query.limit ?? 100 });
      const items: AuditEntry[] = rows.map((row) => ({
        seq: Number(row.seq),
        id: row.id,
        at: row.at,
        actorId: row.actor_id,
        actorUsername: row.actor_username,
        actorRole: row.actor_role,
        action: row.action,
        outcome: row.outcome,
        objectType: row.object_type,
        objectId: row.object_id,
        orgPath: row.org_path,
        ip: row.ip,
        details: JSON.parse(row.details) as Record<string, unknown>,
      }));
      return { items };
    },
  );

  app.get(
    '/api/audit/verify',
    {
      preValidation: app.requirePermission('audit.read'),
      schema: {
        tags: ['audit'],
        summary: '校验审计链 Check the hash chain of the whole trail',
        response: { 200: AuditChainReportSchema, ...errors },
      },
    },
    async () => verifyAuditChain(ctx.db.kysely),
  );
}
