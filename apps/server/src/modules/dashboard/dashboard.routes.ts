// HTTP for the command center (指挥中心) and the grid map. The dashboard needs both the events and
// the card ledger; the map's grids need the territory and the events.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DashboardSchema, ErrorResponseSchema, MAP_EVENTS_MAX, MapEventsQuerySchema, MapEventsSchema, MapGridsSchema } from '@gridwork/core';
import { sessionOf } from '../../platform/auth.js';
import type { DashboardService } from './dashboard.service.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema };

export function registerDashboardRoutes(root: FastifyInstance, dashboard: DashboardService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/dashboard',
    {
      preValidation: [app.requirePermission('event.read'), app.requirePermission('card.read')],
      schema: {
        tags: ['events'],
        summary: '指挥中心 Today’s new, open and overdue events; open events by category, village and department; 12 months of reports and closures; this month’s cards and quotas; who has not signed in today',
        response: { 200: DashboardSchema, ...errors },
      },
    },
    async (request) => dashboard.dashboard(sessionOf(request)),
  );

  app.get(
    '/api/map/grids',
    {
      preValidation: [app.requirePermission('territory.read'), app.requirePermission('event.read')],
      schema: { tags: ['territory'], summary: '网格地图 Grids in my scope with their boundary and open and overdue events; the tile URL', response: { 200: MapGridsSchema, ...errors } },
    },
    async (request) => dashboard.mapGrids(sessionOf(request)),
  );

  app.get(
    '/api/map/events',
    {
      preValidation: app.requirePermission('event.read'),
      schema: { tags: ['events'], summary: `事件分布 Open events with a point, newest first (at most ${MAP_EVENTS_MAX})`, querystring: MapEventsQuerySchema, response: { 200: MapEventsSchema, ...errors } },
    },
    async (request) => dashboard.mapEvents(sessionOf(request), request.query.limit ?? MAP_EVENTS_MAX),
  );
}
