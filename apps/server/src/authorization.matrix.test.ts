// Every route × every role × an object in scope and one outside it: a role without the
// permission gets 403, an object outside the caller's scope answers 404, nobody signed out gets
// in. The table below must name every route the OpenAPI document lists, so it grows with them.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RECORD_KINDS, RECORD_KIND_DEFINITIONS, ROLES, can, defaultScoreScheme, imeiCheckDigit, newId, shanghaiDate, type Permission, type RecordKind, type Role } from '@gridwork/core';
import { aDepartment, anAccount, aSmallCounty } from './test-support/builders.js';
import { as, signInCookie } from './test-support/http.js';
import { describeEachDialect } from './test-support/test-db.js';
import { createTestApp, type TestApp } from './test-support/test-app.js';

interface Fixtures {
  /** An object of the kind the route acts on, inside or outside the caller's scope. */
  account(inScope: boolean, role: Role): string;
  department(inScope: boolean): string;
  successor(role: Role): string;
  unique(): string;
  village(inScope: boolean): string;
  grid(inScope: boolean): string;
  /** A grid of its own for each role to split, so that one role's split leaves the next one a grid. */
  splittable(role: Role, inScope: boolean): { id: string; parts: unknown[] };
  /** Two touching grids of their own for each role to merge. */
  mergeable(role: Role, inScope: boolean): string[];
  /** An event dispatched to the police station (inside) or to 竹园镇's judicial office (outside). */
  event(inScope: boolean): string;
  photo(): string;
  /** An attachment no record holds yet (each caller but its uploader is answered 404, never 401/403). */
  attachment(): string;
  person(inScope: boolean): string;
  /** An ended import job started in 马踏村 (inside) or in 竹园镇 (outside). */
  importJob(inScope: boolean): string;
  specialPopulation(inScope: boolean): string;
  assistance(inScope: boolean): string;
  record(kind: RecordKind, inScope: boolean): string;
  /** A floating person's arrival registered in 马踏村 (inside) or in 竹园村 (outside). */
  floating(inScope: boolean): string;
  /** A person in a 马踏村 grid the matrix's grid workers are assigned to (inside), or in 竹园村 (outside). */
  visitable(inScope: boolean): string;
  /** A visit flagged for review in 马踏村 (inside) or in 竹园村 (outside). */
  visit(inScope: boolean): string;
  /** A publicity activity of 马踏村 (inside) or of 竹园村 (outside); a station inspection and a spare terminal likewise. */
  publicity(inScope: boolean): string;
  inspection(inScope: boolean): string;
  terminal(inScope: boolean): string;
  /** An information report adopted at county level from 马踏镇 (inside) or from 竹园镇 (outside). */
  infoReport(inScope: boolean): string;
  /** A training session of 马踏镇 today, attended by a 马踏村 worker (inside), or one of 竹园镇 (outside); its QR token. */
  training(inScope: boolean): { id: string; token: string };
  /** The sub-center 马踏镇 (inside) or 竹园镇 (outside). */
  dutyUnit(inScope: boolean): string;
  /** A checked-in duty entry of 马踏镇 (inside) or 竹园镇 (outside): removing or swapping it answers 409, never removes it. */
  dutyEntry(inScope: boolean): string;
  /** An open survey of 马踏村 and 竹园村 (inside) or of 竹园村 alone (outside); a draft and one to close, of 马踏村; 马踏村's public code. */
  survey(inScope: boolean): string;
  surveyDraft(): string;
  surveyToClose(): string;
  surveyCode(): string;
}

/** The smallest valid PNG: a 1×1 pixel. */
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

/** A square of `size` degrees with its south-west corner at (lon, lat). */
function square(lon: number, lat: number, size = 0.01) {
  return {
    type: 'Polygon',
    coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
  };
}

/** The west and east halves of `square(lon, lat)`. */
function halves(lon: number, lat: number) {
  const half = (west: number) => ({
    type: 'Polygon',
    coordinates: [[[west, lat], [west + 0.005, lat], [west + 0.005, lat + 0.01], [west, lat + 0.01], [west, lat]]],
  });
  return [
    { name: '西半', boundary: half(lon) },
    { name: '东半', boundary: half(lon + 0.005) },
  ];
}

type Access = 'public' | 'session' | Permission;

interface RouteRule {
  readonly access: Access;
  /** Builds a request that passes validation; `inScope` picks the target object. */
  readonly request: (f: Fixtures, role: Role, inScope: boolean) => InjectOptions;
  /** Whether the route acts on one object, so that an out-of-scope object must answer 404. */
  readonly scoped?: boolean;
}

const RULES: Record<string, RouteRule> = {
  'GET /api/health': { access: 'public', request: () => ({ method: 'GET', url: '/api/health' }) },
  'POST /api/auth/sign-in': {
    access: 'public',
    request: () => ({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'nobody', password: 'x' },
    }),
  },
  'GET /api/auth/me': { access: 'session', request: () => ({ method: 'GET', url: '/api/auth/me' }) },
  'POST /api/auth/change-password': {
    access: 'session',
    request: () => ({
      method: 'POST',
      url: '/api/auth/change-password',
      payload: { currentPassword: 'wrong', newPassword: 'New#pass2026' },
    }),
  },
  'GET /api/auth/sessions': {
    access: 'session',
    request: () => ({ method: 'GET', url: '/api/auth/sessions' }),
  },
  'DELETE /api/auth/sessions/{id}': {
    access: 'session',
    request: () => ({ method: 'DELETE', url: `/api/auth/sessions/${newId()}` }),
  },
  'POST /api/auth/sign-out': {
    access: 'session',
    request: () => ({ method: 'POST', url: '/api/auth/sign-out' }),
  },
  'GET /api/accounts': { access: 'account.read', request: () => ({ method: 'GET', url: '/api/accounts' }) },
  'POST /api/accounts': {
    access: 'account.manage',
    request: (f) => ({
      method: 'POST',
      url: '/api/accounts',
      payload: {
        username: f.unique(),
        displayName: '矩阵',
        role: 'grid_worker_parttime',
        orgPath: '/511124/511124101/511124101001/',
        password: 'Matrix#2026',
      },
    }),
  },
  'GET /api/accounts/{id}': {
    access: 'account.read',
    scoped: true,
    request: (f, role, inScope) => ({ method: 'GET', url: `/api/accounts/${f.account(inScope, role)}` }),
  },
  'PATCH /api/accounts/{id}': {
    access: 'account.manage',
    scoped: true,
    request: (f, role, inScope) => ({
      method: 'PATCH',
      url: `/api/accounts/${f.account(inScope, role)}`,
      payload: { displayName: '改名' },
    }),
  },
  'PUT /api/accounts/{id}/role': {
    access: 'account.assign_role',
    scoped: true,
    request: (f, role, inScope) => ({
      method: 'PUT',
      url: `/api/accounts/${f.account(inScope, role)}/role`,
      payload: { role: 'grid_worker_parttime' },
    }),
  },
  'POST /api/accounts/{id}/reset-password': {
    access: 'account.manage',
    scoped: true,
    request: (f, role, inScope) => ({
      method: 'POST',
      url: `/api/accounts/${f.account(inScope, role)}/reset-password`,
      payload: { newPassword: 'Reset#2026x' },
    }),
  },
  'POST /api/accounts/{id}/disable': {
    access: 'account.manage',
    scoped: true,
    request: (f, role, inScope) => ({
      method: 'POST',
      url: `/api/accounts/${f.account(inScope, role)}/disable`,
    }),
  },
  'POST /api/accounts/{id}/enable': {
    access: 'account.manage',
    scoped: true,
    request: (f, role, inScope) => ({
      method: 'POST',
      url: `/api/accounts/${f.account(inScope, role)}/enable`,
    }),
  },
  'DELETE /api/accounts/{id}/sessions': {
    access: 'session.revoke',
    scoped: true,
    request: (f, role, inScope) => ({
      method: 'DELETE',
      url: `/api/accounts/${f.account(inScope, role)}/sessions`,
    }),
  },
  'POST /api/accounts/{id}/handover': {
    access: 'handover.perform',
    scoped: true,
    request: (f, role, inScope) => ({
      method: 'POST',
      url: `/api/accounts/${f.account(inScope, role)}/handover`,
      payload: { toAccountId: f.successor(role) },
    }),
  },
  'GET /api/audit': { access: 'audit.read', request: () => ({ method: 'GET', url: '/api/audit' }) },
  'GET /api/audit/verify': {
    access: 'audit.read',
    request: () => ({ method: 'GET', url: '/api/audit/verify' }),
  },
  'GET /api/departments': {
    access: 'department.read',
    request: () => ({ method: 'GET', url: '/api/departments' }),
  },
  'POST /api/departments': {
    access: 'department.manage',
    request: (f) => ({
      method: 'POST',
      url: '/api/departments',
      payload: {
        name: f.unique(),
        kind: 'township_department',
        orgPath: '/511124/511124101/',
        categories: ['sanitation'],
      },
    }),
  },
  'GET /api/departments/{id}': {
    access: 'department.read',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'GET', url: `/api/departments/${f.department(inScope)}` }),
  },
  'PATCH /api/departments/{id}': {
    access: 'department.manage',
    scoped: true,
    request: (f, _role, inScope) => ({
      method: 'PATCH',
      url: `/api/departments/${f.department(inScope)}`,
      payload: { categories: ['sanitation', 'other'] },
    }),
  },
  'GET /api/org-units': {
    access: 'territory.read',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'GET', url: `/api/org-units?parentId=${f.village(inScope)}` }),
  },
  'GET /api/grids': {
    access: 'territory.read',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'GET', url: `/api/grids?villageId=${f.village(inScope)}` }),
  },
  'GET /api/grids/locate': {
    access: 'territory.read',
    request: () => ({ method: 'GET', url: '/api/grids/locate?lon=103.905&lat=29.505' }),
  },
  'GET /api/grids/{id}': {
    access: 'territory.read',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'GET', url: `/api/grids/${f.grid(inScope)}` }),
  },
  'POST /api/grids': {
    access: 'grid.manage',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'POST', url: '/api/grids', payload: { villageId: f.village(inScope), name: f.unique() } }),
  },
  'PATCH /api/grids/{id}': {
    access: 'grid.manage',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'PATCH', url: `/api/grids/${f.grid(inScope)}`, payload: { name: f.unique() } }),
  },
  'PUT /api/grids/{id}/workers': {
    access: 'grid.manage',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'PUT', url: `/api/grids/${f.grid(inScope)}/workers`, payload: { accountIds: [] } }),
  },
  'POST /api/grids/{id}/split': {
    access: 'grid.manage',
    scoped: true,
    request: (f, role, inScope) => {
      const { id, parts } = f.splittable(role, inScope);
      return { method: 'POST', url: `/api/grids/${id}/split`, payload: { parts } };
    },
  },
  'POST /api/grids/merge': {
    access: 'grid.manage',
    scoped: true,
    request: (f, role, inScope) => ({ method: 'POST', url: '/api/grids/merge', payload: { gridIds: f.mergeable(role, inScope), name: f.unique() } }),
  },
  'GET /api/event-categories': { access: 'event.read', request: () => ({ method: 'GET', url: '/api/event-categories' }) },
  'POST /api/event-categories': {
    access: 'event.catalogue.manage',
    request: (f) => ({
      method: 'POST',
      url: '/api/event-categories',
      payload: { code: `cat_${f.unique()}`, nameZh: '矩阵类别', nameEn: 'Matrix', signForHours: 4, handleDays: 3, onSpotAllowed: false, publicAllowed: false },
    }),
  },
  'PATCH /api/event-categories/{code}': {
    access: 'event.catalogue.manage',
    request: () => ({ method: 'PATCH', url: '/api/event-categories/other', payload: { handleDays: 7 } }),
  },
  'POST /api/events': {
    access: 'event.report',
    request: (f) => ({ method: 'POST', url: '/api/events', payload: { clientKey: `matrix-${f.unique()}`, title: '矩阵', description: '', categoryCode: 'other', address: '马踏村' } }),
  },
  'GET /api/events': { access: 'event.read', request: () => ({ method: 'GET', url: '/api/events' }) },
  'GET /api/events/{id}': {
    access: 'event.read',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'GET', url: `/api/events/${f.event(inScope)}` }),
  },
  'GET /api/events/{id}/timeline': {
    access: 'event.read',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'GET', url: `/api/events/${f.event(inScope)}/timeline` }),
  },
  'POST /api/events/{id}/actions': {
    access: 'event.act',
    scoped: true,
    // Accepting a dispatched event is refused with 409 for everyone who can see it: no state moves.
    request: (f, _role, inScope) => ({ method: 'POST', url: `/api/events/${f.event(inScope)}/actions`, payload: { action: 'accept' } }),
  },
  'POST /api/photos': {
    access: 'photo.upload',
    request: () => ({ method: 'POST', url: '/api/photos', headers: { 'content-type': 'image/png' }, payload: PNG }),
  },
  'GET /api/photos/{id}': { access: 'session', request: (f) => ({ method: 'GET', url: `/api/photos/${f.photo()}` }) },
  'POST /api/attachments': {
    access: 'attachment.upload',
    request: () => ({ method: 'POST', url: '/api/attachments?name=%E9%80%9A%E7%9F%A5.pdf', headers: { 'content-type': 'application/pdf' }, payload: PDF }),
  },
  'GET /api/attachments/{id}': { access: 'session', request: (f) => ({ method: 'GET', url: `/api/attachments/${f.attachment()}` }) },
  // Open311 is the public's door: no session, whoever calls.
  'GET /open311/v2/discovery.{format}': { access: 'public', request: () => ({ method: 'GET', url: '/open311/v2/discovery.json' }) },
  'GET /open311/v2/services.{format}': { access: 'public', request: () => ({ method: 'GET', url: '/open311/v2/services.json' }) },
  'GET /open311/v2/services/{code}.{format}': { access: 'public', request: () => ({ method: 'GET', url: '/open311/v2/services/sanitation.json' }) },
  'POST /open311/v2/requests.{format}': {
    access: 'public',
    request: () => ({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'service_code=sanitation&address_string=x' }),
  },
  'GET /open311/v2/requests.{format}': { access: 'public', request: () => ({ method: 'GET', url: '/open311/v2/requests.json' }) },
  'GET /open311/v2/tokens/{token}.{format}': { access: 'public', request: (f) => ({ method: 'GET', url: `/open311/v2/tokens/${f.event(true)}.json` }) },
  'GET /open311/v2/requests/{id}.{format}': { access: 'public', request: (f) => ({ method: 'GET', url: `/open311/v2/requests/${f.event(true)}.json` }) },
  'GET /api/cards': { access: 'card.read', request: () => ({ method: 'GET', url: '/api/cards?month=2026-11' }) },
  'GET /api/event-quotas': { access: 'event.read', request: () => ({ method: 'GET', url: '/api/event-quotas' }) },
  'GET /api/inbox': { access: 'session', request: () => ({ method: 'GET', url: '/api/inbox' }) },
  'POST /api/inbox/{id}/read': { access: 'session', request: () => ({ method: 'POST', url: `/api/inbox/${newId()}/read` }) },
  'GET /api/persons': { access: 'person.read', request: () => ({ method: 'GET', url: '/api/persons' }) },
  'POST /api/persons': {
    access: 'person.write',
    // The matrix's own grid is outside a village worker's scope only for other villages: this one is in it.
    request: (f) => ({ method: 'POST', url: '/api/persons', payload: { gridId: f.grid(true), name: '矩阵', idType: 'passport', idNumber: `E${f.unique()}`, residenceStatus: 'registered' } }),
  },
  'GET /api/persons/{id}': {
    access: 'person.read',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'GET', url: `/api/persons/${f.person(inScope)}` }),
  },
  'PATCH /api/persons/{id}': {
    access: 'person.write',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'PATCH', url: `/api/persons/${f.person(inScope)}`, payload: { version: 1, address: '矩阵' } }),
  },
  'GET /api/persons/{id}/history': {
    access: 'person.read',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'GET', url: `/api/persons/${f.person(inScope)}/history` }),
  },
  'POST /api/persons/{id}/unmask': {
    access: 'person.unmask',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'POST', url: `/api/persons/${f.person(inScope)}/unmask`, payload: { purpose: '矩阵检查' } }),
  },
  'GET /api/persons/due': { access: 'person.read', request: () => ({ method: 'GET', url: '/api/persons/due' }) },
  'GET /api/persons/quality': { access: 'person.read', request: () => ({ method: 'GET', url: '/api/persons/quality' }) },
  'POST /api/persons/{id}/verify': {
    access: 'person.write',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'POST', url: `/api/persons/${f.person(inScope)}/verify`, payload: { version: 1, outcome: 'confirmed' } }),
  },
  'GET /api/persons/template.xlsx': { access: 'person.write', request: () => ({ method: 'GET', url: '/api/persons/template.xlsx' }) },
  'GET /api/persons/export.xlsx': { access: 'person.read', request: () => ({ method: 'GET', url: '/api/persons/export.xlsx?status=moved_out' }) },
  'POST /api/imports': {
    access: 'person.write',
    request: () => ({ method: 'POST', url: '/api/imports?kind=person&fileName=x.csv&dryRun=true', headers: { 'content-type': 'text/csv' }, payload: '姓名\n' }),
  },
  'GET /api/imports': { access: 'person.write', request: () => ({ method: 'GET', url: '/api/imports' }) },
  'GET /api/imports/{id}': {
    access: 'person.write',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'GET', url: `/api/imports/${f.importJob(inScope)}` }),
  },
  'GET /api/imports/{id}/rejected.xlsx': {
    access: 'person.write',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'GET', url: `/api/imports/${f.importJob(inScope)}/rejected.xlsx` }),
  },
  'GET /api/special-populations': { access: 'person.special', request: () => ({ method: 'GET', url: '/api/special-populations' }) },
  'GET /api/persons/{id}/special-populations': {
    access: 'person.special',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'GET', url: `/api/persons/${f.person(inScope)}/special-populations` }),
  },
  'POST /api/persons/{id}/special-populations': {
    access: 'person.special',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'POST', url: `/api/persons/${f.person(inScope)}/special-populations`, payload: { category: 'key_youth', riskLevel: 'low', supervisingUnit: '矩阵', startDate: '2026-01-01' } }),
  },
  'PATCH /api/special-populations/{id}': {
    access: 'person.special',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'PATCH', url: `/api/special-populations/${f.specialPopulation(inScope)}`, payload: { version: 1, riskLevel: 'medium' } }),
  },
  'GET /api/persons/{id}/assistance': {
    access: 'person.read',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'GET', url: `/api/persons/${f.person(inScope)}/assistance` }),
  },
  'POST /api/persons/{id}/assistance': {
    access: 'person.write',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'POST', url: `/api/persons/${f.person(inScope)}/assistance`, payload: { kind: 'other', measures: '矩阵', startDate: '2026-01-01' } }),
  },
  'PATCH /api/assistance/{id}': {
    access: 'person.write',
    scoped: true,
    request: (f, _role, inScope) => ({ method: 'PATCH', url: `/api/assistance/${f.assistance(inScope)}`, payload: { version: 1, measures: '矩阵' } }),
  },
  'GET /api/sign-in-status': {
    access: 'sign_in_status.read',
    request: () => ({ method: 'GET', url: '/api/sign-in-status' }),
  },
  // Working calendar (工作日历) and duty roster (值班表).
  'GET /api/working-calendar': { access: 'session', request: () => ({ method: 'GET', url: '/api/working-calendar?year=2026' }) },
  'PUT /api/working-calendar/days/{date}': { access: 'calendar.manage', request: () => ({ method: 'PUT', url: '/api/working-calendar/days/2026-12-31', payload: { kind: 'holiday', name: '矩阵' } }) },
  'DELETE /api/working-calendar/days/{date}': { access: 'calendar.manage', request: () => ({ method: 'DELETE', url: '/api/working-calendar/days/2026-12-30' }) },
  'PUT /api/working-calendar/years/{year}': { access: 'calendar.manage', request: () => ({ method: 'PUT', url: '/api/working-calendar/years/2030', payload: { days: [] } }) },
  'GET /api/duty/units': { access: 'duty.read', request: () => ({ method: 'GET', url: '/api/duty/units' }) },
  'PUT /api/duty/units/{unitId}/slots': { access: 'duty.manage', scoped: true, request: (f, _role, inScope) => ({ method: 'PUT', url: `/api/duty/units/${f.dutyUnit(inScope)}/slots`, payload: { slots: [{ key: 'day', name: '全天', capacity: 1 }] } }) },
  'GET /api/duty/roster': { access: 'duty.read', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `/api/duty/roster?unitId=${f.dutyUnit(inScope)}&from=2026-12-01&to=2026-12-07` }) },
  'POST /api/duty/roster/entries': { access: 'duty.manage', scoped: true, request: (f, _role, inScope) => ({ method: 'POST', url: '/api/duty/roster/entries', payload: { unitId: f.dutyUnit(inScope), date: '2026-12-01', slot: 'day', accountId: newId() } }) },
  'DELETE /api/duty/roster/entries/{id}': { access: 'duty.manage', scoped: true, request: (f, _role, inScope) => ({ method: 'DELETE', url: `/api/duty/roster/entries/${f.dutyEntry(inScope)}` }) },
  'POST /api/duty/roster/fill': { access: 'duty.manage', scoped: true, request: (f, _role, inScope) => ({ method: 'POST', url: '/api/duty/roster/fill', payload: { unitId: f.dutyUnit(inScope), from: '2026-12-14', to: '2026-12-18', slot: 'day', accountIds: [newId()] } }) },
  'POST /api/duty/roster/swap': { access: 'duty.manage', scoped: true, request: (f, _role, inScope) => ({ method: 'POST', url: '/api/duty/roster/swap', payload: { entryId: f.dutyEntry(inScope), toAccountId: newId(), reason: '矩阵' } }) },
  'GET /api/duty/today': { access: 'duty.check_in', request: () => ({ method: 'GET', url: '/api/duty/today' }) },
  'POST /api/duty/check-in': { access: 'duty.check_in', request: () => ({ method: 'POST', url: '/api/duty/check-in' }) },
  'GET /api/duty/lapses': { access: 'duty.read', request: () => ({ method: 'GET', url: '/api/duty/lapses?month=2026-11' }) },
  // The dashboard asks for event.read and card.read, the map's grids for territory.read and
  // event.read: every role holding the second permission holds the first, so one names the rule.
  'GET /api/dashboard': { access: 'card.read', request: () => ({ method: 'GET', url: '/api/dashboard' }) },
  'GET /api/map/grids': { access: 'event.read', request: () => ({ method: 'GET', url: '/api/map/grids' }) },
  'GET /api/map/events': { access: 'event.read', request: () => ({ method: 'GET', url: '/api/map/events?limit=10' }) },
};

// Households, houses, organisations, places and facilities: the same routes for each kind.
const RECORD_SEGMENTS: Record<RecordKind, string> = { household: 'households', house: 'houses', organisation: 'organisations', place: 'places', facility: 'facilities' };
for (const kind of RECORD_KINDS) {
  const base = `/api/${RECORD_SEGMENTS[kind]}`;
  const category = Object.keys(RECORD_KIND_DEFINITIONS[kind].categories)[0];
  RULES[`GET ${base}`] = { access: 'person.read', request: () => ({ method: 'GET', url: base }) };
  RULES[`GET ${base}/template.xlsx`] = { access: 'person.write', request: () => ({ method: 'GET', url: `${base}/template.xlsx` }) };
  RULES[`GET ${base}/export.xlsx`] = { access: 'person.read', request: () => ({ method: 'GET', url: `${base}/export.xlsx?category=${category}` }) };
  RULES[`POST ${base}`] = { access: 'person.write', request: (f) => ({ method: 'POST', url: base, payload: { gridId: f.grid(true), name: '矩阵', category } }) };
  RULES[`GET ${base}/{id}`] = { access: 'person.read', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `${base}/${f.record(kind, inScope)}` }) };
  RULES[`PATCH ${base}/{id}`] = { access: 'person.write', scoped: true, request: (f, _role, inScope) => ({ method: 'PATCH', url: `${base}/${f.record(kind, inScope)}`, payload: { version: 1, name: '矩阵' } }) };
  RULES[`GET ${base}/{id}/history`] = { access: 'person.read', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `${base}/${f.record(kind, inScope)}/history` }) };
  RULES[`POST ${base}/{id}/verify`] = { access: 'person.write', scoped: true, request: (f, _role, inScope) => ({ method: 'POST', url: `${base}/${f.record(kind, inScope)}/verify`, payload: { version: 1, outcome: 'confirmed' } }) };
  if (!RECORD_KIND_DEFINITIONS[kind].members) continue;
  RULES[`GET ${base}/{id}/members`] = { access: 'person.read', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `${base}/${f.record(kind, inScope)}/members` }) };
  RULES[`PUT ${base}/{id}/members`] = { access: 'person.write', scoped: true, request: (f, _role, inScope) => ({ method: 'PUT', url: `${base}/${f.record(kind, inScope)}/members`, payload: { members: [] } }) };
}
RULES['GET /api/registry/due'] = { access: 'person.read', request: () => ({ method: 'GET', url: '/api/registry/due' }) };
RULES['GET /api/settings/reverification'] = { access: 'person.read', request: () => ({ method: 'GET', url: '/api/settings/reverification' }) };
RULES['PUT /api/settings/reverification'] = { access: 'registry.settings.manage', request: () => ({ method: 'PUT', url: '/api/settings/reverification', payload: { facility: 365 } }) };
// The floating population: arrivals of new people (each role its own), departures of people who never arrived (409 inside, 404 outside).
RULES['POST /api/floating/arrivals'] = {
  access: 'floating.write',
  request: (f) => ({ method: 'POST', url: '/api/floating/arrivals', payload: { clientKey: `matrix-arrival-${f.unique()}`, person: { gridId: f.grid(true), name: '矩阵流动', idType: 'passport', idNumber: `F${f.unique()}` }, originCode: '44', reason: 'work', arrivedOn: '2026-11-01' } }),
};
RULES['POST /api/floating/departures'] = { access: 'floating.write', scoped: true, request: (f, _role, inScope) => ({ method: 'POST', url: '/api/floating/departures', payload: { clientKey: `matrix-departure-${f.unique()}`, personId: f.person(inScope), departedOn: '2026-11-02' } }) };
RULES['GET /api/floating'] = { access: 'floating.read', request: () => ({ method: 'GET', url: '/api/floating' }) };
RULES['GET /api/floating/stats'] = { access: 'floating.read', request: () => ({ method: 'GET', url: '/api/floating/stats' }) };
RULES['GET /api/floating/{id}'] = { access: 'floating.read', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `/api/floating/${f.floating(inScope)}` }) };
RULES['PATCH /api/floating/{id}'] = { access: 'floating.write', scoped: true, request: (f, _role, inScope) => ({ method: 'PATCH', url: `/api/floating/${f.floating(inScope)}`, payload: { version: 1, employer: '矩阵' } }) };
RULES['GET /api/houses/{id}/tenants'] = { access: 'floating.read', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `/api/houses/${f.record('house', inScope)}/tenants` }) };
RULES['GET /api/landlords/{personId}'] = { access: 'floating.read', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `/api/landlords/${f.person(inScope)}` }) };
RULES['GET /api/follow-up-plans'] = { access: 'visit.read', request: () => ({ method: 'GET', url: '/api/follow-up-plans' }) };
RULES['POST /api/follow-up-plans'] = { access: 'visit.plan.manage', request: () => ({ method: 'POST', url: '/api/follow-up-plans', payload: { name: '矩阵计划', subject: { kind: 'tag', tag: 'veteran' }, intervalsDays: [30] } }) };
RULES['PATCH /api/follow-up-plans/{id}'] = { access: 'visit.plan.manage', request: () => ({ method: 'PATCH', url: `/api/follow-up-plans/${newId()}`, payload: { version: 1, graceDays: 1 } }) };
RULES['GET /api/visits/due'] = { access: 'visit.read', request: () => ({ method: 'GET', url: '/api/visits/due' }) };
RULES['POST /api/visits'] = {
  access: 'visit.record',
  scoped: true,
  request: (f, _role, inScope) => ({ method: 'POST', url: '/api/visits', payload: { clientKey: `matrix-visit-${f.unique()}`, personId: f.visitable(inScope), visitedAt: '2026-11-24T01:00:00.000Z', met: 'person', situation: 'normal' } }),
};
RULES['GET /api/visits'] = { access: 'visit.read', request: () => ({ method: 'GET', url: '/api/visits?flagged=true' }) };
RULES['POST /api/visits/{id}/review'] = { access: 'visit.review', scoped: true, request: (f, _role, inScope) => ({ method: 'POST', url: `/api/visits/${f.visit(inScope)}/review`, payload: { outcome: 'accepted' } }) };
RULES['GET /api/persons/{id}/visits'] = { access: 'visit.read', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `/api/persons/${f.person(inScope)}/visits` }) };
RULES['GET /api/visits/compliance'] = { access: 'visit.read', request: () => ({ method: 'GET', url: '/api/visits/compliance?month=2026-11' }) };
RULES['GET /api/visits/compliance.xlsx'] = { access: 'visit.read', request: () => ({ method: 'GET', url: '/api/visits/compliance.xlsx?month=2026-11' }) };
RULES['GET /api/settings/visits'] = { access: 'visit.read', request: () => ({ method: 'GET', url: '/api/settings/visits' }) };
RULES['PUT /api/settings/visits'] = { access: 'visit.plan.manage', request: () => ({ method: 'PUT', url: '/api/settings/visits', payload: { maxSpeedKmh: 120 } }) };
// 每天定时登录签收: the results, today live, the month, chasing a village, the county's cut-off.
RULES['GET /api/daily-checks'] = { access: 'daily_check.read', request: () => ({ method: 'GET', url: '/api/daily-checks?date=2026-11-24' }) };
RULES['GET /api/daily-checks/today'] = { access: 'daily_check.read', request: () => ({ method: 'GET', url: '/api/daily-checks/today' }) };
RULES['GET /api/daily-checks/monthly'] = { access: 'daily_check.read', request: () => ({ method: 'GET', url: '/api/daily-checks/monthly?month=2026-11' }) };
RULES['POST /api/daily-checks/notify'] = {
  access: 'daily_check.notify',
  scoped: true,
  request: (f, _role, inScope) => ({ method: 'POST', url: '/api/daily-checks/notify', payload: { date: '2026-11-24', units: [{ kind: 'village', id: f.village(inScope) }] } }),
};
RULES['GET /api/settings/daily-checks'] = { access: 'daily_check.read', request: () => ({ method: 'GET', url: '/api/settings/daily-checks' }) };
RULES['PUT /api/settings/daily-checks'] = { access: 'daily_check.manage', request: () => ({ method: 'PUT', url: '/api/settings/daily-checks', payload: { cutoff: '17:00' } }) };
// Information reports: the inside one stays adopted whatever each role tries, so every later read still finds it.
RULES['POST /api/info-reports'] = { access: 'info_report.write', request: (f) => ({ method: 'POST', url: '/api/info-reports', payload: { clientKey: `matrix-info-${f.unique()}`, title: '矩阵信息', body: '正文', category: 'other' } }) };
RULES['GET /api/info-reports'] = { access: 'info_report.read', request: () => ({ method: 'GET', url: '/api/info-reports' }) };
RULES['GET /api/info-reports/quota'] = { access: 'info_report.read', request: () => ({ method: 'GET', url: '/api/info-reports/quota?month=2026-11' }) };
RULES['GET /api/info-reports/export.xlsx'] = { access: 'info_report.read', request: () => ({ method: 'GET', url: '/api/info-reports/export.xlsx?month=2026-11' }) };
RULES['GET /api/info-reports/{id}'] = { access: 'info_report.read', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `/api/info-reports/${f.infoReport(inScope)}` }) };
RULES['PATCH /api/info-reports/{id}'] = { access: 'info_report.write', scoped: true, request: (f, _role, inScope) => ({ method: 'PATCH', url: `/api/info-reports/${f.infoReport(inScope)}`, payload: { version: 1, title: '矩阵' } }) };
RULES['POST /api/info-reports/{id}/submit'] = { access: 'info_report.write', scoped: true, request: (f, _role, inScope) => ({ method: 'POST', url: `/api/info-reports/${f.infoReport(inScope)}/submit`, payload: { version: 1 } }) };
RULES['POST /api/info-reports/{id}/withdraw'] = { access: 'info_report.write', scoped: true, request: (f, _role, inScope) => ({ method: 'POST', url: `/api/info-reports/${f.infoReport(inScope)}/withdraw`, payload: { version: 1 } }) };
RULES['POST /api/info-reports/{id}/adopt'] = { access: 'info_report.review', scoped: true, request: (f, _role, inScope) => ({ method: 'POST', url: `/api/info-reports/${f.infoReport(inScope)}/adopt`, payload: { version: 1, level: 'city' } }) };
RULES['POST /api/info-reports/{id}/return'] = { access: 'info_report.review', scoped: true, request: (f, _role, inScope) => ({ method: 'POST', url: `/api/info-reports/${f.infoReport(inScope)}/return`, payload: { version: 1, note: '矩阵' } }) };
RULES['GET /api/settings/info-reports'] = { access: 'info_report.read', request: () => ({ method: 'GET', url: '/api/settings/info-reports' }) };
RULES['PUT /api/settings/info-reports'] = { access: 'info_report.review', request: () => ({ method: 'PUT', url: '/api/settings/info-reports', payload: { monthlyQuota: 1 } }) };
RULES['GET /api/training/sessions'] = { access: 'training.read', request: () => ({ method: 'GET', url: '/api/training/sessions' }) };
RULES['POST /api/training/sessions'] = { access: 'training.manage', request: () => ({ method: 'POST', url: '/api/training/sessions', payload: { kind: 'ethics', topic: '矩阵培训', date: '2026-12-01', startTime: '09:00', endTime: '10:00', place: '会议室', trainer: '矩阵' } }) };
RULES['GET /api/training/sessions/{id}'] = { access: 'training.read', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `/api/training/sessions/${f.training(inScope).id}` }) };
RULES['PATCH /api/training/sessions/{id}'] = { access: 'training.manage', scoped: true, request: (f, _role, inScope) => ({ method: 'PATCH', url: `/api/training/sessions/${f.training(inScope).id}`, payload: { version: 1, trainer: '矩阵' } }) };
RULES['DELETE /api/training/sessions/{id}'] = { access: 'training.manage', scoped: true, request: (f, _role, inScope) => ({ method: 'DELETE', url: `/api/training/sessions/${f.training(inScope).id}` }) };
RULES['GET /api/training/sessions/{id}/attendance'] = { access: 'training.read', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `/api/training/sessions/${f.training(inScope).id}/attendance` }) };
RULES['POST /api/training/sessions/{id}/attendance'] = { access: 'training.manage', scoped: true, request: (f, _role, inScope) => ({ method: 'POST', url: `/api/training/sessions/${f.training(inScope).id}/attendance`, payload: { accountIds: [f.account(true, 'county_admin')] } }) };
RULES['GET /api/training/sessions/{id}/invitees'] = { access: 'training.manage', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `/api/training/sessions/${f.training(inScope).id}/invitees` }) };
RULES['GET /api/training/check-in/{id}'] = { access: 'training.attend', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `/api/training/check-in/${f.training(inScope).id}?token=${f.training(inScope).token}` }) };
RULES['POST /api/training/check-in'] = { access: 'training.attend', scoped: true, request: (f, _role, inScope) => ({ method: 'POST', url: '/api/training/check-in', payload: { sessionId: f.training(inScope).id, token: f.training(inScope).token, clientKey: `matrix-qr-${f.unique()}` } }) };
RULES['GET /api/training/mine'] = { access: 'training.attend', request: () => ({ method: 'GET', url: '/api/training/mine' }) };
RULES['GET /api/training/compliance'] = { access: 'training.read', request: () => ({ method: 'GET', url: '/api/training/compliance?year=2026' }) };
RULES['GET /api/training/compliance.xlsx'] = { access: 'training.read', request: () => ({ method: 'GET', url: '/api/training/compliance.xlsx?year=2026' }) };
RULES['GET /api/settings/training'] = { access: 'training.read', request: () => ({ method: 'GET', url: '/api/settings/training' }) };
RULES['PUT /api/settings/training'] = { access: 'training.rules.manage', request: () => ({ method: 'PUT', url: '/api/settings/training', payload: { rules: [{ kind: 'ethics', audience: 'grid_worker', minimum: 2, per: 'year' }, { kind: 'skills', audience: 'grid_worker', minimum: 1, per: 'quarter' }, { kind: 'department', audience: 'department_staff', minimum: 1, per: 'year' }] } }) };
// Assessment: a department leader reads his department's figures; everyone else reads villages.
const assessedKind = (role: Role) => (role === 'dept_leader' ? 'department' : 'village');
RULES['GET /api/assessment/indicators'] = { access: 'assessment.read', request: (_f, role) => ({ method: 'GET', url: `/api/assessment/indicators?period=2026-11&unitKind=${assessedKind(role)}` }) };
RULES['GET /api/assessment/indicators/export.xlsx'] = { access: 'assessment.read', request: (_f, role) => ({ method: 'GET', url: `/api/assessment/indicators/export.xlsx?period=2026-11&unitKind=${assessedKind(role)}` }) };
RULES['GET /api/assessment/indicators/facts'] = {
  access: 'assessment.read',
  scoped: true,
  request: (f, role, inScope) => ({
    method: 'GET',
    url: `/api/assessment/indicators/facts?period=2026-11&unitKind=${assessedKind(role)}&unitId=${role === 'dept_leader' ? f.department(inScope) : f.village(inScope)}&indicator=closure_rate`,
  }),
};
// Scores: the scheme of next year (saving this year's would recompute); a unit's score is scoped like the indicators' facts.
RULES['GET /api/assessment/schemes/{year}'] = { access: 'assessment.read', request: () => ({ method: 'GET', url: '/api/assessment/schemes/2026' }) };
RULES['GET /api/assessment/schemes/{year}/versions'] = { access: 'assessment.read', request: () => ({ method: 'GET', url: '/api/assessment/schemes/2026/versions' }) };
RULES['PUT /api/assessment/schemes/{year}'] = { access: 'assessment.manage', request: () => ({ method: 'PUT', url: '/api/assessment/schemes/2027', payload: { body: defaultScoreScheme(), note: '矩阵', baseVersion: 0 } }) };
RULES['GET /api/assessment/scores'] = { access: 'assessment.read', request: (_f, role) => ({ method: 'GET', url: `/api/assessment/scores?period=2026-11&unitKind=${assessedKind(role)}` }) };
RULES['GET /api/assessment/scores/unit'] = {
  access: 'assessment.read',
  scoped: true,
  request: (f, role, inScope) => ({ method: 'GET', url: `/api/assessment/scores/unit?period=2026-11&unitKind=${assessedKind(role)}&unitId=${role === 'dept_leader' ? f.department(inScope) : f.village(inScope)}` }),
};
RULES['POST /api/assessment/scores/recompute'] = { access: 'assessment.manage', request: () => ({ method: 'POST', url: '/api/assessment/scores/recompute', payload: { period: '2026-11', unitKind: 'village' } }) };
RULES['GET /api/assessment/scores/export.xlsx'] = { access: 'assessment.read', request: (_f, role) => ({ method: 'GET', url: `/api/assessment/scores/export.xlsx?period=2026-11&unitKind=${assessedKind(role)}` }) };
// Bulletins are the county's documents, read whole by every reader (not scoped); an unknown id answers 404 to each reader.
RULES['GET /api/bulletins'] = { access: 'bulletin.read', request: () => ({ method: 'GET', url: '/api/bulletins' }) };
RULES['POST /api/bulletins'] = { access: 'assessment.manage', request: () => ({ method: 'POST', url: '/api/bulletins', payload: { period: '2026-11' } }) };
RULES['GET /api/bulletins/{id}'] = { access: 'bulletin.read', request: () => ({ method: 'GET', url: `/api/bulletins/${newId()}` }) };
RULES['GET /api/bulletins/{id}/docx'] = { access: 'bulletin.read', request: () => ({ method: 'GET', url: `/api/bulletins/${newId()}/docx` }) };
RULES['GET /api/bulletins/{id}/xlsx'] = { access: 'bulletin.read', request: () => ({ method: 'GET', url: `/api/bulletins/${newId()}/xlsx` }) };
RULES['GET /api/assessment/leader-dashboard'] = { access: 'assessment.read', request: () => ({ method: 'GET', url: '/api/assessment/leader-dashboard?period=2026-11' }) };
RULES['GET /api/persons/{id}/records'] = { access: 'person.read', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `/api/persons/${f.person(inScope)}/records` }) };

// Publicity and station standards: writes to the matrix's village (out of scope is a 422 naming unitId); the inside
// publicity activity is withdrawn by the first role that may, and later writes answer 409, never 404.
RULES['POST /api/publicity'] = { access: 'publicity.write', request: (f) => ({ method: 'POST', url: '/api/publicity', payload: { clientKey: `matrix-publicity-${f.unique()}`, unitId: f.village(true), kind: 'banner', heldOn: '2026-11-01', place: '村口' } }) };
RULES['GET /api/publicity'] = { access: 'publicity.read', request: () => ({ method: 'GET', url: '/api/publicity' }) };
RULES['GET /api/publicity/monthly'] = { access: 'publicity.read', request: () => ({ method: 'GET', url: '/api/publicity/monthly?month=2026-11' }) };
RULES['GET /api/publicity/monthly.xlsx'] = { access: 'publicity.read', request: () => ({ method: 'GET', url: '/api/publicity/monthly.xlsx?month=2026-11' }) };
RULES['GET /api/publicity/{id}'] = { access: 'publicity.read', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `/api/publicity/${f.publicity(inScope)}` }) };
RULES['PATCH /api/publicity/{id}'] = { access: 'publicity.write', scoped: true, request: (f, _role, inScope) => ({ method: 'PATCH', url: `/api/publicity/${f.publicity(inScope)}`, payload: { version: 1 } }) };
RULES['POST /api/publicity/{id}/withdraw'] = { access: 'publicity.write', scoped: true, request: (f, _role, inScope) => ({ method: 'POST', url: `/api/publicity/${f.publicity(inScope)}/withdraw`, payload: { version: 1, reason: '矩阵' } }) };
RULES['GET /api/publicity/{id}/history'] = { access: 'publicity.read', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `/api/publicity/${f.publicity(inScope)}/history` }) };
const MATRIX_ITEMS = { site: { state: 'met' }, signage: { state: 'not_met' }, equipment: { state: 'met' }, staff: { state: 'partly' }, rules: { state: 'met' } };
RULES['GET /api/stations/status'] = { access: 'station.read', request: () => ({ method: 'GET', url: '/api/stations/status' }) };
RULES['POST /api/stations/inspections'] = { access: 'station.write', request: (f) => ({ method: 'POST', url: '/api/stations/inspections', payload: { unitId: f.village(true), checkedOn: '2026-11-01', items: MATRIX_ITEMS } }) };
RULES['GET /api/stations/inspections'] = { access: 'station.read', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `/api/stations/inspections?unitId=${f.village(inScope)}` }) };
RULES['GET /api/stations/inspections/{id}'] = { access: 'station.read', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `/api/stations/inspections/${f.inspection(inScope)}` }) };
RULES['GET /api/stations/settings'] = { access: 'station.read', request: () => ({ method: 'GET', url: '/api/stations/settings' }) };
RULES['PUT /api/stations/settings'] = { access: 'station.settings.manage', request: () => ({ method: 'PUT', url: '/api/stations/settings', payload: { staleDays: 180 } }) };
RULES['GET /api/terminals'] = { access: 'station.read', request: () => ({ method: 'GET', url: '/api/terminals' }) };
RULES['POST /api/terminals'] = {
  access: 'station.write',
  request: (f) => {
    const body = `8611${f.unique().replace(/\D/g, '').padStart(10, '0')}`;
    return { method: 'POST', url: '/api/terminals', payload: { assetCode: `M-${body}`, model: '矩阵', imei: `${body}${imeiCheckDigit(body)}`, unitId: f.village(true) } };
  },
};
RULES['GET /api/terminals/holders'] = { access: 'station.read', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `/api/terminals/holders?unitId=${f.village(inScope)}` }) };
RULES['GET /api/terminals/{id}'] = { access: 'station.read', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `/api/terminals/${f.terminal(inScope)}` }) };
RULES['PATCH /api/terminals/{id}'] = { access: 'station.write', scoped: true, request: (f, _role, inScope) => ({ method: 'PATCH', url: `/api/terminals/${f.terminal(inScope)}`, payload: { version: 1, model: '矩阵' } }) };
RULES['POST /api/terminals/{id}/handover'] = { access: 'station.write', scoped: true, request: (f, _role, inScope) => ({ method: 'POST', url: `/api/terminals/${f.terminal(inScope)}/handover`, payload: { version: 1, holderId: null, handedOn: '2026-11-01' } }) };

// Surveys: a county defines and opens them; interviewers answer within their village, and the
// public answers a village's form by its code (one per phone: each call uses a fresh number).
const matrixPhone = (f: Fixtures) => `139${f.unique().replace(/\D/g, '').padStart(8, '0')}`;
RULES['POST /api/surveys'] = {
  access: 'survey.manage',
  request: (f) => ({ method: 'POST', url: '/api/surveys', payload: { clientKey: `matrix-${f.unique()}`, title: '矩阵调查', year: 2026, half: 'H1', startsOn: '2026-03-01', endsOn: '2026-06-30', samplePerVillage: 1, villageIds: [f.village(true)], questions: [{ id: 'a1', kind: 'awareness', text: '您知道网格员吗？', options: [{ label: '知道', positive: true }, { label: '不知道', positive: false }] }] } }),
};
RULES['GET /api/surveys'] = { access: 'survey.read', request: () => ({ method: 'GET', url: '/api/surveys?year=2026' }) };
RULES['GET /api/surveys/open'] = { access: 'survey.answer', request: () => ({ method: 'GET', url: '/api/surveys/open' }) };
RULES['GET /api/surveys/{id}'] = { access: 'survey.read', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `/api/surveys/${f.survey(inScope)}` }) };
RULES['PATCH /api/surveys/{id}'] = { access: 'survey.manage', scoped: true, request: (f) => ({ method: 'PATCH', url: `/api/surveys/${f.surveyDraft()}`, payload: { version: 1, title: '矩阵调查（改）' } }) };
RULES['POST /api/surveys/{id}/open'] = { access: 'survey.manage', scoped: true, request: (f) => ({ method: 'POST', url: `/api/surveys/${f.surveyDraft()}/open` }) };
RULES['POST /api/surveys/{id}/close'] = { access: 'survey.manage', scoped: true, request: (f) => ({ method: 'POST', url: `/api/surveys/${f.surveyToClose()}/close` }) };
RULES['GET /api/surveys/{id}/sample'] = { access: 'survey.answer', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `/api/surveys/${f.survey(true)}/sample?villageId=${f.village(inScope)}` }) };
RULES['POST /api/surveys/{id}/answers'] = {
  access: 'survey.answer',
  scoped: true,
  request: (f, _role, inScope) => ({ method: 'POST', url: `/api/surveys/${f.survey(true)}/answers`, payload: { clientKey: `matrix-${f.unique()}`, villageId: f.village(inScope), channel: 'phone', phone: matrixPhone(f), answers: { a1: 0 } } }),
};
RULES['GET /api/surveys/{id}/rates'] = { access: 'survey.read', scoped: true, request: (f, _role, inScope) => ({ method: 'GET', url: `/api/surveys/${f.survey(inScope)}/rates` }) };
RULES['GET /api/public/surveys/{code}'] = { access: 'public', request: (f) => ({ method: 'GET', url: `/api/public/surveys/${f.surveyCode()}` }) };
RULES['POST /api/public/surveys/{code}/answers'] = { access: 'public', request: (f) => ({ method: 'POST', url: `/api/public/surveys/${f.surveyCode()}/answers`, payload: { clientKey: `matrix-${f.unique()}`, phone: matrixPhone(f), answers: { a1: 0 } } }) };

/** Where each role's test account sits: county roles at the county, the rest in 马踏镇. */
const ROLE_HOME: Record<Role, string> = {
  county_admin: '/511124/',
  leader: '/511124/',
  system_admin: '/511124/',
  security_admin: '/511124/',
  audit_admin: '/511124/',
  center_operator: '/511124/511124101/',
  dept_handler: '/511124/511124101/',
  dept_leader: '/511124/511124101/',
  village_admin: '/511124/511124101/511124101001/',
  grid_worker_fulltime: '/511124/511124101/511124101001/',
  grid_worker_parttime: '/511124/511124101/511124101001/',
};
const COUNTY_WIDE = (role: Role) => ROLE_HOME[role] === '/511124/';

describeEachDialect('the authorization matrix', (dialect) => {
  let t: TestApp;
  let fixtures: Fixtures;
  const cookies = new Map<Role, string>();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    const police = await aDepartment(t.ctx, '马踏镇派出所', '/511124/511124101/');
    const judicial = await aDepartment(t.ctx, '竹园镇司法所', '/511124/511124102/');
    for (const role of ROLES) {
      const departmentId = role === 'dept_handler' || role === 'dept_leader' ? police : undefined;
      await anAccount(t.ctx, {
        username: `role_${role}`,
        role,
        orgPath: ROLE_HOME[role],
        ...(departmentId ? { departmentId } : {}),
      });
    }
    const villageTarget = await anAccount(t.ctx, {
      username: 'target_village',
      role: 'grid_worker_parttime',
      orgPath: '/511124/511124101/511124101001/',
    });
    const villageSuccessor = await anAccount(t.ctx, {
      username: 'successor_village',
      role: 'grid_worker_parttime',
      orgPath: '/511124/511124101/511124101001/',
    });
    const policeTarget = await anAccount(t.ctx, {
      username: 'target_police',
      role: 'dept_handler',
      orgPath: '/511124/511124101/',
      departmentId: police,
    });
    const policeSuccessor = await anAccount(t.ctx, {
      username: 'successor_police',
      role: 'dept_handler',
      orgPath: '/511124/511124101/',
      departmentId: police,
    });
    const outside = await anAccount(t.ctx, {
      username: 'target_zhuyuan',
      role: 'grid_worker_parttime',
      orgPath: '/511124/511124102/511124102001/',
    });
    // Grids: drawn by a county administrator before the matrix runs.
    await anAccount(t.ctx, { username: 'grid_setup', role: 'county_admin', orgPath: '/511124/' });
    const setup = as(t.app, await signInCookie(t.app, 'grid_setup'));
    const unitId = async (path: string) =>
      (await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', path).executeTakeFirstOrThrow()).id;
    const mataVillage = await unitId('/511124/511124101/511124101001/');
    const zhuyuanVillage = await unitId('/511124/511124102/511124102001/');
    const drawGrid = async (villageId: string, lon: number, lat: number): Promise<string> => {
      const response = await setup({ method: 'POST', url: '/api/grids', payload: { villageId, name: `${lon},${lat}`, boundary: square(lon, lat) } });
      expect(response.statusCode).toBe(201);
      return response.json().id as string;
    };
    const insideGrid = await drawGrid(mataVillage, 103.9, 29.5);
    const outsideGrid = await drawGrid(zhuyuanVillage, 103.9, 29.6);
    const outsideNeighbour = await drawGrid(zhuyuanVillage, 103.91, 29.6);
    // Each call takes the next fresh grid: the unsigned call, the permission pass and the scope
    // pass each split or merge one. Roles that may not manage grids are refused before any lookup.
    const splittable = new Map<Role, { id: string; parts: unknown[] }[]>();
    const mergeable = new Map<Role, string[][]>();
    let slot = 0;
    for (const role of ROLES.filter((candidate) => can(candidate, 'grid.manage'))) {
      splittable.set(role, []);
      mergeable.set(role, []);
      for (let round = 0; round < 3; round += 1) {
        const lon = 104 + (slot += 1) * 0.03;
        splittable.get(role)?.push({ id: await drawGrid(mataVillage, lon, 29.5), parts: halves(lon, 29.5) });
        mergeable.get(role)?.push([await drawGrid(mataVillage, lon, 29.7), await drawGrid(mataVillage, lon + 0.01, 29.7)]);
      }
    }
    // Events: reported in each township's grid and dispatched to that township's department.
    const photoId = (await setup({ method: 'POST', url: '/api/photos', headers: { 'content-type': 'image/png' }, payload: PNG })).json().id as string;
    const attachmentId = (await setup({ method: 'POST', url: '/api/attachments?name=matrix.pdf', headers: { 'content-type': 'application/pdf' }, payload: PDF })).json().id as string;
    const dispatchedEvent = async (gridId: string, departmentId: string, clientKey: string) => {
      const reported = await setup({ method: 'POST', url: '/api/events', payload: { clientKey, title: '矩阵事件', description: '', categoryCode: 'other', gridId, address: '村口', photoIds: [photoId] } });
      const id = reported.json().id as string;
      await setup({ method: 'POST', url: `/api/events/${id}/actions`, payload: { action: 'accept' } });
      const dispatched = await setup({ method: 'POST', url: `/api/events/${id}/actions`, payload: { action: 'dispatch', leadDepartmentId: departmentId } });
      expect(dispatched.json().status).toBe('dispatched');
      return id;
    };
    const insideEvent = await dispatchedEvent(insideGrid, police, 'matrix-inside-event');
    const outsideEvent = await dispatchedEvent(outsideGrid, judicial, 'matrix-outside-event');
    const personIn = (await setup({ method: 'POST', url: '/api/persons', payload: { gridId: insideGrid, name: '矩阵甲', idType: 'resident_id', idNumber: '511124198001010010', residenceStatus: 'registered' } })).json().id as string;
    const personOut = (await setup({ method: 'POST', url: '/api/persons', payload: { gridId: outsideGrid, name: '矩阵乙', idType: 'resident_id', idNumber: '511124198001010029', residenceStatus: 'registered' } })).json().id as string;
    const endedJob = async (scopePath: string, createdBy: string) => {
      const id = newId();
      const now = new Date().toISOString();
      await t.ctx.db.kysely
        .insertInto('import_job')
        .values({ id, kind: 'person', dry_run: 1, file_name: 'x.csv', file_type: 'csv', file_bytes: 1, status: 'done', bytes_read: 1, rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, error_code: null, error_details: null, scope_path: scopePath, created_by: createdBy, actor_ip: null, actor_agent: null, created_at: now, started_at: now, heartbeat_at: now, finished_at: now })
        .execute();
      return id;
    };
    const jobIn = await endedJob('/511124/511124101/511124101001/', villageTarget.id);
    const jobOut = await endedJob('/511124/511124102/', outside.id);
    const specialIn = (await setup({ method: 'POST', url: `/api/persons/${personIn}/special-populations`, payload: { category: 'released_prisoner', riskLevel: 'low', supervisingUnit: '司法所', startDate: '2026-01-01' } })).json().id as string;
    const specialOut = (await setup({ method: 'POST', url: `/api/persons/${personOut}/special-populations`, payload: { category: 'released_prisoner', riskLevel: 'low', supervisingUnit: '司法所', startDate: '2026-01-01' } })).json().id as string;
    const assistanceIn = (await setup({ method: 'POST', url: `/api/persons/${personIn}/assistance`, payload: { kind: 'other', measures: '走访', startDate: '2026-01-01' } })).json().id as string;
    const assistanceOut = (await setup({ method: 'POST', url: `/api/persons/${personOut}/assistance`, payload: { kind: 'other', measures: '走访', startDate: '2026-01-01' } })).json().id as string;
    const records = new Map<string, string>();
    for (const kind of RECORD_KINDS) {
      for (const [inScope, gridId] of [[true, insideGrid], [false, outsideGrid]] as const) {
        const response = await setup({ method: 'POST', url: `/api/${RECORD_SEGMENTS[kind]}`, payload: { gridId, name: '矩阵记录', category: Object.keys(RECORD_KIND_DEFINITIONS[kind].categories)[0] } });
        expect(response.statusCode).toBe(201);
        records.set(`${kind}:${inScope}`, response.json().id as string);
      }
    }
    const floatingArrival = async (gridId: string, clientKey: string) => {
      const response = await setup({ method: 'POST', url: '/api/floating/arrivals', payload: { clientKey, person: { gridId, name: '矩阵流动', idType: 'passport', idNumber: clientKey.toUpperCase() }, originCode: '5111', reason: 'work', arrivedOn: '2026-11-01' } });
      expect(response.statusCode).toBe(201);
      return response.json().id as string;
    };
    const floatingIn = await floatingArrival(insideGrid, 'matrix-floating-in');
    const floatingOut = await floatingArrival(outsideGrid, 'matrix-floating-out');
    // Visits: the matrix's grid workers visit in a grid of their own (no other route changes its workers).
    const visitGrid = await drawGrid(mataVillage, 103.8, 29.5);
    const roleAccount = async (role: Role) => (await t.ctx.db.kysely.selectFrom('account').select('id').where('username', '=', `role_${role}`).executeTakeFirstOrThrow()).id;
    const gridWorkers = [await roleAccount('grid_worker_fulltime'), await roleAccount('grid_worker_parttime')];
    expect((await setup({ method: 'PUT', url: `/api/grids/${visitGrid}/workers`, payload: { accountIds: gridWorkers } })).statusCode).toBe(200);
    const visitableIn = (await setup({ method: 'POST', url: '/api/persons', payload: { gridId: visitGrid, name: '矩阵丙', idType: 'resident_id', idNumber: '511124198001010037', residenceStatus: 'registered' } })).json().id as string;
    const flaggedVisit = async (personId: string, workerId: string) => {
      const person = await t.ctx.db.kysely.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
      const id = newId();
      const at = new Date(t.clock()).toISOString();
      await t.ctx.db.kysely
        .insertInto('visit')
        .values({ id, client_key: `matrix-${id}`, client_owner: workerId, request_hash: '-', person_id: personId, schedule_id: null, worker_id: workerId, path: person.path, county_code: person.county_code, township_code: person.township_code, village_code: person.village_code, visited_at: at, lon: 103.9, lat: 29.5, accuracy: 10, met: 'person', situation: 'normal', event_id: null, notes: null, distance_m: 900, flags: '["far_from_address"]', review: 'pending', review_note: null, reviewed_by: null, reviewed_at: null, created_at: at })
        .execute();
      return id;
    };
    const visitIn = await flaggedVisit(visitableIn, gridWorkers[0]!);
    const visitOut = await flaggedVisit(personOut, outside.id);
    const adoptedReport = async (townshipPath: string, authorId: string) => {
      const township = await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', townshipPath).executeTakeFirstOrThrow();
      const id = newId();
      const at = new Date(t.clock()).toISOString();
      await t.ctx.db.kysely
        .insertInto('info_report')
        .values({ id, client_key: `matrix-${id}`, request_hash: '-', township_id: township.id, path: townshipPath, title: '矩阵信息', body: '正文', category: 'other', subject_account_id: null, status: 'adopted', level: 'county', submitted_at: at, first_submitted_at: at, first_submitted_month: at.slice(0, 7), adopted_at: at, returned_note: null, author_id: authorId, version: 1, created_at: at, updated_at: at })
        .execute();
      return id;
    };
    const infoReportIn = await adoptedReport('/511124/511124101/', await roleAccount('center_operator'));
    const infoReportOut = await adoptedReport('/511124/511124102/', outside.id);
    // Publicity, station inspections and terminals of 马踏村 (inside) and 竹园村 (outside).
    const dailyRecords = async (villagePath: string, villageId: string, byId: string, n: number) => {
      const [, county, township, village] = villagePath.split('/');
      const at = new Date(t.clock()).toISOString();
      const publicity = newId();
      await t.ctx.db.kysely
        .insertInto('publicity_activity')
        .values({ id: publicity, client_key: `matrix-${publicity}`, request_hash: '-', unit_id: villageId, path: villagePath, county_code: county ?? null, township_code: township ?? null, village_code: village ?? null, kind: 'meeting', held_on: '2026-11-01', place: '村委会', audience: 10, description: '', status: 'active', withdrawn_reason: null, recorded_by: byId, version: 1, created_at: at, updated_at: at })
        .execute();
      const inspection = newId();
      await t.ctx.db.kysely.insertInto('station_inspection').values({ id: inspection, unit_id: villageId, path: villagePath, checked_on: '2026-11-01', checked_by: byId, note: '', created_at: at }).execute();
      const terminal = newId();
      await t.ctx.db.kysely
        .insertInto('terminal')
        .values({ id: terminal, asset_code: `MATRIX-${n}`, model: '矩阵', imei: `86000000000000${n}`, phone: null, state: 'spare', unit_id: villageId, path: villagePath, holder_id: null, issued_on: null, version: 1, created_by: byId, created_at: at, updated_at: at })
        .execute();
      return { publicity, inspection, terminal };
    };
    const dailyIn = await dailyRecords('/511124/511124101/511124101001/', mataVillage, await roleAccount('village_admin'), 0);
    const dailyOut = await dailyRecords('/511124/511124102/511124102001/', zhuyuanVillage, outside.id, 1);
    const trainingSession = async (organiserPath: string, attendeeId: string) => {
      const id = newId();
      const at = new Date(t.clock()).toISOString();
      const token = `matrix-token-${id}`;
      await t.ctx.db.kysely
        .insertInto('training_session')
        .values({ id, kind: 'skills', topic: '矩阵培训', date: shanghaiDate(t.clock()), start_time: '09:00', end_time: '11:00', place: '会议室', trainer: '矩阵', organiser_path: organiserPath, audience: '{"roles":[],"orgPaths":[],"departmentIds":[]}', sign_in_token: token, status: 'held', version: 1, created_by: attendeeId, created_at: at, updated_at: at })
        .execute();
      // Attended, so that DELETE answers 409 (found) every time instead of removing the fixture.
      await t.ctx.db.kysely.insertInto('training_attendance').values({ id: newId(), session_id: id, account_id: attendeeId, how: 'sheet', at, recorded_by: attendeeId, client_key: null, created_at: at }).execute();
      return { id, token };
    };
    const trainingIn = await trainingSession('/511124/511124101/', villageTarget.id);
    const trainingOut = await trainingSession('/511124/511124102/', outside.id);
    const dutyEntryAt = async (unitPath: string, accountId: string) => {
      const unit = await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', unitPath).executeTakeFirstOrThrow();
      const id = newId();
      const at = new Date(t.clock()).toISOString();
      await t.ctx.db.kysely.insertInto('duty_entry').values({ id, unit_id: unit.id, unit_path: unitPath, date: shanghaiDate(t.clock()), slot: 'day', account_id: accountId, checked_in_at: at, created_by: null, created_at: at, updated_at: at }).execute();
      return { unitId: unit.id, entryId: id };
    };
    const dutyIn = await dutyEntryAt('/511124/511124101/', villageTarget.id);
    const dutyOut = await dutyEntryAt('/511124/511124102/', outside.id);
    const matrixSurvey = async (clientKey: string, villageIds: string[], open: boolean) => {
      const questions = [{ id: 'a1', kind: 'awareness', text: '您知道网格员吗？', options: [{ label: '知道', positive: true }, { label: '不知道', positive: false }] }];
      const created = await setup({ method: 'POST', url: '/api/surveys', payload: { clientKey, title: '矩阵调查', year: 2026, half: 'H2', startsOn: '2026-07-01', endsOn: '2026-12-31', samplePerVillage: 1, seed: 'matrix', questions, villageIds } });
      expect(created.statusCode).toBe(201);
      const id = created.json().id as string;
      if (open) expect((await setup({ method: 'POST', url: `/api/surveys/${id}/open` })).statusCode).toBe(200);
      return { id, code: (created.json().villages as { publicCode: string }[])[0]?.publicCode ?? '' };
    };
    const surveyIn = await matrixSurvey('matrix-survey-in', [mataVillage, zhuyuanVillage], true);
    const surveyOut = await matrixSurvey('matrix-survey-out', [zhuyuanVillage], true);
    const surveyDraft = await matrixSurvey('matrix-survey-draft', [mataVillage], false);
    const surveyToClose = await matrixSurvey('matrix-survey-close', [mataVillage], true);
    let counter = 0;
    fixtures = {
      survey: (inScope) => (inScope ? surveyIn.id : surveyOut.id),
      surveyDraft: () => surveyDraft.id,
      surveyToClose: () => surveyToClose.id,
      surveyCode: () => surveyIn.code,
      training: (inScope) => (inScope ? trainingIn : trainingOut),
      dutyUnit: (inScope) => (inScope ? dutyIn.unitId : dutyOut.unitId),
      dutyEntry: (inScope) => (inScope ? dutyIn.entryId : dutyOut.entryId),
      publicity: (inScope) => (inScope ? dailyIn.publicity : dailyOut.publicity),
      inspection: (inScope) => (inScope ? dailyIn.inspection : dailyOut.inspection),
      terminal: (inScope) => (inScope ? dailyIn.terminal : dailyOut.terminal),
      infoReport: (inScope) => (inScope ? infoReportIn : infoReportOut),
      visitable: (inScope) => (inScope ? visitableIn : personOut),
      visit: (inScope) => (inScope ? visitIn : visitOut),
      floating: (inScope) => (inScope ? floatingIn : floatingOut),
      record: (kind, inScope) => records.get(`${kind}:${inScope}`) ?? newId(),
      specialPopulation: (inScope) => (inScope ? specialIn : specialOut),
      assistance: (inScope) => (inScope ? assistanceIn : assistanceOut),
      importJob: (inScope) => (inScope ? jobIn : jobOut),
      person: (inScope) => (inScope ? personIn : personOut),
      event: (inScope) => (inScope ? insideEvent : outsideEvent),
      photo: () => photoId,
      attachment: () => attachmentId,
      village: (inScope) => (inScope ? mataVillage : zhuyuanVillage),
      grid: (inScope) => (inScope ? insideGrid : outsideGrid),
      splittable: (role, inScope) =>
        inScope ? (splittable.get(role)?.shift() ?? { id: newId(), parts: halves(0, 0) }) : { id: outsideGrid, parts: halves(103.9, 29.6) },
      mergeable: (role, inScope) => (inScope ? (mergeable.get(role)?.shift() ?? [newId(), newId()]) : [outsideGrid, outsideNeighbour]),
      account: (inScope, role) =>
        !inScope ? outside.id : role === 'dept_leader' ? policeTarget.id : villageTarget.id,
      successor: (role) => (role === 'dept_leader' ? policeSuccessor.id : villageSuccessor.id),
      department: (inScope) => (inScope ? police : judicial),
      unique: () => `matrix${(counter += 1)}`,
    };
    for (const role of ROLES) cookies.set(role, await signInCookie(t.app, `role_${role}`));
  });
  afterAll(async () => t.close());

  it('names every documented route, and only those', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((method) => method !== 'head')
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.filter((route) => !(route in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((route) => !documented.includes(route))).toEqual([]);
  });

  it('lets nobody in without a session, except to the public routes', async () => {
    for (const [route, rule] of Object.entries(RULES)) {
      const response = await t.app.inject(rule.request(fixtures, 'county_admin', true));
      if (rule.access === 'public')
        expect({ route, code: response.json().error?.code }).not.toEqual({ route, code: 'UNAUTHENTICATED' });
      else expect({ route, status: response.statusCode }).toEqual({ route, status: 401 });
    }
  });

  it('gives each role what the permission table says, and 403 otherwise', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    // Sign-out ends the session it runs in, so it goes last.
    const routes = Object.entries(RULES).sort(
      ([a], [b]) => Number(a === 'POST /api/auth/sign-out') - Number(b === 'POST /api/auth/sign-out'),
    );
    for (const role of ROLES) {
      const call = as(t.app, cookies.get(role) ?? '');
      for (const [route, rule] of routes) {
        if (rule.access === 'public') continue;
        const allowed = rule.access === 'session' || can(role, rule.access);
        const response = await call(rule.request(fixtures, role, true));
        outcomes.push(
          `${role} ${route} → ${response.statusCode === 403 ? 'denied' : response.statusCode === 401 ? 'unauthenticated' : 'allowed'}`,
        );
        expected.push(`${role} ${route} → ${allowed ? 'allowed' : 'denied'}`);
      }
    }
    expect(outcomes).toEqual(expected);
    // Every route × every role: a minute on a loaded two-core machine as the table grows.
  }, 120_000);

  it('answers 404 for an object outside the caller’s scope, and never for one inside', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const role of ROLES) {
      const cookie = await signInCookie(t.app, `role_${role}`);
      const call = as(t.app, cookie);
      for (const [route, rule] of Object.entries(RULES)) {
        if (!rule.scoped || rule.access === 'public' || rule.access === 'session' || !can(role, rule.access))
          continue;
        const inside = await call(rule.request(fixtures, role, true));
        outcomes.push(`${role} ${route} inside → ${inside.statusCode === 404 ? 404 : 'found'}`);
        expected.push(`${role} ${route} inside → found`);
        // County-wide roles have nothing outside their scope in a one-county platform.
        if (COUNTY_WIDE(role)) continue;
        // Departments serving a wider area stay visible; what is outside is another township's.
        const outside = await call(rule.request(fixtures, role, false));
        outcomes.push(`${role} ${route} outside → ${outside.statusCode}`);
        expected.push(`${role} ${route} outside → 404`);
      }
    }
    expect(outcomes).toEqual(expected);
  });
});
