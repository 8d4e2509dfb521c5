// The command center and the map as 马踏镇's sub-center sees them on the morning of 24 November:
// what is new, open and late, where and with whom; the months' reports and closures counted in
// Shanghai time; the month's cards and quotas; who has not signed in; and nothing of 竹园镇.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROLES, can } from '@gridwork/core';
import { ConfigError, loadConfig } from '../../platform/config.js';
import { aDepartment, anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { createEventCardsService } from '../events/event-cards.service.js';

type Call = ReturnType<typeof as>;

const TILES = 'https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=vec&TILEMATRIXSET=w&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=demo';
const NOW = '2026-11-24T01:00:00.000Z';

describeEachDialect('the command center and the map', (dialect) => {
  let t: TestApp;
  let policeId: string;
  let mataVillageId: string;
  let gridId: string;
  const ids: Record<string, string> = {};
  let counter = 0;

  /** Signs in afresh at a moment (sessions lapse when the clock jumps). */
  async function at(iso: string, username: string): Promise<Call> {
    t.clock.set(iso);
    return as(t.app, await signInCookie(t.app, username));
  }
  const report = (call: Call, categoryCode: string, place: Record<string, unknown>) =>
    call({ method: 'POST', url: '/api/events', payload: { clientKey: `dash-${(counter += 1)}-key`, title: `${categoryCode} 事件`, description: '', categoryCode, ...place } });
  const act = (call: Call, id: string, payload: Record<string, unknown>) => call({ method: 'POST', url: `/api/events/${id}/actions`, payload });
  const inGrid = { lon: 104.005, lat: 29.505 };

  beforeAll(async () => {
    t = await createTestApp(dialect, { tileUrl: TILES });
    await aSmallCounty(t.ctx);
    policeId = await aDepartment(t.ctx, '马踏镇派出所', '/511124/511124101/');
    await aDepartment(t.ctx, '马踏镇住建办', '/511124/511124101/');
    await anAccount(t.ctx, { username: 'db_worker', role: 'grid_worker_parttime', orgPath: '/511124/511124101/511124101001/' });
    await anAccount(t.ctx, { username: 'db_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    await anAccount(t.ctx, { username: 'db_police', role: 'dept_handler', orgPath: '/511124/511124101/', departmentId: policeId });
    await anAccount(t.ctx, { username: 'db_chief', role: 'dept_leader', orgPath: '/511124/511124101/', departmentId: policeId });
    await anAccount(t.ctx, { username: 'db_zy', role: 'center_operator', orgPath: '/511124/511124102/' });
    await anAccount(t.ctx, { username: 'db_zy_worker', role: 'grid_worker_parttime', orgPath: '/511124/511124102/511124102001/' });
    await anAccount(t.ctx, { username: 'db_county', role: 'county_admin', orgPath: '/511124/' });
    await anAccount(t.ctx, { username: 'db_sysadmin', role: 'system_admin', orgPath: '/511124/' });
    mataVillageId = (await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', '/511124/511124101/511124101001/').executeTakeFirstOrThrow()).id;
    const square = { type: 'Polygon', coordinates: [[[104.0, 29.5], [104.01, 29.5], [104.01, 29.51], [104.0, 29.51], [104.0, 29.5]]] };
    const center = await at(NOW, 'db_center');
    gridId = (await center({ method: 'POST', url: '/api/grids', payload: { villageId: mataVillageId, name: '一组网格', boundary: square } })).json().id as string;

    // 31 October, 23:00 in Shanghai: reported and closed in October.
    let worker = await at('2026-10-31T15:00:00.000Z', 'db_worker');
    let centre = await at('2026-10-31T15:00:00.000Z', 'db_center');
    const police = await at('2026-10-31T15:00:00.000Z', 'db_police');
    ids['closed'] = (await report(worker, 'sanitation', inGrid)).json().id as string;
    await act(centre, ids['closed'], { action: 'accept' });
    await act(centre, ids['closed'], { action: 'dispatch', leadDepartmentId: policeId });
    await act(police, ids['closed'], { action: 'sign_for' });
    await act(police, ids['closed'], { action: 'handle', result: '已清运' });
    expect((await act(worker, ids['closed'], { action: 'verify_pass' })).json().status).toBe('closed');
    // 17:00 UTC on 31 October is 01:00 on 1 November in Shanghai: November's.
    worker = await at('2026-10-31T17:00:00.000Z', 'db_worker');
    ids['november'] = (await report(worker, 'livelihood', inGrid)).json().id as string;
    // 04:00 on the 24th in Shanghai: a fire hazard dispatched to the police, who sign in but do not sign for it.
    worker = await at('2026-11-23T20:00:00.000Z', 'db_worker');
    centre = await at('2026-11-23T20:00:00.000Z', 'db_center');
    ids['fire'] = (await report(worker, 'hazard_fire', inGrid)).json().id as string;
    await act(centre, ids['fire'], { action: 'accept' });
    await act(centre, ids['fire'], { action: 'dispatch', leadDepartmentId: policeId });
    await at('2026-11-23T20:10:00.000Z', 'db_police');
    expect(await createEventCardsService(t.ctx).sweep('2026-11-23T22:01:00.000Z')).toMatchObject({ issued: 1 });
    // 08:30 today: a dispute with an address only (no grid), and one in 竹园村.
    worker = await at('2026-11-24T00:30:00.000Z', 'db_worker');
    ids['dispute'] = (await report(worker, 'dispute', { address: '马踏村二组' })).json().id as string;
    const zyWorker = await at('2026-11-24T00:30:00.000Z', 'db_zy_worker');
    ids['zhuyuan'] = (await report(zyWorker, 'other', { address: '竹园村口' })).json().id as string;
  });
  afterAll(async () => t.close());

  it('counts today’s new, open and overdue events, and the open ones by category, village and department', async () => {
    const center = await at(NOW, 'db_center');
    const response = await center({ method: 'GET', url: '/api/dashboard' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ date: '2026-11-24', month: '2026-11', today: { reported: 2, open: 3, overdue: 1 } });
    expect(body.byCategory).toEqual(
      expect.arrayContaining([
        { key: 'hazard_fire', name: '消防安全隐患', open: 1, overdue: 1 },
        expect.objectContaining({ key: 'livelihood', open: 1, overdue: 0 }),
        expect.objectContaining({ key: 'dispute', open: 1, overdue: 0 }),
      ]),
    );
    expect(body.byCategory).toHaveLength(3);
    expect(body.byVillage).toEqual([{ key: mataVillageId, name: '马踏村', open: 3, overdue: 1 }]);
    expect(body.byDepartment).toEqual([{ key: policeId, name: '马踏镇派出所', open: 1, overdue: 1 }]);
  });

  it('counts each month’s reports and closures in Shanghai time, twelve months up to this one', async () => {
    const center = await at(NOW, 'db_center');
    const { trend } = (await center({ method: 'GET', url: '/api/dashboard' })).json() as { trend: { month: string; reported: number; closed: number }[] };
    expect(trend).toHaveLength(12);
    expect(trend[0]?.month).toBe('2025-12');
    expect(trend.slice(-2)).toEqual([
      { month: '2026-10', reported: 1, closed: 1 },
      { month: '2026-11', reported: 3, closed: 0 },
    ]);
    expect(trend.slice(0, -2).every((row) => row.reported === 0 && row.closed === 0)).toBe(true);
  });

  it('shows the month’s cards by unit, the quotas, and who has not signed in or signed for today', async () => {
    const center = await at(NOW, 'db_center');
    const body = (await center({ method: 'GET', url: '/api/dashboard' })).json();
    expect(body.cards).toEqual([{ unitPath: '/511124/511124101/', name: '马踏镇派出所', yellow: 1, red: 0 }]);
    // November: the livelihood report, the fire hazard and the dispute; October's does not count.
    expect(body.quotas).toEqual([expect.objectContaining({ displayName: expect.stringContaining('db_worker'), reported: 3, target: 4, met: false })]);
    expect(body.departments).toEqual([
      expect.objectContaining({ name: '马踏镇住建办', accounts: 0, signedIn: false, waiting: 0 }),
      expect.objectContaining({ name: '马踏镇派出所', accounts: 2, signedIn: true, waiting: 1 }),
    ]);
    expect(body.units).toEqual([
      expect.objectContaining({ name: '马踏镇', kind: 'township', signedIn: true }),
      expect.objectContaining({ name: '马踏村', kind: 'village', signedIn: true, waiting: 0 }),
    ]);
  });

  it('leaves another township out, counts 竹园镇 for the county, and a department only what it leads', async () => {
    const county = (await (await at(NOW, 'db_county'))({ method: 'GET', url: '/api/dashboard' })).json();
    expect(county.today).toEqual({ reported: 3, open: 4, overdue: 1 });
    expect(county.byVillage.map((row: { name: string }) => row.name).sort()).toEqual(['竹园村', '马踏村']);
    const zhuyuan = (await (await at(NOW, 'db_zy'))({ method: 'GET', url: '/api/dashboard' })).json();
    expect(zhuyuan).toMatchObject({ today: { reported: 1, open: 1, overdue: 0 }, cards: [], byDepartment: [] });
    expect(zhuyuan.byVillage).toEqual([expect.objectContaining({ name: '竹园村', open: 1 })]);
    expect(zhuyuan.departments).toEqual([]);
    const chief = (await (await at(NOW, 'db_chief'))({ method: 'GET', url: '/api/dashboard' })).json();
    expect(chief.today).toEqual({ reported: 1, open: 1, overdue: 1 });
    expect(chief.byCategory).toEqual([expect.objectContaining({ key: 'hazard_fire' })]);
  });

  it('refuses the dashboard to a grid worker and a department handler, and the map to the system administrator', async () => {
    for (const username of ['db_worker', 'db_police']) {
      const response = await (await at(NOW, username))({ method: 'GET', url: '/api/dashboard' });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    const admin = await at(NOW, 'db_sysadmin');
    expect((await admin({ method: 'GET', url: '/api/map/grids' })).statusCode).toBe(403);
    expect((await admin({ method: 'GET', url: '/api/map/events' })).statusCode).toBe(403);
    // The matrix names one permission for each of these routes: the other always comes with it.
    expect(ROLES.filter((role) => can(role, 'card.read') && !can(role, 'event.read'))).toEqual([]);
    expect(ROLES.filter((role) => can(role, 'event.read') && !can(role, 'territory.read'))).toEqual([]);
  });

  it('draws the grids with their open and overdue events, and the configured tiles', async () => {
    const center = await at(NOW, 'db_center');
    const response = await center({ method: 'GET', url: '/api/map/grids' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      tileUrl: TILES,
      items: [
        expect.objectContaining({ id: gridId, name: '一组网格', villageId: mataVillageId, villageName: '马踏村', open: 2, overdue: 1, boundary: expect.objectContaining({ type: 'Polygon' }) }),
      ],
    });
    expect((await (await at(NOW, 'db_zy'))({ method: 'GET', url: '/api/map/grids' })).json().items).toEqual([]);
  });

  it('marks open events with a point, newest first, capped, and refuses a bad limit naming it', async () => {
    const center = await at(NOW, 'db_center');
    const response = await center({ method: 'GET', url: '/api/map/events' });
    expect(response.json()).toEqual({
      truncated: false,
      items: [
        { id: ids['fire'], title: 'hazard_fire 事件', status: 'dispatched', categoryName: '消防安全隐患', lon: inGrid.lon, lat: inGrid.lat, overdue: true },
        expect.objectContaining({ id: ids['november'], status: 'reported', overdue: false }),
      ],
    });
    const capped = await center({ method: 'GET', url: '/api/map/events?limit=1' });
    expect(capped.json()).toMatchObject({ truncated: true, items: [{ id: ids['fire'] }] });
    expect((await (await at(NOW, 'db_zy'))({ method: 'GET', url: '/api/map/events' })).json().items).toEqual([]);
    for (const limit of ['0', '2001', 'many']) {
      const bad = await center({ method: 'GET', url: `/api/map/events?limit=${limit}` });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.fields[0].field).toBe('querystring.limit');
    }
  });

  it('has no tiles unless GRIDWORK_TILE_URL names a {z}/{x}/{y} template', () => {
    expect(loadConfig({}, '/tmp').tileUrl).toBeNull();
    expect(loadConfig({ GRIDWORK_TILE_URL: ' /tiles/{z}/{x}/{y}.png ' }, '/tmp').tileUrl).toBe('/tiles/{z}/{x}/{y}.png');
    expect(() => loadConfig({ GRIDWORK_TILE_URL: 'ftp://tiles/{z}/{x}/{y}' }, '/tmp')).toThrow(ConfigError);
    expect(() => loadConfig({ GRIDWORK_TILE_URL: 'https://tiles.example/{z}.png' }, '/tmp')).toThrow(/\{x\}/);
  });
});
