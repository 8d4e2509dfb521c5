// HTTP for the duty roster: the units and today's status, a unit's roster for a range, entries,
// rotas and swaps (duty.manage), the on-duty person's check-in, and the lapses of a month.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  DutyEntryBodySchema,
  DutyEntryParamsSchema,
  DutyEntrySchema,
  DutyFillBodySchema,
  DutyFillResultSchema,
  DutyLapsesQuerySchema,
  DutyLapsesSchema,
  DutyRosterQuerySchema,
  DutyRosterSchema,
  DutySlotsBodySchema,
  DutySwapBodySchema,
  DutySwapResultSchema,
  DutyTodaySchema,
  DutyUnitParamsSchema,
  DutyUnitSchema,
  DutyUnitsSchema,
  ErrorResponseSchema,
} from '@gridwork/core';
import { Type } from 'typebox';
import { originOf, sessionOf } from '../../platform/auth.js';
import { actorOf } from '../auth/auth.service.js';
import type { DutyService } from './duty.service.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 422: ErrorResponseSchema };
const tags = ['duty'];

export function registerDutyRoutes(root: FastifyInstance, duty: DutyService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const actor = (request: Parameters<typeof sessionOf>[0]) => actorOf(sessionOf(request), originOf(request));

  app.get(
    '/api/duty/units',
    { preValidation: app.requirePermission('duty.read'), schema: { tags, summary: '值班概况 The county center and sub-centers in scope, their slots and today’s duty and check-ins', response: { 200: DutyUnitsSchema, ...errors } } },
    async (request) => duty.units(sessionOf(request)),
  );

  app.put(
    '/api/duty/units/:unitId/slots',
    {
      preValidation: app.requirePermission('duty.manage'),
      schema: { tags, summary: '值班班次 Sets a unit’s slots (e.g. 全天 for 2 people, or 白班 and 夜班)', params: DutyUnitParamsSchema, body: DutySlotsBodySchema, response: { 200: DutyUnitSchema, ...errors } },
    },
    async (request) => duty.setSlots(sessionOf(request), actor(request), request.params.unitId, request.body),
  );

  app.get(
    '/api/duty/roster',
    { preValidation: app.requirePermission('duty.read'), schema: { tags, summary: '值班表 A unit’s roster from one date to another (at most 62 days), its working days and the people who may be on duty', querystring: DutyRosterQuerySchema, response: { 200: DutyRosterSchema, ...errors } } },
    async (request) => duty.roster(sessionOf(request), request.query),
  );

  app.post(
    '/api/duty/roster/entries',
    { preValidation: app.requirePermission('duty.manage'), schema: { tags, summary: '排班 Puts one of the unit’s people on a slot of a day, within its capacity', body: DutyEntryBodySchema, response: { 201: DutyEntrySchema, ...errors } } },
    async (request, reply) => reply.code(201).send(await duty.addEntry(sessionOf(request), actor(request), request.body)),
  );

  app.delete(
    '/api/duty/roster/entries/:id',
    { preValidation: app.requirePermission('duty.manage'), schema: { tags, summary: '取消排班 Removes an entry not checked in yet, of today or later', params: DutyEntryParamsSchema, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await duty.removeEntry(sessionOf(request), actor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/duty/roster/fill',
    { preValidation: app.requirePermission('duty.manage'), schema: { tags, summary: '批量排班 A rota: the working days of the range go to the listed people in turn (rest days skipped per the working calendar)', body: DutyFillBodySchema, response: { 200: DutyFillResultSchema, ...errors } } },
    async (request) => duty.fill(sessionOf(request), actor(request), request.body),
  );

  app.post(
    '/api/duty/roster/swap',
    { preValidation: app.requirePermission('duty.manage'), schema: { tags, summary: '换班 Two entries exchange their people, or one is handed to another person; both are told', body: DutySwapBodySchema, response: { 200: DutySwapResultSchema, ...errors } } },
    async (request) => duty.swap(sessionOf(request), actor(request), request.body),
  );

  app.get(
    '/api/duty/today',
    { preValidation: app.requirePermission('duty.check_in'), schema: { tags, summary: '今天我的值班 The caller’s duty today and whether it is checked in', response: { 200: DutyTodaySchema, ...errors } } },
    async (request) => duty.today(sessionOf(request)),
  );

  app.post(
    '/api/duty/check-in',
    { preValidation: app.requirePermission('duty.check_in'), schema: { tags, summary: '值班签到 The on-duty person checks in; a second check-in answers the first', response: { 200: DutyTodaySchema, ...errors } } },
    async (request) => duty.checkIn(sessionOf(request), actor(request)),
  );

  app.get(
    '/api/duty/lapses',
    { preValidation: app.requirePermission('duty.read'), schema: { tags, summary: '值班缺岗 The lapses the daily check recorded in a month, per unit (for the assessment)', querystring: DutyLapsesQuerySchema, response: { 200: DutyLapsesSchema, ...errors } } },
    async (request) => duty.lapses(sessionOf(request), request.query.month),
  );
}
