// The hand-held terminal register: a terminal registered with a valid IMEI and handed to a grid
// worker of its village, a second terminal to the same worker refused (409) until the county
// allows two, hand-overs kept as history, bad IMEIs, duplicate codes and wrong holders refused
// naming the field, and 竹园镇 seeing none of it.
import { imeiCheckDigit } from '@gridwork/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { handoversOf } from './stations.repo.js';

type Call = ReturnType<typeof as>;

/** A valid IMEI from a 14-digit body. */
const imei = (body: string) => `${body}${imeiCheckDigit(body)}`;

describeEachDialect('the hand-held terminal register', (dialect) => {
  let t: TestApp;
  let center: Call;
  let village: Call;
  let county: Call;
  let otherCenter: Call;
  let mataId: string;
  let zhuyuanVillageId: string;
  let workerA: string;
  let workerB: string;
  let outsideWorker: string;
  let villageAdminId: string;
  let first: { id: string; version: number };
  const unitId = async (path: string) => (await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', path).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    await anAccount(t.ctx, { username: 'te_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    villageAdminId = (await anAccount(t.ctx, { username: 'te_village', role: 'village_admin', orgPath: '/511124/511124101/511124101001/' })).id;
    await anAccount(t.ctx, { username: 'te_county', role: 'county_admin', orgPath: '/511124/' });
    await anAccount(t.ctx, { username: 'te_zy', role: 'center_operator', orgPath: '/511124/511124102/' });
    workerA = (await anAccount(t.ctx, { username: 'te_worker_a', role: 'grid_worker_fulltime', orgPath: '/511124/511124101/511124101001/' })).id;
    workerB = (await anAccount(t.ctx, { username: 'te_worker_b', role: 'grid_worker_parttime', orgPath: '/511124/511124101/511124101001/' })).id;
    outsideWorker = (await anAccount(t.ctx, { username: 'te_worker_zy', role: 'grid_worker_fulltime', orgPath: '/511124/511124102/511124102001/' })).id;
    center = as(t.app, await signInCookie(t.app, 'te_center'));
    village = as(t.app, await signInCookie(t.app, 'te_village'));
    county = as(t.app, await signInCookie(t.app, 'te_county'));
    otherCenter = as(t.app, await signInCookie(t.app, 'te_zy'));
    mataId = await unitId('/511124/511124101/511124101001/');
    zhuyuanVillageId = await unitId('/511124/511124102/511124102001/');
  });
  afterAll(async () => t.close());

  it('registers a terminal issued to a grid worker of the village, with the hand-over in its history', async () => {
    const response = await village({ method: 'POST', url: '/api/terminals', payload: { assetCode: 'JY-SCZD-001', model: '华为 畅享 70', imei: imei('86123400000001'), phone: '13800000001', unitId: mataId, holderId: workerA, issuedOn: '2026-11-01' } });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ assetCode: 'JY-SCZD-001', state: 'in_use', unitName: '马踏村', holder: { id: workerA, name: '测试用户 te_worker_a' }, issuedOn: '2026-11-01', version: 1 });
    expect(response.json().handovers).toMatchObject([{ from: null, to: { id: workerA }, handedOn: '2026-11-01' }]);
    first = response.json();
    const audit = await t.ctx.db.kysely.selectFrom('audit_log').select('action').where('object_id', '=', first.id).execute();
    expect(audit.map((row) => row.action)).toEqual(['terminal.registered']);
  });

  it('refuses a second terminal to the same worker (409) unless the county allows more', async () => {
    const second = await center({ method: 'POST', url: '/api/terminals', payload: { assetCode: 'JY-SCZD-002', model: '华为 畅享 70', imei: imei('86123400000002'), unitId: mataId } });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ state: 'spare', holder: null });
    const refused = await center({ method: 'POST', url: `/api/terminals/${second.json().id}/handover`, payload: { version: 1, holderId: workerA, handedOn: '2026-11-20' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'TERMINAL_HOLDER_LIMIT', details: { field: 'holderId', held: 1, limit: 1 } });
    expect(refused.json().error.message).toContain('已持有 1 台');
    const refusedEn = await center({ method: 'POST', url: `/api/terminals/${second.json().id}/handover`, headers: { 'accept-language': 'en-US' }, payload: { version: 1, holderId: workerA, handedOn: '2026-11-20' } });
    expect(refusedEn.json().error.message).toContain('already holds 1 terminal');
    // Nothing was written: the terminal is still spare, with no hand-over.
    expect((await center({ method: 'GET', url: `/api/terminals/${second.json().id}` })).json()).toMatchObject({ state: 'spare', holder: null, handovers: [], version: 1 });

    expect((await county({ method: 'PUT', url: '/api/stations/settings', payload: { terminalsPerWorker: 2 } })).statusCode).toBe(200);
    const allowed = await center({ method: 'POST', url: `/api/terminals/${second.json().id}/handover`, payload: { version: 1, holderId: workerA, handedOn: '2026-11-20' } });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json()).toMatchObject({ state: 'in_use', holder: { id: workerA }, version: 2 });
    expect((await county({ method: 'PUT', url: '/api/stations/settings', payload: { terminalsPerWorker: 1 } })).statusCode).toBe(200);
    // Back to the unit, then to the other worker: every hand-over stays.
    const back = await center({ method: 'POST', url: `/api/terminals/${second.json().id}/handover`, payload: { version: 2, holderId: null, handedOn: '2026-11-21', note: '收回' } });
    expect(back.json()).toMatchObject({ state: 'spare', holder: null });
    const toB = await center({ method: 'POST', url: `/api/terminals/${second.json().id}/handover`, payload: { version: 3, holderId: workerB, handedOn: '2026-11-22' } });
    expect(toB.json().handovers.map((h: { to: { id: string } | null }) => h.to?.id ?? null)).toEqual([workerB, null, workerA]);
    const holders = (await center({ method: 'GET', url: `/api/terminals/holders?unitId=${mataId}` })).json().items;
    expect(Object.fromEntries(holders.map((h: { id: string; terminals: number }) => [h.id, h.terminals]))).toEqual({ [workerA]: 1, [workerB]: 1 });
  });

  it('refuses a bad IMEI, a duplicate asset code or IMEI, a holder who is no grid worker of the unit and a future date, naming the field', async () => {
    const base = { assetCode: 'JY-SCZD-009', model: 'X', unitId: mataId };
    const wrongDigit = imei('86123400000009').slice(0, 14) + String((Number(imei('86123400000009')[14]) + 1) % 10);
    for (const bad of [wrongDigit, '8612340000000', 'ABCDEFGHIJKLMNO']) {
      const response = await center({ method: 'POST', url: '/api/terminals', payload: { ...base, imei: bad } });
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toMatchObject({ code: 'TERMINAL_IMEI_INVALID', details: { field: 'imei' } });
      expect(response.json().error.message).toContain('串号 imei');
    }
    const en = await center({ method: 'POST', url: '/api/terminals', headers: { 'accept-language': 'en-US' }, payload: { ...base, imei: wrongDigit } });
    expect(en.json().error.message).toContain('The imei must be 15 digits');
    const code = await center({ method: 'POST', url: '/api/terminals', payload: { ...base, assetCode: 'JY-SCZD-001', imei: imei('86123400000009') } });
    expect(code.statusCode).toBe(409);
    expect(code.json().error).toMatchObject({ code: 'TERMINAL_ASSET_CODE_TAKEN', details: { field: 'assetCode' } });
    const sameImei = await center({ method: 'POST', url: '/api/terminals', payload: { ...base, imei: imei('86123400000001') } });
    expect(sameImei.json().error).toMatchObject({ code: 'TERMINAL_IMEI_TAKEN', details: { field: 'imei' } });
    for (const holderId of [villageAdminId, outsideWorker, 'no-such-account']) {
      const holder = await center({ method: 'POST', url: '/api/terminals', payload: { ...base, imei: imei('86123400000009'), holderId } });
      expect(holder.statusCode).toBe(422);
      expect(holder.json().error).toMatchObject({ code: 'TERMINAL_HOLDER_INVALID', details: { field: 'holderId' } });
    }
    const future = await center({ method: 'POST', url: '/api/terminals', payload: { ...base, imei: imei('86123400000009'), holderId: workerB, issuedOn: '2026-12-01' } });
    expect(future.json().error).toMatchObject({ code: 'TERMINAL_ISSUED_IN_FUTURE', details: { field: 'issuedOn' } });
    const unit = await village({ method: 'POST', url: '/api/terminals', payload: { ...base, imei: imei('86123400000009'), unitId: zhuyuanVillageId } });
    expect(unit.json().error).toMatchObject({ code: 'DAILY_UNIT_INVALID', details: { field: 'unitId' } });
    const phone = await center({ method: 'POST', url: '/api/terminals', payload: { ...base, imei: imei('86123400000009'), phone: '123' } });
    expect(phone.statusCode).toBe(400);
    expect(await t.ctx.db.kysely.selectFrom('terminal').select('id').where('asset_code', '=', 'JY-SCZD-009').execute()).toHaveLength(0);
  });

  it('retires a terminal, taking it back from its holder, and changes nothing after', async () => {
    const current = (await village({ method: 'GET', url: `/api/terminals/${first.id}` })).json();
    const retired = await village({ method: 'PATCH', url: `/api/terminals/${first.id}`, payload: { version: current.version, state: 'retired' } });
    expect(retired.json()).toMatchObject({ state: 'retired', holder: null });
    // No note in any language is stored: the console labels the take-back itself.
    expect(retired.json().handovers[0]).toMatchObject({ from: { id: workerA }, to: null, note: '' });
    expect((await village({ method: 'POST', url: `/api/terminals/${first.id}/handover`, payload: { version: retired.json().version, holderId: workerA, handedOn: '2026-11-23' } })).json().error.code).toBe('TERMINAL_RETIRED');
    const inUse = (await county({ method: 'GET', url: '/api/terminals?state=in_use' })).json().items;
    expect(inUse.map((terminal: { assetCode: string }) => terminal.assetCode)).toEqual(['JY-SCZD-002']);
  });

  it('hands two terminals to one worker at the same moment only once', async () => {
    const workerC = (await anAccount(t.ctx, { username: 'te_worker_c', role: 'grid_worker_fulltime', orgPath: '/511124/511124101/511124101001/' })).id;
    const spares = [];
    for (const [index, body] of ['86123400000031', '86123400000032'].entries()) {
      spares.push((await center({ method: 'POST', url: '/api/terminals', payload: { assetCode: `JY-RACE-00${index}`, model: 'X', imei: imei(body), unitId: mataId } })).json() as { id: string });
    }
    const answers = await Promise.all(spares.map((spare) => center({ method: 'POST', url: `/api/terminals/${spare.id}/handover`, payload: { version: 1, holderId: workerC, handedOn: '2026-11-23' } })));
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    const held = await t.ctx.db.kysely.selectFrom('terminal').select('id').where('holder_id', '=', workerC).execute();
    expect(held).toHaveLength(1);
    const handovers = await t.ctx.db.kysely.selectFrom('terminal_handover').select('id').where('to_holder_id', '=', workerC).execute();
    expect(handovers).toHaveLength(1);
  });

  it('answers 409 naming the field, never 500, when registrations with one asset code or one IMEI race', async () => {
    const sameCode = await Promise.all(
      [0, 1, 2, 3].map((n) => center({ method: 'POST', url: '/api/terminals', payload: { assetCode: 'JY-ZDUP-CODE', model: 'X', imei: imei(`8612340000010${n}`), unitId: mataId } })),
    );
    expect(sameCode.map((answer) => answer.statusCode).sort()).toEqual([201, 409, 409, 409]);
    for (const answer of sameCode.filter((one) => one.statusCode === 409)) expect(answer.json().error).toMatchObject({ code: 'TERMINAL_ASSET_CODE_TAKEN', details: { field: 'assetCode' } });
    const sameImei = await Promise.all(
      [0, 1, 2, 3].map((n) => center({ method: 'POST', url: '/api/terminals', payload: { assetCode: `JY-ZDUP-IMEI-${n}`, model: 'X', imei: imei('86123400000111'), unitId: mataId } })),
    );
    expect(sameImei.map((answer) => answer.statusCode).sort()).toEqual([201, 409, 409, 409]);
    for (const answer of sameImei.filter((one) => one.statusCode === 409)) expect(answer.json().error).toMatchObject({ code: 'TERMINAL_IMEI_TAKEN', details: { field: 'imei' } });
    expect(await t.ctx.db.kysely.selectFrom('terminal').select('id').where('asset_code', 'like', 'JY-ZDUP-%').execute()).toHaveLength(2);
  });

  it('answers a retried registration with the first terminal when the client key is the same', async () => {
    const payload = { clientKey: 'term-retry-0001', assetCode: 'JY-ZKEY-001', model: 'X', imei: imei('86123400000121'), unitId: mataId };
    const firstTry = await center({ method: 'POST', url: '/api/terminals', payload });
    expect(firstTry.statusCode).toBe(201);
    const retry = await center({ method: 'POST', url: '/api/terminals', payload });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(firstTry.json().id);
    const racing = await Promise.all([0, 1].map(() => center({ method: 'POST', url: '/api/terminals', payload: { ...payload, clientKey: 'term-retry-0002', assetCode: 'JY-ZKEY-002', imei: imei('86123400000122') } })));
    expect(racing.map((answer) => answer.statusCode).sort()).toEqual([200, 201]);
    expect(racing[0]?.json().id).toBe(racing[1]?.json().id);
    const reused = await center({ method: 'POST', url: '/api/terminals', payload: { ...payload, model: 'Y' } });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', details: { field: 'clientKey' } });
    // Outside the first caller's scope the key is no way in.
    expect((await otherCenter({ method: 'POST', url: '/api/terminals', payload })).json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const audits = await t.ctx.db.kysely.selectFrom('audit_log').select('id').where('object_id', '=', firstTry.json().id).execute();
    expect(audits).toHaveLength(1);
  });

  it('keeps the state and the holder in agreement: a held terminal is in use, an in-use one is held', async () => {
    const workerD = (await anAccount(t.ctx, { username: 'te_worker_d', role: 'grid_worker_fulltime', orgPath: '/511124/511124101/511124101001/' })).id;
    const base = { model: 'X', unitId: mataId };
    for (const payload of [
      { ...base, assetCode: 'JY-ZST-001', imei: imei('86123400000131'), holderId: workerD, state: 'spare' },
      { ...base, assetCode: 'JY-ZST-001', imei: imei('86123400000131'), holderId: workerD, state: 'repair' },
      { ...base, assetCode: 'JY-ZST-001', imei: imei('86123400000131'), state: 'in_use' },
    ]) {
      const refused = await center({ method: 'POST', url: '/api/terminals', payload });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error).toMatchObject({ code: 'TERMINAL_STATE_CONFLICT', details: { field: 'state' } });
      expect(refused.json().error.message).toContain('状态 state');
    }
    const en = await center({ method: 'POST', url: '/api/terminals', headers: { 'accept-language': 'en-US' }, payload: { ...base, assetCode: 'JY-ZST-001', imei: imei('86123400000131'), state: 'in_use' } });
    expect(en.json().error.message).toContain('The state does not match the holder');
    const spare = (await center({ method: 'POST', url: '/api/terminals', payload: { ...base, assetCode: 'JY-ZST-001', imei: imei('86123400000131') } })).json();
    expect(spare).toMatchObject({ state: 'spare', holder: null });
    // In use only by a hand-over.
    const inUse = await center({ method: 'PATCH', url: `/api/terminals/${spare.id}`, payload: { version: spare.version, state: 'in_use' } });
    expect(inUse.statusCode).toBe(422);
    expect(inUse.json().error).toMatchObject({ code: 'TERMINAL_STATE_CONFLICT', details: { field: 'state' } });
    const repair = await center({ method: 'PATCH', url: `/api/terminals/${spare.id}`, payload: { version: spare.version, state: 'repair', phone: '13800000009' } });
    expect(repair.json()).toMatchObject({ state: 'repair', phone: '13800000009', holder: null, version: spare.version + 1 });
    const handed = (await center({ method: 'POST', url: `/api/terminals/${spare.id}/handover`, payload: { version: repair.json().version, holderId: workerD, handedOn: '2026-11-24' } })).json();
    expect(handed).toMatchObject({ state: 'in_use', holder: { id: workerD } });
    // While held it cannot be spare or under repair: hand it back first.
    for (const state of ['spare', 'repair']) {
      const refused = await center({ method: 'PATCH', url: `/api/terminals/${spare.id}`, payload: { version: handed.version, state } });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error).toMatchObject({ code: 'TERMINAL_STATE_CONFLICT', details: { field: 'state' } });
    }
    const after = (await center({ method: 'GET', url: `/api/terminals/${spare.id}` })).json();
    expect(after).toMatchObject({ state: 'in_use', holder: { id: workerD }, version: handed.version });
  });

  it('refuses a hand-over that changes nothing: to the current holder, or back when nobody holds it', async () => {
    const workerE = (await anAccount(t.ctx, { username: 'te_worker_e', role: 'grid_worker_fulltime', orgPath: '/511124/511124101/511124101001/' })).id;
    const spare = (await center({ method: 'POST', url: '/api/terminals', payload: { assetCode: 'JY-ZHO-001', model: 'X', imei: imei('86123400000141'), unitId: mataId } })).json();
    const back = await center({ method: 'POST', url: `/api/terminals/${spare.id}/handover`, payload: { version: spare.version, holderId: null, handedOn: '2026-11-24' } });
    expect(back.statusCode).toBe(422);
    expect(back.json().error).toMatchObject({ code: 'TERMINAL_HANDOVER_NO_CHANGE', details: { field: 'holderId' } });
    expect(back.json().error.message).toContain('holderId');
    const held = (await center({ method: 'POST', url: `/api/terminals/${spare.id}/handover`, payload: { version: spare.version, holderId: workerE, handedOn: '2026-11-24' } })).json();
    const again = await center({ method: 'POST', url: `/api/terminals/${spare.id}/handover`, headers: { 'accept-language': 'en-US' }, payload: { version: held.version, holderId: workerE, handedOn: '2026-11-24' } });
    expect(again.statusCode).toBe(422);
    expect(again.json().error).toMatchObject({ code: 'TERMINAL_HANDOVER_NO_CHANGE', details: { field: 'holderId' } });
    expect(again.json().error.message).toContain('already the terminal’s current holder');
    const handovers = await t.ctx.db.kysely.selectFrom('terminal_handover').select('id').where('terminal_id', '=', spare.id).execute();
    expect(handovers).toHaveLength(1);
  });

  it('lists by asset code in keyset pages and by text, and shows 竹园镇 none of 马踏村’s terminals', async () => {
    const page = (await county({ method: 'GET', url: '/api/terminals?limit=2' })).json();
    expect(page.items.map((terminal: { assetCode: string }) => terminal.assetCode)).toEqual(['JY-RACE-000', 'JY-RACE-001']);
    const next = (await county({ method: 'GET', url: `/api/terminals?limit=2&cursor=${page.nextCursor}` })).json();
    expect(next.items.map((terminal: { assetCode: string }) => terminal.assetCode)).toEqual(['JY-SCZD-001', 'JY-SCZD-002']);
    expect((await county({ method: 'GET', url: '/api/terminals?q=te_worker_b' })).json().items).toHaveLength(1);
    expect((await otherCenter({ method: 'GET', url: '/api/terminals' })).json().items).toEqual([]);
    expect((await otherCenter({ method: 'GET', url: `/api/terminals/${first.id}` })).statusCode).toBe(404);
    expect((await otherCenter({ method: 'PATCH', url: `/api/terminals/${first.id}`, payload: { version: 1, model: 'x' } })).statusCode).toBe(404);
    expect((await otherCenter({ method: 'POST', url: `/api/terminals/${first.id}/handover`, payload: { version: 1, holderId: null, handedOn: '2026-11-20' } })).statusCode).toBe(404);
    expect((await otherCenter({ method: 'GET', url: `/api/terminals/holders?unitId=${mataId}` })).statusCode).toBe(404);
    expect((await otherCenter({ method: 'GET', url: `/api/terminals?unitId=${mataId}` })).statusCode).toBe(404);
    // The hand-over query itself takes the scope.
    expect((await handoversOf(t.ctx.db.kysely, '/511124/511124101/', first.id)).length).toBeGreaterThan(0);
    expect(await handoversOf(t.ctx.db.kysely, '/511124/511124102/', first.id)).toEqual([]);
  });
});
