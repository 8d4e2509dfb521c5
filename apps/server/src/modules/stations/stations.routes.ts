// HTTP for station standards (阵地建设) and the hand-held terminal register (手持终端): inspections
// and their history, the status overview, the county's settings, terminals and their hand-overs.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CreateInspectionBodySchema,
  CreateTerminalBodySchema,
  ErrorResponseSchema,
  HandOverTerminalBodySchema,
  InspectionListQuerySchema,
  StationInspectionSchema,
  StationSettingsSchema,
  StationStatusQuerySchema,
  StationStatusSchema,
  TerminalDetailSchema,
  TerminalHolderCandidateSchema,
  TerminalHoldersQuerySchema,
  TerminalListQuerySchema,
  TerminalPageSchema,
  UpdateStationSettingsBodySchema,
  UpdateTerminalBodySchema,
} from '@gridwork/core';
import { originOf, sessionOf } from '../../platform/auth.js';
import { actorOf } from '../auth/auth.service.js';
import type { StationSettingsService } from './station-settings.js';
import type { StationsService } from './stations.service.js';
import type { TerminalsService } from './terminals.service.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 422: ErrorResponseSchema };
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 36 }) });
const tags = ['daily'];
const actor = (request: FastifyRequest) => actorOf(sessionOf(request), originOf(request));

export interface StationServices {
  readonly stations: StationsService;
  readonly terminals: TerminalsService;
  readonly settings: StationSettingsService;
}

export function registerStationRoutes(root: FastifyInstance, { stations, terminals, settings }: StationServices): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/stations/status',
    {
      preValidation: app.requirePermission('station.read'),
      schema: { tags, summary: '阵地建设情况 Each township’s sub-center and village station in my scope: the latest inspection, items not met, never inspected, overdue', querystring: StationStatusQuerySchema, response: { 200: StationStatusSchema, ...errors } },
    },
    async (request) => stations.status(sessionOf(request), request.query),
  );

  app.post(
    '/api/stations/inspections',
    {
      preValidation: app.requirePermission('station.write'),
      schema: { tags, summary: '阵地检查 Record an inspection of a sub-center or village station: the five items with notes and photos; 201, or 200 with the first record when the clientKey was seen', body: CreateInspectionBodySchema, response: { 200: StationInspectionSchema, 201: StationInspectionSchema, ...errors } },
    },
    async (request, reply) => {
      const result = await stations.inspect(sessionOf(request), actor(request), request.body);
      return reply.code(result.created ? 201 : 200).send(result.inspection);
    },
  );

  app.get(
    '/api/stations/inspections',
    {
      preValidation: app.requirePermission('station.read'),
      schema: { tags, summary: '阵地检查记录 The inspections of one unit, newest first', querystring: InspectionListQuerySchema, response: { 200: Type.Object({ items: Type.Array(StationInspectionSchema) }), ...errors } },
    },
    async (request) => ({ items: await stations.history(sessionOf(request), request.query) }),
  );

  app.get(
    '/api/stations/inspections/:id',
    {
      preValidation: app.requirePermission('station.read'),
      schema: { tags, summary: '阵地检查 One inspection', params: IdParams, response: { 200: StationInspectionSchema, ...errors } },
    },
    async (request) => stations.get(sessionOf(request), request.params.id),
  );

  app.get(
    '/api/stations/settings',
    {
      preValidation: app.requirePermission('station.read'),
      schema: { tags, summary: '阵地建设设置 Days after which an inspection is overdue; terminals per grid worker', response: { 200: StationSettingsSchema, ...errors } },
    },
    async () => settings.get(),
  );

  app.put(
    '/api/stations/settings',
    {
      preValidation: app.requirePermission('station.settings.manage'),
      schema: { tags, summary: '修改阵地建设设置 The county changes the settings (403 below the county)', body: UpdateStationSettingsBodySchema, response: { 200: StationSettingsSchema, ...errors } },
    },
    async (request) => settings.update(sessionOf(request), actor(request), request.body),
  );

  app.get(
    '/api/terminals',
    {
      preValidation: app.requirePermission('station.read'),
      schema: { tags, summary: '手持终端 The terminal register in my scope by asset code: by unit, state or text; keyset pages', querystring: TerminalListQuerySchema, response: { 200: TerminalPageSchema, ...errors } },
    },
    async (request) => terminals.list(sessionOf(request), request.query),
  );

  app.post(
    '/api/terminals',
    {
      preValidation: app.requirePermission('station.write'),
      schema: { tags, summary: '登记手持终端 Register a terminal (asset code and IMEI unique, the IMEI’s check digit verified), optionally issued to a grid worker; 201, or 200 with the first terminal when the clientKey was seen', body: CreateTerminalBodySchema, response: { 200: TerminalDetailSchema, 201: TerminalDetailSchema, ...errors } },
    },
    async (request, reply) => {
      const result = await terminals.register(sessionOf(request), actor(request), request.body);
      return reply.code(result.created ? 201 : 200).send(result.terminal);
    },
  );

  app.get(
    '/api/terminals/holders',
    {
      preValidation: app.requirePermission('station.read'),
      schema: { tags, summary: '可领用人员 The grid workers a terminal of a unit may go to, with how many terminals each holds', querystring: TerminalHoldersQuerySchema, response: { 200: Type.Object({ items: Type.Array(TerminalHolderCandidateSchema) }), ...errors } },
    },
    async (request) => ({ items: await terminals.holders(sessionOf(request), request.query.unitId) }),
  );

  app.get(
    '/api/terminals/:id',
    {
      preValidation: app.requirePermission('station.read'),
      schema: { tags, summary: '手持终端 One terminal with its hand-overs', params: IdParams, response: { 200: TerminalDetailSchema, ...errors } },
    },
    async (request) => terminals.get(sessionOf(request), request.params.id),
  );

  app.patch(
    '/api/terminals/:id',
    {
      preValidation: app.requirePermission('station.write'),
      schema: { tags, summary: '修改手持终端 Change the model, phone number or state (with the version read); retiring takes it back', params: IdParams, body: UpdateTerminalBodySchema, response: { 200: TerminalDetailSchema, ...errors } },
    },
    async (request) => terminals.update(sessionOf(request), actor(request), request.params.id, request.body),
  );

  app.post(
    '/api/terminals/:id/handover',
    {
      preValidation: app.requirePermission('station.write'),
      schema: { tags, summary: '终端交接 Hand a terminal to a grid worker of its unit, or take it back (holderId null); 409 when the worker already holds the allowed number', params: IdParams, body: HandOverTerminalBodySchema, response: { 200: TerminalDetailSchema, ...errors } },
    },
    async (request) => terminals.handOver(sessionOf(request), actor(request), request.params.id, request.body),
  );
}
