// HTTP for the working calendar: everyone signed in reads it (deadlines and checks follow it);
// the county sets a day, clears it, or enters a year's notice at once.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CalendarDateParamsSchema,
  CalendarDayBodySchema,
  CalendarYearBodySchema,
  CalendarYearParamsSchema,
  ErrorResponseSchema,
  WorkingCalendarQuerySchema,
  WorkingCalendarYearSchema,
} from '@gridwork/core';
import { originOf, sessionOf } from '../../platform/auth.js';
import { actorOf } from '../auth/auth.service.js';
import type { WorkingCalendarService } from './working-calendar.service.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 422: ErrorResponseSchema };
const tags = ['calendar'];

export function registerWorkingCalendarRoutes(root: FastifyInstance, calendar: WorkingCalendarService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/working-calendar',
    {
      preValidation: app.requireSession,
      schema: { tags, summary: '工作日历 A year’s public holidays and adjusted workdays, and the working days of each month', querystring: WorkingCalendarQuerySchema, response: { 200: WorkingCalendarYearSchema, ...errors } },
    },
    async (request) => calendar.year(request.query.year),
  );

  app.put(
    '/api/working-calendar/days/:date',
    {
      preValidation: app.requirePermission('calendar.manage'),
      schema: { tags, summary: '设置节假日或调休 Sets a day as a public holiday (a weekday) or an adjusted workday (a weekend day)', params: CalendarDateParamsSchema, body: CalendarDayBodySchema, response: { 200: WorkingCalendarYearSchema, ...errors } },
    },
    async (request) => calendar.setDay(sessionOf(request), actorOf(sessionOf(request), originOf(request)), request.params.date, request.body),
  );

  app.delete(
    '/api/working-calendar/days/:date',
    {
      preValidation: app.requirePermission('calendar.manage'),
      schema: { tags, summary: '恢复为普通日 Clears a day’s exception: it is a weekday or a weekend again', params: CalendarDateParamsSchema, response: { 200: WorkingCalendarYearSchema, ...errors } },
    },
    async (request) => calendar.clearDay(actorOf(sessionOf(request), originOf(request)), request.params.date),
  );

  app.put(
    '/api/working-calendar/years/:year',
    {
      preValidation: app.requirePermission('calendar.manage'),
      schema: { tags, summary: '录入全年节假日安排 Replaces a year’s exceptions with the State Council’s notice, in one transaction', params: CalendarYearParamsSchema, body: CalendarYearBodySchema, response: { 200: WorkingCalendarYearSchema, ...errors } },
    },
    async (request) => calendar.replaceYear(sessionOf(request), actorOf(sessionOf(request), originOf(request)), request.params.year, request.body),
  );
}
