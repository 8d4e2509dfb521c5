// 值机值守: a sub-center's roster (one person a day unless it allows more), rotas over working
// days, swaps, the on-duty person's check-in, and a township that cannot see another's roster.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

type Call = ReturnType<typeof as>;
interface Entry { id: string; date: string; slot: string; account: { id: string; name: string }; checkedInAt: string | null }

describeEachDialect('the duty roster', (dialect) => {
  let t: TestApp;
  let county: Call;
  let mata: Call;
  let zhuyuan: Call;
  let mataUnit: string;
  let zyUnit: string;
  const people: Record<string, string> = {};
  const signIn = async (username: string) => as(t.app, await signInCookie(t.app, username));

  beforeAll(async () => {
    t = await createTestApp(dialect);
    // Tuesday 24 November 2026, 09:00 in Shanghai.
    t.clock.set('2026-11-24T01:00:00.000Z');
    await aSmallCounty(t.ctx);
    for (const [username, role, orgPath] of [
      ['duty_county', 'county_admin', '/511124/'],
      ['mata_a', 'center_operator', '/511124/511124101/'],
      ['mata_b', 'center_operator', '/511124/511124101/'],
      ['zy_a', 'center_operator', '/511124/511124102/'],
      ['mata_village', 'village_admin', '/511124/511124101/511124101001/'],
      ['duty_leader', 'leader', '/511124/'],
    ] as const) {
      people[username] = (await anAccount(t.ctx, { username, role, orgPath })).id;
    }
    county = await signIn('duty_county');
    mata = await signIn('mata_a');
    zhuyuan = await signIn('zy_a');
    const units = (await county({ method: 'GET', url: '/api/duty/units' })).json().units as { id: string; name: string }[];
    mataUnit = units.find((unit) => unit.name === '马踏镇')?.id ?? '';
    zyUnit = units.find((unit) => unit.name === '竹园镇')?.id ?? '';
  });
  afterAll(async () => t.close());

  it('lists the county center and the sub-centers, each with one 全天 slot for one person by default', async () => {
    const body = (await county({ method: 'GET', url: '/api/duty/units' })).json();
    expect(body).toMatchObject({ date: '2026-11-24', workday: true });
    expect((body.units as { name: string; slots: unknown[] }[]).map((unit) => [unit.name, unit.slots])).toEqual([
      ['井研县', [{ key: 'day', name: '全天', capacity: 1 }]],
      ['马踏镇', [{ key: 'day', name: '全天', capacity: 1 }]],
      ['竹园镇', [{ key: 'day', name: '全天', capacity: 1 }]],
    ]);
    // A township sees its own sub-center only.
    expect(((await zhuyuan({ method: 'GET', url: '/api/duty/units' })).json().units as { name: string }[]).map((unit) => unit.name)).toEqual(['竹园镇']);
  });

  it('fills a week by rota over its working days, skipping the weekend', async () => {
    const response = await county({ method: 'POST', url: '/api/duty/roster/fill', payload: { unitId: mataUnit, from: '2026-11-24', to: '2026-11-30', slot: 'day', accountIds: [people['mata_a'], people['mata_b']] } });
    expect(response.statusCode).toBe(200);
    const entries = response.json().entries as Entry[];
    expect(entries.map((entry) => [entry.date, entry.account.name])).toEqual([
      ['2026-11-24', '测试用户 mata_a'],
      ['2026-11-25', '测试用户 mata_b'],
      ['2026-11-26', '测试用户 mata_a'],
      ['2026-11-27', '测试用户 mata_b'],
      ['2026-11-30', '测试用户 mata_a'],
    ]);
    const roster = (await mata({ method: 'GET', url: `/api/duty/roster?unitId=${mataUnit}&from=2026-11-23&to=2026-11-29` })).json();
    expect(roster.entries).toHaveLength(4);
    expect((roster.days as { date: string; workday: boolean }[]).filter((day) => !day.workday).map((day) => day.date)).toEqual(['2026-11-28', '2026-11-29']);
    expect((roster.candidates as { name: string }[]).map((candidate) => candidate.name)).toEqual(['测试用户 mata_a', '测试用户 mata_b']);
  });

  it('refuses a second person on a one-person slot, and takes them once the unit allows two', async () => {
    const extra = { unitId: mataUnit, date: '2026-11-24', slot: 'day', accountId: people['mata_b'] };
    const full = await mata({ method: 'POST', url: '/api/duty/roster/entries', payload: extra });
    expect(full.statusCode).toBe(409);
    expect(full.json().error).toMatchObject({ code: 'DUTY_SLOT_FULL', message: '2026-11-24 的“全天”班次已满（最多 1 人）' });
    const twice = await mata({ method: 'POST', url: '/api/duty/roster/entries', payload: { ...extra, accountId: people['mata_a'] } });
    expect(twice.json().error.code).toBe('DUTY_ALREADY_ON_SLOT');
    const slots = await mata({ method: 'PUT', url: `/api/duty/units/${mataUnit}/slots`, payload: { slots: [{ key: 'day', name: '全天', capacity: 2 }] } });
    expect(slots.json().slots).toEqual([{ key: 'day', name: '全天', capacity: 2 }]);
    const added = await mata({ method: 'POST', url: '/api/duty/roster/entries', payload: extra });
    expect(added.statusCode).toBe(201);
    // Two people are on the 24th now: the slot cannot go back to one, nor be removed, while they are.
    const reduced = await mata({ method: 'PUT', url: `/api/duty/units/${mataUnit}/slots`, payload: { slots: [{ key: 'day', name: '全天', capacity: 1 }] } });
    expect(reduced.statusCode).toBe(409);
    expect(reduced.json().error).toMatchObject({ code: 'DUTY_SLOT_OVER_CAPACITY', message: 'slots[0].capacity：2026-11-24 的“全天”班次已安排 2 人，人数上限不能改为 1', details: { field: 'slots[0].capacity' } });
    const removed = await mata({ method: 'PUT', url: `/api/duty/units/${mataUnit}/slots`, headers: { 'accept-language': 'en-US' }, payload: { slots: [{ key: 'night', name: '夜班', capacity: 2 }] } });
    expect(removed.statusCode).toBe(409);
    expect(removed.json().error).toMatchObject({ code: 'DUTY_SLOT_IN_USE', message: 'slots: the slot "全天" still has people on duty on 2026-11-24 and later days; remove them before removing the slot', details: { field: 'slots' } });
    expect((await mata({ method: 'GET', url: '/api/duty/units' })).json().units[0].slots).toEqual([{ key: 'day', name: '全天', capacity: 2 }]);
    expect((await mata({ method: 'DELETE', url: `/api/duty/roster/entries/${added.json().id as string}` })).statusCode).toBe(204);
    expect((await mata({ method: 'PUT', url: `/api/duty/units/${mataUnit}/slots`, payload: { slots: [{ key: 'day', name: '全天', capacity: 1 }] } })).statusCode).toBe(200);
  });

  it('never lets a capacity cut and a second person for the slot both through when they race', async () => {
    expect((await mata({ method: 'PUT', url: `/api/duty/units/${mataUnit}/slots`, payload: { slots: [{ key: 'day', name: '全天', capacity: 2 }] } })).statusCode).toBe(200);
    // The 24th has mata_a on it; mata_b is added while the capacity goes back to one.
    const [cut, add] = await Promise.all([
      mata({ method: 'PUT', url: `/api/duty/units/${mataUnit}/slots`, payload: { slots: [{ key: 'day', name: '全天', capacity: 1 }] } }),
      county({ method: 'POST', url: '/api/duty/roster/entries', payload: { unitId: mataUnit, date: '2026-11-24', slot: 'day', accountId: people['mata_b'] } }),
    ]);
    const outcome = [cut.statusCode, add.statusCode];
    expect([JSON.stringify([200, 409]), JSON.stringify([409, 201])]).toContain(JSON.stringify(outcome));
    const day = (await mata({ method: 'GET', url: `/api/duty/roster?unitId=${mataUnit}&from=2026-11-24&to=2026-11-24` })).json();
    expect(day.entries.length).toBeLessThanOrEqual(day.unit.slots[0].capacity);
    if (add.statusCode === 201) expect((await mata({ method: 'DELETE', url: `/api/duty/roster/entries/${add.json().id as string}` })).statusCode).toBe(204);
    expect((await mata({ method: 'PUT', url: `/api/duty/units/${mataUnit}/slots`, payload: { slots: [{ key: 'day', name: '全天', capacity: 1 }] } })).statusCode).toBe(200);
  });

  it('takes one of two people sent at once for the last place of a slot, never both', async () => {
    const other = await signIn('mata_b');
    const [first, second] = await Promise.all([
      mata({ method: 'POST', url: '/api/duty/roster/entries', payload: { unitId: mataUnit, date: '2026-12-21', slot: 'day', accountId: people['mata_a'] } }),
      other({ method: 'POST', url: '/api/duty/roster/entries', payload: { unitId: mataUnit, date: '2026-12-21', slot: 'day', accountId: people['mata_b'] } }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
    const day = (await mata({ method: 'GET', url: `/api/duty/roster?unitId=${mataUnit}&from=2026-12-21&to=2026-12-21` })).json();
    expect(day.entries).toHaveLength(1);
  });

  it('refuses someone from another unit, a past day, an unknown slot and a bad range, naming the field', async () => {
    const other = await county({ method: 'POST', url: '/api/duty/roster/entries', payload: { unitId: mataUnit, date: '2026-12-01', slot: 'day', accountId: people['zy_a'] } });
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toMatchObject({ code: 'DUTY_ACCOUNT_NOT_OF_UNIT', message: '值班人员 accountId 不是本分中心可值班的在岗账号', details: { field: 'accountId' } });
    const village = await county({ method: 'POST', url: '/api/duty/roster/entries', headers: { 'accept-language': 'en-US' }, payload: { unitId: mataUnit, date: '2026-12-01', slot: 'day', accountId: people['mata_village'] } });
    expect(village.json().error.message).toBe('accountId is not an active account of this sub-center that may be on duty');
    const past = await county({ method: 'POST', url: '/api/duty/roster/entries', payload: { unitId: mataUnit, date: '2026-11-23', slot: 'day', accountId: people['mata_b'] } });
    expect(past.json().error).toMatchObject({ code: 'DUTY_DATE_PAST', details: { field: 'date' } });
    const slot = await county({ method: 'POST', url: '/api/duty/roster/entries', payload: { unitId: mataUnit, date: '2026-12-01', slot: 'night', accountId: people['mata_b'] } });
    expect(slot.json().error).toMatchObject({ code: 'DUTY_SLOT_UNKNOWN', details: { field: 'slot' } });
    const format = await county({ method: 'POST', url: '/api/duty/roster/entries', payload: { unitId: mataUnit, date: '1.12.2026', slot: 'day', accountId: people['mata_b'] } });
    expect(format.statusCode).toBe(400);
    expect(format.json().error.details.fields[0].field).toBe('body.date');
    // Days that do not exist: 400 naming the field, in Chinese and in English, and nothing stored.
    for (const [method, url, payload, field] of [
      ['POST', '/api/duty/roster/entries', { unitId: mataUnit, date: '2026-02-30', slot: 'day', accountId: people['mata_b'] }, 'body.date'],
      ['POST', '/api/duty/roster/entries', { unitId: mataUnit, date: '2026-13-01', slot: 'day', accountId: people['mata_b'] }, 'body.date'],
      ['POST', '/api/duty/roster/fill', { unitId: mataUnit, from: '2026-12-01', to: '2026-12-32', slot: 'day', accountIds: [people['mata_a']] }, 'body.to'],
      ['POST', '/api/duty/roster/fill', { unitId: mataUnit, from: '2027-02-29', to: '2027-03-02', slot: 'day', accountIds: [people['mata_a']] }, 'body.from'],
      ['GET', `/api/duty/roster?unitId=${mataUnit}&from=2026-11-31&to=2026-12-01`, undefined, 'querystring.from'],
    ] as const) {
      const response = await county({ method, url, ...(payload ? { payload } : {}) });
      expect({ url, field, status: response.statusCode }).toEqual({ url, field, status: 400 });
      expect(response.json().error.details.fields[0].field).toBe(field);
      expect(response.json().error.message).toMatch(/^提交的内容有误：/);
    }
    const english = await county({ method: 'POST', url: '/api/duty/roster/entries', headers: { 'accept-language': 'en-US' }, payload: { unitId: mataUnit, date: '2026-02-30', slot: 'day', accountId: people['mata_b'] } });
    expect(english.json().error.message).toMatch(/^The request is invalid: body\.date/);
    expect(await t.ctx.db.kysely.selectFrom('duty_entry').select('id').where('date', 'in', ['2026-02-30', '2026-13-01']).execute()).toEqual([]);
    const range = await county({ method: 'GET', url: `/api/duty/roster?unitId=${mataUnit}&from=2026-12-10&to=2026-12-01` });
    expect(range.json().error.code).toBe('DUTY_RANGE_INVALID');
    const fill = await county({ method: 'POST', url: '/api/duty/roster/fill', payload: { unitId: mataUnit, from: '2026-12-01', to: '2026-12-04', slot: 'day', accountIds: [people['mata_a'], people['zy_a']] } });
    expect(fill.json().error).toMatchObject({ code: 'DUTY_ACCOUNT_NOT_OF_UNIT', details: { field: 'accountIds[1]' } });
    const slots = await county({ method: 'PUT', url: `/api/duty/units/${mataUnit}/slots`, payload: { slots: [{ key: 'day', name: '白班', capacity: 1 }, { key: 'day', name: '夜班', capacity: 1 }] } });
    expect(slots.json().error).toMatchObject({ code: 'DUTY_SLOT_REPEATED', details: { field: 'slots[1].key' } });
  });

  it('keeps a township out of another township’s roster: 404, and nothing changes', async () => {
    const entry = ((await county({ method: 'GET', url: `/api/duty/roster?unitId=${mataUnit}&from=2026-11-25&to=2026-11-25` })).json().entries as Entry[])[0] as Entry;
    expect((await zhuyuan({ method: 'GET', url: `/api/duty/roster?unitId=${mataUnit}&from=2026-11-24&to=2026-11-30` })).statusCode).toBe(404);
    expect((await mata({ method: 'GET', url: `/api/duty/roster?unitId=${zyUnit}&from=2026-11-24&to=2026-11-30` })).statusCode).toBe(404);
    expect((await zhuyuan({ method: 'GET', url: `/api/duty/roster?unitId=${zyUnit}&from=2026-11-24&to=2026-11-30` })).statusCode).toBe(200);
    expect((await zhuyuan({ method: 'POST', url: '/api/duty/roster/entries', payload: { unitId: mataUnit, date: '2026-12-01', slot: 'day', accountId: people['mata_b'] } })).statusCode).toBe(404);
    expect((await zhuyuan({ method: 'POST', url: '/api/duty/roster/fill', payload: { unitId: mataUnit, from: '2026-12-01', to: '2026-12-04', slot: 'day', accountIds: [people['mata_a']] } })).statusCode).toBe(404);
    expect((await zhuyuan({ method: 'DELETE', url: `/api/duty/roster/entries/${entry.id}` })).statusCode).toBe(404);
    expect((await zhuyuan({ method: 'POST', url: '/api/duty/roster/swap', payload: { entryId: entry.id, toAccountId: people['zy_a'], reason: '借调' } })).statusCode).toBe(404);
    expect((await zhuyuan({ method: 'PUT', url: `/api/duty/units/${mataUnit}/slots`, payload: { slots: [{ key: 'day', name: '全天', capacity: 3 }] } })).statusCode).toBe(404);
    const after = ((await county({ method: 'GET', url: `/api/duty/roster?unitId=${mataUnit}&from=2026-11-25&to=2026-11-25` })).json().entries as Entry[])[0];
    expect(after).toEqual(entry);
    // A leader reads; a grid-level account may not arrange.
    const leader = await signIn('duty_leader');
    expect((await leader({ method: 'GET', url: '/api/duty/units' })).statusCode).toBe(200);
    expect((await leader({ method: 'POST', url: '/api/duty/roster/fill', payload: { unitId: mataUnit, from: '2026-12-01', to: '2026-12-04', slot: 'day', accountIds: [people['mata_a']] } })).statusCode).toBe(403);
  });

  it('swaps two days between people, or hands a day to another, telling both', async () => {
    const roster = (await mata({ method: 'GET', url: `/api/duty/roster?unitId=${mataUnit}&from=2026-11-25&to=2026-11-26` })).json().entries as Entry[];
    const [wednesday, thursday] = roster as [Entry, Entry];
    const swapped = await mata({ method: 'POST', url: '/api/duty/roster/swap', payload: { entryId: wednesday.id, withEntryId: thursday.id, reason: '家中有事' } });
    expect(swapped.statusCode).toBe(200);
    expect((swapped.json().entries as Entry[]).map((entry) => [entry.date, entry.account.name])).toEqual([
      ['2026-11-25', '测试用户 mata_a'],
      ['2026-11-26', '测试用户 mata_b'],
    ]);
    const handed = await mata({ method: 'POST', url: '/api/duty/roster/swap', payload: { entryId: wednesday.id, toAccountId: people['mata_b'], reason: '出差' } });
    expect((handed.json().entries as Entry[])[0]?.account.name).toBe('测试用户 mata_b');
    const inbox = await t.ctx.db.kysely.selectFrom('inbox_message').select(['account_id', 'text']).where('kind', '=', 'duty_swapped').orderBy('created_at').execute();
    expect(inbox.filter((message) => message.account_id === people['mata_b']).map((message) => message.text)).toEqual([
      '您 2026-11-25 的全天值班已与测试用户 mata_a（2026-11-26）交换，请于 2026-11-26 值班。原因：家中有事',
      '请于 2026-11-25 马踏镇全天值班（接替测试用户 mata_a）。原因：出差',
    ]);
    expect(inbox.filter((message) => message.account_id === people['mata_a'])).toHaveLength(2);
    const neither = await mata({ method: 'POST', url: '/api/duty/roster/swap', payload: { entryId: wednesday.id, reason: '无' } });
    expect(neither.json().error.code).toBe('DUTY_SWAP_TARGET_REQUIRED');
    const audit = await t.ctx.db.kysely.selectFrom('audit_log').select('action').where('action', '=', 'duty.swapped').execute();
    expect(audit).toHaveLength(2);
  });

  it('lets the person on duty today check in once; a second check-in answers the first', async () => {
    // Two tabs check in at once: both answer the one check-in, which is audited once, in the unit's scope.
    const [first, racing] = await Promise.all([mata({ method: 'POST', url: '/api/duty/check-in' }), mata({ method: 'POST', url: '/api/duty/check-in' })]);
    expect(first.statusCode).toBe(200);
    expect(racing.json().entries[0].checkedInAt).toBe(first.json().entries[0].checkedInAt);
    const checkedIn = first.json().entries[0].checkedInAt as string;
    expect(first.json()).toMatchObject({ date: '2026-11-24', entries: [{ unitName: '马踏镇', slotName: '全天', checkedInAt: '2026-11-24T01:00:00.000Z' }] });
    t.clock.advance(60_000);
    const again = await mata({ method: 'POST', url: '/api/duty/check-in' });
    expect(again.json().entries[0].checkedInAt).toBe(checkedIn);
    expect(await t.ctx.db.kysely.selectFrom('audit_log').select(['object_id', 'org_path']).where('action', '=', 'duty.checked_in').execute()).toEqual([{ object_id: first.json().entries[0].id, org_path: '/511124/511124101/' }]);
    const today = (await county({ method: 'GET', url: '/api/duty/units' })).json().units.find((unit: { name: string }) => unit.name === '马踏镇');
    expect(today.today[0]).toMatchObject({ account: { name: '测试用户 mata_a' }, checkedInAt: checkedIn });
    // A checked-in day can no longer be swapped or removed.
    const removed = await mata({ method: 'DELETE', url: `/api/duty/roster/entries/${today.today[0].id as string}` });
    expect(removed.json().error.code).toBe('DUTY_ENTRY_CHECKED_IN');
  });

  it('refuses the check-in of someone not on today’s roster, in both languages', async () => {
    const other = await signIn('mata_b');
    const zh = await other({ method: 'POST', url: '/api/duty/check-in' });
    expect(zh.statusCode).toBe(422);
    expect(zh.json().error).toMatchObject({ code: 'DUTY_NOT_ON_ROSTER', message: '您不在今天（2026-11-24）的值班表上，无法值班签到' });
    const en = await other({ method: 'POST', url: '/api/duty/check-in', headers: { 'accept-language': 'en-US' } });
    expect(en.json().error.message).toBe('You are not on today’s duty roster (2026-11-24), so you cannot check in');
    expect((await other({ method: 'GET', url: '/api/duty/today' })).json()).toEqual({ date: '2026-11-24', entries: [] });
  });
});
