// The daily "nobody on duty" check: on working days only, once per unit and day however often it
// runs, and after a restart it fills in the working days it missed.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { createDutyCheckService, cutOffOn } from './duty-check.service.js';

describeEachDialect('the daily duty check', (dialect) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const signIn = async (username: string) => as(t.app, await signInCookie(t.app, username));
  const since = async () => {
    const row = await t.ctx.db.kysely.selectFrom('county_setting').select('value').where('key', '=', 'duty_check.since').executeTakeFirst();
    return row ? (JSON.parse(row.value) as string) : null;
  };
  const lapses = () => t.ctx.db.kysely.selectFrom('duty_lapse').innerJoin('org_unit', 'org_unit.id', 'duty_lapse.unit_id').select(['org_unit.name', 'duty_lapse.date', 'duty_lapse.reason']).orderBy('duty_lapse.date').orderBy('org_unit.path').execute();

  beforeAll(async () => {
    // Monday 16 November 2026, 08:00 in Shanghai; cut-off at 10:00 (the default pattern).
    t = await createTestApp(dialect, { dutyCheckCron: '0 10 * * *' });
    t.clock.set('2026-11-16T00:00:00.000Z');
    await aSmallCounty(t.ctx);
    for (const [username, role, orgPath] of [
      ['chk_county', 'county_admin', '/511124/'],
      ['chk_mata', 'center_operator', '/511124/511124101/'],
      ['chk_zy', 'center_operator', '/511124/511124102/'],
    ] as const) {
      ids[username] = (await anAccount(t.ctx, { username, role, orgPath })).id;
    }
    const county = await signIn('chk_county');
    const units = (await county({ method: 'GET', url: '/api/duty/units' })).json().units as { id: string; name: string }[];
    const mataUnit = units.find((unit) => unit.name === '马踏镇')?.id;
    const countyUnit = units.find((unit) => unit.name === '井研县')?.id;
    expect((await county({ method: 'POST', url: '/api/duty/roster/fill', payload: { unitId: mataUnit, from: '2026-11-16', to: '2026-11-20', slot: 'day', accountIds: [ids['chk_mata']] } })).statusCode).toBe(200);
    expect((await county({ method: 'POST', url: '/api/duty/roster/fill', payload: { unitId: countyUnit, from: '2026-11-16', to: '2026-11-20', slot: 'day', accountIds: [ids['chk_county']] } })).statusCode).toBe(200);
    // Wednesday the 18th is a holiday of the county's: nobody is checked that day.
    expect((await county({ method: 'PUT', url: '/api/working-calendar/days/2026-11-18', payload: { kind: 'holiday', name: '县庆' } })).statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  it('takes the first firing of the schedule on a day as its cut-off', () => {
    expect(cutOffOn('0 10 * * *', '2026-11-16')).toBe('2026-11-16T02:00:00.000Z');
    expect(cutOffOn('30 9 * * 1-5', '2026-11-21')).toBeNull(); // Saturday
  });

  it('does nothing before the cut-off, then records the sub-center with nobody on the roster, once however often it runs', async () => {
    const check = createDutyCheckService(t.ctx);
    // 09:00: 马踏镇's person checks in; the cut-off has not come.
    t.clock.set('2026-11-16T01:00:00.000Z');
    expect((await (await signIn('chk_mata'))({ method: 'POST', url: '/api/duty/check-in' })).statusCode).toBe(200);
    // The first run ever: it notes the day it started and never looks back before it.
    expect(await check.run('2026-11-16T01:00:00.000Z')).toEqual({ days: [], recorded: 0, missed: null });
    expect(await since()).toBe('2026-11-16');
    // 10:05: the county center's person did not check in, 竹园镇 has nobody on the roster.
    expect(await check.run('2026-11-16T02:05:00.000Z')).toEqual({ days: ['2026-11-16'], recorded: 2, missed: null });
    expect(await check.run('2026-11-16T02:10:00.000Z')).toEqual({ days: ['2026-11-16'], recorded: 0, missed: null });
    expect(await lapses()).toEqual([
      { name: '井研县', date: '2026-11-16', reason: 'no_check_in' },
      { name: '竹园镇', date: '2026-11-16', reason: 'no_roster' },
    ]);
    const inbox = await t.ctx.db.kysely.selectFrom('inbox_message').select(['account_id', 'text']).where('kind', '=', 'duty_lapse').execute();
    expect(inbox.sort((a, b) => `${a.account_id}${a.text}`.localeCompare(`${b.account_id}${b.text}`))).toEqual([
      { account_id: ids['chk_county'], text: '值班缺岗：井研县 2026-11-16 值班人员未签到' },
      { account_id: ids['chk_county'], text: '值班缺岗：竹园镇 2026-11-16 未排班' },
      { account_id: ids['chk_zy'], text: '值班缺岗：竹园镇 2026-11-16 未排班' },
    ].sort((a, b) => `${a.account_id}${a.text}`.localeCompare(`${b.account_id}${b.text}`)));
  });

  it('records a fresh day’s lapses once when two runs race: one records them all, the other nothing', async () => {
    // Tuesday the 17th, 10:05: nobody checked in anywhere, 竹园镇 has nobody on the roster.
    const check = createDutyCheckService(t.ctx);
    const results = await Promise.all([check.run('2026-11-17T02:05:00.000Z'), createDutyCheckService(t.ctx).run('2026-11-17T02:05:00.000Z')]);
    // null: PostgreSQL's advisory lock was taken by the other run; 0: it ran after the other had committed.
    const outcomes = results.map((result) => (result === null ? 'locked' : result.recorded));
    const winners = outcomes.filter((outcome) => outcome === 3);
    const losers = outcomes.filter((outcome) => outcome !== 3);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(['locked', 0]).toContain(losers[0]);
    expect((await lapses()).filter((lapse) => lapse.date === '2026-11-17')).toEqual([
      { name: '井研县', date: '2026-11-17', reason: 'no_check_in' },
      { name: '马踏镇', date: '2026-11-17', reason: 'no_check_in' },
      { name: '竹园镇', date: '2026-11-17', reason: 'no_roster' },
    ]);
    const told = await t.ctx.db.kysely.selectFrom('inbox_message').select('text').where('kind', '=', 'duty_lapse').where('text', 'like', '%2026-11-17%').execute();
    // 井研县 → the county's administrator; 马踏镇 and 竹园镇 → the county's administrator and their own operator.
    expect(told).toHaveLength(5);
  });

  it('after days down, fills in the working days it missed; a check-in after the cut-off does not count', async () => {
    // Friday 20 November, 10:30: 马踏镇's person checks in late; the server comes back at 11:00.
    t.clock.set('2026-11-20T02:30:00.000Z');
    expect((await (await signIn('chk_mata'))({ method: 'POST', url: '/api/duty/check-in' })).statusCode).toBe(200);
    const result = await createDutyCheckService(t.ctx).run('2026-11-20T03:00:00.000Z');
    expect(result).toEqual({ days: ['2026-11-16', '2026-11-17', '2026-11-19', '2026-11-20'], recorded: 6, missed: null });
    const after = (await lapses()).filter((lapse) => lapse.date > '2026-11-17');
    expect(after).toEqual([
      { name: '井研县', date: '2026-11-19', reason: 'no_check_in' },
      { name: '马踏镇', date: '2026-11-19', reason: 'no_check_in' },
      { name: '竹园镇', date: '2026-11-19', reason: 'no_roster' },
      { name: '井研县', date: '2026-11-20', reason: 'no_check_in' },
      { name: '马踏镇', date: '2026-11-20', reason: 'no_check_in' },
      { name: '竹园镇', date: '2026-11-20', reason: 'no_roster' },
    ]);
  });

  it('lists a month’s lapses per unit within the caller’s scope', async () => {
    const zy = await signIn('chk_zy');
    const own = await zy({ method: 'GET', url: '/api/duty/lapses?month=2026-11' });
    expect((own.json().lapses as { unitName: string; date: string }[]).map((lapse) => `${lapse.unitName} ${lapse.date}`)).toEqual(['竹园镇 2026-11-16', '竹园镇 2026-11-17', '竹园镇 2026-11-19', '竹园镇 2026-11-20']);
    const county = await signIn('chk_county');
    expect((await county({ method: 'GET', url: '/api/duty/lapses?month=2026-11' })).json().lapses).toHaveLength(11);
    expect((await county({ method: 'GET', url: '/api/duty/lapses?month=2026-12' })).json().lapses).toEqual([]);
    const bad = await county({ method: 'GET', url: '/api/duty/lapses?month=2026-13' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('querystring.month');
  });
});

describeEachDialect('the daily duty check after an upgrade and after a long outage', (dialect) => {
  let t: TestApp;
  const lapseDates = async () => (await t.ctx.db.kysely.selectFrom('duty_lapse').select('date').orderBy('date').execute()).map((row) => row.date);

  beforeAll(async () => {
    t = await createTestApp(dialect, { dutyCheckCron: '0 10 * * *' });
    // The accounts are old: created on 1 October 2026, long before the check first runs.
    t.clock.set('2026-10-01T01:00:00.000Z');
    await aSmallCounty(t.ctx);
    await anAccount(t.ctx, { username: 'old_county', role: 'county_admin', orgPath: '/511124/' });
    await anAccount(t.ctx, { username: 'old_mata', role: 'center_operator', orgPath: '/511124/511124101/' });
  });
  afterAll(async () => t.close());

  it('blames nobody for the days before its first run, though the accounts are older', async () => {
    // Monday 16 November 2026, 11:00: the first run after the upgrade; nobody was ever on a roster.
    const result = await createDutyCheckService(t.ctx).run('2026-11-16T03:00:00.000Z');
    expect(result).toEqual({ days: ['2026-11-16'], recorded: 2, missed: null });
    expect(await lapseDates()).toEqual(['2026-11-16', '2026-11-16']);
    // A later run still never looks before the 16th.
    expect((await createDutyCheckService(t.ctx).run('2026-11-17T03:00:00.000Z'))?.days).toEqual(['2026-11-16', '2026-11-17']);
  });

  it('after an outage longer than its look-back, checks the last 31 days and answers the days it can no longer check', async () => {
    // Thursday 31 December 2026, 11:00: down since the 17th.
    const result = await createDutyCheckService(t.ctx).run('2026-12-31T03:00:00.000Z');
    expect(result?.missed).toEqual({ from: '2026-11-18', to: '2026-11-29' });
    expect(result?.days[0]).toBe('2026-11-30');
    expect(result?.days.at(-1)).toBe('2026-12-31');
    expect((await lapseDates()).filter((date) => date > '2026-11-17' && date < '2026-11-30')).toEqual([]);
    // Said once: the next run has nothing missed.
    expect((await createDutyCheckService(t.ctx).run('2026-12-31T04:00:00.000Z'))?.missed).toBeNull();
  });
});

describeEachDialect('the duty tables’ unit paths', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('compare as bytes (COLLATE "C" on PostgreSQL, like every path column), so scope ranges are exact', async () => {
    const db = t.ctx.db.kysely;
    if (t.ctx.db.kind === 'postgres') {
      const columns = await sql<{ table_name: string; collation_name: string | null }>`
        select table_name, collation_name from information_schema.columns
        where table_schema = current_schema() and column_name in ('unit_path', 'path') and table_name in ('duty_entry', 'duty_lapse', 'org_unit')
        order by table_name`.execute(db);
      expect(columns.rows).toEqual([
        { table_name: 'duty_entry', collation_name: 'C' },
        { table_name: 'duty_lapse', collation_name: 'C' },
        { table_name: 'org_unit', collation_name: 'C' },
      ]);
    } else {
      // SQLite compares text as bytes unless a column names another collation.
      const tables = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name in ('duty_entry', 'duty_lapse')`.execute(db);
      expect(tables.rows).toHaveLength(2);
      for (const table of tables.rows) expect(table.sql.toLowerCase()).not.toContain('collate');
    }
  });
});
