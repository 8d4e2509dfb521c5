// The daily check over HTTP: a township sees itself, its villages and its departments; a department
// leader his own department; a township cannot chase another township's village; today's list is
// live before the cut-off; bad input names the field in Chinese and English; only the county sets
// the cut-off.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aDepartment, anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { createDailyChecksService } from './daily-checks.service.js';

const MATA = '/511124/511124101/';
const MATA_VILLAGE = '/511124/511124101/511124101001/';
const ZHUYUAN = '/511124/511124102/';
const ZHUYUAN_VILLAGE = '/511124/511124102/511124102001/';

type Call = ReturnType<typeof as>;
interface Item {
  kind: string;
  name: string;
  status: string;
  loggedIn: boolean;
  notifiedAt: string | null;
}

describeEachDialect('daily checks over HTTP', (dialect) => {
  let t: TestApp;
  let police: string;
  let judicial: string;
  let county: Call;
  let mata: Call;
  let zhuyuanVillageId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    police = await aDepartment(t.ctx, '马踏镇派出所', MATA);
    judicial = await aDepartment(t.ctx, '竹园镇司法所', ZHUYUAN);
    await anAccount(t.ctx, { username: 'dr_county', role: 'county_admin', orgPath: '/511124/' });
    await anAccount(t.ctx, { username: 'dr_county_in_township', role: 'county_admin', orgPath: MATA });
    await anAccount(t.ctx, { username: 'dr_mata', role: 'center_operator', orgPath: MATA });
    await anAccount(t.ctx, { username: 'dr_zy_op', role: 'center_operator', orgPath: ZHUYUAN });
    await anAccount(t.ctx, { username: 'dr_gw', role: 'grid_worker_parttime', orgPath: MATA_VILLAGE });
    await anAccount(t.ctx, { username: 'dr_zy_gw', role: 'grid_worker_parttime', orgPath: ZHUYUAN_VILLAGE });
    await anAccount(t.ctx, { username: 'dr_police_lead', role: 'dept_leader', orgPath: MATA, departmentId: police });
    await anAccount(t.ctx, { username: 'dr_judicial', role: 'dept_handler', orgPath: ZHUYUAN, departmentId: judicial });
    zhuyuanVillageId = (await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', ZHUYUAN_VILLAGE).executeTakeFirstOrThrow()).id;
    // Tuesday 2026-11-24, 09:00 in Shanghai.
    t.clock.set('2026-11-24T01:00:00.000Z');
    county = as(t.app, await signInCookie(t.app, 'dr_county'));
    mata = as(t.app, await signInCookie(t.app, 'dr_mata'));
    await signInCookie(t.app, 'dr_gw');
  });
  afterAll(async () => t.close());

  it('shows today live before the cut-off: who has signed in so far, and the rest', async () => {
    const response = await county({ method: 'GET', url: '/api/daily-checks/today' });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { date: string; live: boolean; workday: boolean; cutoff: string; counts: Record<string, number>; items: Item[] };
    expect(body).toMatchObject({ date: '2026-11-24', live: true, workday: true, cutoff: '17:00', asOf: '2026-11-24T01:00:00.000Z' });
    // Not signed in first, then the rest.
    expect(body.items.map((item) => [item.name, item.status])).toEqual([
      ['马踏镇派出所', 'not_logged_in'],
      ['竹园镇司法所', 'not_logged_in'],
      ['竹园镇', 'not_logged_in'],
      ['竹园村', 'not_logged_in'],
      ['马踏镇', 'ok'],
      ['马踏村', 'ok'],
    ]);
    expect(body.counts).toEqual({ units: 6, ok: 2, notLoggedIn: 4, unsigned: 0, lateSigned: 0 });
    const villages = (await county({ method: 'GET', url: '/api/daily-checks/today?kind=village&status=not_logged_in' })).json().items as Item[];
    expect(villages.map((item) => item.name)).toEqual(['竹园村']);
  });

  it('lets a township see itself, its villages and its departments, and a department leader his own department', async () => {
    await createDailyChecksService(t.ctx).runDailyCheck('2026-11-24', '2026-11-24T09:00:00.000Z');
    const own = (await mata({ method: 'GET', url: '/api/daily-checks?date=2026-11-24' })).json().items as Item[];
    expect(own.map((item) => item.name).sort()).toEqual(['马踏村', '马踏镇', '马踏镇派出所'].sort());
    const all = (await county({ method: 'GET', url: '/api/daily-checks' })).json() as { date: string; live: boolean; items: Item[] };
    expect({ date: all.date, live: all.live, units: all.items.length }).toEqual({ date: '2026-11-24', live: false, units: 6 });
    const leader = as(t.app, await signInCookie(t.app, 'dr_police_lead'));
    for (const url of ['/api/daily-checks?date=2026-11-24', '/api/daily-checks/today']) {
      expect(((await leader({ method: 'GET', url })).json().items as Item[]).map((item) => item.name)).toEqual(['马踏镇派出所']);
    }
    expect(((await leader({ method: 'GET', url: '/api/daily-checks/monthly?month=2026-11' })).json().items as Item[]).map((item) => item.name)).toEqual(['马踏镇派出所']);
    const worker = as(t.app, await signInCookie(t.app, 'dr_gw'));
    expect((await worker({ method: 'GET', url: '/api/daily-checks/today' })).statusCode).toBe(403);
    expect((await leader({ method: 'POST', url: '/api/daily-checks/notify', payload: { date: '2026-11-24', units: [{ kind: 'department', id: police }] } })).statusCode).toBe(403);
  });

  it('answers 404 when a township chases another township’s village, and tells nobody', async () => {
    const response = await mata({ method: 'POST', url: '/api/daily-checks/notify', payload: { date: '2026-11-24', units: [{ kind: 'village', id: zhuyuanVillageId }] } });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
    // A department id given as a village is not found either.
    expect((await county({ method: 'POST', url: '/api/daily-checks/notify', payload: { date: '2026-11-24', units: [{ kind: 'village', id: police }] } })).statusCode).toBe(404);
    expect(await t.ctx.db.kysely.selectFrom('inbox_message').select('id').where('kind', '=', 'daily_check').execute()).toEqual([]);
    const other = as(t.app, await signInCookie(t.app, 'dr_zy_op'));
    const told = await other({ method: 'POST', url: '/api/daily-checks/notify', payload: { date: '2026-11-24', units: [{ kind: 'village', id: zhuyuanVillageId }] } });
    expect(told.statusCode).toBe(200);
    expect(told.json().items[0]).toMatchObject({ name: '竹园村', recipients: 1, repeated: false });
  });

  it('refuses a bad date, kind, status or month and an empty list of units, naming the field in Chinese and English', async () => {
    const cases: [string, string, Record<string, unknown> | undefined, string][] = [
      ['GET', '/api/daily-checks?date=2026-02-30', undefined, 'querystring.date'],
      ['GET', '/api/daily-checks?date=today', undefined, 'querystring.date'],
      ['GET', '/api/daily-checks?kind=city', undefined, 'querystring.kind'],
      ['GET', '/api/daily-checks/today?status=late', undefined, 'querystring.status'],
      ['GET', '/api/daily-checks/monthly?month=2026-13', undefined, 'querystring.month'],
      ['POST', '/api/daily-checks/notify', { date: '2026-11-24', units: [] }, 'body.units'],
      ['POST', '/api/daily-checks/notify', { date: '2026-11-24', units: [{ kind: 'city', id: police }] }, 'body.units.0.kind'],
      ['POST', '/api/daily-checks/notify', { date: '2026-11-31', units: [{ kind: 'department', id: police }] }, 'body.date'],
      ['POST', '/api/daily-checks/notify', { date: '2026-12-01', units: [{ kind: 'department', id: police }] }, 'body.date'],
      // Chasing a day from long ago would check the whole county for it first: only the last week's days.
      ['POST', '/api/daily-checks/notify', { date: '2026-11-16', units: [{ kind: 'department', id: police }] }, 'body.date'],
      ['PUT', '/api/settings/daily-checks', { cutoff: '25:00' }, 'body.cutoff'],
      ['PUT', '/api/settings/daily-checks', { checkRestDays: 'yes' }, 'body.checkRestDays'],
    ];
    for (const [method, url, payload, field] of cases) {
      const response = await county({ method: method as 'GET', url, ...(payload ? { payload } : {}) });
      expect({ url, field, status: response.statusCode }).toEqual({ url, field, status: 400 });
      expect(response.json().error.details.fields[0].field).toBe(field);
      expect(response.json().error.message).toMatch(/^提交的内容有误：/);
    }
    const english = await county({ method: 'POST', url: '/api/daily-checks/notify', payload: { date: '2026-12-01', units: [{ kind: 'department', id: police }] }, headers: { 'accept-language': 'en-US' } });
    expect(english.json().error.message).toBe('The request is invalid: body.date must not be after today');
    const old = await county({ method: 'POST', url: '/api/daily-checks/notify', payload: { date: '2026-11-16', units: [{ kind: 'department', id: police }] }, headers: { 'accept-language': 'en-US' } });
    expect(old.json().error.message).toBe('The request is invalid: body.date must not be more than 7 days ago');
    expect(await t.ctx.db.kysely.selectFrom('daily_unit_check').select('unit_id').where('date', '=', '2026-11-16').execute()).toEqual([]);
    const empty = await county({ method: 'POST', url: '/api/daily-checks/notify', payload: { date: '2026-11-24', units: [] }, headers: { 'accept-language': 'en-US' } });
    expect(empty.json().error.message).toBe('The request is invalid: body.units must have at least 1 items');
  });

  it('lets only the county at the county change the cut-off, which the next checks follow', async () => {
    expect((await mata({ method: 'GET', url: '/api/settings/daily-checks' })).json()).toEqual({ cutoff: '17:00', checkRestDays: false, updatedBy: null, updatedAt: null });
    expect((await mata({ method: 'PUT', url: '/api/settings/daily-checks', payload: { cutoff: '16:00' } })).statusCode).toBe(403);
    const inTownship = as(t.app, await signInCookie(t.app, 'dr_county_in_township'));
    expect((await inTownship({ method: 'PUT', url: '/api/settings/daily-checks', payload: { cutoff: '16:00' } })).statusCode).toBe(403);
    const changed = await county({ method: 'PUT', url: '/api/settings/daily-checks', payload: { cutoff: '16:30', checkRestDays: true } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ cutoff: '16:30', checkRestDays: true, updatedBy: { name: '测试用户 dr_county' } });
    const checks = createDailyChecksService(t.ctx);
    // Saturday is checked now, at 16:30 (08:30 UTC).
    expect(await checks.runDailyCheck('2026-11-28', '2026-11-28T12:00:00.000Z')).toMatchObject({ outcome: 'checked' });
    const saturday = await t.ctx.db.kysely.selectFrom('daily_unit_check').select('as_of').where('date', '=', '2026-11-28').distinct().execute();
    expect(saturday).toEqual([{ as_of: '2026-11-28T08:30:00.000Z' }]);
    const trail = await t.ctx.db.kysely.selectFrom('audit_log').select('details').where('action', '=', 'setting.updated').execute();
    expect(JSON.parse(trail[0]?.details ?? '{}')).toEqual({ before: { cutoff: '17:00', checkRestDays: false }, after: { cutoff: '16:30', checkRestDays: true } });
  });

  it('chases a village in the morning without making the day a checked one; the check at the cut-off keeps the stamp', async () => {
    // Wednesday 2026-11-25, 10:00 in Shanghai; the cut-off is 16:30 since the county changed it.
    t.clock.set('2026-11-25T02:00:00.000Z');
    const morning = as(t.app, await signInCookie(t.app, 'dr_county'));
    const told = await morning({ method: 'POST', url: '/api/daily-checks/notify', payload: { date: '2026-11-25', units: [{ kind: 'village', id: zhuyuanVillageId }] } });
    expect(told.json().items[0].text).toBe('【每日督查】竹园村：2026-11-25 尚未登录平台（截止 16:30），请尽快登录处理。');
    const today = (await morning({ method: 'GET', url: '/api/daily-checks/today?kind=village' })).json().items as Item[];
    expect(today.find((item) => item.name === '竹园村')?.notifiedAt).toBe('2026-11-25T02:00:00.000Z');
    const month = (await morning({ method: 'GET', url: '/api/daily-checks/monthly?month=2026-11' })).json() as { checkedDays: string[] };
    expect(month.checkedDays).not.toContain('2026-11-25');
    const outcomes = await createDailyChecksService(t.ctx).catchUp('2026-11-25T08:30:00.000Z');
    expect(outcomes.map((outcome) => [outcome.date, outcome.outcome])).toContainEqual(['2026-11-25', 'checked']);
    const row = await t.ctx.db.kysely.selectFrom('daily_unit_check').select(['as_of', 'notified_at', 'status']).where('date', '=', '2026-11-25').where('unit_id', '=', zhuyuanVillageId).executeTakeFirstOrThrow();
    expect(row).toEqual({ as_of: '2026-11-25T08:30:00.000Z', notified_at: '2026-11-25T02:00:00.000Z', status: 'not_logged_in' });
    expect(((await morning({ method: 'GET', url: '/api/daily-checks/monthly?month=2026-11' })).json() as { checkedDays: string[] }).checkedDays).toContain('2026-11-25');
  });

  it('chasing a unit after the cut-off, before the schedule ran, checks the whole day first', async () => {
    // Thursday 2026-11-26, 17:00 in Shanghai: past the 16:30 cut-off, and no check has run today.
    t.clock.set('2026-11-26T09:00:00.000Z');
    const evening = as(t.app, await signInCookie(t.app, 'dr_county'));
    const told = await evening({ method: 'POST', url: '/api/daily-checks/notify', payload: { date: '2026-11-26', units: [{ kind: 'village', id: zhuyuanVillageId }] } });
    expect(told.json().items[0].text).toBe('【每日督查】竹园村：2026-11-26 16:30 前未登录平台，请尽快登录处理。');
    const rows = await t.ctx.db.kysely.selectFrom('daily_unit_check').select(['name', 'as_of']).where('date', '=', '2026-11-26').execute();
    expect(rows.length).toBe(6);
    expect(new Set(rows.map((row) => row.as_of))).toEqual(new Set(['2026-11-26T08:30:00.000Z']));
    expect(await createDailyChecksService(t.ctx).catchUp('2026-11-26T09:05:00.000Z')).toEqual([]);
  });
});
