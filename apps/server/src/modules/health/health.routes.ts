// Liveness and readiness in one: the answer proves the database responds and says which schema
// version it is on, for a load balancer and for an operator after an upgrade.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DomainError, ErrorResponseSchema, HealthSchema } from '@gridwork/core';
import type { Db } from '../../db/database.js';
import { currentMigration } from '../../db/migrate.js';

export function registerHealthRoutes(root: FastifyInstance, db: Db, version: string): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        summary: '健康检查 Health and database status',
        response: { 200: HealthSchema, 503: ErrorResponseSchema },
      },
    },
    async (request) => {
      try {
        return { status: 'ok' as const, database: db.kind, migration: await currentMigration(db), version };
      } catch (error) {
        request.log.error({ err: error }, 'health check: database did not answer');
        throw new DomainError('SERVICE_UNAVAILABLE');
      }
    },
  );
}
