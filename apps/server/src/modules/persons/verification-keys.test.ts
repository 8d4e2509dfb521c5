// A verification (复核) sent from the field app's outbox carries the outbox's client key: a retry
// whose first attempt landed (its answer lost on the way back) is answered with the record as it
// is now, counted once, while a stale version without that key stays a 409 (someone else's change).
// Corrections sent with a record's verification are made in the same step, or not at all.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

type Call = ReturnType<typeof as>;

describeEachDialect('verifications with client keys', (dialect) => {
  let t: TestApp;
  let worker: Call;
  let colleague: Call;
  let otherCenter: Call;
  let gridId: string;
  let personId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    await anAccount(t.ctx, { username: 'vk_worker', role: 'grid_worker_fulltime', orgPath: '/511124/511124101/511124101001/' });
    await anAccount(t.ctx, { username: 'vk_colleague', role: 'grid_worker_parttime', orgPath: '/511124/511124101/511124101001/' });
    await anAccount(t.ctx, { username: 'vk_zy', role: 'center_operator', orgPath: '/511124/511124102/' });
    worker = as(t.app, await signInCookie(t.app, 'vk_worker'));
    colleague = as(t.app, await signInCookie(t.app, 'vk_colleague'));
    otherCenter = as(t.app, await signInCookie(t.app, 'vk_zy'));
    await anAccount(t.ctx, { username: 'vk_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    const center = as(t.app, await signInCookie(t.app, 'vk_center'));
    const village = await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', '/511124/511124101/511124101001/').executeTakeFirstOrThrow();
    gridId = (await center({ method: 'POST', url: '/api/grids', payload: { villageId: village.id, name: '一组' } })).json().id as string;
    personId = (await worker({ method: 'POST', url: '/api/persons', payload: { gridId, name: '张三', idType: 'resident_id', idNumber: '511124198001010010', residenceStatus: 'registered' } })).json().id as string;
  });
  afterAll(async () => t.close());

  const countOf = async (table: 'person_verification' | 'verification_key') =>
    (await t.ctx.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  const audited = async (action: 'person.verified' | 'person.updated' | 'record.verified' | 'record.updated', objectId: string) =>
    (await t.ctx.db.kysely.selectFrom('audit_log').select('id').where('action', '=', action).where('object_id', '=', objectId).execute()).length;

  it("answers a person's repeated correction (same key) with the person as they are, applied and counted once", async () => {
    const body = { version: 1, outcome: 'corrected', clientKey: 'outbox-key-person-0001', corrections: { address: '一组 9 号' } };
    const first = await worker({ method: 'POST', url: `/api/persons/${personId}/verify`, payload: body });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, address: '一组 9 号' });
    const again = await worker({ method: 'POST', url: `/api/persons/${personId}/verify`, payload: body });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ version: 2, address: '一组 9 号', verifiedAt: first.json().verifiedAt });
    expect(Number(await countOf('person_verification'))).toBe(1);
    expect(await audited('person.verified', personId)).toBe(1);
    expect(await audited('person.updated', personId)).toBe(1);
    // The same stale version with a key never seen: someone else's change, 409 with the server's words.
    const stale = await worker({ method: 'POST', url: `/api/persons/${personId}/verify`, payload: { ...body, clientKey: 'outbox-key-person-0002' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'PERSON_CHANGED', message: '该人员信息已被他人修改，请刷新后再改' });
    expect(Number(await countOf('verification_key'))).toBe(1);
  });

  it('refuses a key used by another worker or on another record, and a malformed key, naming clientKey in zh-CN and en-US', async () => {
    const reused = await colleague({ method: 'POST', url: `/api/persons/${personId}/verify`, payload: { version: 2, outcome: 'confirmed', clientKey: 'outbox-key-person-0001' } });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'clientKey' } });
    expect(reused.json().error.message).toContain('clientKey');
    const malformed = await worker({ method: 'POST', url: `/api/persons/${personId}/verify`, headers: { 'accept-language': 'en-US' }, payload: { version: 2, outcome: 'confirmed', clientKey: 'a b' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.message).toMatch(/^The request is invalid/);
    expect(JSON.stringify(malformed.json().error.details)).toContain('clientKey');
    const zh = await worker({ method: 'POST', url: `/api/houses/x/verify`, payload: { version: 1, outcome: 'confirmed', clientKey: 'short' } });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.message).toMatch(/^提交的内容有误/);
    expect(JSON.stringify(zh.json().error.details)).toContain('clientKey');
    // Nothing of the refused calls landed.
    expect(Number(await countOf('person_verification'))).toBe(1);
  });

  it("corrects and verifies a house in one step, answers the repeat as done, and keeps a refused correction's record untouched", async () => {
    const house = (await worker({ method: 'POST', url: '/api/houses', payload: { gridId, name: '一组 12 号', category: 'rental', address: '马踏村一组 12 号' } })).json();
    const body = { version: 1, outcome: 'corrected', clientKey: 'outbox-key-house-0001', corrections: { address: '马踏村一组 12-1 号', contactName: '王建国' } };
    const first = await worker({ method: 'POST', url: `/api/houses/${house.id}/verify`, payload: body });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, address: '马踏村一组 12-1 号', contactName: '王建国' });
    expect(first.json().verifiedAt).not.toBeNull();
    const again = await worker({ method: 'POST', url: `/api/houses/${house.id}/verify`, payload: body });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ version: 2, verifiedAt: first.json().verifiedAt });
    expect(await audited('record.verified', house.id)).toBe(1);
    expect(await audited('record.updated', house.id)).toBe(1);
    const history = (await worker({ method: 'GET', url: `/api/houses/${house.id}/history` })).json().items as { version: number; reason: string | null }[];
    expect(history.at(-1)).toMatchObject({ version: 2, reason: '复核更正' });

    // Someone else changes it: the worker's stale correction is a 409 and changes nothing.
    expect((await colleague({ method: 'PATCH', url: `/api/houses/${house.id}`, payload: { version: 2, name: '一组 12 号（出租）' } })).statusCode).toBe(200);
    const stale = await worker({ method: 'POST', url: `/api/houses/${house.id}/verify`, headers: { 'accept-language': 'en-US' }, payload: { ...body, version: 2, clientKey: 'outbox-key-house-0002' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'RECORD_CHANGED', message: 'Someone else changed this record; reload and edit again' });
    // A correction the server refuses (an unknown category) leaves neither change nor verification.
    const refused = await worker({ method: 'POST', url: `/api/houses/${house.id}/verify`, payload: { version: 3, outcome: 'corrected', clientKey: 'outbox-key-house-0003', corrections: { category: 'castle' } } });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json().error.details)).toContain('category');
    const after = (await worker({ method: 'GET', url: `/api/houses/${house.id}` })).json();
    expect(after).toMatchObject({ version: 3, category: 'rental', verifiedAt: first.json().verifiedAt });
    expect(await audited('record.verified', house.id)).toBe(1);
    // With the fresh version it goes through.
    const fresh = await worker({ method: 'POST', url: `/api/houses/${house.id}/verify`, payload: { ...body, version: 3, clientKey: 'outbox-key-house-0004' } });
    expect(fresh.json()).toMatchObject({ version: 4, address: '马踏村一组 12-1 号' });
  });

  it('answers twin requests with the same key (a resend while the first is still in flight) both as done, applied once', async () => {
    const twin = (await worker({ method: 'POST', url: '/api/persons', payload: { gridId, name: '李四', idType: 'resident_id', idNumber: '511124198001010029', residenceStatus: 'registered' } })).json().id as string;
    const body = { version: 1, outcome: 'corrected', clientKey: 'outbox-key-twin-0001', corrections: { address: '一组 7 号' } };
    const answers = await Promise.all([1, 2].map(() => worker({ method: 'POST', url: `/api/persons/${twin}/verify`, payload: body })));
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200]);
    expect(answers.map((answer) => answer.json().version)).toEqual([2, 2]);
    expect(await audited('person.verified', twin)).toBe(1);
    expect(await audited('person.updated', twin)).toBe(1);
    const house = (await worker({ method: 'POST', url: '/api/houses', payload: { gridId, name: '一组 14 号', category: 'self_occupied' } })).json();
    const confirm = { version: 1, outcome: 'confirmed', clientKey: 'outbox-key-twin-0002' };
    const houseAnswers = await Promise.all([1, 2, 3].map(() => worker({ method: 'POST', url: `/api/houses/${house.id}/verify`, payload: confirm })));
    expect(houseAnswers.map((answer) => answer.statusCode)).toEqual([200, 200, 200]);
    expect(await audited('record.verified', house.id)).toBe(1);
  });

  it('hides a record outside the caller\'s scope (404), key or not', async () => {
    const shop = (await worker({ method: 'POST', url: '/api/places', payload: { gridId, name: '马踏小学', category: 'school' } })).json();
    expect((await otherCenter({ method: 'POST', url: `/api/places/${shop.id}/verify`, payload: { version: 1, outcome: 'confirmed', clientKey: 'outbox-key-place-0001' } })).statusCode).toBe(404);
    expect((await otherCenter({ method: 'POST', url: `/api/persons/${personId}/verify`, payload: { version: 2, outcome: 'confirmed', clientKey: 'outbox-key-person-0009' } })).statusCode).toBe(404);
    // The key of a refused call is not taken: the worker's own call with it goes through.
    expect((await worker({ method: 'POST', url: `/api/places/${shop.id}/verify`, payload: { version: 1, outcome: 'confirmed', clientKey: 'outbox-key-place-0001' } })).statusCode).toBe(200);
  });
});
