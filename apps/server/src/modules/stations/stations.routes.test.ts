// Station standards as the center and the villages keep them: the center inspects a village
// station and finds its signage (标识) not met, the county's overview shows it with the units never
// inspected and those overdue (the county's setting), the history stays; bad dates, units and
// photos are refused naming the field in both languages; and nothing of 马踏镇 shows in 竹园镇.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anAccount, anOrgUnit, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { inspectionsOfUnit } from './stations.repo.js';

type Call = ReturnType<typeof as>;

const png = (tail: string) =>
  Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex'), Buffer.from(tail)]);

const allMet = (overrides: Record<string, unknown> = {}) => ({
  site: { state: 'met' },
  signage: { state: 'met' },
  equipment: { state: 'met' },
  staff: { state: 'met' },
  rules: { state: 'met' },
  ...overrides,
});

describeEachDialect('station standards', (dialect) => {
  let t: TestApp;
  let center: Call;
  let county: Call;
  let village: Call;
  let otherCenter: Call;
  let leader: Call;
  let mataId: string;
  let erCunId: string;
  let townshipId: string;
  let zhuyuanVillageId: string;
  let signagePhoto: string;
  let inspectionId: string;
  const unitId = async (path: string) => (await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', path).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    await anOrgUnit(t.ctx, '/511124/511124101/511124101002/', 'village', '马踏二村');
    await anAccount(t.ctx, { username: 'st_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    await anAccount(t.ctx, { username: 'st_county', role: 'county_admin', orgPath: '/511124/' });
    await anAccount(t.ctx, { username: 'st_village', role: 'village_admin', orgPath: '/511124/511124101/511124101001/' });
    await anAccount(t.ctx, { username: 'st_zy', role: 'center_operator', orgPath: '/511124/511124102/' });
    await anAccount(t.ctx, { username: 'st_leader', role: 'leader', orgPath: '/511124/' });
    center = as(t.app, await signInCookie(t.app, 'st_center'));
    county = as(t.app, await signInCookie(t.app, 'st_county'));
    village = as(t.app, await signInCookie(t.app, 'st_village'));
    otherCenter = as(t.app, await signInCookie(t.app, 'st_zy'));
    leader = as(t.app, await signInCookie(t.app, 'st_leader'));
    mataId = await unitId('/511124/511124101/511124101001/');
    erCunId = await unitId('/511124/511124101/511124101002/');
    townshipId = await unitId('/511124/511124101/');
    zhuyuanVillageId = await unitId('/511124/511124102/511124102001/');
    signagePhoto = (await center({ method: 'POST', url: '/api/photos', headers: { 'content-type': 'image/png' }, payload: png('signage') })).json().id as string;
  });
  afterAll(async () => t.close());

  it('records the center’s inspection of a village station with 标识 not met and its photo', async () => {
    // An older inspection first: all met, in May.
    expect((await center({ method: 'POST', url: '/api/stations/inspections', payload: { unitId: mataId, checkedOn: '2026-05-10', items: allMet() } })).statusCode).toBe(201);
    const response = await center({
      method: 'POST',
      url: '/api/stations/inspections',
      payload: { unitId: mataId, checkedOn: '2026-11-23', note: '年度检查', items: allMet({ signage: { state: 'not_met', note: '门牌脱落', photoIds: [signagePhoto] }, rules: { state: 'partly', note: '制度未上墙' } }) },
    });
    expect(response.statusCode).toBe(201);
    inspectionId = response.json().id as string;
    expect(response.json()).toMatchObject({ unitName: '马踏村', checkedOn: '2026-11-23', checkedBy: { name: '测试用户 st_center' }, note: '年度检查' });
    expect(response.json().items).toEqual([
      { item: 'site', state: 'met', note: '', photoIds: [] },
      { item: 'signage', state: 'not_met', note: '门牌脱落', photoIds: [signagePhoto] },
      { item: 'equipment', state: 'met', note: '', photoIds: [] },
      { item: 'staff', state: 'met', note: '', photoIds: [] },
      { item: 'rules', state: 'partly', note: '制度未上墙', photoIds: [] },
    ]);
    const audit = await t.ctx.db.kysely.selectFrom('audit_log').select(['action', 'details']).where('object_id', '=', inspectionId).execute();
    expect(audit.map((row) => row.action)).toEqual(['station.inspected']);
    // The village admin (who did not take it) and the leader may open the photo; 竹园镇 may not.
    expect((await village({ method: 'GET', url: `/api/photos/${signagePhoto}` })).statusCode).toBe(200);
    expect((await leader({ method: 'GET', url: `/api/photos/${signagePhoto}` })).statusCode).toBe(200);
    expect((await otherCenter({ method: 'GET', url: `/api/photos/${signagePhoto}` })).statusCode).toBe(404);
  });

  it('shows the county each unit’s latest inspection, the items not met, units never inspected and those overdue', async () => {
    // 马踏镇's sub-center was checked long ago (over 180 days before 2026-11-24).
    await county({ method: 'POST', url: '/api/stations/inspections', payload: { unitId: townshipId, checkedOn: '2026-05-20', items: allMet() } });
    const status = (await county({ method: 'GET', url: '/api/stations/status' })).json();
    expect(status.staleDays).toBe(180);
    const byName = Object.fromEntries(status.units.map((unit: { unitName: string }) => [unit.unitName, unit]));
    expect(Object.keys(byName)).toEqual(['井研县', '马踏镇', '马踏村', '马踏二村', '竹园镇', '竹园村'].filter((name) => name !== '井研县'));
    expect(byName['马踏村']).toMatchObject({ lastInspectionId: inspectionId, lastCheckedOn: '2026-11-23', notMet: ['signage'], never: false, stale: false, townshipName: '马踏镇' });
    expect(byName['马踏村'].items).toHaveLength(5);
    expect(byName['马踏镇']).toMatchObject({ lastCheckedOn: '2026-05-20', stale: true, notMet: [] });
    expect(byName['马踏二村']).toMatchObject({ never: true, stale: false, items: [], lastCheckedOn: null });
    expect(status.summary).toEqual({ units: 5, never: 3, stale: 1, withItemsNotMet: 1 });

    // The county allows 200 days: the sub-center's check is no longer overdue.
    expect((await center({ method: 'PUT', url: '/api/stations/settings', payload: { staleDays: 200 } })).statusCode).toBe(403);
    const set = await county({ method: 'PUT', url: '/api/stations/settings', payload: { staleDays: 200 } });
    expect(set.json()).toMatchObject({ staleDays: 200, terminalsPerWorker: 1 });
    const after = (await center({ method: 'GET', url: '/api/stations/status' })).json();
    expect(after.units.map((unit: { unitName: string }) => unit.unitName)).toEqual(['马踏镇', '马踏村', '马踏二村']);
    expect(after.summary).toMatchObject({ stale: 0, never: 1 });
    expect((await county({ method: 'PUT', url: '/api/stations/settings', payload: { staleDays: 0 } })).statusCode).toBe(400);
  });

  it('keeps each inspection as history, newest first', async () => {
    const history = (await village({ method: 'GET', url: `/api/stations/inspections?unitId=${mataId}` })).json().items;
    expect(history.map((inspection: { checkedOn: string }) => inspection.checkedOn)).toEqual(['2026-11-23', '2026-05-10']);
    expect((await leader({ method: 'GET', url: `/api/stations/inspections/${inspectionId}` })).json().items[1].state).toBe('not_met');
  });

  it('refuses a future date, a unit out of scope, a missing item and an unknown photo, naming the field', async () => {
    const future = await center({ method: 'POST', url: '/api/stations/inspections', payload: { unitId: mataId, checkedOn: '2026-11-25', items: allMet() } });
    expect(future.statusCode).toBe(422);
    expect(future.json().error).toMatchObject({ code: 'STATION_DATE_IN_FUTURE', details: { field: 'checkedOn' } });
    expect(future.json().error.message).toContain('检查日期 checkedOn');
    const futureEn = await center({ method: 'POST', url: '/api/stations/inspections', headers: { 'accept-language': 'en-US' }, payload: { unitId: mataId, checkedOn: '2026-11-25', items: allMet() } });
    expect(futureEn.json().error.message).toContain('inspection date checkedOn');
    // A village admin inspects their own station only.
    const outside = await village({ method: 'POST', url: '/api/stations/inspections', payload: { unitId: erCunId, checkedOn: '2026-11-20', items: allMet() } });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error).toMatchObject({ code: 'DAILY_UNIT_INVALID', details: { field: 'unitId' } });
    const missing = await center({ method: 'POST', url: '/api/stations/inspections', payload: { unitId: mataId, checkedOn: '2026-11-20', items: { site: { state: 'met' } } } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields.map((issue: { field: string }) => issue.field).join()).toContain('body.items');
    const state = await center({ method: 'POST', url: '/api/stations/inspections', headers: { 'accept-language': 'en-US' }, payload: { unitId: mataId, checkedOn: '2026-11-20', items: allMet({ staff: { state: 'ok' } }) } });
    expect(state.statusCode).toBe(400);
    expect(state.json().error.message).toContain('body.items.staff.state');
    const photo = await center({ method: 'POST', url: '/api/stations/inspections', payload: { unitId: mataId, checkedOn: '2026-11-20', items: allMet({ equipment: { state: 'met', photoIds: ['a'.repeat(64)] } }) } });
    expect(photo.statusCode).toBe(400);
    expect(photo.json().error).toMatchObject({ code: 'PHOTO_NOT_FOUND', details: { field: 'items.equipment.photoIds' } });
    expect(await t.ctx.db.kysely.selectFrom('station_inspection').select('id').where('checked_on', '=', '2026-11-20').execute()).toHaveLength(0);
    expect(await t.ctx.db.kysely.selectFrom('station_inspection_item').select('item').where('state', '=', 'ok' as never).execute()).toHaveLength(0);
  });

  it('shows nothing of 马踏镇 to 竹园镇', async () => {
    expect((await otherCenter({ method: 'GET', url: `/api/stations/inspections/${inspectionId}` })).statusCode).toBe(404);
    expect((await otherCenter({ method: 'GET', url: `/api/stations/inspections?unitId=${mataId}` })).statusCode).toBe(404);
    expect((await otherCenter({ method: 'GET', url: `/api/stations/status?townshipId=${townshipId}` })).statusCode).toBe(404);
    const theirs = (await otherCenter({ method: 'GET', url: '/api/stations/status' })).json();
    expect(theirs.units.map((unit: { unitName: string }) => unit.unitName)).toEqual(['竹园镇', '竹园村']);
    const inspectOutside = await center({ method: 'POST', url: '/api/stations/inspections', payload: { unitId: zhuyuanVillageId, checkedOn: '2026-11-20', items: allMet() } });
    expect(inspectOutside.json().error.code).toBe('DAILY_UNIT_INVALID');
    // The history query itself takes the scope.
    expect((await inspectionsOfUnit(t.ctx.db.kysely, '/511124/511124101/', mataId, 20)).length).toBeGreaterThan(0);
    expect(await inspectionsOfUnit(t.ctx.db.kysely, '/511124/511124102/', mataId, 20)).toEqual([]);
  });

  it('answers a retried inspection with the first record when the client key is the same, also when the two race', async () => {
    const payload = { clientKey: 'insp-retry-0001', unitId: erCunId, checkedOn: '2026-11-24', items: allMet() };
    const firstTry = await center({ method: 'POST', url: '/api/stations/inspections', payload });
    expect(firstTry.statusCode).toBe(201);
    const retry = await center({ method: 'POST', url: '/api/stations/inspections', payload });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(firstTry.json().id);
    const racing = await Promise.all([0, 1].map(() => center({ method: 'POST', url: '/api/stations/inspections', payload: { ...payload, clientKey: 'insp-retry-0002' } })));
    expect(racing.map((answer) => answer.statusCode).sort()).toEqual([200, 201]);
    expect(racing[0]?.json().id).toBe(racing[1]?.json().id);
    const reused = await center({ method: 'POST', url: '/api/stations/inspections', payload: { ...payload, note: '另一次' } });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', details: { field: 'clientKey' } });
    const badKey = await center({ method: 'POST', url: '/api/stations/inspections', headers: { 'accept-language': 'en-US' }, payload: { ...payload, clientKey: 'x' } });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().error.message).toContain('clientKey');
    expect(await t.ctx.db.kysely.selectFrom('station_inspection').select('id').where('unit_id', '=', erCunId).where('checked_on', '=', '2026-11-24').execute()).toHaveLength(2);
  });
});
