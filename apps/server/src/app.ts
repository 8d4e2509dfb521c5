// Builds the Fastify instance from its parts in one place. Tests call buildApp() and inject()
// requests without opening a port; `gridwork serve` calls it and listens.
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { newId } from '@gridwork/core';
import { installSessionGuard } from './platform/auth.js';
import type { AppContext } from './platform/context.js';
import { createRouteIndex, installErrorHandling, installLocale, sendError } from './platform/errors.js';
import { SERVER_VERSION } from './platform/version.js';
import { registerWebApps } from './platform/web-apps.js';
import { registerAccountRoutes } from './modules/accounts/accounts.routes.js';
import { createAccountsService } from './modules/accounts/accounts.service.js';
import { registerAuditRoutes } from './modules/audit/audit.routes.js';
import { registerAuthRoutes } from './modules/auth/auth.routes.js';
import { registerDepartmentRoutes } from './modules/departments/departments.routes.js';
import { createDepartmentsService } from './modules/departments/departments.service.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { registerHealthRoutes } from './modules/health/health.routes.js';
import { createGridsService } from './modules/territory/grids.service.js';
import { createOrgUnitsService } from './modules/territory/org-units.service.js';
import { createCategoriesService } from './modules/events/categories.service.js';
import { createEventActionsService } from './modules/events/event-actions.service.js';
import { registerEventRoutes } from './modules/events/events.routes.js';
import { registerEventLedgerRoutes } from './modules/events/event-ledgers.routes.js';
import { createEventLedgersService } from './modules/events/event-ledgers.service.js';
import { createEventsService } from './modules/events/events.service.js';
import { createPhotoStore } from './platform/photos.js';
import { registerPersonRoutes } from './modules/persons/persons.routes.js';
import { createPersonsService } from './modules/persons/persons.service.js';
import { registerImportRoutes } from './modules/imports/imports.routes.js';
import { registerPersonRecordRoutes } from './modules/person-records/person-records.routes.js';
import { registerRecordRoutes } from './modules/records/records.routes.js';
import { createRecordsService } from './modules/records/records.service.js';
import { registerSettingsRoutes } from './modules/settings/settings.routes.js';
import { createSettingsService } from './modules/settings/settings.service.js';
import { registerVisitRoutes } from './modules/visits/visits.routes.js';
import { createFollowUpPlansService } from './modules/visits/follow-up-plans.service.js';
import { createVisitsService } from './modules/visits/visits.service.js';
import { createVisitComplianceService } from './modules/visits/visit-compliance.service.js';
import { createVisitSettingsService } from './modules/visits/visit-settings.service.js';
import { createPersonRecordsService } from './modules/person-records/person-records.service.js';
import { createImportsService } from './modules/imports/imports.service.js';
import { registerOpen311Routes } from './modules/open311/open311.routes.js';
import { createOpen311Service } from './modules/open311/open311.service.js';
import { registerTerritoryRoutes } from './modules/territory/territory.routes.js';
import { registerSignInStatusRoutes } from './modules/sign-in-status/sign-in-status.routes.js';
import { registerDashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { createDashboardService } from './modules/dashboard/dashboard.service.js';
import { registerFloatingRoutes } from './modules/floating/floating.routes.js';
import { createFloatingReportsService } from './modules/floating/floating-reports.service.js';
import { createFloatingService } from './modules/floating/floating.service.js';

export interface BuildOptions {
  /** false silences logging (most tests); a stream receives the JSON log lines instead of stdout. */
  readonly logger?: false | { readonly stream: { write(line: string): void } };
}

/** Request fields that may be logged: no query string (it can hold names or ID numbers), no cookies. */
function requestSummary(request: { method: string; url: string; id: string }) {
  return { method: request.method, path: request.url.split('?')[0], id: request.id };
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = ctx;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            ...(options.logger ? { stream: options.logger.stream } : {}),
            redact: {
              paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
              censor: '[redacted]',
            },
            serializers: { req: requestSummary },
          },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => newId(),
    return503OnClosing: true,
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false } },
  });

  installLocale(app, config.locale);
  installErrorHandling(app, config.bodyLimitBytes);
  const allowedMethods = createRouteIndex(app);

  // While stopping, each answer closes its connection: a keep-alive connection that was busy when
  // the stop began would otherwise hold the server open after its request is done.
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });

  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('Connection', 'close');
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    if (!reply.hasHeader('X-Frame-Options')) reply.header('X-Frame-Options', 'DENY');
    done(null, payload);
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '城乡网格化管理服务信息平台 API',
        description:
          'Grid management platform API. Errors answer `{ "error": { "code", "message", "details" } }` with the message in the locale of Accept-Language (zh-CN by default, en-US).',
        version: SERVER_VERSION,
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gw_session' } } },
      tags: [
        { name: 'platform', description: '平台 Platform' },
        { name: 'auth', description: '登录与会话 Sign-in and sessions' },
        { name: 'accounts', description: '账号管理 Accounts, roles and handover' },
        { name: 'audit', description: '安全审计 Audit trail' },
        { name: 'territory', description: '区划与网格 Territory and grids' },
        { name: 'departments', description: '职能部门 Departments' },
        { name: 'events', description: '事件流转办理 Events, photos and the catalogue' },
        { name: 'open311', description: '群众上报 Open311 GeoReport v2 (public)' },
        { name: 'registry', description: '基础信息 The registry: people, households, houses, organisations, places, facilities; imports and exports' },
        { name: 'visits', description: '走访 Follow-up plans, due lists, visits and their review, compliance' },
      ],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  const auth = createAuthService(ctx);
  installSessionGuard(app, auth, ctx.audit);
  registerHealthRoutes(app, ctx.db, SERVER_VERSION);
  registerAuthRoutes(app, auth, { secure: config.secureCookies, absoluteHours: config.sessionAbsoluteHours });
  registerAccountRoutes(app, createAccountsService(ctx));
  registerAuditRoutes(app, ctx);
  registerDepartmentRoutes(app, createDepartmentsService(ctx));
  registerSignInStatusRoutes(app, ctx);
  registerTerritoryRoutes(app, createOrgUnitsService(ctx), createGridsService(ctx));
  const events = createEventsService(ctx);
  await events.ensureCatalogue();
  const photos = createPhotoStore(config.dataDir);
  registerEventRoutes(app, ctx, { events, actions: createEventActionsService(ctx, events), categories: createCategoriesService(ctx), photos });
  registerOpen311Routes(app, createOpen311Service(ctx, photos), config);
  registerEventLedgerRoutes(app, createEventLedgersService(ctx));
  registerDashboardRoutes(app, createDashboardService(ctx));
  registerPersonRoutes(app, createPersonsService(ctx));
  registerPersonRecordRoutes(app, createPersonRecordsService(ctx));
  registerRecordRoutes(app, createRecordsService(ctx));
  registerSettingsRoutes(app, createSettingsService(ctx));
  registerVisitRoutes(app, { plans: createFollowUpPlansService(ctx), visits: createVisitsService(ctx), compliance: createVisitComplianceService(ctx), settings: createVisitSettingsService(ctx) });
  const floating = createFloatingService(ctx);
  registerFloatingRoutes(app, floating, createFloatingReportsService(ctx, floating));
  const imports = createImportsService(ctx, app.log);
  registerImportRoutes(app, imports);
  // Imports left by a stop or a crash resume once the server is up; a stop lets the batch in flight land.
  app.addHook('onReady', () => {
    void imports.kick();
  });
  app.addHook('onClose', () => imports.stop());

  const spaFallback = await registerWebApps(app, [
    { prefix: '/m/', dir: config.fieldDir, title: '网格员移动端' },
    { prefix: '/', dir: config.consoleDir, title: '城乡网格化管理服务信息平台' },
  ]);

  app.setNotFoundHandler((request, reply) => {
    const page = spaFallback(request, reply);
    if (page) return page;
    const methods = allowedMethods(request.url);
    if (methods.length > 0 && !methods.includes(request.method)) {
      reply.header('Allow', methods.join(', '));
      return sendError(reply, request.locale, 'METHOD_NOT_ALLOWED', {
        method: request.method,
        allowed: methods,
      });
    }
    return sendError(reply, request.locale, 'ROUTE_NOT_FOUND', {
      method: request.method,
      url: request.url.split('?')[0] ?? '',
    });
  });

  return app;
}
