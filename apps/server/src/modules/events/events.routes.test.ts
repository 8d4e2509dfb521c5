// The closed loop of 网格事件流转办理 as a township lives it: a grid worker reports from the field
// (retrying on a weak signal), the sub-center accepts and dispatches, the police station signs for
// and handles, the grid worker verifies; every wrong step is refused, every late one is carded.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aDepartment, anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { createEventCardsService } from './event-cards.service.js';

/** The smallest valid PNG: a 1×1 pixel. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

type Call = ReturnType<typeof as>;

describeEachDialect('the event workflow', (dialect) => {
  let t: TestApp;
  let worker: Call;
  let center: Call;
  let police: Call;
  let judicial: Call;
  let otherCenter: Call;
  let county: Call;
  let policeId: string;
  let gridId: string;
  let keyCounter = 0;
  const key = () => `k${Date.now().toString(36)}${(keyCounter += 1)}x`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    policeId = await aDepartment(t.ctx, '马踏镇派出所', '/511124/511124101/');
    const judicialId = await aDepartment(t.ctx, '竹园镇司法所', '/511124/511124102/');
    await anAccount(t.ctx, { username: 'ev_worker', role: 'grid_worker_parttime', orgPath: '/511124/511124101/511124101001/' });
    await anAccount(t.ctx, { username: 'ev_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    await anAccount(t.ctx, { username: 'ev_police', role: 'dept_handler', orgPath: '/511124/511124101/', departmentId: policeId });
    await anAccount(t.ctx, { username: 'ev_judicial', role: 'dept_handler', orgPath: '/511124/511124102/', departmentId: judicialId });
    await anAccount(t.ctx, { username: 'ev_zy', role: 'center_operator', orgPath: '/511124/511124102/' });
    await anAccount(t.ctx, { username: 'ev_county', role: 'county_admin', orgPath: '/511124/' });
    worker = as(t.app, await signInCookie(t.app, 'ev_worker'));
    center = as(t.app, await signInCookie(t.app, 'ev_center'));
    police = as(t.app, await signInCookie(t.app, 'ev_police'));
    judicial = as(t.app, await signInCookie(t.app, 'ev_judicial'));
    otherCenter = as(t.app, await signInCookie(t.app, 'ev_zy'));
    county = as(t.app, await signInCookie(t.app, 'ev_county'));
    const village = await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', '/511124/511124101/511124101001/').executeTakeFirstOrThrow();
    const square = { type: 'Polygon', coordinates: [[[104.0, 29.5], [104.01, 29.5], [104.01, 29.51], [104.0, 29.51], [104.0, 29.5]]] };
    const grid = await center({ method: 'POST', url: '/api/grids', payload: { villageId: village.id, name: '一组网格', boundary: square } });
    gridId = grid.json().id as string;
  });
  afterAll(async () => t.close());

  const report = (call: Call, overrides: Record<string, unknown> = {}) =>
    call({ method: 'POST', url: '/api/events', payload: { clientKey: key(), title: '路灯损坏', description: '村口路灯不亮', categoryCode: 'livelihood', lon: 104.005, lat: 29.505, ...overrides } });
  const act = (call: Call, id: string, payload: Record<string, unknown>) => call({ method: 'POST', url: `/api/events/${id}/actions`, payload });

  it('has the standard catalogue, 安全隐患 with its sub-kinds', async () => {
    const response = await worker({ method: 'GET', url: '/api/event-categories' });
    const items = response.json().items as { code: string; parentCode: string | null; name: string }[];
    expect(items.find((item) => item.code === 'dispute')).toMatchObject({ name: '矛盾纠纷', parentCode: null });
    expect(items.filter((item) => item.parentCode === 'safety_hazard').length).toBeGreaterThanOrEqual(5);
  });

  it('files a grid worker’s report in the grid of its GPS point', async () => {
    const response = await report(worker);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ status: 'reported', source: 'grid_worker', gridId, gridName: '一组网格', path: '/511124/511124101/511124101001/G01/', categoryName: '民生服务' });
  });

  it('answers a report with the same view of the event as a later read, photos included', async () => {
    const upload = await worker({ method: 'POST', url: '/api/photos', headers: { 'content-type': 'image/png' }, payload: PNG });
    for (const overrides of [{}, { photoIds: [upload.json().id as string] }, { lon: undefined, lat: undefined, address: '村委会门口' }]) {
      const answer = (await report(worker, overrides)).json();
      const read = await worker({ method: 'GET', url: `/api/events/${answer.id as string}` });
      expect(read.json()).toEqual(answer);
    }
  });

  it('returns the first event for a retry with the same client key, and refuses the key for other content', async () => {
    const clientKey = key();
    const body = { clientKey, title: '垃圾堆放', description: '路边垃圾', categoryCode: 'sanitation', lon: 104.005, lat: 29.505 };
    const first = await worker({ method: 'POST', url: '/api/events', payload: body });
    const retry = await worker({ method: 'POST', url: '/api/events', payload: body });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(first.json().id);
    const count = await t.ctx.db.kysely.selectFrom('event').select((eb) => eb.fn.countAll<number>().as('n')).where('client_key', '=', clientKey).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    const reused = await worker({ method: 'POST', url: '/api/events', payload: { ...body, title: '别的事' } });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses a report without a place, with an unknown category, or with a missing field, saying which', async () => {
    const noPlace = await report(worker, { lon: undefined, lat: undefined });
    expect(noPlace.json().error).toMatchObject({ code: 'EVENT_LOCATION_REQUIRED', message: '请给出事件位置：定位坐标或地址' });
    const unknown = await report(worker, { categoryCode: 'ufo' });
    expect(unknown.json().error.code).toBe('UNKNOWN_EVENT_CATEGORY');
    const noTitle = await worker({ method: 'POST', url: '/api/events', payload: { clientKey: key(), description: '', categoryCode: 'other', address: '村口' } });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error.details.fields[0]).toMatchObject({ field: 'body.title', rule: 'required' });
    const badGrid = await report(worker, { gridId: 'nope' });
    expect(badGrid.json().error.code).toBe('EVENT_GRID_INVALID');
  });

  it('walks the whole loop: accept, dispatch, sign for, handle, verify, close; with a timeline and an inbox', async () => {
    const id = (await report(worker)).json().id as string;
    expect((await act(center, id, { action: 'accept' })).json()).toMatchObject({ status: 'accepted', actions: expect.arrayContaining(['dispatch']) });
    const dispatched = await act(center, id, { action: 'dispatch', leadDepartmentId: policeId });
    expect(dispatched.json()).toMatchObject({ status: 'dispatched', leadDepartment: { id: policeId, name: '马踏镇派出所' }, step: { step: 'sign_for', overdue: false } });
    // livelihood: sign for within 24 hours.
    expect(Date.parse(dispatched.json().step.deadline) - Date.parse(dispatched.json().step.startedAt)).toBe(24 * 3600_000);
    const inbox = await t.ctx.db.kysely.selectFrom('inbox_message').innerJoin('account', 'account.id', 'inbox_message.account_id').select(['inbox_message.kind', 'inbox_message.text']).where('account.username', '=', 'ev_police').where('inbox_message.event_id', '=', id).execute();
    expect(inbox).toEqual([{ kind: 'dispatch', text: '新派遣事件“路灯损坏”，请及时签收' }]);
    expect((await police({ method: 'GET', url: `/api/events/${id}` })).json().actions).toEqual(['return', 'sign_for']);
    const signed = await act(police, id, { action: 'sign_for' });
    expect(signed.json()).toMatchObject({ status: 'signed', step: { step: 'handle' } });
    expect((await act(police, id, { action: 'handle', result: '已更换灯泡' })).json().status).toBe('handled');
    const closed = await act(worker, id, { action: 'verify_pass' });
    expect(closed.json()).toMatchObject({ status: 'closed', step: null });
    expect(closed.json().closedAt).not.toBeNull();
    const timeline = await center({ method: 'GET', url: `/api/events/${id}/timeline` });
    expect((timeline.json().items as { action: string }[]).map((entry) => entry.action)).toEqual(['report', 'accept', 'dispatch', 'sign_for', 'handle', 'verify_pass']);
    expect(timeline.json().items[4]).toMatchObject({ fromStatus: 'signed', toStatus: 'handled', details: { result: '已更换灯泡' }, actor: { role: 'dept_handler' } });
  });

  it('refuses an illegal step with 409, a step that is not the caller’s with 403, and a missing note with 400', async () => {
    const id = (await report(worker)).json().id as string;
    const early = await act(police, id, { action: 'sign_for' });
    // The police station cannot even see an event not dispatched to it.
    expect(early.statusCode).toBe(404);
    const wrong = await act(center, id, { action: 'handle', result: 'x' });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error).toMatchObject({ code: 'EVENT_TRANSITION_INVALID', message: '事件当前为“待受理”，不能办理' });
    const notYours = await act(worker, id, { action: 'accept' });
    expect(notYours.statusCode).toBe(403);
    expect(notYours.json().error.code).toBe('EVENT_ACTION_NOT_YOURS');
    const noReason = await act(center, id, { action: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error).toMatchObject({ code: 'EVENT_FIELD_REQUIRED', message: '不予受理需要填写“说明”' });
    const english = await center({ method: 'POST', url: `/api/events/${id}/actions`, headers: { 'accept-language': 'en-US' }, payload: { action: 'reject' } });
    expect(english.json().error.message).toBe('Reject needs a note');
    const badAction = await act(center, id, { action: 'teleport' });
    expect(badAction.json().error.details.fields[0]).toMatchObject({ field: 'body.action' });
  });

  it('sends a returned event back to the center, and a failed verification back to the department', async () => {
    const id = (await report(worker)).json().id as string;
    await act(center, id, { action: 'accept' });
    await act(center, id, { action: 'dispatch', leadDepartmentId: policeId });
    const returned = await act(police, id, { action: 'return', note: '不属于本所职责' });
    expect(returned.json().status).toBe('accepted');
    expect((await police({ method: 'GET', url: `/api/events/${id}` })).statusCode).toBe(404);
    await act(center, id, { action: 'dispatch', leadDepartmentId: policeId });
    await act(police, id, { action: 'sign_for' });
    await act(police, id, { action: 'handle', result: '已处理' });
    const failed = await act(worker, id, { action: 'verify_fail', note: '现场仍未处理' });
    expect(failed.json()).toMatchObject({ status: 'signed', step: { step: 'handle' } });
  });

  it('refuses a department that does not serve the event’s township', async () => {
    const id = (await report(worker)).json().id as string;
    await act(center, id, { action: 'accept' });
    const judicialId = (await t.ctx.db.kysely.selectFrom('department').select('id').where('name', '=', '竹园镇司法所').executeTakeFirstOrThrow()).id;
    const response = await act(center, id, { action: 'dispatch', leadDepartmentId: judicialId });
    expect(response.json().error.code).toBe('EVENT_DEPARTMENT_INVALID');
  });

  it('merges a duplicate, and lets the county supervise and the center escalate', async () => {
    const original = (await report(worker)).json().id as string;
    const duplicate = (await report(worker)).json().id as string;
    expect((await act(center, duplicate, { action: 'merge', duplicateOfId: original })).json().status).toBe('merged');
    expect((await act(center, original, { action: 'merge', duplicateOfId: original })).json().error.code).toBe('EVENT_DUPLICATE_INVALID');
    expect((await act(center, original, { action: 'escalate', note: '涉及多个部门' })).json()).toMatchObject({ status: 'reported', escalated: true });
    // Escalated: the county decides now, not the township.
    expect((await act(center, original, { action: 'accept' })).statusCode).toBe(403);
    expect((await act(county, original, { action: 'supervise', note: '请加快办理' })).json().status).toBe('reported');
    expect((await act(county, original, { action: 'accept' })).json().status).toBe('accepted');
  });

  it('lets a grid worker resolve on the spot only where the catalogue allows, and only with a photo', async () => {
    const upload = await worker({ method: 'POST', url: '/api/photos', headers: { 'content-type': 'image/png' }, payload: PNG });
    expect(upload.statusCode).toBe(201);
    const photoId = upload.json().id as string;
    const hazard = (await report(worker, { categoryCode: 'hazard_fire' })).json().id as string;
    expect((await act(worker, hazard, { action: 'resolve_on_spot', result: '已灭火', photoIds: [photoId] })).json().error.code).toBe('EVENT_ON_SPOT_NOT_ALLOWED');
    const small = (await report(worker, { categoryCode: 'dispute' })).json().id as string;
    expect((await act(worker, small, { action: 'resolve_on_spot', result: '已调解' })).json().error.code).toBe('EVENT_PHOTO_REQUIRED');
    const resolved = await act(worker, small, { action: 'resolve_on_spot', result: '已调解', photoIds: [photoId] });
    expect(resolved.json()).toMatchObject({ status: 'closed', photos: [{ id: photoId, stage: 'resolve_on_spot' }] });
  });

  it('hides events outside the caller’s scope: another township and another department get 404', async () => {
    const id = (await report(worker)).json().id as string;
    expect((await otherCenter({ method: 'GET', url: `/api/events/${id}` })).statusCode).toBe(404);
    expect((await otherCenter({ method: 'GET', url: `/api/events/${id}/timeline` })).statusCode).toBe(404);
    expect((await act(otherCenter, id, { action: 'accept' })).statusCode).toBe(404);
    expect((await judicial({ method: 'GET', url: `/api/events/${id}` })).statusCode).toBe(404);
    const list = await otherCenter({ method: 'GET', url: '/api/events' });
    expect((list.json().items as { id: string }[]).some((item) => item.id === id)).toBe(false);
  });

  it('lists events newest first in keyset pages, and the queues of the center and the department', async () => {
    const first = await center({ method: 'GET', url: '/api/events?limit=2' });
    expect(first.json().items).toHaveLength(2);
    const second = await center({ method: 'GET', url: `/api/events?limit=2&after=${first.json().nextCursor}` });
    const ids = [...first.json().items, ...second.json().items].map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(4);
    expect([...ids].sort().reverse()).toEqual(ids);
    const queue = await center({ method: 'GET', url: '/api/events?view=center_queue&limit=100' });
    expect((queue.json().items as { status: string }[]).every((item) => ['reported', 'accepted'].includes(item.status))).toBe(true);
    const inbox = await police({ method: 'GET', url: '/api/events?view=department_inbox' });
    expect((inbox.json().items as { status: string }[]).every((item) => ['dispatched', 'signed'].includes(item.status))).toBe(true);
    const bad = await center({ method: 'GET', url: '/api/events?from=2026-13-01' });
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'querystring.from' });
  });

  it('gives a late sign-for a yellow card past its deadline and a red one past 150%, each once, also after a restart', async () => {
    const id = (await report(worker)).json().id as string;
    await act(center, id, { action: 'accept' });
    const dispatched = (await act(center, id, { action: 'dispatch', leadDepartmentId: policeId })).json();
    const start = Date.parse(dispatched.step.startedAt);
    const at = (hours: number) => new Date(start + hours * 3600_000).toISOString();
    const cardsOf = () => t.ctx.db.kysely.selectFrom('event_card').select(['level', 'step', 'department_id', 'month']).where('event_id', '=', id).orderBy('level', 'desc').execute();
    await createEventCardsService(t.ctx).sweep(at(23));
    expect(await cardsOf()).toEqual([]);
    await createEventCardsService(t.ctx).sweep(at(25));
    await createEventCardsService(t.ctx).sweep(at(26));
    expect(await cardsOf()).toEqual([{ level: 'yellow', step: 'sign_for', department_id: policeId, month: '2026-11' }]);
    // A fresh service, as after a restart, and two sweeps at once: still one red card.
    await Promise.all([createEventCardsService(t.ctx).sweep(at(37)), createEventCardsService(t.ctx).sweep(at(37))]);
    expect((await cardsOf()).map((card) => card.level)).toEqual(['yellow', 'red']);
    const view = await police({ method: 'GET', url: `/api/events/${id}` });
    expect(view.json().step.cards).toEqual(expect.arrayContaining(['yellow', 'red']));
    // Signing for starts a new step: no card yet.
    expect((await act(police, id, { action: 'sign_for' })).json().step.cards).toEqual([]);
  });
  it('reminds the department once as the sign-for enters its last quarter', async () => {
    const id = (await report(worker)).json().id as string;
    await act(center, id, { action: 'accept' });
    const dispatched = (await act(center, id, { action: 'dispatch', leadDepartmentId: policeId })).json();
    const at = (hours: number) => new Date(Date.parse(dispatched.step.startedAt) + hours * 3600_000).toISOString();
    const reminders = () => t.ctx.db.kysely.selectFrom('inbox_message').select('text').where('event_id', '=', id).where('kind', '=', 'near_deadline').execute();
    expect(await createEventCardsService(t.ctx).sweep(at(17))).toMatchObject({ reminded: 0 });
    expect(await createEventCardsService(t.ctx).sweep(at(19))).toMatchObject({ reminded: 1 });
    await createEventCardsService(t.ctx).sweep(at(20));
    expect(await reminders()).toEqual([{ text: expect.stringMatching(/^事件“路灯损坏”签收即将到期（\d+月\d+日 \d{2}:\d{2}）$/) }]);
  });
});

describeEachDialect('photos', (dialect) => {
  let t: TestApp;
  let worker: Call;
  let stranger: Call;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    await anAccount(t.ctx, { username: 'ph_worker', role: 'grid_worker_parttime', orgPath: '/511124/511124101/511124101001/' });
    await anAccount(t.ctx, { username: 'ph_zy', role: 'center_operator', orgPath: '/511124/511124102/' });
    await anAccount(t.ctx, { username: 'ph_audit', role: 'audit_admin', orgPath: '/511124/' });
    worker = as(t.app, await signInCookie(t.app, 'ph_worker'));
    stranger = as(t.app, await signInCookie(t.app, 'ph_zy'));
  });
  afterAll(async () => t.close());

  it('names a photo by the SHA-256 of its bytes and stores one copy however often it is sent', async () => {
    const first = await worker({ method: 'POST', url: '/api/photos', headers: { 'content-type': 'image/png' }, payload: PNG });
    const again = await worker({ method: 'POST', url: '/api/photos', headers: { 'content-type': 'application/octet-stream' }, payload: PNG });
    expect(first.json()).toMatchObject({ id: createHash('sha256').update(PNG).digest('hex'), mime: 'image/png', bytes: PNG.length });
    expect(again.json().id).toBe(first.json().id);
  });

  it('judges the bytes, not the declared type, and refuses more than 10 MB', async () => {
    const text = await worker({ method: 'POST', url: '/api/photos', headers: { 'content-type': 'image/jpeg' }, payload: Buffer.from('not really a jpeg') });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('PHOTO_TYPE_UNSUPPORTED');
    const huge = await worker({ method: 'POST', url: '/api/photos', headers: { 'content-type': 'image/png' }, payload: Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]) });
    expect(huge.statusCode).toBe(413);
  });

  it('shows a photo to who may see its event, and to nobody else', async () => {
    const id = (await worker({ method: 'POST', url: '/api/photos', headers: { 'content-type': 'image/png' }, payload: PNG })).json().id as string;
    const event = await worker({ method: 'POST', url: '/api/events', payload: { clientKey: 'photo-event-1', title: '积水', description: '', categoryCode: 'other', address: '马踏村口', photoIds: [id] } });
    expect(event.json().photos).toEqual([{ id, url: `/api/photos/${id}`, stage: 'report' }]);
    const mine = await worker({ method: 'GET', url: `/api/photos/${id}` });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('image/png');
    expect(mine.rawPayload.equals(PNG)).toBe(true);
    expect((await stranger({ method: 'GET', url: `/api/photos/${id}` })).statusCode).toBe(404);
    const missing = await worker({ method: 'POST', url: '/api/events', payload: { clientKey: 'photo-event-2', title: '积水', description: '', categoryCode: 'other', address: '马踏村口', photoIds: ['0'.repeat(64)] } });
    expect(missing.json().error).toMatchObject({ code: 'PHOTO_NOT_FOUND' });
    const auditor = as(t.app, await signInCookie(t.app, 'ph_audit'));
    expect((await auditor({ method: 'POST', url: '/api/photos', headers: { 'content-type': 'image/png' }, payload: PNG })).statusCode).toBe(403);
  });
});
