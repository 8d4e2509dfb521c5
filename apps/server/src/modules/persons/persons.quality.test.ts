// "Accuracy 100%": every record shows when and by whom it was last verified, a grid worker's due
// list holds the people of their own grids that are due (key groups sooner), and the quality
// report measures completeness, validity, possible duplicates, staleness and accuracy per
// township, village and grid.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

type Call = ReturnType<typeof as>;
const DAY = 24 * 3600 * 1000;

describeEachDialect('verification and data quality', (dialect) => {
  let t: TestApp;
  let center: Call;
  let worker: Call;
  let otherCenter: Call;
  const ids: Record<string, string> = {};
  let grids: { one: string; two: string };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    const workerAccount = await anAccount(t.ctx, { username: 'vq_worker', role: 'grid_worker_fulltime', orgPath: '/511124/511124101/511124101001/' });
    await anAccount(t.ctx, { username: 'vq_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    await anAccount(t.ctx, { username: 'vq_zy', role: 'center_operator', orgPath: '/511124/511124102/' });
    center = as(t.app, await signInCookie(t.app, 'vq_center'));
    worker = as(t.app, await signInCookie(t.app, 'vq_worker'));
    otherCenter = as(t.app, await signInCookie(t.app, 'vq_zy'));
    const village = await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', '/511124/511124101/511124101001/').executeTakeFirstOrThrow();
    const one = (await center({ method: 'POST', url: '/api/grids', payload: { villageId: village.id, name: '一组' } })).json().id as string;
    const two = (await center({ method: 'POST', url: '/api/grids', payload: { villageId: village.id, name: '二组' } })).json().id as string;
    grids = { one, two };
    expect((await center({ method: 'PUT', url: `/api/grids/${one}/workers`, payload: { accountIds: [workerAccount.id] } })).statusCode).toBe(200);
    const person = async (key: string, body: Record<string, unknown>) => {
      const response = await center({ method: 'POST', url: '/api/persons', payload: { idType: 'resident_id', residenceStatus: 'registered', ...body } });
      expect(response.statusCode).toBe(201);
      ids[key] = response.json().id as string;
    };
    await person('zhang', { gridId: one, name: '张三', idNumber: '511124198001010010', phone: '13800001234', address: '一组 1 号', hukouPlace: '马踏村', ethnicity: '汉族' });
    await person('li', { gridId: one, name: '李四', idNumber: '511124198001010029', residenceStatus: 'floating' });
    await person('wang', { gridId: two, name: '王五', idNumber: '51112420150615003X' });
    // The same name and birth date under another document: perhaps the same person twice.
    await person('wangPassport', { gridId: two, name: '王五', idType: 'passport', idNumber: 'E7654321', birthDate: '2015-06-15', gender: 'male' });
  });
  afterAll(async () => t.close());

  it('lists for a grid worker the never-verified people of their own grids only', async () => {
    const due = (await worker({ method: 'GET', url: '/api/persons/due' })).json().items as { id: string; verifiedAt: string | null }[];
    expect(due.map((item) => item.id).sort()).toEqual([ids['zhang'], ids['li']].sort());
    const forGridTwo = (await center({ method: 'GET', url: `/api/persons/due?gridId=${grids.two}` })).json().items as { id: string }[];
    expect(forGridTwo.map((item) => item.id).sort()).toEqual([ids['wang'], ids['wangPassport']].sort());
    expect((await otherCenter({ method: 'GET', url: `/api/persons/due?gridId=${grids.one}` })).statusCode).toBe(404);
    expect((await worker({ method: 'GET', url: '/api/persons/due?limit=0' })).statusCode).toBe(400);
  });

  it('records a confirmation with who and when, and takes the person off the due list', async () => {
    const confirmed = await worker({ method: 'POST', url: `/api/persons/${ids['zhang']}/verify`, payload: { version: 1, outcome: 'confirmed' } });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ version: 1, verifiedAt: '2026-11-24T01:00:00.000Z' });
    const due = (await worker({ method: 'GET', url: '/api/persons/due' })).json().items as { id: string }[];
    expect(due.map((item) => item.id)).toEqual([ids['li']]);
    const trail = await t.ctx.db.kysely.selectFrom('audit_log').select(['actor_username', 'details']).where('action', '=', 'person.verified').execute();
    expect(trail.map((row) => [row.actor_username, JSON.parse(row.details).outcome])).toEqual([['vq_worker', 'confirmed']]);
  });

  it('applies a correction as a change with history, and refuses a correction without one, a stale version or a person outside the area', async () => {
    const missing = await worker({ method: 'POST', url: `/api/persons/${ids['li']}/verify`, payload: { version: 1, outcome: 'corrected' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toMatchObject({ field: 'corrections' });
    const wrongOutcome = await worker({ method: 'POST', url: `/api/persons/${ids['li']}/verify`, payload: { version: 1, outcome: 'maybe' } });
    expect(wrongOutcome.statusCode).toBe(400);
    const stale = await worker({ method: 'POST', url: `/api/persons/${ids['li']}/verify`, payload: { version: 7, outcome: 'confirmed' } });
    expect(stale.json().error.code).toBe('PERSON_CHANGED');
    expect((await otherCenter({ method: 'POST', url: `/api/persons/${ids['li']}/verify`, payload: { version: 1, outcome: 'confirmed' } })).statusCode).toBe(404);
    const corrected = await worker({ method: 'POST', url: `/api/persons/${ids['li']}/verify`, payload: { version: 1, outcome: 'corrected', corrections: { address: '一组 5 号', phone: '13900001111' } } });
    expect(corrected.json()).toMatchObject({ version: 2, address: '一组 5 号', phone: '139****1111', verifiedAt: '2026-11-24T01:00:00.000Z' });
    const history = (await worker({ method: 'GET', url: `/api/persons/${ids['li']}/history` })).json().items as { version: number; reason: string | null }[];
    expect(history.at(-1)).toMatchObject({ version: 2, reason: '复核更正' });
  });

  it('makes the key groups due again sooner than everyone else', async () => {
    t.clock.advance(100 * DAY);
    // Sessions idle for months are long gone: sign in again each time the clock jumps.
    worker = as(t.app, await signInCookie(t.app, 'vq_worker'));
    expect(((await worker({ method: 'GET', url: '/api/persons/due' })).json().items as { id: string }[]).map((item) => item.id)).toEqual([ids['li']]);
    t.clock.advance(300 * DAY);
    worker = as(t.app, await signInCookie(t.app, 'vq_worker'));
    expect(((await worker({ method: 'GET', url: '/api/persons/due' })).json().items as { id: string }[]).map((item) => item.id).sort()).toEqual([ids['li'], ids['zhang']].sort());
    t.clock.advance(-400 * DAY);
    worker = as(t.app, await signInCookie(t.app, 'vq_worker'));
    center = as(t.app, await signInCookie(t.app, 'vq_center'));
    otherCenter = as(t.app, await signInCookie(t.app, 'vq_zy'));
  });

  it('reports quality per township, village and grid', async () => {
    const house = (await center({ method: 'POST', url: '/api/houses', payload: { gridId: grids.one, name: '一组 1 号', category: 'self_occupied' } })).json();
    await center({ method: 'POST', url: `/api/houses/${house.id}/verify`, payload: { version: 1, outcome: 'confirmed' } });
    await center({ method: 'POST', url: '/api/facilities', payload: { gridId: grids.two, name: '路灯', category: 'street_lamp' } });
    const gone = (await center({ method: 'POST', url: '/api/facilities', payload: { gridId: grids.two, name: '旧井盖', category: 'manhole' } })).json();
    await center({ method: 'PATCH', url: `/api/facilities/${gone.id}`, payload: { version: 1, state: 'removed', reason: '道路改造' } });
    const response = await center({ method: 'GET', url: '/api/persons/quality' });
    expect(response.statusCode).toBe(200);
    const rows = response.json().items as { level: string; name: string; path: string; people: number; completeness: Record<string, number | null>; invalid: number; possibleDuplicates: number; overdue: number; verifications: number; accuracy: number | null }[];
    expect(rows.map((row) => [row.level, row.name, row.people])).toEqual([
      ['township', '马踏镇', 4],
      ['village', '马踏村', 4],
      ['grid', '一组', 2],
      ['grid', '二组', 2],
    ]);
    const [township, , gridOne, gridTwo] = rows;
    expect(township).toMatchObject({ invalid: 0, possibleDuplicates: 2, overdue: 2, verifications: 2, accuracy: 50, completeness: { phone: 50, address: 50, hukouPlace: 25, ethnicity: 25, all: 25 } });
    expect(gridOne).toMatchObject({ overdue: 0, verifications: 2, accuracy: 50, possibleDuplicates: 0 });
    expect(gridTwo).toMatchObject({ overdue: 2, verifications: 0, accuracy: null, possibleDuplicates: 2 });
    expect(township).toMatchObject({ records: { household: 0, house: 1, organisation: 0, place: 0, facility: 1 }, recordsOverdue: 1 });
    expect(gridTwo).toMatchObject({ records: { facility: 1 }, recordsOverdue: 1 });
    const village = (await worker({ method: 'GET', url: '/api/persons/quality' })).json().items as { level: string }[];
    expect(village.map((row) => row.level)).toEqual(['village', 'grid', 'grid']);
    const otherVillage = await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', '/511124/511124102/511124102001/').executeTakeFirstOrThrow();
    expect((await center({ method: 'GET', url: `/api/persons/quality?villageId=${otherVillage.id}` })).statusCode).toBe(404);
    expect((await otherCenter({ method: 'GET', url: '/api/persons/quality' })).json().items).toEqual([]);
  });
});
