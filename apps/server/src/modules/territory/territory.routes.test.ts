// The territory of 井研县 as townships live it: the official codes imported once and again
// without change, grids drawn without overlapping, split and merged, workers assigned, and a
// phone's GPS point placed in its grid.
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anAccount } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { SYSTEM_ACTOR } from '../accounts/accounts.service.js';
import { createDivisionsService } from './divisions.service.js';

const STREETS = fs.readFileSync(new URL('../../../demo-data/511124-streets.csv', import.meta.url), 'utf8');
const VILLAGES = fs.readFileSync(new URL('../../../demo-data/511124-villages.csv', import.meta.url), 'utf8');

/** A square of `size` degrees with its south-west corner at (lon, lat), near 井研县. */
function square(lon: number, lat: number, size = 0.01) {
  return {
    type: 'Polygon' as const,
    coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
  };
}

describeEachDialect('importing division codes', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('imports 井研县: the county, 15 townships and 119 villages, then a second run changes nothing', async () => {
    const divisions = createDivisionsService(t.ctx);
    const input = { countyCode: '511124', countyName: '井研县', streetsCsv: STREETS, villagesCsv: VILLAGES };
    expect(await divisions.importDivisions(SYSTEM_ACTOR, input)).toEqual({ county: '511124', created: 135, renamed: 0, unchanged: 0 });
    expect(await divisions.importDivisions(SYSTEM_ACTOR, input)).toEqual({ county: '511124', created: 0, renamed: 0, unchanged: 135 });
    const mata = await t.ctx.db.kysely.selectFrom('org_unit').selectAll().where('path', '=', '/511124/511124101/').executeTakeFirstOrThrow();
    expect(mata).toMatchObject({ name: '马踏镇', kind: 'township', code: '511124101', depth: 2 });
    const kinds = await t.ctx.db.kysely.selectFrom('org_unit').select('kind').where('depth', '=', 3).execute();
    expect(new Set(kinds.map((row) => row.kind))).toEqual(new Set(['village', 'community']));
  });

  it('renames a village in place when its name changes, keeping its id', async () => {
    const divisions = createDivisionsService(t.ctx);
    const before = await t.ctx.db.kysely.selectFrom('org_unit').selectAll().where('code', '=', '511124101001').executeTakeFirstOrThrow();
    const renamed = VILLAGES.replace(`511124101001,"${before.name}"`, '511124101001,"新名字村民委员会"');
    expect(renamed).not.toBe(VILLAGES);
    const report = await divisions.importDivisions(SYSTEM_ACTOR, { countyCode: '511124', countyName: '井研县', streetsCsv: STREETS, villagesCsv: renamed });
    expect(report).toMatchObject({ created: 0, renamed: 1 });
    const after = await t.ctx.db.kysely.selectFrom('org_unit').selectAll().where('code', '=', '511124101001').execute();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before.id, name: '新名字村民委员会' });
  });

  it('refuses a file with bad rows, naming file, line and column, and writes nothing', async () => {
    const fresh = await createTestApp(dialect);
    const broken = `${VILLAGES.trimEnd()}\n511124101999,"",511124101,51,5111,511124\n511124999001,"某村",511124999,51,5111,511124\n`;
    const attempt = createDivisionsService(fresh.ctx).importDivisions(SYSTEM_ACTOR, { countyCode: '511124', countyName: '井研县', streetsCsv: STREETS, villagesCsv: broken });
    await expect(attempt).rejects.toMatchObject({ code: 'DIVISION_IMPORT_INVALID' });
    const error = (await attempt.catch((caught: unknown) => caught)) as { details: { errors: { file: string; line: number; column: string }[] } };
    const lines = VILLAGES.trimEnd().split('\n').length;
    expect(error.details.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'villages', line: lines + 1, column: 'name' }),
        expect.objectContaining({ file: 'villages', line: lines + 2 }),
      ]),
    );
    const count = await fresh.ctx.db.kysely.selectFrom('org_unit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
    await fresh.close();
  });
});

describeEachDialect('grids', (dialect) => {
  let t: TestApp;
  let mataVillage: string;
  let zhuyuanVillage: string;
  let township: ReturnType<typeof as>;
  let otherTownship: ReturnType<typeof as>;
  let worker: { id: string };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await createDivisionsService(t.ctx).importDivisions(SYSTEM_ACTOR, { countyCode: '511124', countyName: '井研县', streetsCsv: STREETS, villagesCsv: VILLAGES });
    const unit = (path: string) => t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', path).executeTakeFirstOrThrow();
    mataVillage = (await unit('/511124/511124101/511124101001/')).id;
    zhuyuanVillage = (await unit('/511124/511124102/511124102001/')).id;
    await anAccount(t.ctx, { username: 'mata_op2', role: 'center_operator', orgPath: '/511124/511124101/' });
    await anAccount(t.ctx, { username: 'zy_op2', role: 'center_operator', orgPath: '/511124/511124102/' });
    worker = await anAccount(t.ctx, { username: 'mata_gw2', role: 'grid_worker_parttime', orgPath: '/511124/511124101/511124101001/' });
    await anAccount(t.ctx, { username: 'zy_gw2', role: 'grid_worker_parttime', orgPath: '/511124/511124102/511124102001/' });
    township = as(t.app, await signInCookie(t.app, 'mata_op2'));
    otherTownship = as(t.app, await signInCookie(t.app, 'zy_op2'));
  });
  afterAll(async () => t.close());

  let g01: string;
  let g02: string;

  it('creates grids G01 and G02 side by side, sharing an edge', async () => {
    const first = await township({ method: 'POST', url: '/api/grids', payload: { villageId: mataVillage, name: '一组网格', boundary: square(104.06, 29.65) } });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ code: 'G01', name: '一组网格', path: '/511124/511124101/511124101001/G01/' });
    expect(first.json().areaM2).toBeGreaterThan(1_000_000);
    g01 = first.json().id as string;
    const second = await township({ method: 'POST', url: '/api/grids', payload: { villageId: mataVillage, name: '二组网格', boundary: square(104.07, 29.65) } });
    expect(second.json().code).toBe('G02');
    g02 = second.json().id as string;
  });

  it('refuses a boundary that overlaps a sibling, naming it, and one that is not a polygon', async () => {
    const overlapping = await township({ method: 'POST', url: '/api/grids', payload: { villageId: mataVillage, name: '重叠', boundary: square(104.065, 29.655) } });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json().error).toMatchObject({ code: 'GRID_BOUNDARY_OVERLAPS', details: { other: '一组网格' } });
    const bowTie = { type: 'Polygon', coordinates: [[[104.1, 29.6], [104.11, 29.61], [104.11, 29.6], [104.1, 29.61], [104.1, 29.6]]] };
    const invalid = await township({ method: 'POST', url: '/api/grids', payload: { villageId: mataVillage, name: '蝴蝶', boundary: bowTie } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error).toMatchObject({ code: 'GRID_BOUNDARY_INVALID', details: { problem: 'self_intersecting' } });
    const township1 = await township({ method: 'POST', url: '/api/grids', payload: { villageId: (await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', '/511124/511124101/').executeTakeFirstOrThrow()).id, name: '镇上' } });
    expect(township1.json().error.code).toBe('NOT_A_VILLAGE');
  });

  it('places a GPS point in its grid, and a point between villages in none', async () => {
    const inside = await township({ method: 'GET', url: '/api/grids/locate?lon=104.075&lat=29.655' });
    expect(inside.json().grid).toMatchObject({ id: g02, code: 'G02' });
    const nowhere = await township({ method: 'GET', url: '/api/grids/locate?lon=104.5&lat=29.9' });
    expect(nowhere.json()).toEqual({ grid: null });
    const outOfScope = await otherTownship({ method: 'GET', url: '/api/grids/locate?lon=104.075&lat=29.655' });
    expect(outOfScope.json()).toEqual({ grid: null });
    const bad = await township({ method: 'GET', url: '/api/grids/locate?lon=200&lat=29' });
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'querystring.lon', rule: 'maximum' });
  });

  it('assigns grid workers of the village only', async () => {
    const ok = await township({ method: 'PUT', url: `/api/grids/${g01}/workers`, payload: { accountIds: [worker.id] } });
    expect(ok.json().workers).toEqual([expect.objectContaining({ id: worker.id, role: 'grid_worker_parttime' })]);
    const other = await t.ctx.db.kysely.selectFrom('account').select('id').where('username', '=', 'zy_gw2').executeTakeFirstOrThrow();
    const wrong = await township({ method: 'PUT', url: `/api/grids/${g01}/workers`, payload: { accountIds: [other.id] } });
    expect(wrong.json().error).toMatchObject({ code: 'NOT_A_GRID_WORKER', message: '账号“zy_gw2”不是本村的网格员' });
  });

  it('hides another township’s grids: 404 to read or change them', async () => {
    expect((await otherTownship({ method: 'GET', url: `/api/grids/${g01}` })).statusCode).toBe(404);
    expect((await otherTownship({ method: 'PATCH', url: `/api/grids/${g01}`, payload: { name: 'x' } })).statusCode).toBe(404);
    expect((await otherTownship({ method: 'GET', url: `/api/grids?villageId=${mataVillage}` })).statusCode).toBe(404);
    expect((await otherTownship({ method: 'POST', url: '/api/grids', payload: { villageId: mataVillage, name: 'x' } })).statusCode).toBe(404);
    expect((await otherTownship({ method: 'POST', url: '/api/grids', payload: { villageId: zhuyuanVillage, name: '竹园一组' } })).statusCode).toBe(201);
    // The probing is on the record for the audit admin.
    const probes = await t.ctx.db.kysely.selectFrom('audit_log').select(['outcome', 'details']).where('action', '=', 'access.not_found').where('actor_username', '=', 'zy_op2').where('object_id', '=', g01).execute();
    expect(probes.map((row) => [row.outcome, JSON.parse(row.details).route])).toEqual([
      ['denied', 'GET /api/grids/:id'],
      ['denied', 'PATCH /api/grids/:id'],
    ]);
  });

  it('splits G01 into two halves that keep its worker, and refuses a split that leaves a gap', async () => {
    const west = square(104.06, 29.65);
    west.coordinates = [[[104.06, 29.65], [104.065, 29.65], [104.065, 29.66], [104.06, 29.66], [104.06, 29.65]]];
    const east = square(104.065, 29.65);
    east.coordinates = [[[104.065, 29.65], [104.07, 29.65], [104.07, 29.66], [104.065, 29.66], [104.065, 29.65]]];
    const gap = await township({ method: 'POST', url: `/api/grids/${g01}/split`, payload: { parts: [{ name: '西', boundary: west }, { name: '小东', boundary: square(104.066, 29.65, 0.004) }] } });
    expect(gap.json().error.code).toBe('GRID_SPLIT_INCOMPLETE');
    const outside = await township({ method: 'POST', url: `/api/grids/${g01}/split`, payload: { parts: [{ name: '西', boundary: west }, { name: '越界', boundary: square(104.065, 29.65, 0.02) }] } });
    expect(outside.json().error).toMatchObject({ code: 'GRID_SPLIT_OUTSIDE', details: { name: '越界' } });

    const response = await township({ method: 'POST', url: `/api/grids/${g01}/split`, payload: { parts: [{ name: '一组西', boundary: west }, { name: '一组东', boundary: east }] } });
    expect(response.statusCode).toBe(200);
    const parts = response.json().items as { id: string; code: string; workers: { id: string }[] }[];
    expect(parts.map((part) => part.code)).toEqual(['G03', 'G04']);
    expect(parts.every((part) => part.workers.some((w) => w.id === worker.id))).toBe(true);
    expect((await township({ method: 'GET', url: `/api/grids/${g01}` })).statusCode).toBe(404);
    const located = await township({ method: 'GET', url: '/api/grids/locate?lon=104.0675&lat=29.655' });
    expect(located.json().grid.code).toBe('G04');
  });

  it('merges touching grids back into one, and refuses grids that do not touch or are in two villages', async () => {
    const list = await township({ method: 'GET', url: `/api/grids?villageId=${mataVillage}` });
    const byCode = new Map((list.json().items as { id: string; code: string }[]).map((grid) => [grid.code, grid.id]));
    const west = byCode.get('G03') ?? '';
    const east = byCode.get('G04') ?? '';
    const far = await township({ method: 'POST', url: '/api/grids', payload: { villageId: mataVillage, name: '远处', boundary: square(104.2, 29.8) } });
    const apart = await township({ method: 'POST', url: '/api/grids/merge', payload: { gridIds: [west, far.json().id], name: '不相连' } });
    expect(apart.json().error.code).toBe('GRID_MERGE_NOT_CONNECTED');
    const merged = await township({ method: 'POST', url: '/api/grids/merge', payload: { gridIds: [west, east, g02], name: '合并网格' } });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ code: 'G06', name: '合并网格' });
    expect(Math.abs(merged.json().areaM2 / 2 - 1_000_000)).toBeLessThan(120_000);
    const zy = await otherTownship({ method: 'GET', url: `/api/grids?villageId=${zhuyuanVillage}` });
    const county = await anAccount(t.ctx, { username: 'county_g', role: 'county_admin', orgPath: '/511124/' });
    const countyCall = as(t.app, await signInCookie(t.app, county.username));
    const twoVillages = await countyCall({ method: 'POST', url: '/api/grids/merge', payload: { gridIds: [merged.json().id, (zy.json().items as { id: string }[])[0]?.id], name: 'x' } });
    expect(twoVillages.json().error.code).toBe('GRID_MERGE_NOT_SIBLINGS');
  });

  it('walks the org tree from one’s own unit down to grids', async () => {
    const root = await township({ method: 'GET', url: '/api/org-units' });
    expect(root.json().items).toEqual([expect.objectContaining({ name: '马踏镇', kind: 'township' })]);
    const villages = await township({ method: 'GET', url: `/api/org-units?parentId=${root.json().items[0].id}` });
    expect((villages.json().items as { kind: string }[]).length).toBeGreaterThan(3);
    const grids = await township({ method: 'GET', url: `/api/org-units?parentId=${mataVillage}` });
    expect((grids.json().items as { kind: string; code: string }[]).every((item) => item.kind === 'grid')).toBe(true);
    const foreign = await township({ method: 'GET', url: `/api/org-units?parentId=${zhuyuanVillage}` });
    expect(foreign.statusCode).toBe(404);
  });
});

