// The events indicators of November 2026, checked by hand on a small county: events reported by a
// part-time grid worker of 马踏村 and taken through the workflow by the sub-center, the township's
// police station and a county department (signed late, never signed, returned, failed a
// verification, signed on Monday morning after a Friday-afternoon dispatch: on time in working
// time), the deadline sweep's cards, the daily check's days, and who may see which unit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDepartment, anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { createEventCardsService } from '../events/event-cards.service.js';

const COUNTY = '/511124/';
const MATA = '/511124/511124101/';
const MATA_VILLAGE = '/511124/511124101/511124101001/';
const ZHUYUAN_VILLAGE = '/511124/511124102/511124102001/';
const NOW = '2026-11-30T02:00:00.000Z';

interface Figure {
  value: number | null;
  numerator: number;
  denominator: number | null;
  tooFew: boolean;
}
const rate = (numerator: number, denominator: number, tooFew = denominator < 5): Figure => ({ value: denominator > 0 ? numerator / denominator : null, numerator, denominator, tooFew });
const count = (n: number): Figure => ({ value: n, numerator: n, denominator: null, tooFew: false });

describeEachDialect('the events indicators', (dialect) => {
  let t: TestApp;
  let police: string;
  let countyDept: string;
  let mataVillage: string;
  let mataTownship: string;
  let zhuyuanVillage: string;
  let pt1: string;
  const ev: Record<string, string> = {};

  async function at(iso: string, username: string) {
    t.clock.set(iso);
    return as(t.app, await signInCookie(t.app, username));
  }
  async function act(call: ReturnType<typeof as>, id: string, payload: Record<string, unknown>) {
    const response = await call({ method: 'POST', url: `/api/events/${id}/actions`, payload });
    expect(response.statusCode, response.body).toBe(200);
  }
  async function report(call: ReturnType<typeof as>, key: string) {
    const response = await call({ method: 'POST', url: '/api/events', payload: { clientKey: `indicator-${key}`, title: `指标 ${key}`, description: '', categoryCode: 'other', address: '村口' } });
    expect(response.statusCode, response.body).toBe(201);
    ev[key] = response.json().id as string;
    return ev[key];
  }
  const idOf = async (path: string) => (await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', path).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    // The accounts were opened before November: every day of the month is theirs to answer for.
    t.clock.set('2026-10-30T00:00:00.000Z');
    await aSmallCounty(t.ctx);
    police = await aDepartment(t.ctx, '马踏镇派出所', MATA);
    countyDept = await aDepartment(t.ctx, '县住建局', COUNTY);
    mataVillage = await idOf(MATA_VILLAGE);
    mataTownship = await idOf(MATA);
    zhuyuanVillage = await idOf(ZHUYUAN_VILLAGE);
    await anAccount(t.ctx, { username: 'ei_county', role: 'county_admin', orgPath: COUNTY });
    await anAccount(t.ctx, { username: 'ei_mata', role: 'center_operator', orgPath: MATA });
    await anAccount(t.ctx, { username: 'ei_zhuyuan', role: 'center_operator', orgPath: '/511124/511124102/' });
    await anAccount(t.ctx, { username: 'ei_village', role: 'village_admin', orgPath: MATA_VILLAGE });
    pt1 = (await anAccount(t.ctx, { username: 'ei_pt1', role: 'grid_worker_parttime', orgPath: MATA_VILLAGE })).id;
    await anAccount(t.ctx, { username: 'ei_pt2', role: 'grid_worker_parttime', orgPath: MATA_VILLAGE });
    await anAccount(t.ctx, { username: 'ei_zy', role: 'grid_worker_fulltime', orgPath: ZHUYUAN_VILLAGE });
    await anAccount(t.ctx, { username: 'ei_police', role: 'dept_handler', orgPath: MATA, departmentId: police });
    await anAccount(t.ctx, { username: 'ei_chief', role: 'dept_leader', orgPath: MATA, departmentId: police });

    // Monday 2 November, 09:00 in Shanghai: seven reports. The category "other" gives 24 working hours to sign for, 7 working days to handle.
    const worker = await at('2026-11-02T01:00:00.000Z', 'ei_pt1');
    for (const key of ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7']) await report(worker, key);
    const center = await at('2026-11-02T01:05:00.000Z', 'ei_mata');
    for (const key of ['e1', 'e2', 'e3', 'e4']) {
      await act(center, ev[key]!, { action: 'accept' });
      await act(center, ev[key]!, { action: 'dispatch', leadDepartmentId: key === 'e3' ? countyDept : police });
    }
    await act(center, ev['e5']!, { action: 'reject', note: '不属于网格事项' });
    await act(center, ev['e6']!, { action: 'merge', duplicateOfId: ev['e1'] });
    await act(center, ev['e7']!, { action: 'resolve_on_spot', result: '已当场调解' });
    // 10:00: the station signs for e1 and returns e4 (an answer within the deadline, but a return).
    let station = await at('2026-11-02T02:00:00.000Z', 'ei_police');
    await act(station, ev['e1']!, { action: 'sign_for' });
    await act(station, ev['e4']!, { action: 'return', note: '非本所职责' });
    // Tuesday: e4 dispatched again, signed for and handled; the grid worker finds it not done.
    await act(await at('2026-11-03T01:00:00.000Z', 'ei_mata'), ev['e4']!, { action: 'dispatch', leadDepartmentId: police });
    station = await at('2026-11-03T02:00:00.000Z', 'ei_police');
    await act(station, ev['e4']!, { action: 'sign_for' });
    await act(station, ev['e1']!, { action: 'handle', result: '已处理' });
    await act(await at('2026-11-03T03:00:00.000Z', 'ei_police'), ev['e4']!, { action: 'handle', result: '已处理' });
    await act(await at('2026-11-03T04:00:00.000Z', 'ei_pt1'), ev['e4']!, { action: 'verify_fail', note: '仍未修好' });
    // Wednesday: e2 signed for a day late (its handling is still open on the 30th: overdue); e4 handled again; both closed ones verified.
    station = await at('2026-11-04T02:00:00.000Z', 'ei_police');
    await act(station, ev['e2']!, { action: 'sign_for' });
    await act(station, ev['e4']!, { action: 'handle', result: '已修好' });
    const verifier = await at('2026-11-04T03:00:00.000Z', 'ei_pt1');
    await act(verifier, ev['e1']!, { action: 'verify_pass' });
    await act(verifier, ev['e4']!, { action: 'verify_pass' });
    // 竹园村: one event accepted, never dispatched.
    await report(await at('2026-11-10T01:00:00.000Z', 'ei_zy'), 'z1');
    await act(await at('2026-11-10T01:10:00.000Z', 'ei_zhuyuan'), ev['z1']!, { action: 'accept' });
    // Monday 16th: e9 handled on time, never verified by the village (its card is the village's).
    await report(await at('2026-11-16T01:00:00.000Z', 'ei_pt1'), 'e9');
    await act(await at('2026-11-16T01:05:00.000Z', 'ei_mata'), ev['e9']!, { action: 'accept' });
    await act(await at('2026-11-16T01:06:00.000Z', 'ei_mata'), ev['e9']!, { action: 'dispatch', leadDepartmentId: police });
    station = await at('2026-11-16T02:00:00.000Z', 'ei_police');
    await act(station, ev['e9']!, { action: 'sign_for' });
    await act(station, ev['e9']!, { action: 'handle', result: '已处理' });
    // Friday 20th 16:00 in Shanghai: e10 dispatched; signed for Monday 09:00 — 65 clock hours, 17 working hours: on time.
    await report(await at('2026-11-20T07:00:00.000Z', 'ei_pt1'), 'e10');
    const friday = await at('2026-11-20T08:00:00.000Z', 'ei_mata');
    await act(friday, ev['e10']!, { action: 'accept' });
    await act(friday, ev['e10']!, { action: 'dispatch', leadDepartmentId: police });
    await act(await at('2026-11-23T01:00:00.000Z', 'ei_police'), ev['e10']!, { action: 'sign_for' });
    // Monday 30th, 09:00: e8 reported and dispatched; its sign-for is not due yet, so it is not judged.
    await report(await at('2026-11-30T01:00:00.000Z', 'ei_pt1'), 'e8');
    const today = await at('2026-11-30T01:00:00.000Z', 'ei_mata');
    await act(today, ev['e8']!, { action: 'accept' });
    await act(today, ev['e8']!, { action: 'dispatch', leadDepartmentId: police });

    // The deadline sweep at 10:00: yellow and red for e2's handling (police), e3's sign-for (county department), e9's verification (马踏村).
    expect(await createEventCardsService(t.ctx).sweep(NOW)).toMatchObject({ issued: 6 });

    // Three days checked by the daily check (and the 27th only provisionally): who signed in by the cut-off.
    const checks = t.ctx.db.kysely;
    for (const date of ['2026-11-24', '2026-11-25', '2026-11-26']) {
      await checks.insertInto('daily_check_run').values({ date, cutoff: '17:00', as_of: `${date}T09:00:00.000Z`, units: 3, checked_at: `${date}T09:00:00.000Z` }).execute();
    }
    const day = (unit_kind: 'village' | 'township' | 'department', unit_id: string, path: string, date: string, logged: 0 | 1) => ({
      unit_kind,
      unit_id,
      date,
      name: path,
      path,
      accounts: 1,
      logged_in: logged,
      first_sign_in_at: logged ? `${date}T01:00:00.000Z` : null,
      waiting_count: 0,
      late_signed_count: 0,
      status: logged ? ('ok' as const) : ('not_logged_in' as const),
      as_of: `${date}T09:00:00.000Z`,
      checked_at: `${date}T09:00:00.000Z`,
      notified_at: null,
      notified_by: null,
      notice_text: null,
      notice_recipients: null,
    });
    await checks
      .insertInto('daily_unit_check')
      .values([
        day('village', mataVillage, MATA_VILLAGE, '2026-11-24', 1),
        day('village', mataVillage, MATA_VILLAGE, '2026-11-25', 1),
        day('village', mataVillage, MATA_VILLAGE, '2026-11-26', 0),
        day('village', mataVillage, MATA_VILLAGE, '2026-11-27', 1),
        day('township', mataTownship, MATA, '2026-11-24', 1),
        day('township', mataTownship, MATA, '2026-11-25', 1),
        day('township', mataTownship, MATA, '2026-11-26', 1),
        day('department', police, MATA, '2026-11-24', 1),
      ])
      .execute();
    t.clock.set(NOW);
  });
  afterAll(async () => t.close());

  async function table(username: string, query: string) {
    const call = as(t.app, await signInCookie(t.app, username));
    t.clock.set(NOW);
    const response = await call({ method: 'GET', url: `/api/assessment/indicators?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { rows: { unitId: string; unitName: string; figures: Record<string, Figure> }[] };
  }
  const row = (result: Awaited<ReturnType<typeof table>>, unitId: string) => result.rows.find((candidate) => candidate.unitId === unitId)?.figures;

  it('rates the police station: sign-fors 5 of 6 on time (e2 late, e8 not due yet), handlings 4 of 5 (e2 overdue open), 2 of 7 dispatches returned or failed', async () => {
    const result = await table('ei_county', 'period=2026-11&unitKind=department');
    // Sign-fors: e1, e4 (returned in time), e4 again, e9, e10 (Friday → Monday in working time) on time; e2 a day late.
    // Handlings: e1, e4, e4 after the failed verification, e9 on time; e2 open past its deadline. e10's handling is not due.
    // Dispatches: e1, e2, e4 (returned), e4 again (failed verification), e8, e9, e10.
    // Closure: of the events it leads reported in November (e1, e2, e4, e8, e9, e10) e1 and e4 are closed.
    expect(row(result, police)).toMatchObject({
      login_rate: rate(1, 3),
      sign_for_on_time: rate(5, 6),
      handle_on_time: rate(4, 5),
      closure_rate: rate(2, 6),
      rework_rate: rate(2, 7),
      yellow_cards: count(1),
      red_cards: count(1),
    });
    // The county department never signed e3 for: its only dispatch is late and open.
    expect(row(result, countyDept)).toMatchObject({ sign_for_on_time: rate(0, 1), handle_on_time: rate(0, 0), closure_rate: rate(0, 1), rework_rate: rate(0, 1), yellow_cards: count(1), red_cards: count(1) });
  });

  it('rates 马踏村 and 马踏镇 from their events, their part-time workers and the cards under them', async () => {
    const villages = await table('ei_county', 'period=2026-11&unitKind=village');
    // Reported in November by its grid worker: e1–e10 (10); valid: all but e5 (rejected) and e6 (merged): 8; closed: e1, e4, e7.
    // Part-time workers: ei_pt1 with 8 valid reports meets the 4; ei_pt2 with none does not.
    expect(row(villages, mataVillage)).toMatchObject({
      login_rate: rate(2, 3),
      closure_rate: rate(3, 8),
      quota_attainment: rate(1, 2),
      valid_report_rate: rate(8, 10),
      yellow_cards: count(1),
      red_cards: count(1),
    });
    expect(row(villages, zhuyuanVillage)).toMatchObject({ closure_rate: rate(0, 1), quota_attainment: rate(0, 0), valid_report_rate: rate(1, 1), yellow_cards: count(0) });
    const townships = await table('ei_county', 'period=2026-11&unitKind=township');
    // Every dispatch of its events: the police's 6 judged sign-fors plus e3's (late) to the county department.
    // Cards under it: the police station's (its path is the township's) and the village's; not the county department's.
    expect(row(townships, mataTownship)).toMatchObject({
      login_rate: rate(3, 3),
      sign_for_on_time: rate(5, 7),
      handle_on_time: rate(4, 5),
      closure_rate: rate(3, 8),
      rework_rate: rate(2, 8),
      quota_attainment: rate(1, 2),
      valid_report_rate: rate(8, 10),
      yellow_cards: count(2),
      red_cards: count(2),
    });
  });

  it('rates a grid worker against the monthly quota (a year’s grows with its months begun) and the working days he signed in on', async () => {
    const month = await table('ei_county', 'period=2026-11&unitKind=grid_worker');
    // November has 21 working days up to Monday the 30th (signed in today, so today counts): he signed in on the 2nd, 3rd, 4th, 16th, 20th and 30th.
    expect(row(month, pt1)).toMatchObject({ login_rate: rate(6, 21), quota_attainment: { value: 1, numerator: 4, denominator: 4, tooFew: false }, valid_report_rate: rate(8, 10) });
    // The year so far: January to November have begun, 11 × 4.
    const year = await table('ei_county', 'period=2026&unitKind=grid_worker');
    expect(row(year, pt1)?.['quota_attainment']).toEqual({ value: 8 / 44, numerator: 8, denominator: 44, tooFew: false });
  });

  it('asks a grid worker to sign in only on the days his account was open, and lists only the workers and villages of the period', async () => {
    // 孙新: opened Monday 16 November at 10:00, signed in that day and the next; the 16th counts as he signed in on it.
    t.clock.set('2026-11-16T02:00:00.000Z');
    const newcomer = (await anAccount(t.ctx, { username: 'ei_new', role: 'grid_worker_fulltime', orgPath: ZHUYUAN_VILLAGE })).id;
    await signInCookie(t.app, 'ei_new');
    t.clock.set('2026-11-17T01:00:00.000Z');
    await signInCookie(t.app, 'ei_new');
    // 赵离: part-time in 竹园村 all November, his account disabled on 3 December.
    t.clock.set('2026-10-30T00:00:00.000Z');
    const leaver = (await anAccount(t.ctx, { username: 'ei_leaver', role: 'grid_worker_parttime', orgPath: ZHUYUAN_VILLAGE })).id;
    await t.ctx.db.kysely.updateTable('account').set({ disabled_at: '2026-12-03T02:00:00.000Z' }).where('id', '=', leaver).execute();
    // 钱迟: opened in December.
    t.clock.set('2026-12-01T02:00:00.000Z');
    const late = (await anAccount(t.ctx, { username: 'ei_late', role: 'grid_worker_parttime', orgPath: ZHUYUAN_VILLAGE })).id;
    // 竹园村 retired on 5 December (a division import): November still assesses it, January does not.
    await t.ctx.db.kysely.updateTable('org_unit').set({ retired_at: '2026-12-05T02:00:00.000Z' }).where('id', '=', zhuyuanVillage).execute();
    try {
      const workers = await table('ei_county', 'period=2026-11&unitKind=grid_worker');
      // Working days 16–27 November: 10; the 30th (today) is not counted, he has not signed in yet.
      expect(row(workers, newcomer)?.['login_rate']).toEqual(rate(2, 10));
      expect(workers.rows.map((candidate) => candidate.unitId)).toContain(leaver);
      expect(workers.rows.map((candidate) => candidate.unitId)).not.toContain(late);
      const newcomerDays = (await (as(t.app, await signInCookie(t.app, 'ei_county')))({ method: 'GET', url: `/api/assessment/indicators/facts?period=2026-11&unitKind=grid_worker&unitId=${newcomer}&indicator=login_rate` })).json() as { facts: { id: string }[] };
      expect(newcomerDays.facts.map((fact) => fact.id)).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
      // 竹园村's part-time workers of November: 赵离 only (钱迟 came in December), who reported nothing.
      const villages = await table('ei_county', 'period=2026-11&unitKind=village');
      expect(row(villages, zhuyuanVillage)).toMatchObject({ closure_rate: rate(0, 1), quota_attainment: rate(0, 1) });
      const january = await table('ei_county', 'period=2027-01&unitKind=village');
      expect(january.rows.map((candidate) => candidate.unitId)).not.toContain(zhuyuanVillage);
    } finally {
      await t.ctx.db.kysely.updateTable('org_unit').set({ retired_at: null }).where('id', '=', zhuyuanVillage).execute();
      await t.ctx.db.kysely.updateTable('account').set({ disabled_at: '2026-11-01T00:00:00.000Z' }).where('id', 'in', [newcomer, leaver, late]).execute();
    }
  });

  it('lists the facts behind the station’s sign-for rate, on-time ones first, each with its event', async () => {
    const call = as(t.app, await signInCookie(t.app, 'ei_county'));
    t.clock.set(NOW);
    const response = await call({ method: 'GET', url: `/api/assessment/indicators/facts?period=2026-11&unitKind=department&unitId=${police}&indicator=sign_for_on_time` });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { figure: Figure; facts: { id: string; counted: boolean; link: string; note: string }[]; truncated: boolean };
    expect(body.figure).toEqual(rate(5, 6));
    expect(body.truncated).toBe(false);
    expect(body.facts.map((fact) => fact.counted)).toEqual([true, true, true, true, true, false]);
    expect(body.facts.at(-1)).toMatchObject({ link: `/events/${ev['e2']}` });
    expect(body.facts.at(-1)?.note).toContain('超期');
    expect(body.facts.map((fact) => fact.link).sort()).toEqual([ev['e1'], ev['e4'], ev['e4'], ev['e9'], ev['e10'], ev['e2']].map((id) => `/events/${id}`).sort());
    // e4 was signed for twice: each sign-for is a fact of its own (the console keys its rows by id).
    expect(new Set(body.facts.map((fact) => fact.id)).size).toBe(body.facts.length);
    const rework = (await call({ method: 'GET', url: `/api/assessment/indicators/facts?period=2026-11&unitKind=department&unitId=${police}&indicator=rework_rate` })).json() as { facts: { id: string }[] };
    expect(rework.facts).toHaveLength(7);
    expect(new Set(rework.facts.map((fact) => fact.id)).size).toBe(7);

    const closure = (await call({ method: 'GET', url: `/api/assessment/indicators/facts?period=2026-11&unitKind=village&unitId=${mataVillage}&indicator=closure_rate` })).json() as { facts: { id: string; counted: boolean }[] };
    expect(closure.facts.filter((fact) => fact.counted).map((fact) => fact.id).sort()).toEqual([ev['e1'], ev['e4'], ev['e7']].sort());
    expect(closure.facts).toHaveLength(8);
    const cards = (await call({ method: 'GET', url: `/api/assessment/indicators/facts?period=2026-11&unitKind=village&unitId=${mataVillage}&indicator=red_cards` })).json() as { facts: { kind: string; link: string }[] };
    expect(cards.facts).toEqual([expect.objectContaining({ kind: 'card', link: `/events/${ev['e9']}` })]);
    const days = (await call({ method: 'GET', url: `/api/assessment/indicators/facts?period=2026-11&unitKind=village&unitId=${mataVillage}&indicator=login_rate` })).json() as { facts: { id: string; counted: boolean }[] };
    expect(days.facts).toEqual([expect.objectContaining({ id: '2026-11-24', counted: true }), expect.objectContaining({ id: '2026-11-25', counted: true }), expect.objectContaining({ id: '2026-11-26', counted: false })]);
    const quota = (await call({ method: 'GET', url: `/api/assessment/indicators/facts?period=2026-11&unitKind=village&unitId=${mataVillage}&indicator=quota_attainment` })).json() as { facts: { id: string; counted: boolean }[] };
    expect(quota.facts.map((fact) => [fact.id, fact.counted])).toEqual([[pt1, true], [expect.any(String), false]]);
  });

  it('writes the facts’ notes in the reader’s language', async () => {
    const call = as(t.app, await signInCookie(t.app, 'ei_county'));
    t.clock.set(NOW);
    const cases: [string, string, string][] = [
      ['department', police, 'sign_for_on_time'],
      ['department', police, 'handle_on_time'],
      ['department', police, 'rework_rate'],
      ['department', police, 'red_cards'],
      ['village', mataVillage, 'login_rate'],
      ['village', mataVillage, 'closure_rate'],
      ['village', mataVillage, 'valid_report_rate'],
      ['village', mataVillage, 'quota_attainment'],
      ['grid_worker', pt1, 'login_rate'],
    ];
    for (const [unitKind, unitId, indicator] of cases) {
      const url = `/api/assessment/indicators/facts?period=2026-11&unitKind=${unitKind}&unitId=${unitId}&indicator=${indicator}`;
      const zh = (await call({ method: 'GET', url })).json() as { facts: { note: string | null }[] };
      const en = (await call({ method: 'GET', url, headers: { 'accept-language': 'en-US' } })).json() as { facts: { note: string | null }[] };
      expect(en.facts.length, indicator).toBeGreaterThan(0);
      expect(en.facts.length).toBe(zh.facts.length);
      expect(zh.facts.some((fact) => /[\u4e00-\u9fff]/u.test(fact.note ?? '')), `${unitKind} ${indicator} zh`).toBe(true);
      expect(en.facts.filter((fact) => /[\u4e00-\u9fff]/u.test(fact.note ?? '')), `${unitKind} ${indicator} en`).toEqual([]);
    }
  });

  describe('scope', () => {
    it('counts an event a grid worker reported outside the caller’s scope without naming or linking it', async () => {
      // e5 (rejected) lies in 竹园村 for this case: 马踏村's administrator sees his worker's figure whole, not the event.
      const db = t.ctx.db.kysely;
      const place = (path: string, village: string) => db.updateTable('event').set({ path, village_code: village }).where('id', '=', ev['e5']!).execute();
      await place(ZHUYUAN_VILLAGE, '511124102001');
      try {
        const call = as(t.app, await signInCookie(t.app, 'ei_village'));
        t.clock.set(NOW);
        const body = (await call({ method: 'GET', url: `/api/assessment/indicators/facts?period=2026-11&unitKind=grid_worker&unitId=${pt1}&indicator=valid_report_rate` })).json() as { figure: Figure; facts: { id: string; label: string; link: string | null }[] };
        expect(body.figure).toEqual(rate(8, 10));
        const outside = body.facts.find((fact) => fact.id === ev['e5']);
        expect(outside).toMatchObject({ label: '范围外事件', link: null });
        expect(body.facts.filter((fact) => fact.link === null)).toHaveLength(1);
        const county = as(t.app, await signInCookie(t.app, 'ei_county'));
        t.clock.set(NOW);
        const whole = (await county({ method: 'GET', url: `/api/assessment/indicators/facts?period=2026-11&unitKind=grid_worker&unitId=${pt1}&indicator=valid_report_rate` })).json() as { facts: { id: string; label: string; link: string | null }[] };
        expect(whole.facts.find((fact) => fact.id === ev['e5'])).toMatchObject({ label: '指标 e5', link: `/events/${ev['e5']}` });
      } finally {
        await place(MATA_VILLAGE, '511124101001');
      }
    });

    it('shows a village administrator his village only, and answers 404 for a village outside it', async () => {
      const result = await table('ei_village', 'period=2026-11&unitKind=village');
      expect(result.rows.map((candidate) => candidate.unitId)).toEqual([mataVillage]);
      const call = as(t.app, await signInCookie(t.app, 'ei_village'));
      const outside = await call({ method: 'GET', url: `/api/assessment/indicators/facts?period=2026-11&unitKind=village&unitId=${zhuyuanVillage}&indicator=closure_rate` });
      expect(outside.statusCode).toBe(404);
    });

    it('shows a department leader his department only, and refuses him villages with 403', async () => {
      const result = await table('ei_chief', 'period=2026-11&unitKind=department');
      expect(result.rows.map((candidate) => candidate.unitId)).toEqual([police]);
      const call = as(t.app, await signInCookie(t.app, 'ei_chief'));
      expect((await call({ method: 'GET', url: '/api/assessment/indicators?period=2026-11&unitKind=village' })).statusCode).toBe(403);
      expect((await call({ method: 'GET', url: `/api/assessment/indicators/facts?period=2026-11&unitKind=department&unitId=${countyDept}&indicator=closure_rate` })).statusCode).toBe(404);
    });
  });

  describe('bad input', () => {
    it.each([
      ['period=2026-11&unitKind=village&indicator=closure_rate', 'unitId'],
      [`period=2026-11&unitKind=village&unitId=x&indicator=`, 'indicator'],
      ['unitKind=village&unitId=x&indicator=closure_rate', 'period'],
    ])('the facts of %s answer 400 naming the field, in Chinese and in English', async (query, field) => {
      const call = as(t.app, await signInCookie(t.app, 'ei_county'));
      const url = `/api/assessment/indicators/facts?${query}`;
      const zh = await call({ method: 'GET', url });
      const en = await call({ method: 'GET', url, headers: { 'accept-language': 'en-US' } });
      expect({ zh: zh.statusCode, en: en.statusCode }).toEqual({ zh: 400, en: 400 });
      expect(zh.json().error.message).toMatch(/[\u4e00-\u9fff]/u);
      expect(en.json().error.message).not.toMatch(/[\u4e00-\u9fff]/u);
      expect(JSON.stringify(zh.json().error.details)).toContain(field);
      expect(JSON.stringify(en.json().error.details)).toContain(field);
    });

    it.each([
      ['period=2026-13&unitKind=village', 'period'],
      ['period=2026-11&unitKind=planet', 'unitKind'],
    ])('%s answers 400 naming the field, in Chinese and in English', async (query, field) => {
      const call = as(t.app, await signInCookie(t.app, 'ei_county'));
      for (const url of [`/api/assessment/indicators?${query}`, `/api/assessment/indicators/export.xlsx?${query}`, `/api/assessment/indicators/facts?${query}&unitId=${mataVillage}&indicator=closure_rate`]) {
        const zh = await call({ method: 'GET', url });
        const en = await call({ method: 'GET', url, headers: { 'accept-language': 'en-US' } });
        expect({ zh: zh.statusCode, en: en.statusCode }).toEqual({ zh: 400, en: 400 });
        expect(zh.json().error.code).toBe('VALIDATION_FAILED');
        expect(zh.json().error.message).toMatch(/[\u4e00-\u9fff]/u);
        expect(en.json().error.message).not.toMatch(/[\u4e00-\u9fff]/u);
        expect(JSON.stringify(zh.json().error)).toContain(field);
        expect(JSON.stringify(en.json().error)).toContain(field);
      }
    });
  });
});
