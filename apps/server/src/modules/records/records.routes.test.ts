// The registry beside people: households with their members, houses (rentals and their tenants),
// organisations with a checked credit code, key places and facilities; each in a grid of the
// caller's scope, with its history, closed with a reason rather than deleted.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '@gridwork/core';
import { anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

type Call = ReturnType<typeof as>;
const CREDIT_CODE = '91511124MA62A1B2C' + creditCodeCheckCharacter('91511124MA62A1B2C');

describeEachDialect('households, houses, organisations, places and facilities', (dialect) => {
  let t: TestApp;
  let worker: Call;
  let otherCenter: Call;
  let gridId: string;
  const people: Record<string, string> = {};
  let shopId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    await anAccount(t.ctx, { username: 'rc_worker', role: 'grid_worker_fulltime', orgPath: '/511124/511124101/511124101001/' });
    await anAccount(t.ctx, { username: 'rc_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    await anAccount(t.ctx, { username: 'rc_zy', role: 'center_operator', orgPath: '/511124/511124102/' });
    worker = as(t.app, await signInCookie(t.app, 'rc_worker'));
    otherCenter = as(t.app, await signInCookie(t.app, 'rc_zy'));
    const center = as(t.app, await signInCookie(t.app, 'rc_center'));
    const village = await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', '/511124/511124101/511124101001/').executeTakeFirstOrThrow();
    gridId = (await center({ method: 'POST', url: '/api/grids', payload: { villageId: village.id, name: '一组' } })).json().id as string;
    for (const [key, name, idNumber] of [
      ['father', '王建国', '511124198001010010'],
      ['mother', '李秀英', '511124198001010029'],
      ['son', '王小明', '51112420150615003X'],
    ] as const) {
      people[key] = (await worker({ method: 'POST', url: '/api/persons', payload: { gridId, name, idType: 'resident_id', idNumber, residenceStatus: 'registered' } })).json().id as string;
    }
  });
  afterAll(async () => t.close());

  it('registers an organisation with its credit code checked, contact phone sealed and masked', async () => {
    const created = await worker({ method: 'POST', url: '/api/organisations', payload: { gridId, name: '马踏村惠民超市', category: 'individual_business', key: CREDIT_CODE.toLowerCase(), address: '马踏村一组 3 号', legalRepresentative: '王建国', staffCount: 4, contactPhone: '13800001234' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'organisation', key: CREDIT_CODE, state: 'active', legalRepresentative: '王建国', staffCount: 4, contactPhone: '138****1234', path: '/511124/511124101/511124101001/G01/' });
    shopId = created.json().id as string;
    const row = await t.ctx.db.kysely.selectFrom('registry_record').select('contact_sealed').where('id', '=', shopId).executeTakeFirstOrThrow();
    expect(row.contact_sealed).not.toContain('13800001234');
    const wrong = await worker({ method: 'POST', url: '/api/organisations', payload: { gridId, name: '错码商店', category: 'enterprise', key: `${CREDIT_CODE.slice(0, 17)}${CREDIT_CODE[17] === '0' ? '1' : '0'}` } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'CREDIT_CODE_INVALID', details: { field: 'key', problem: 'check_character' }, message: '统一社会信用代码不正确：校验码不符，请核对每一位' });
    const twice = await worker({ method: 'POST', url: '/api/organisations', payload: { gridId, name: '重复', category: 'enterprise', key: CREDIT_CODE } });
    expect(twice.json().error.code).toBe('RECORD_KEY_TAKEN');
    const badCategory = await worker({ method: 'POST', url: '/api/houses', payload: { gridId, name: '一组 5 号', category: 'school' } });
    expect(badCategory.statusCode).toBe(400);
    expect(JSON.stringify(badCategory.json().error.details)).toContain('body.category');
  });

  it('finds records by key, name and address within scope, and hides them outside it', async () => {
    expect((await worker({ method: 'GET', url: `/api/organisations?key=${CREDIT_CODE}` })).json().items).toEqual([expect.objectContaining({ id: shopId })]);
    expect((await worker({ method: 'GET', url: `/api/organisations?name=${encodeURIComponent('马踏')}` })).json().items).toHaveLength(1);
    expect((await worker({ method: 'GET', url: `/api/organisations?address=${encodeURIComponent('3 号')}` })).json().items).toHaveLength(1);
    expect((await otherCenter({ method: 'GET', url: '/api/organisations' })).json().items).toEqual([]);
    expect((await otherCenter({ method: 'GET', url: `/api/organisations/${shopId}` })).statusCode).toBe(404);
    expect((await otherCenter({ method: 'PATCH', url: `/api/organisations/${shopId}`, payload: { version: 1, name: 'x' } })).statusCode).toBe(404);
    expect((await worker({ method: 'GET', url: '/api/organisations?state=gone' })).statusCode).toBe(400);
  });

  it('closes an organisation only with a reason, keeping every change', async () => {
    const noReason = await worker({ method: 'PATCH', url: `/api/organisations/${shopId}`, payload: { version: 1, state: 'closed' } });
    expect(noReason.json().error).toMatchObject({ code: 'RECORD_END_REASON_REQUIRED', details: { field: 'reason' } });
    const closed = await worker({ method: 'PATCH', url: `/api/organisations/${shopId}`, payload: { version: 1, state: 'closed', reason: '店主外出务工，已停业' } });
    expect(closed.json()).toMatchObject({ state: 'closed', stateReason: '店主外出务工，已停业', version: 2 });
    expect((await worker({ method: 'PATCH', url: `/api/organisations/${shopId}`, payload: { version: 1, staffCount: 2 } })).json().error.code).toBe('RECORD_CHANGED');
    const history = (await worker({ method: 'GET', url: `/api/organisations/${shopId}/history` })).json().items as { version: number; action: string; reason: string | null; changes: Record<string, unknown> }[];
    expect(history.map((entry) => [entry.version, entry.action, entry.reason])).toEqual([
      [1, 'created', null],
      [2, 'closed', '店主外出务工，已停业'],
    ]);
    expect(history[1]?.changes).toEqual({ state: ['active', 'closed'], stateReason: [null, '店主外出务工，已停业'] });
  });

  it('keeps a household with exactly one head, and shows it on each member’s page', async () => {
    const household = (await worker({ method: 'POST', url: '/api/households', payload: { gridId, name: '王建国户', category: 'family', key: 'MT-001-012', address: '马踏村一组 12 号' } })).json();
    const url = `/api/households/${household.id}/members`;
    const twoHeads = await worker({ method: 'PUT', url, payload: { members: [{ personId: people['father'], relation: 'head' }, { personId: people['mother'], relation: 'head' }] } });
    expect(twoHeads.json().error.code).toBe('HOUSEHOLD_HEAD_REQUIRED');
    const wrongRelation = await worker({ method: 'PUT', url, payload: { members: [{ personId: people['father'], relation: 'tenant' }] } });
    expect(wrongRelation.statusCode).toBe(400);
    const set = await worker({ method: 'PUT', url, payload: { members: [{ personId: people['father'], relation: 'head' }, { personId: people['mother'], relation: 'spouse' }, { personId: people['son'], relation: 'child' }] } });
    expect(set.statusCode).toBe(200);
    expect((set.json().items as { name: string; relation: string; idNumber: string }[]).map((member) => [member.name, member.relation])).toEqual([
      ['王建国', 'head'],
      ['李秀英', 'spouse'],
      ['王小明', 'child'],
    ]);
    expect((await worker({ method: 'GET', url: `/api/households/${household.id}` })).json().members).toBe(3);
    expect((await worker({ method: 'GET', url: `/api/persons/${people['son']}/records` })).json().items).toEqual([{ recordId: household.id, kind: 'household', name: '王建国户', relation: 'child' }]);
    expect((await otherCenter({ method: 'PUT', url, payload: { members: [] } })).statusCode).toBe(404);
    expect((await otherCenter({ method: 'GET', url: `/api/persons/${people['son']}/records` })).statusCode).toBe(404);
  });

  it('keeps rental houses with their tenants, key places and facilities with their state', async () => {
    const house = (await worker({ method: 'POST', url: '/api/houses', payload: { gridId, name: '马踏村一组 20 号', category: 'rental', contactName: '王建国', contactPhone: '0833-3712345' } })).json();
    expect(house).toMatchObject({ category: 'rental', contactPhone: '0833-*****45' });
    await worker({ method: 'PUT', url: `/api/houses/${house.id}/members`, payload: { members: [{ personId: people['father'], relation: 'owner' }, { personId: people['mother'], relation: 'tenant' }] } });
    expect((await worker({ method: 'GET', url: '/api/houses?category=rental' })).json().items).toEqual([expect.objectContaining({ id: house.id, members: 2 })]);
    const school = await worker({ method: 'POST', url: '/api/places', payload: { gridId, name: '马踏小学', category: 'school', lon: 104.01, lat: 29.5 } });
    expect(school.json()).toMatchObject({ category: 'school', lon: 104.01 });
    const lamp = (await worker({ method: 'POST', url: '/api/facilities', payload: { gridId, name: '村口路灯', category: 'street_lamp', key: 'LD-0001' } })).json();
    await worker({ method: 'PATCH', url: `/api/facilities/${lamp.id}`, payload: { version: 1, state: 'damaged' } });
    expect((await worker({ method: 'GET', url: '/api/facilities?state=damaged' })).json().items).toEqual([expect.objectContaining({ id: lamp.id, key: 'LD-0001' })]);
    expect((await worker({ method: 'PUT', url: `/api/places/${school.json().id}/members`, payload: { members: [] } })).statusCode).toBe(404);
    const verified = await worker({ method: 'POST', url: `/api/places/${school.json().id}/verify`, payload: { version: 1, outcome: 'confirmed' } });
    expect(verified.json()).toMatchObject({ verifiedAt: '2026-11-24T01:00:00.000Z', version: 1 });
    expect((await worker({ method: 'POST', url: `/api/places/${school.json().id}/verify`, payload: { version: 3, outcome: 'confirmed' } })).json().error.code).toBe('RECORD_CHANGED');
    expect((await otherCenter({ method: 'POST', url: `/api/places/${school.json().id}/verify`, payload: { version: 1, outcome: 'confirmed' } })).statusCode).toBe(404);
    expect((await worker({ method: 'POST', url: `/api/places/${school.json().id}/verify`, payload: { version: 1, outcome: 'sure' } })).statusCode).toBe(400);
    const due = (await worker({ method: 'GET', url: `/api/registry/due?gridId=${gridId}&limit=100` })).json().items as { id: string; kind: string }[];
    expect(due.some((item) => item.id === school.json().id)).toBe(false);
    expect(due.some((item) => item.id === lamp.id)).toBe(true);
    expect(due.some((item) => item.id === shopId)).toBe(false);
    expect((await otherCenter({ method: 'GET', url: `/api/registry/due?gridId=${gridId}` })).statusCode).toBe(404);
  });
});
