// 每天定时登录签收, checked by hand on a small county: a department that signed in but left an
// event unsigned at 17:00 and signed another one late, a village nobody signed in to, a rest day
// that is not checked, a rerun that writes nothing twice, a restart that fills in the days it
// missed (judged as they stood at their cut-off), and a unit chased once however often one clicks.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aDepartment, anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { createDailyChecksService } from './daily-checks.service.js';
import { tryDailyCheckLock } from './daily-checks.repo.js';

const MATA = '/511124/511124101/';
const MATA_VILLAGE = '/511124/511124101/511124101001/';
const ZHUYUAN_VILLAGE = '/511124/511124102/511124102001/';

describeEachDialect('the daily login and sign-for check', (dialect) => {
  let t: TestApp;
  let police: string;
  const events: Record<string, string> = {};

  /** Signs `username` in at the instant (UTC) and answers a caller bound to that session. */
  async function at(iso: string, username: string) {
    t.clock.set(iso);
    return as(t.app, await signInCookie(t.app, username));
  }

  async function act(call: ReturnType<typeof as>, id: string, payload: Record<string, unknown>) {
    const response = await call({ method: 'POST', url: `/api/events/${id}/actions`, payload });
    expect(response.statusCode, response.body).toBe(200);
  }

  const rowsOf = (date: string) =>
    t.ctx.db.kysely.selectFrom('daily_unit_check').select(['name', 'unit_kind', 'accounts', 'logged_in', 'waiting_count', 'late_signed_count', 'status', 'as_of']).where('date', '=', date).orderBy('unit_kind').orderBy('path').execute();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    police = await aDepartment(t.ctx, '马踏镇派出所', MATA);
    await aDepartment(t.ctx, '竹园镇司法所', '/511124/511124102/');
    await anAccount(t.ctx, { username: 'dc_county', role: 'county_admin', orgPath: '/511124/' });
    await anAccount(t.ctx, { username: 'dc_mata', role: 'center_operator', orgPath: MATA });
    await anAccount(t.ctx, { username: 'dc_gw', role: 'grid_worker_fulltime', orgPath: MATA_VILLAGE });
    await anAccount(t.ctx, { username: 'dc_zy', role: 'grid_worker_parttime', orgPath: ZHUYUAN_VILLAGE });
    await anAccount(t.ctx, { username: 'dc_police', role: 'dept_handler', orgPath: MATA, departmentId: police });

    // Monday 2026-11-23, 09:00 in Shanghai: three events reported in 马踏村, accepted, dispatched to the police station.
    const worker = await at('2026-11-23T01:00:00.000Z', 'dc_gw');
    for (const key of ['unsigned', 'late', 'handled']) {
      const response = await worker({ method: 'POST', url: '/api/events', payload: { clientKey: `daily-check-${key}`, title: `督查 ${key}`, description: '', categoryCode: 'other', address: '村口' } });
      expect(response.statusCode, response.body).toBe(201);
      events[key] = response.json().id as string;
    }
    const center = await at('2026-11-23T01:05:00.000Z', 'dc_mata');
    for (const id of Object.values(events)) {
      await act(center, id, { action: 'accept' });
      await act(center, id, { action: 'dispatch', leadDepartmentId: police });
    }
    // The station signs for and handles one on Monday: it waits for the village to verify.
    const station = await at('2026-11-23T02:00:00.000Z', 'dc_police');
    await act(station, events['handled']!, { action: 'sign_for' });
    await act(station, events['handled']!, { action: 'handle', result: '已处理' });
    // Tuesday: the station signs in at 08:30 and signs for one at 10:00, an hour past its 24 hours; the other stays unsigned.
    await at('2026-11-24T00:30:00.000Z', 'dc_police');
    await act(await at('2026-11-24T02:00:00.000Z', 'dc_police'), events['late']!, { action: 'sign_for' });
    await at('2026-11-24T01:00:00.000Z', 'dc_mata');
  });
  afterAll(async () => t.close());

  it('finds on Tuesday at 17:00 the station with one event unsigned and one signed late, and the villages nobody signed in to', async () => {
    const checks = createDailyChecksService(t.ctx);
    expect(await checks.runDailyCheck('2026-11-24', '2026-11-24T09:00:00.000Z')).toEqual({ date: '2026-11-24', outcome: 'checked', units: 4 });
    expect(await rowsOf('2026-11-24')).toEqual([
      { name: '马踏镇派出所', unit_kind: 'department', accounts: 1, logged_in: 1, waiting_count: 1, late_signed_count: 1, status: 'unsigned', as_of: '2026-11-24T09:00:00.000Z' },
      { name: '马踏镇', unit_kind: 'township', accounts: 1, logged_in: 1, waiting_count: 0, late_signed_count: 0, status: 'ok', as_of: '2026-11-24T09:00:00.000Z' },
      // The grid worker signed in on Monday only; the handled event waits for the village's verification.
      { name: '马踏村', unit_kind: 'village', accounts: 1, logged_in: 0, waiting_count: 1, late_signed_count: 0, status: 'both', as_of: '2026-11-24T09:00:00.000Z' },
      { name: '竹园村', unit_kind: 'village', accounts: 1, logged_in: 0, waiting_count: 0, late_signed_count: 0, status: 'not_logged_in', as_of: '2026-11-24T09:00:00.000Z' },
    ]);
  });

  it('writes nothing twice when the check runs again, and leaves a rest day alone unless the county asks', async () => {
    const checks = createDailyChecksService(t.ctx);
    expect(await checks.runDailyCheck('2026-11-24', '2026-11-24T09:30:00.000Z')).toEqual({ date: '2026-11-24', outcome: 'done_already', units: 0 });
    const runs = await t.ctx.db.kysely.selectFrom('audit_log').select('object_id').where('action', '=', 'daily_check.run').execute();
    expect(runs.map((row) => row.object_id)).toEqual(['2026-11-24']);
    expect(await checks.runDailyCheck('2026-11-28', '2026-11-28T10:00:00.000Z')).toEqual({ date: '2026-11-28', outcome: 'rest_day', units: 0 });
    expect(await rowsOf('2026-11-28')).toEqual([]);
    // Friday 2026-11-27 made a public holiday: no longer a checked day.
    await t.ctx.db.kysely.insertInto('working_day').values({ date: '2026-11-27', kind: 'holiday', name: '测试假日', updated_by: null, updated_at: '2026-11-01T00:00:00.000Z' }).execute();
    expect((await checks.runDailyCheck('2026-11-27', '2026-11-27T10:00:00.000Z')).outcome).toBe('rest_day');
  });

  it('after a restart fills in the working days of the last week it missed, each as it stood at its own cut-off', async () => {
    const checks = createDailyChecksService(t.ctx);
    // Thursday 2026-11-26 18:00: the 19th, 20th, 23rd, 25th and 26th are missing (the 21st and 22nd are a weekend).
    const outcomes = await checks.catchUp('2026-11-26T10:00:00.000Z');
    expect(outcomes.map((outcome) => [outcome.date, outcome.outcome])).toEqual([
      ['2026-11-19', 'checked'],
      ['2026-11-20', 'checked'],
      ['2026-11-23', 'checked'],
      ['2026-11-25', 'checked'],
      ['2026-11-26', 'checked'],
    ]);
    // Monday at 17:00: two events still waited for the station (one was signed on Tuesday), which had signed in.
    expect((await rowsOf('2026-11-23')).map((row) => [row.name, row.logged_in, row.waiting_count, row.status])).toEqual([
      ['马踏镇派出所', 1, 2, 'unsigned'],
      ['马踏镇', 1, 0, 'ok'],
      ['马踏村', 1, 1, 'unsigned'],
      ['竹园村', 0, 0, 'not_logged_in'],
    ]);
    expect(await checks.catchUp('2026-11-26T11:00:00.000Z')).toEqual([]);
    // Before Friday's cut-off nothing is due for Friday.
    expect(await checks.catchUp('2026-11-27T08:00:00.000Z')).toEqual([]);
  });

  it('adds up the month per unit for the assessment', async () => {
    const county = await at('2026-11-26T11:00:00.000Z', 'dc_county');
    const response = await county({ method: 'GET', url: '/api/daily-checks/monthly?month=2026-11&kind=department' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      month: '2026-11',
      checkedDays: ['2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'],
      items: [{ kind: 'department', id: police, name: '马踏镇派出所', path: MATA, workingDays: 6, daysLoggedIn: 2, daysUnsigned: 4, lateSigned: 1, loginRate: 33 }],
    });
  });

  it('tells a unit once, in the inbox and by SMS, naming what is missing; a second click within 10 minutes sends nothing', async () => {
    const county = await at('2026-11-26T11:00:00.000Z', 'dc_county');
    const village = await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', MATA_VILLAGE).executeTakeFirstOrThrow();
    const payload = { date: '2026-11-24', units: [{ kind: 'village', id: village.id }, { kind: 'department', id: police }] };
    const first = await county({ method: 'POST', url: '/api/daily-checks/notify', payload });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items).toEqual([
      { kind: 'village', id: village.id, name: '马踏村', recipients: 1, text: '【每日督查】马踏村：2026-11-24 17:00 前未登录平台，有 1 件事件待核查，请尽快登录处理。', notifiedAt: '2026-11-26T11:00:00.000Z', repeated: false },
      { kind: 'department', id: police, name: '马踏镇派出所', recipients: 1, text: '【每日督查】马踏镇派出所：2026-11-24 有 1 件事件待签收，请尽快登录处理。', notifiedAt: '2026-11-26T11:00:00.000Z', repeated: false },
    ]);
    t.clock.advance(5 * 60_000);
    const again = await county({ method: 'POST', url: '/api/daily-checks/notify', payload });
    expect(again.json().items.map((item: { repeated: boolean; notifiedAt: string }) => [item.repeated, item.notifiedAt])).toEqual([
      [true, '2026-11-26T11:00:00.000Z'],
      [true, '2026-11-26T11:00:00.000Z'],
    ]);
    const inbox = await t.ctx.db.kysely.selectFrom('inbox_message').innerJoin('account', 'account.id', 'inbox_message.account_id').select(['account.username', 'inbox_message.kind', 'inbox_message.text']).where('inbox_message.kind', '=', 'daily_check').orderBy('account.username').execute();
    expect(inbox.map((row) => row.username)).toEqual(['dc_gw', 'dc_police']);
    const sms = await t.ctx.db.kysely.selectFrom('sms_outbox').select('text').where('text', 'like', '%每日督查%').execute();
    expect(sms).toHaveLength(2);
    expect(sms.every((row) => row.text.startsWith('【网格平台】【每日督查】'))).toBe(true);
    const stamped = await t.ctx.db.kysely.selectFrom('daily_unit_check').select(['name', 'notified_at']).where('date', '=', '2026-11-24').where('notified_at', 'is not', null).orderBy('name').execute();
    expect(stamped).toHaveLength(2);
    const trail = await t.ctx.db.kysely.selectFrom('audit_log').select(['actor_username', 'object_id']).where('action', '=', 'daily_check.notified').execute();
    expect(trail.map((row) => row.actor_username)).toEqual(['dc_county', 'dc_county']);
    // The worker finds the message in their inbox.
    const worker = await at('2026-11-26T11:06:00.000Z', 'dc_gw');
    const messages = (await worker({ method: 'GET', url: '/api/inbox' })).json().items as { text: string }[];
    expect(messages.map((message) => message.text)).toContain('【每日督查】马踏村：2026-11-24 17:00 前未登录平台，有 1 件事件待核查，请尽快登录处理。');
    // Eleven minutes after the first, a reminder goes out again.
    t.clock.set('2026-11-26T11:11:00.000Z');
    const later = await county({ method: 'POST', url: '/api/daily-checks/notify', payload: { date: '2026-11-24', units: [{ kind: 'department', id: police }] } });
    expect(later.json().items[0]).toMatchObject({ repeated: false, notifiedAt: '2026-11-26T11:11:00.000Z' });
    expect(await t.ctx.db.kysely.selectFrom('sms_outbox').select('id').where('text', 'like', '%每日督查%').execute()).toHaveLength(3);
  });

  it('sends once when two clicks arrive together', async () => {
    const county = await at('2026-11-26T12:00:00.000Z', 'dc_county');
    const payload = { date: '2026-11-25', units: [{ kind: 'department', id: police }] };
    const answers = await Promise.all([county({ method: 'POST', url: '/api/daily-checks/notify', payload }), county({ method: 'POST', url: '/api/daily-checks/notify', payload })]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200]);
    expect(answers.map((answer) => answer.json().items[0].repeated as boolean).sort()).toEqual([false, true]);
    const sent = await t.ctx.db.kysely.selectFrom('inbox_message').select('id').where('kind', '=', 'daily_check').where('text', 'like', '%2026-11-25%').execute();
    expect(sent).toHaveLength(1);
  });

  it('on PostgreSQL leaves the day to the server that holds the check’s lock', async () => {
    // SQLite has one writer: the lock is always this server's.
    if (dialect !== 'postgres') return expect(await tryDailyCheckLock(t.ctx.db.kysely, 'sqlite')).toBe(true);
    const checks = createDailyChecksService(t.ctx);
    const outcome = await t.ctx.db.kysely.transaction().execute(async (trx) => {
      expect(await tryDailyCheckLock(trx, 'postgres')).toBe(true);
      return checks.runDailyCheck('2026-11-30', '2026-11-30T10:00:00.000Z');
    });
    expect(outcome).toEqual({ date: '2026-11-30', outcome: 'busy', units: 0 });
    expect(await rowsOf('2026-11-30')).toEqual([]);
    expect((await checks.runDailyCheck('2026-11-30', '2026-11-30T10:00:00.000Z')).outcome).toBe('checked');
  });

  it('keeps the days already checked when the county moves the cut-off: last week is not judged again, the month still counts them', async () => {
    const checks = createDailyChecksService(t.ctx);
    // Monday the 30th checked at its 17:00 cut-off (on PostgreSQL the lock test above did it already).
    await checks.runDailyCheck('2026-11-30', '2026-11-30T10:00:00.000Z');
    const before = await rowsOf('2026-11-24');
    const county = await at('2026-11-30T11:00:00.000Z', 'dc_county');
    expect((await county({ method: 'PUT', url: '/api/settings/daily-checks', payload: { cutoff: '18:00' } })).statusCode).toBe(200);
    try {
      // Monday 2026-11-30 at 18:30: only the days never checked are due (Friday the 27th is a holiday here, the 30th was checked above).
      const outcomes = await checks.catchUp('2026-11-30T10:30:00.000Z');
      expect(outcomes.filter((outcome) => outcome.outcome === 'checked').map((outcome) => outcome.date)).toEqual([]);
      expect(await rowsOf('2026-11-24')).toEqual(before);
      const month = (await county({ method: 'GET', url: '/api/daily-checks/monthly?month=2026-11&kind=department' })).json() as { checkedDays: string[] };
      expect(month.checkedDays).toEqual(['2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-30']);
      const day = (await county({ method: 'GET', url: '/api/daily-checks?date=2026-11-24' })).json() as { live: boolean };
      expect(day.live).toBe(false);
    } finally {
      expect((await county({ method: 'PUT', url: '/api/settings/daily-checks', payload: { cutoff: '17:00' } })).statusCode).toBe(200);
    }
  });

  it('keeps the unit path as bytes (COLLATE "C" on PostgreSQL, like every path column), so a scope range is exact', async () => {
    const db = t.ctx.db.kysely;
    if (dialect === 'postgres') {
      const columns = await sql<{ collation_name: string | null }>`
        select collation_name from information_schema.columns
        where table_schema = current_schema() and table_name = 'daily_unit_check' and column_name = 'path'`.execute(db);
      expect(columns.rows).toEqual([{ collation_name: 'C' }]);
    } else {
      // SQLite compares text as bytes unless a column names another collation.
      const tables = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'daily_unit_check'`.execute(db);
      expect(tables.rows).toHaveLength(1);
      expect(tables.rows[0]!.sql.toLowerCase()).not.toContain('collate');
    }
  });
});
