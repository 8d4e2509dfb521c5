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
import { createAttachmentStore } from './platform/attachments.js';
import type { ContentHolder } from './platform/content-holders.js';
import { registerAttachmentRoutes } from './modules/attachments/attachments.routes.js';
import { visitPhotoHolder } from './modules/visits/visits.service.js';
import { registerTrainingRoutes } from './modules/training/training.routes.js';
import { createTrainingService } from './modules/training/training.service.js';
import { createTrainingCheckInService } from './modules/training/training-check-in.service.js';
import { createTrainingComplianceService } from './modules/training/training-compliance.service.js';
import { trainingAttachmentHolder } from './modules/training/training-holders.js';
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
import { registerPublicityRoutes } from './modules/publicity/publicity.routes.js';
import { createPublicityService } from './modules/publicity/publicity.service.js';
import { publicityPhotoHolder } from './modules/publicity/publicity.holders.js';
import { registerStationRoutes } from './modules/stations/stations.routes.js';
import { createStationsService } from './modules/stations/stations.service.js';
import { createStationSettingsService } from './modules/stations/station-settings.js';
import { createTerminalsService } from './modules/stations/terminals.service.js';
import { stationPhotoHolder } from './modules/stations/stations.holders.js';
import { registerWorkingCalendarRoutes } from './modules/calendar/working-calendar.routes.js';
import { createWorkingCalendarService } from './modules/calendar/working-calendar.service.js';
import { registerDutyRoutes } from './modules/duty/duty.routes.js';
import { createDutyService } from './modules/duty/duty.service.js';
import { createFloatingReportsService } from './modules/floating/floating-reports.service.js';
import { createFloatingService } from './modules/floating/floating.service.js';
import { registerInfoReportRoutes } from './modules/info-reports/info-reports.routes.js';
import { createInfoReportsService } from './modules/info-reports/info-reports.service.js';
import { createInfoReportQuotaService } from './modules/info-reports/info-report-quota.service.js';
import { registerDailyCheckRoutes } from './modules/daily-checks/daily-checks.routes.js';
import { createDailyChecksService } from './modules/daily-checks/daily-checks.service.js';
import { createDailyCheckNoticesService } from './modules/daily-checks/daily-check-notices.service.js';
import { createDailyCheckSettingsService } from './modules/daily-checks/daily-check-settings.service.js';
import { registerIndicatorRoutes } from './modules/assessment/indicators.routes.js';
import { createIndicatorsService } from './modules/assessment/indicators.service.js';
import { registerScoreRoutes } from './modules/assessment/scores.routes.js';
import { createSchemeService } from './modules/assessment/scheme.service.js';
import { registerSurveyRoutes } from './modules/surveys/surveys.routes.js';
import { registerPublicSurveyRoutes } from './modules/surveys/surveys-public.routes.js';
import { createSurveysService } from './modules/surveys/surveys.service.js';
import { createSurveyAnswersService } from './modules/surveys/survey-answers.service.js';
import { createSurveyRatesService } from './modules/surveys/survey-rates.service.js';
import { createSurveyRateLimiter } from './modules/surveys/survey-rate-limit.js';
import { infoReportAttachmentHolder, infoReportPhotoHolder } from './modules/info-reports/info-reports.holders.js';
import { createScoresService } from './modules/assessment/scores.service.js';
import { registerBulletinRoutes } from './modules/bulletins/bulletins.routes.js';
import { bulletinAttachmentHolder, createBulletinsService } from './modules/bulletins/bulletins.service.js';
import { createLeaderDashboardService } from './modules/bulletins/leader-dashboard.service.js';

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
        { name: 'daily', description: '宣传发动与阵地建设 Publicity log, station standards and hand-held terminals' },
        { name: 'calendar', description: '工作日历 Working calendar: public holidays and adjusted workdays' },
        { name: 'duty', description: '值机值守 Duty roster of the sub-centers, check-in and lapses' },
        { name: 'info-reports', description: '信息报送 Information reports from the townships, their adoption and the monthly quota' },
        { name: 'daily-checks', description: '每日督查 Daily login and sign-for check per unit, today’s list, monthly figures, one-click notices' },
        { name: 'training', description: '教育培训 Training sessions, sign-in sheet and QR check-in, materials, compliance per person' },
        { name: 'assessment', description: '考核 Indicators, scoring schemes, scores and rankings, the leader dashboard' },
        { name: 'surveys', description: '知晓率满意率调查 Questionnaires, samples, answers (console, field, public QR form), rates with 95% intervals' },
        { name: 'bulletins', description: '通报 Monthly and on-demand bulletins (.docx and .xlsx), archived' },
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
  // Who may open a photo or an attachment besides its uploader: each capability holding them adds its check.
  const photoHolders: ContentHolder[] = [visitPhotoHolder, publicityPhotoHolder, stationPhotoHolder, infoReportPhotoHolder];
  const attachmentHolders: ContentHolder[] = [infoReportAttachmentHolder, trainingAttachmentHolder, bulletinAttachmentHolder];
  registerEventRoutes(app, ctx, { events, actions: createEventActionsService(ctx, events), categories: createCategoriesService(ctx), photos, photoHolders });
  registerAttachmentRoutes(app, ctx, createAttachmentStore(config.dataDir), attachmentHolders);
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
  registerPublicityRoutes(app, createPublicityService(ctx));
  registerStationRoutes(app, { stations: createStationsService(ctx), terminals: createTerminalsService(ctx), settings: createStationSettingsService(ctx) });
  registerWorkingCalendarRoutes(app, createWorkingCalendarService(ctx));
  registerDutyRoutes(app, createDutyService(ctx));
  registerInfoReportRoutes(app, createInfoReportsService(ctx), createInfoReportQuotaService(ctx));
  registerTrainingRoutes(app, { sessions: createTrainingService(ctx), checkIns: createTrainingCheckInService(ctx), compliance: createTrainingComplianceService(ctx) });
  const dailyChecks = createDailyChecksService(ctx);
  registerDailyCheckRoutes(app, { checks: dailyChecks, notices: createDailyCheckNoticesService(ctx, dailyChecks), settings: createDailyCheckSettingsService(ctx) });
  const indicators = createIndicatorsService(ctx);
  registerIndicatorRoutes(app, indicators);
  const scores = createScoresService(ctx, indicators);
  registerScoreRoutes(app, scores, createSchemeService(ctx, scores));
  // 通报 and the leader dashboard read the county's rankings through the same scores service.
  const bulletins = createBulletinsService(ctx, scores, createAttachmentStore(config.dataDir));
  registerBulletinRoutes(app, bulletins, createLeaderDashboardService(ctx, scores, bulletins));
  const surveys = createSurveysService(ctx);
  const surveyAnswers = createSurveyAnswersService(ctx);
  registerSurveyRoutes(app, { surveys, answers: surveyAnswers, rates: createSurveyRatesService(ctx, surveys) });
  registerPublicSurveyRoutes(app, surveyAnswers, createSurveyRateLimiter(ctx.clock));
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
