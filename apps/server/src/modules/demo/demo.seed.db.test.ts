// The demo county a new user meets on `npm start`: 井研县's real townships and villages, an
// account for every role placed where that role works, departments, and grids a worker can
// find themselves in.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROLES } from '@gridwork/core';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from './demo.seed.js';
import { DEMO_FLOATING_PEOPLE } from '../floating/floating.demo.js';

describeEachDialect('the demo county', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('is seeded once, with a login for every role', async () => {
    expect(await seedDemo(t.ctx)).toEqual({ seeded: true });
    expect(await seedDemo(t.ctx)).toEqual({ seeded: false });
    expect(new Set(DEMO_LOGINS.map((login) => login.role))).toEqual(new Set(ROLES));
  });

  it('places a township operator in 马踏镇 and the grid workers in 马踏村', async () => {
    const center = as(t.app, await signInCookie(t.app, 'center', DEMO_PASSWORD));
    const tree = await center({ method: 'GET', url: '/api/org-units' });
    expect(tree.json().items).toEqual([expect.objectContaining({ name: '马踏镇', path: '/511124/511124101/' })]);
    const worker = as(t.app, await signInCookie(t.app, 'worker', DEMO_PASSWORD));
    const me = await worker({ method: 'GET', url: '/api/auth/me' });
    expect(me.json().orgPath).toBe('/511124/511124101/511124101201/');
  });

  it('lets the full-time worker find the grid they stand in, with themselves assigned to it', async () => {
    const worker = as(t.app, await signInCookie(t.app, 'worker', DEMO_PASSWORD));
    const located = await worker({ method: 'GET', url: '/api/grids/locate?lon=104.005&lat=29.504' });
    expect(located.json().grid).toMatchObject({ code: 'G01', name: '一组网格', workers: [expect.objectContaining({ displayName: '专职网格员' })] });
  });

  it('has events at every stage, so each login finds work in its queue', async () => {
    const center = as(t.app, await signInCookie(t.app, 'center', DEMO_PASSWORD));
    const queue = (await center({ method: 'GET', url: '/api/events?view=center_queue' })).json().items as { status: string }[];
    expect(queue.map((item) => item.status).sort()).toEqual(['accepted', 'reported', 'reported']);
    const all = (await center({ method: 'GET', url: '/api/events?limit=100' })).json().items as { status: string }[];
    expect(new Set(all.map((item) => item.status))).toEqual(new Set(['reported', 'accepted', 'dispatched', 'signed', 'handled', 'closed']));
    const dept = as(t.app, await signInCookie(t.app, 'dept', DEMO_PASSWORD));
    const inbox = (await dept({ method: 'GET', url: '/api/events?view=department_inbox' })).json().items as { title: string }[];
    expect(inbox.map((item) => item.title)).toEqual(['山坡落石隐患', '夜间聚众喧哗']);
    // The late one carries its cards, and the station's ledger counts them.
    const late = (await dept({ method: 'GET', url: '/api/events?view=department_inbox&overdue=true' })).json().items as { id: string }[];
    expect(late).toHaveLength(1);
    const step = (await dept({ method: 'GET', url: `/api/events/${late[0]?.id}` })).json().step as { step: string; overdue: boolean; cards: string[] };
    expect({ ...step, cards: [...step.cards].sort() }).toMatchObject({ step: 'sign_for', overdue: true, cards: ['red', 'yellow'] });
    const worker = as(t.app, await signInCookie(t.app, 'worker', DEMO_PASSWORD));
    const toVerify = (await worker({ method: 'GET', url: '/api/events?status=handled' })).json().items as { id: string }[];
    expect(toVerify).toHaveLength(1);
    expect((await worker({ method: 'GET', url: `/api/events/${toVerify[0]?.id}` })).json().actions).toEqual(['verify_pass', 'verify_fail']);
  });

  it('has a generated registry of the demo village, found by the grid worker, masked', async () => {
    const worker = as(t.app, await signInCookie(t.app, 'worker', DEMO_PASSWORD));
    const rows = await t.ctx.db.kysely.selectFrom('person').select(['path']).execute();
    expect(rows).toHaveLength(DEMO_PEOPLE + DEMO_FLOATING_PEOPLE);
    expect(new Set(rows.map((row) => row.path))).toEqual(new Set(['/511124/511124101/511124101201/G01/', '/511124/511124101/511124101201/G02/', '/511124/511124101/511124101201/G03/']));
    const page = (await worker({ method: 'GET', url: '/api/persons?limit=5' })).json();
    expect(page.items).toHaveLength(5);
    expect(page.items[0].idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const households = (await worker({ method: 'GET', url: '/api/households?limit=100' })).json().items as { id: string; members: number }[];
    expect(households.length).toBeGreaterThan(50);
    expect(households.every((household) => household.members >= 1)).toBe(true);
    const members = (await worker({ method: 'GET', url: `/api/households/${households[0]?.id}/members` })).json().items as { relation: string }[];
    expect(members.filter((member) => member.relation === 'head')).toHaveLength(1);
    expect((await worker({ method: 'GET', url: '/api/facilities?state=damaged' })).json().items).toHaveLength(1);
    expect((await worker({ method: 'GET', url: '/api/organisations' })).json().items).toHaveLength(2);
  });

  it('has floating people from several provinces in rental houses, one permit expiring this month, and departures over past months', async () => {
    const center = as(t.app, await signInCookie(t.app, 'center', DEMO_PASSWORD));
    const stats = (await center({ method: 'GET', url: '/api/floating/stats' })).json();
    expect(stats.byOriginProvince.length).toBeGreaterThanOrEqual(5);
    expect(stats.monthly.filter((month: { departures: number }) => month.departures > 0).length).toBeGreaterThanOrEqual(3);
    expect((await center({ method: 'GET', url: '/api/floating?permitExpiringWithinDays=30' })).json().items).toEqual([expect.objectContaining({ personName: '陈建华', isRental: true })]);
    const present = (await center({ method: 'GET', url: '/api/floating?status=present&limit=100' })).json().items as { landlordId: string | null }[];
    const landlordId = present.find((item) => item.landlordId)?.landlordId;
    const landlord = (await center({ method: 'GET', url: `/api/landlords/${landlordId}` })).json();
    expect(landlord.houses.some((house: { tenants: unknown[] }) => house.tenants.length > 0)).toBe(true);
  });

  it('has the township’s departments for the police station’s handler to sign in to', async () => {
    const county = as(t.app, await signInCookie(t.app, 'county', DEMO_PASSWORD));
    const list = await county({ method: 'GET', url: '/api/departments' });
    expect((list.json().items as { name: string }[]).map((item) => item.name)).toEqual(expect.arrayContaining(['马踏镇派出所', '县应急管理局']));
    const dept = as(t.app, await signInCookie(t.app, 'dept', DEMO_PASSWORD));
    expect((await dept({ method: 'GET', url: '/api/auth/me' })).json()).toMatchObject({ displayName: '派出所经办人' });
  });
});
