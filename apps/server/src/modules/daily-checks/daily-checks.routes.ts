// HTTP for the daily login and sign-for check: a stored day, today live, a month per unit,
// chasing units, and the county's cut-off setting.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  DailyCheckSettingsSchema,
  DailyChecksQuerySchema,
  DailyChecksSchema,
  DailyMonthlyQuerySchema,
  DailyMonthlySchema,
  DailyNotifyBodySchema,
  DailyNotifyResultSchema,
  DailyTodayQuerySchema,
  ErrorResponseSchema,
  UpdateDailyCheckSettingsBodySchema,
} from '@gridwork/core';
import { originOf, sessionOf } from '../../platform/auth.js';
import { actorOf } from '../auth/auth.service.js';
import type { DailyCheckNoticesService } from './daily-check-notices.service.js';
import type { DailyCheckSettingsService } from './daily-check-settings.service.js';
import type { DailyChecksService } from './daily-checks.service.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema };
const tags = ['daily-checks'];

export interface DailyCheckServices {
  readonly checks: DailyChecksService;
  readonly notices: DailyCheckNoticesService;
  readonly settings: DailyCheckSettingsService;
}

export function registerDailyCheckRoutes(root: FastifyInstance, services: DailyCheckServices): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { checks, notices, settings } = services;

  app.get(
    '/api/daily-checks',
    {
      preValidation: app.requirePermission('daily_check.read'),
      schema: {
        tags,
        summary: '每日督查结果 A day’s stored login and sign-for results per unit within the caller’s scope (the latest checked day by default)',
        querystring: DailyChecksQuerySchema,
        response: { 200: DailyChecksSchema, ...errors },
      },
    },
    async (request) => checks.list(sessionOf(request), request.query),
  );

  app.get(
    '/api/daily-checks/today',
    {
      preValidation: app.requirePermission('daily_check.read'),
      schema: {
        tags,
        summary: '今日督查 Today as it stands now: who has not signed in, what waits for whom, who was chased',
        querystring: DailyTodayQuerySchema,
        response: { 200: DailyChecksSchema, ...errors },
      },
    },
    async (request) => checks.today(sessionOf(request), request.query),
  );

  app.get(
    '/api/daily-checks/monthly',
    {
      preValidation: app.requirePermission('daily_check.read'),
      schema: {
        tags,
        summary: '月度登录签收统计 A month per unit: checked working days, days signed in, days with events left waiting',
        querystring: DailyMonthlyQuerySchema,
        response: { 200: DailyMonthlySchema, ...errors },
      },
    },
    async (request) => checks.monthly(sessionOf(request), request.query),
  );

  app.post(
    '/api/daily-checks/notify',
    {
      preValidation: app.requirePermission('daily_check.notify'),
      schema: {
        tags,
        summary: '一键提醒 Tells every account of each unit what is missing (inbox and SMS); a unit told within 10 minutes is not told again',
        body: DailyNotifyBodySchema,
        response: { 200: DailyNotifyResultSchema, ...errors },
      },
    },
    async (request) => notices.notify(sessionOf(request), actorOf(sessionOf(request), originOf(request)), request.body, request.locale),
  );

  app.get(
    '/api/settings/daily-checks',
    {
      preValidation: app.requirePermission('daily_check.read'),
      schema: { tags, summary: '督查设置 The daily check’s cut-off and whether rest days are checked', response: { 200: DailyCheckSettingsSchema, ...errors } },
    },
    async () => settings.read(),
  );

  app.put(
    '/api/settings/daily-checks',
    {
      preValidation: app.requirePermission('daily_check.manage'),
      schema: {
        tags,
        summary: '设置督查截止时间 The county sets the cut-off (HH:MM) and whether rest days are checked',
        body: UpdateDailyCheckSettingsBodySchema,
        response: { 200: DailyCheckSettingsSchema, ...errors },
      },
    },
    async (request) => settings.update(sessionOf(request), actorOf(sessionOf(request), originOf(request)), request.body),
  );
}
