// "Re-verification intervals per kind are configurable (key groups more often)": the county sets
// the days of each kind, and every due list and the quality report follow at once; nobody below
// the county can change them, and every change is on the audit trail.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

type Call = ReturnType<typeof as>;
const DAY = 24 * 3600 * 1000;
const URL = '/api/settings/reverification';

interface Interval {
  kind: string;
  label: string;
  days: number;
  defaultDays: number;
  source: 'default' | 'county';
  updatedBy: { id: string; name: string } | null;
  updatedAt: string | null;
}

describeEachDialect('re-verification intervals set by the county', (dialect) => {
  let t: TestApp;
  let county: Call;
  let center: Call;
  let villageAdmin: Call;
  let worker: Call;
  let countyAdminId: string;
  let gridPath: string;
  const ids: Record<string, string> = {};

  /** Days of each kind as the API answers them. */
  async function daysOf(caller: Call): Promise<Record<string, number>> {
    const items = (await caller({ method: 'GET', url: URL })).json().items as Interval[];
    return Object.fromEntries(items.map((item) => [item.kind, item.days]));
  }

  async function dueIds(): Promise<string[]> {
    const records = (await worker({ method: 'GET', url: '/api/registry/due' })).json().items as { id: string }[];
    const persons = (await worker({ method: 'GET', url: '/api/persons/due' })).json().items as { id: string }[];
    return [...records, ...persons].map((item) => item.id);
  }

  /** The overdue counts of the quality report's row for our grid. */
  async function gridQuality(): Promise<{ overdue: number; recordsOverdue: number }> {
    const rows = (await center({ method: 'GET', url: '/api/persons/quality' })).json().items as { path: string; overdue: number; recordsOverdue: number }[];
    const row = rows.find((candidate) => candidate.path === gridPath);
    return { overdue: row?.overdue ?? -1, recordsOverdue: row?.recordsOverdue ?? -1 };
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    countyAdminId = (await anAccount(t.ctx, { username: 'rv_county', role: 'county_admin', orgPath: '/511124/' })).id;
    await anAccount(t.ctx, { username: 'rv_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    await anAccount(t.ctx, { username: 'rv_village', role: 'village_admin', orgPath: '/511124/511124101/511124101001/' });
    // A county-centre account placed in a township: the county role, but not the county.
    await anAccount(t.ctx, { username: 'rv_county_in_township', role: 'county_admin', orgPath: '/511124/511124101/' });
    const workerAccount = await anAccount(t.ctx, { username: 'rv_worker', role: 'grid_worker_fulltime', orgPath: '/511124/511124101/511124101001/' });
    county = as(t.app, await signInCookie(t.app, 'rv_county'));
    center = as(t.app, await signInCookie(t.app, 'rv_center'));
    villageAdmin = as(t.app, await signInCookie(t.app, 'rv_village'));
    worker = as(t.app, await signInCookie(t.app, 'rv_worker'));
    const village = await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', '/511124/511124101/511124101001/').executeTakeFirstOrThrow();
    const grid = (await center({ method: 'POST', url: '/api/grids', payload: { villageId: village.id, name: '一组' } })).json() as { id: string; path: string };
    gridPath = grid.path;
    expect((await center({ method: 'PUT', url: `/api/grids/${grid.id}/workers`, payload: { accountIds: [workerAccount.id] } })).statusCode).toBe(200);
    const create = async (key: string, url: string, payload: Record<string, unknown>) => {
      const response = await center({ method: 'POST', url, payload: { gridId: grid.id, ...payload } });
      expect(response.statusCode).toBe(201);
      ids[key] = response.json().id as string;
    };
    await create('house', '/api/houses', { name: '一组 7 号', category: 'self_occupied' });
    await create('lamp', '/api/facilities', { name: '村口路灯', category: 'street_lamp' });
    await create('resident', '/api/persons', { name: '张三', idType: 'resident_id', idNumber: '511124198001010010', residenceStatus: 'registered' });
    await create('floating', '/api/persons', { name: '李四', idType: 'resident_id', idNumber: '511124198001010029', residenceStatus: 'floating' });
    // Everything was last verified 40 days ago.
    const fortyDaysAgo = new Date(t.clock() - 40 * DAY).toISOString();
    await t.ctx.db.kysely.updateTable('registry_record').set({ verified_at: fortyDaysAgo, verified_by: workerAccount.id }).where('id', 'in', [ids['house']!, ids['lamp']!]).execute();
    await t.ctx.db.kysely.updateTable('person').set({ verified_at: fortyDaysAgo, verified_by: workerAccount.id }).where('id', 'in', [ids['resident']!, ids['floating']!]).execute();
  });
  afterAll(async () => t.close());

  it('shows anyone who reads the registry the configured defaults: a year, key groups 90 days', async () => {
    const response = await worker({ method: 'GET', url: URL });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Interval[];
    expect(items.map((item) => [item.kind, item.days, item.source])).toEqual([
      ['person', 365, 'default'],
      ['person_key', 90, 'default'],
      ['household', 365, 'default'],
      ['house', 365, 'default'],
      ['organisation', 365, 'default'],
      ['place', 365, 'default'],
      ['facility', 365, 'default'],
    ]);
    expect(items[1]).toMatchObject({ label: '重点人群（流动、境外、重点关注人员）', defaultDays: 90, updatedBy: null, updatedAt: null });
    const english = (await worker({ method: 'GET', url: URL, headers: { 'accept-language': 'en-US' } })).json().items as Interval[];
    expect(english.at(-1)).toMatchObject({ kind: 'facility', label: 'Facility' });
    expect(await dueIds()).toEqual([]);
    expect(await gridQuality()).toEqual({ overdue: 0, recordsOverdue: 0 });
  });

  it('makes a facility due after 30 days while houses keep their year, and key groups too, as soon as the county says so', async () => {
    const response = await county({ method: 'PUT', url: URL, payload: { facility: 30, person_key: 30 } });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Interval[];
    expect(items.find((item) => item.kind === 'facility')).toEqual({ kind: 'facility', label: '部件', days: 30, defaultDays: 365, source: 'county', updatedBy: { id: countyAdminId, name: '测试用户 rv_county' }, updatedAt: '2026-11-24T01:00:00.000Z' });
    expect(items.find((item) => item.kind === 'house')).toMatchObject({ days: 365, source: 'default', updatedBy: null });
    expect(await daysOf(worker)).toMatchObject({ facility: 30, person_key: 30, house: 365, person: 365 });
    expect((await dueIds()).sort()).toEqual([ids['lamp'], ids['floating']].sort());
    expect(await gridQuality()).toEqual({ overdue: 1, recordsOverdue: 1 });
  });

  it('moves a record in and out of the due list as its kind’s days change', async () => {
    expect((await county({ method: 'PUT', url: URL, payload: { house: 39, person: 39 } })).statusCode).toBe(200);
    expect((await dueIds()).sort()).toEqual([ids['house'], ids['lamp'], ids['resident'], ids['floating']].sort());
    expect(await gridQuality()).toEqual({ overdue: 2, recordsOverdue: 2 });
    expect((await county({ method: 'PUT', url: URL, payload: { house: 41, person: 41, facility: 41, person_key: 41 } })).statusCode).toBe(200);
    expect(await dueIds()).toEqual([]);
    expect(await gridQuality()).toEqual({ overdue: 0, recordsOverdue: 0 });
    expect(await daysOf(worker)).toEqual({ person: 41, person_key: 41, household: 365, house: 41, organisation: 365, place: 365, facility: 41 });
  });

  it('refuses days that are not a whole number from 1 to 3650, or a kind it does not know, naming the field', async () => {
    for (const [payload, field] of [
      [{ facility: 0 }, 'body.facility'],
      [{ house: 4000 }, 'body.house'],
      [{ place: 'thirty' }, 'body.place'],
      [{ person: 7.5 }, 'body.person'],
      [{ ships: 30 }, 'body.ships'],
    ] as const) {
      const response = await county({ method: 'PUT', url: URL, payload });
      expect({ field, status: response.statusCode }).toEqual({ field, status: 400 });
      expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ field })] } });
      expect(response.json().error.message).toContain(field);
    }
    expect((await county({ method: 'PUT', url: URL, payload: { facility: 0 } })).json().error.message).toBe('提交的内容有误：body.facility 不能小于 1');
    const english = await county({ method: 'PUT', url: URL, payload: { facility: 4000 }, headers: { 'accept-language': 'en-US' } });
    expect(english.json().error.message).toBe('The request is invalid: body.facility must be at most 3650');
    expect((await county({ method: 'PUT', url: URL, payload: {} })).statusCode).toBe(400);
    expect((await daysOf(worker))['facility']).toBe(41);
  });

  it('lets only the county change them: a township, a village admin and a grid worker get 403', async () => {
    const inTownship = as(t.app, await signInCookie(t.app, 'rv_county_in_township'));
    for (const caller of [center, villageAdmin, worker, inTownship]) {
      const response = await caller({ method: 'PUT', url: URL, payload: { facility: 7 } });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    expect((await daysOf(center))['facility']).toBe(41);
    const denied = await t.ctx.db.kysely.selectFrom('audit_log').select('actor_username').where('action', '=', 'access.denied').orderBy('seq').execute();
    expect(denied.map((row) => row.actor_username)).toEqual(['rv_center', 'rv_village', 'rv_worker', 'rv_county_in_township']);
    expect((await t.app.inject({ method: 'GET', url: URL })).statusCode).toBe(401);
  });

  it('keeps every change on the audit trail, with each kind’s days before and after', async () => {
    const trail = await t.ctx.db.kysely.selectFrom('audit_log').select(['actor_id', 'object_type', 'details']).where('action', '=', 'setting.updated').orderBy('seq').execute();
    expect(trail.map((row) => [row.actor_id, row.object_type])).toEqual(Array.from({ length: 3 }, () => [countyAdminId, 'county_setting']));
    expect(trail.map((row) => JSON.parse(row.details))).toEqual([
      { days: { person_key: [90, 30], facility: [365, 30] } },
      { days: { person: [365, 39], house: [365, 39] } },
      { days: { person: [39, 41], person_key: [30, 41], house: [39, 41], facility: [30, 41] } },
    ]);
  });
});
