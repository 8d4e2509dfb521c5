// What the county counts and what each person is told: the monthly card ledger per unit, the
// grid workers' report quotas, and the inbox.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aDepartment, anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { createEventCardsService } from './event-cards.service.js';

type Call = ReturnType<typeof as>;

describeEachDialect('cards, quotas and the inbox', (dialect) => {
  let t: TestApp;
  let worker: Call;
  let fulltime: Call;
  let center: Call;
  let police: Call;
  let otherCenter: Call;
  let policeId: string;
  let counter = 0;
  const report = (call: Call) =>
    call({ method: 'POST', url: '/api/events', payload: { clientKey: `ledger-${(counter += 1)}-key`, title: '占道经营', description: '', categoryCode: 'sanitation', address: '马踏村口' } });

  beforeAll(async () => {
    t = await createTestApp(dialect, { quotas: { parttime: 2, fulltime: 5 } });
    await aSmallCounty(t.ctx);
    policeId = await aDepartment(t.ctx, '马踏镇派出所', '/511124/511124101/');
    await anAccount(t.ctx, { username: 'lg_worker', role: 'grid_worker_parttime', orgPath: '/511124/511124101/511124101001/' });
    await anAccount(t.ctx, { username: 'lg_full', role: 'grid_worker_fulltime', orgPath: '/511124/511124101/511124101001/' });
    await anAccount(t.ctx, { username: 'lg_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    await anAccount(t.ctx, { username: 'lg_police', role: 'dept_handler', orgPath: '/511124/511124101/', departmentId: policeId });
    await anAccount(t.ctx, { username: 'lg_zy', role: 'center_operator', orgPath: '/511124/511124102/' });
    worker = as(t.app, await signInCookie(t.app, 'lg_worker'));
    fulltime = as(t.app, await signInCookie(t.app, 'lg_full'));
    center = as(t.app, await signInCookie(t.app, 'lg_center'));
    police = as(t.app, await signInCookie(t.app, 'lg_police'));
    otherCenter = as(t.app, await signInCookie(t.app, 'lg_zy'));
  });
  afterAll(async () => t.close());

  it('counts a part-time worker’s valid reports against the target, leaving out rejected ones', async () => {
    await report(worker);
    const rejected = (await report(worker)).json().id as string;
    await center({ method: 'POST', url: `/api/events/${rejected}/actions`, payload: { action: 'reject', note: '重复上报' } });
    const below = await center({ method: 'GET', url: '/api/event-quotas?month=2026-11' });
    expect(below.json().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ displayName: expect.stringContaining('lg_worker'), reported: 1, target: 2, met: false }),
        expect.objectContaining({ displayName: expect.stringContaining('lg_full'), reported: 0, target: 5, met: false }),
      ]),
    );
    await report(worker);
    const own = await worker({ method: 'GET', url: '/api/event-quotas' });
    expect(own.json().items).toEqual([expect.objectContaining({ reported: 2, target: 2, met: true })]);
    expect((await fulltime({ method: 'GET', url: '/api/event-quotas' })).json().items).toHaveLength(1);
    expect((await otherCenter({ method: 'GET', url: '/api/event-quotas' })).json().items).toEqual([]);
    expect((await center({ method: 'GET', url: '/api/event-quotas?month=2026-11' })).json().items.length).toBe(2);
    expect((await center({ method: 'GET', url: '/api/event-quotas?month=2026-13' })).statusCode).toBe(400);
    expect((await center({ method: 'GET', url: '/api/event-quotas?month=2026-10' })).json().items.every((row: { reported: number }) => row.reported === 0)).toBe(true);
  });

  it('keeps a ledger of cards per unit for the month, seen by the unit’s township and the department', async () => {
    const id = (await report(worker)).json().id as string;
    await center({ method: 'POST', url: `/api/events/${id}/actions`, payload: { action: 'accept' } });
    const dispatched = (await center({ method: 'POST', url: `/api/events/${id}/actions`, payload: { action: 'dispatch', leadDepartmentId: policeId } })).json();
    expect(await createEventCardsService(t.ctx).sweep(new Date(Date.parse(dispatched.step.deadline) + 60_000).toISOString())).toMatchObject({ issued: 1 });
    const ledger = await center({ method: 'GET', url: '/api/cards?month=2026-11' });
    expect(ledger.json().items).toEqual([expect.objectContaining({ eventId: id, level: 'yellow', step: 'sign_for', unit: expect.objectContaining({ kind: 'department', id: policeId, name: '马踏镇派出所' }) })]);
    expect(ledger.json().totals).toEqual([{ unitPath: '/511124/511124101/', name: '马踏镇派出所', yellow: 1, red: 0 }]);
    expect((await otherCenter({ method: 'GET', url: '/api/cards?month=2026-11' })).json().items).toEqual([]);
    expect((await worker({ method: 'GET', url: '/api/cards' })).statusCode).toBe(403);
  });

  it('tells the department of a dispatch and of its card, and marks a message read', async () => {
    const inbox = await police({ method: 'GET', url: '/api/inbox' });
    const kinds = (inbox.json().items as { kind: string }[]).map((item) => item.kind);
    expect(kinds).toEqual(expect.arrayContaining(['dispatch', 'card']));
    expect(inbox.json().unread).toBe(kinds.length);
    const first = inbox.json().items[0].id as string;
    expect((await police({ method: 'POST', url: `/api/inbox/${first}/read` })).statusCode).toBe(204);
    expect((await police({ method: 'GET', url: '/api/inbox?unread=true' })).json().unread).toBe(kinds.length - 1);
    const bad = await police({ method: 'GET', url: '/api/inbox?limit=0&unread=maybe' });
    expect((bad.json().error.details.fields as { field: string }[]).map((field) => field.field).sort()).toEqual(['querystring.limit', 'querystring.unread']);
    expect((await center({ method: 'GET', url: '/api/cards?month=11-2026' })).json().error.details.fields[0]).toMatchObject({ field: 'querystring.month' });
    // Nobody reads another's messages.
    expect((await center({ method: 'POST', url: `/api/inbox/${first}/read` })).statusCode).toBe(404);
    const sms = await t.ctx.db.kysely.selectFrom('sms_outbox').select('text').execute();
    expect(sms.some((row) => row.text.startsWith('【网格平台】新派遣事件'))).toBe(true);
  });
});
