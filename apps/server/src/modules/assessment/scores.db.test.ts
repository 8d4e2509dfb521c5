// Scores and rankings of villages checked by hand on a small county: three villages signed in on
// 8, 10 and 9 of the 10 checked days of November 2026, 竹园村 with a red card and 马踏村 with four
// yellow cards; a 2026 scheme of one item (the login rate, 100 points) with the plan's card rules.
// Then the scheme changes (this year's stored scores follow, last year's do not), bad schemes are
// refused naming the field, and a village administrator sees his village only, with its county rank.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultScoreScheme, newId, type Ranking, type ScoreSchemeBody } from '@gridwork/core';
import { aDepartment, anAccount, anOrgUnit, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { createIndicatorsService, type IndicatorsService } from './indicators.service.js';
import { createScoresService } from './scores.service.js';

const MATA_VILLAGE = '/511124/511124101/511124101001/';
const XINHUA_VILLAGE = '/511124/511124101/511124101002/';
const ZHUYUAN_VILLAGE = '/511124/511124102/511124102001/';
/** Departments are keyed by the path they serve, with a mark to tell them from the township. */
const POLICE = '/511124/511124101/#police';
const JUDICIAL = '/511124/511124102/#judicial';
const NOVEMBER_DAYS = ['02', '03', '04', '05', '06', '09', '10', '11', '12', '13'];

/** The 2026 scheme of the test: villages scored on logins alone, with the plan's card rules. */
function loginScheme(redPoints = 2): ScoreSchemeBody {
  const base = defaultScoreScheme();
  return {
    ...base,
    units: {
      ...base.units,
      village: {
        items: [{ indicator: 'login_rate', weight: 100 }],
        deductions: [
          { id: 'red-card', label: `每张红牌扣 ${redPoints} 分`, indicator: 'red_cards', per: 1, points: redPoints },
          { id: 'yellow-cards', label: '当月黄牌超过 3 张扣 1 分', indicator: 'yellow_cards', when: { op: '>', value: 3 }, points: 1, basis: 'month' },
        ],
        cap: 20,
      },
    },
  };
}

describeEachDialect('scores and rankings', (dialect) => {
  let t: TestApp;
  let county: ReturnType<typeof as>;
  let villageAdmin: ReturnType<typeof as>;
  const ids: Record<string, string> = {};

  async function checkedDays(year: number, loggedIn: Record<string, number>, kind: 'village' | 'department' = 'village') {
    const at = new Date(t.clock()).toISOString();
    for (const [index, day] of NOVEMBER_DAYS.entries()) {
      const date = `${year}-11-${day}`;
      if (kind === 'village') await t.ctx.db.kysely.insertInto('daily_check_run').values({ date, cutoff: '10:00', as_of: at, units: 3, checked_at: at }).execute();
      for (const [path, days] of Object.entries(loggedIn)) {
        const logged = index < days;
        await t.ctx.db.kysely
          .insertInto('daily_unit_check')
          .values({ unit_kind: kind, unit_id: ids[path]!, date, name: path, path: kind === 'village' ? path : path.split('#')[0]!, accounts: 1, logged_in: logged ? 1 : 0, first_sign_in_at: logged ? at : null, waiting_count: 0, late_signed_count: 0, status: logged ? 'ok' : 'not_logged_in', as_of: at, checked_at: at, notified_at: null, notified_by: null, notice_text: null, notice_recipients: null })
          .execute();
      }
    }
  }

  async function cards(username: string, path: string, level: 'yellow' | 'red', n: number, departmentId: string | null = null) {
    const worker = as(t.app, await signInCookie(t.app, username));
    const reported = await worker({ method: 'POST', url: '/api/events', payload: { clientKey: `scores-${username}-${level}-${departmentId ? 'dept' : 'village'}`, title: '考核测试事件', description: '', categoryCode: 'other', address: '村口' } });
    expect(reported.statusCode, reported.body).toBe(201);
    for (let seq = 1; seq <= n; seq += 1)
      await t.ctx.db.kysely
        .insertInto('event_card')
        .values({ id: newId(), event_id: reported.json().id as string, step_seq: seq, step: departmentId ? 'handle' : 'verify', level, department_id: departmentId, unit_path: path, deadline: '2026-11-10T00:00:00.000Z', issued_at: '2026-11-10T01:00:00.000Z', month: '2026-11' })
        .execute();
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    await anOrgUnit(t.ctx, XINHUA_VILLAGE, 'village', '新华村');
    for (const path of [MATA_VILLAGE, XINHUA_VILLAGE, ZHUYUAN_VILLAGE]) ids[path] = (await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', path).executeTakeFirstOrThrow()).id;
    await anAccount(t.ctx, { username: 'sc_county', role: 'county_admin', orgPath: '/511124/' });
    await anAccount(t.ctx, { username: 'sc_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    await anAccount(t.ctx, { username: 'sc_village', role: 'village_admin', orgPath: MATA_VILLAGE });
    await anAccount(t.ctx, { username: 'sc_mata_worker', role: 'grid_worker_parttime', orgPath: MATA_VILLAGE });
    await anAccount(t.ctx, { username: 'sc_zhuyuan_worker', role: 'grid_worker_parttime', orgPath: ZHUYUAN_VILLAGE });
    await checkedDays(2026, { [MATA_VILLAGE]: 8, [ZHUYUAN_VILLAGE]: 10, [XINHUA_VILLAGE]: 9 });
    await checkedDays(2025, { [MATA_VILLAGE]: 6, [ZHUYUAN_VILLAGE]: 7, [XINHUA_VILLAGE]: 10 });
    await cards('sc_mata_worker', MATA_VILLAGE, 'yellow', 4);
    // Departments: 马踏镇派出所 signed in on all 10 days, 竹园镇司法所 on 5, with a red card.
    ids[POLICE] = await aDepartment(t.ctx, '马踏镇派出所', '/511124/511124101/');
    ids[JUDICIAL] = await aDepartment(t.ctx, '竹园镇司法所', '/511124/511124102/');
    await checkedDays(2026, { [POLICE]: 10, [JUDICIAL]: 5 }, 'department');
    await anAccount(t.ctx, { username: 'sc_chief', role: 'dept_leader', orgPath: '/511124/511124101/', departmentId: ids[POLICE] });
    await cards('sc_zhuyuan_worker', ZHUYUAN_VILLAGE, 'red', 1, ids[JUDICIAL]);
    await cards('sc_zhuyuan_worker', ZHUYUAN_VILLAGE, 'red', 1);
    county = as(t.app, await signInCookie(t.app, 'sc_county'));
    villageAdmin = as(t.app, await signInCookie(t.app, 'sc_village'));
  });
  afterAll(async () => t.close());

  it('proposes the default scheme for a year with none, as version 0', async () => {
    const response = await county({ method: 'GET', url: '/api/assessment/schemes/2026' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: null, version: 0, latestVersion: 0, editable: true, body: defaultScoreScheme() });
  });

  it('saves the county’s 2026 scheme as version 1, audited with before and after', async () => {
    const response = await county({ method: 'PUT', url: '/api/assessment/schemes/2026', payload: { body: loginScheme(), note: '按登录率考核', baseVersion: 0 } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().scheme).toMatchObject({ version: 1, note: '按登录率考核', createdBy: { name: '测试用户 sc_county' } });
    expect(response.json().recomputed).toEqual([]);
    const entry = await t.ctx.db.kysely.selectFrom('audit_log').select(['details', 'actor_username']).where('action', '=', 'score_scheme.saved').executeTakeFirstOrThrow();
    expect(entry.actor_username).toBe('sc_county');
    expect(JSON.parse(entry.details)).toMatchObject({ year: 2026, version: 1, before: null, after: { units: { village: { items: [{ indicator: 'login_rate', weight: 100 }] } } } });
  });

  it('ranks November’s villages by hand: 竹园村 100 − 2 = 98, 新华村 90, 马踏村 80 − 1 = 79', async () => {
    const response = await county({ method: 'GET', url: '/api/assessment/scores?period=2026-11&unitKind=village' });
    expect(response.statusCode, response.body).toBe(200);
    const ranking = response.json();
    expect(ranking).toMatchObject({ period: '2026-11', unitKind: 'village', schemeYear: 2026, schemeVersion: 1 });
    expect(ranking.units.map((unit: { unitName: string; score: number; rank: number }) => [unit.unitName, unit.score, unit.rank])).toEqual([
      ['竹园村', 98, 1],
      ['新华村', 90, 2],
      ['马踏村', 79, 3],
    ]);
    const mata = ranking.units[2];
    expect(mata.items).toEqual([{ indicator: 'login_rate', weight: 100, figure: { value: 0.8, numerator: 8, denominator: 10, tooFew: false }, points: 80 }]);
    expect(mata.deductions).toEqual([{ ruleId: 'yellow-cards', label: '当月黄牌超过 3 张扣 1 分', indicator: 'yellow_cards', value: 4, points: -1 }]);
    expect(ranking.units[0].deductions).toEqual([{ ruleId: 'red-card', label: '每张红牌扣 2 分', indicator: 'red_cards', value: 1, points: -2 }]);
    const stored = await t.ctx.db.kysely.selectFrom('score_result').selectAll().where('period', '=', '2026-11').execute();
    expect(stored).toHaveLength(3);
  });

  it('answers the stored scores on a second read instead of computing again', async () => {
    const before = await t.ctx.db.kysely.selectFrom('score_result').select(['id', 'computed_at']).where('period', '=', '2026-11').orderBy('id').execute();
    t.clock.advance(60_000);
    const again = await county({ method: 'GET', url: '/api/assessment/scores?period=2026-11&unitKind=village' });
    expect(again.json().computedAt).toBe(before[0]!.computed_at);
    expect(await t.ctx.db.kysely.selectFrom('score_result').select(['id', 'computed_at']).where('period', '=', '2026-11').orderBy('id').execute()).toEqual(before);
  });

  it('shows one unit’s score with the facts behind every point, in the reader’s language', async () => {
    const response = await county({ method: 'GET', url: `/api/assessment/scores/unit?period=2026-11&unitKind=village&unitId=${ids[MATA_VILLAGE]}`, headers: { 'accept-language': 'en-US' } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      unitName: '马踏村',
      parentName: '马踏镇',
      score: 79,
      rank: 3,
      rankedUnits: 3,
      itemPoints: 80,
      deductionPoints: 1,
      cap: 20,
      items: [{ indicator: 'login_rate', weight: 100, schemeWeight: 100, points: 80, basis: 'figure', figure: { numerator: 8, denominator: 10 } }],
      deductions: [{ ruleId: 'yellow-cards', value: 4, points: -1, period: null }],
    });
    expect(response.json().formula).toMatch(/^Score = /);
  });

  it('shows a village administrator his village only, with its county rank; another village answers 404', async () => {
    const mine = await villageAdmin({ method: 'GET', url: '/api/assessment/scores?period=2026-11&unitKind=village' });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().units.map((unit: { unitName: string; rank: number }) => [unit.unitName, unit.rank])).toEqual([['马踏村', 3]]);
    const other = await villageAdmin({ method: 'GET', url: `/api/assessment/scores/unit?period=2026-11&unitKind=village&unitId=${ids[ZHUYUAN_VILLAGE]}` });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('NOT_FOUND');
    const narrowed = await villageAdmin({ method: 'GET', url: `/api/assessment/scores?period=2026-11&unitKind=village&orgUnitId=${ids[ZHUYUAN_VILLAGE]}` });
    expect(narrowed.statusCode).toBe(404);
    const center = as(t.app, await signInCookie(t.app, 'sc_center'));
    const township = await center({ method: 'GET', url: '/api/assessment/scores?period=2026-11&unitKind=village' });
    expect(township.json().units.map((unit: { unitName: string; rank: number }) => [unit.unitName, unit.rank])).toEqual([
      ['新华村', 2],
      ['马踏村', 3],
    ]);
  });

  it('ranks departments by hand and shows a department leader his department only', async () => {
    // The 2026 scheme keeps the default for departments; only the login rate has figures, scaled to
    // 100: 派出所 10/10 = 100; 司法所 5/10 = 50, less 2 for its red card = 48.
    const county = await as(t.app, await signInCookie(t.app, 'sc_county'))({ method: 'GET', url: '/api/assessment/scores?period=2026-11&unitKind=department' });
    expect(county.json().units.map((unit: { unitName: string; score: number; rank: number }) => [unit.unitName, unit.score, unit.rank])).toEqual([
      ['马踏镇派出所', 100, 1],
      ['竹园镇司法所', 48, 2],
    ]);
    const chief = as(t.app, await signInCookie(t.app, 'sc_chief'));
    const mine = await chief({ method: 'GET', url: '/api/assessment/scores?period=2026-11&unitKind=department' });
    expect(mine.json().units.map((unit: { unitName: string; rank: number }) => [unit.unitName, unit.rank])).toEqual([['马踏镇派出所', 1]]);
    expect((await chief({ method: 'GET', url: `/api/assessment/scores/unit?period=2026-11&unitKind=department&unitId=${ids[JUDICIAL]}` })).statusCode).toBe(404);
    const villages = await chief({ method: 'GET', url: '/api/assessment/scores?period=2026-11&unitKind=village', headers: { 'accept-language': 'en-US' } });
    expect(villages.statusCode).toBe(403);
    expect(villages.json().error.code).toBe('FORBIDDEN');
  });

  it('answers bad input with the field named, in zh-CN and en-US', async () => {
    const cases: [string, string, unknown, string][] = [
      ['GET', '/api/assessment/schemes/abc', undefined, 'params.year'],
      ['GET', '/api/assessment/schemes/2026?version=0', undefined, 'querystring.version'],
      ['GET', '/api/assessment/schemes/1800/versions', undefined, 'params.year'],
      ['GET', `/api/assessment/scores/unit?period=2026-11&unitKind=village`, undefined, 'querystring.unitId'],
      ['GET', '/api/assessment/scores/export.xlsx?period=2026-11&unitKind=planet', undefined, 'querystring.unitKind'],
      ['POST', '/api/assessment/scores/recompute', { period: '2026/11' }, 'body.period'],
      ['PUT', '/api/assessment/schemes/2026', { body: loginScheme(), baseVersion: 1 }, 'body.note'],
    ];
    for (const [method, url, payload, field] of cases) {
      for (const locale of ['zh-CN', 'en-US']) {
        const response = await county({ method: method as 'GET', url, headers: { 'accept-language': locale }, ...(payload === undefined ? {} : { payload: payload as object }) });
        expect({ url, status: response.statusCode, code: response.json().error.code }).toEqual({ url, status: 400, code: 'VALIDATION_FAILED' });
        expect(response.json().error.details.fields.map((entry: { field: string }) => entry.field)).toContain(field);
        expect(response.json().error.message).toMatch(locale === 'zh-CN' ? /^提交的内容有误/ : /^The request is invalid/);
      }
    }
  });

  it('refuses a scheme whose weights do not add up to 100, naming the field, and saves nothing', async () => {
    const body = loginScheme();
    const bad = { ...body, units: { ...body.units, village: { ...body.units.village!, items: [{ indicator: 'login_rate', weight: 90 }] } } };
    const zh = await county({ method: 'PUT', url: '/api/assessment/schemes/2026', payload: { body: bad, note: '', baseVersion: 1 } });
    expect(zh.statusCode).toBe(422);
    expect(zh.json().error).toMatchObject({ code: 'SCHEME_WEIGHTS_NOT_100', details: { field: 'units.village.items', unitKind: 'village', sum: 90 } });
    expect(zh.json().error.message).toBe('units.village.items：该类考核对象的考核项权重合计为 90，应为 100');
    const en = await county({ method: 'PUT', url: '/api/assessment/schemes/2026', headers: { 'accept-language': 'en-US' }, payload: { body: bad, note: '', baseVersion: 1 } });
    expect(en.json().error.message).toBe('units.village.items: the weights of the items add up to 90, not 100');
    const versions = await county({ method: 'GET', url: '/api/assessment/schemes/2026/versions' });
    expect(versions.json().versions.map((version: { version: number }) => version.version)).toEqual([1]);
  });

  it('refuses an unknown indicator in a deduction rule and a card count as an item, naming the path', async () => {
    const body = loginScheme();
    const village = body.units.village!;
    const unknown = { ...body, units: { ...body.units, village: { ...village, deductions: [village.deductions[0], { ...village.deductions[1], indicator: 'late_lunches' }] } } };
    const response = await county({ method: 'PUT', url: '/api/assessment/schemes/2026', payload: { body: unknown, note: '', baseVersion: 1 } });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'SCHEME_INDICATOR_INVALID', details: { field: 'units.village.deductions[1].indicator', indicator: 'late_lunches' } });
    expect(response.json().error.message).toContain('units.village.deductions[1].indicator');
    const countItem = { ...body, units: { ...body.units, village: { ...village, items: [{ indicator: 'login_rate', weight: 90 }, { indicator: 'red_cards', weight: 10 }] } } };
    const count = await county({ method: 'PUT', url: '/api/assessment/schemes/2026', payload: { body: countItem, note: '', baseVersion: 1 } });
    expect(count.json().error).toMatchObject({ code: 'SCHEME_COUNT_AS_ITEM', details: { field: 'units.village.items[1].indicator' } });
    const shape = await county({ method: 'PUT', url: '/api/assessment/schemes/2026', payload: { body: { ...body, minCases: 0 }, note: '', baseVersion: 1 } });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.details.fields[0].field).toBe('body.body.minCases');
  });

  it('refuses to change a past year’s scheme (409) and a change based on an older version', async () => {
    const past = await county({ method: 'PUT', url: '/api/assessment/schemes/2025', payload: { body: loginScheme(), note: '', baseVersion: 0 } });
    expect(past.statusCode).toBe(409);
    expect(past.json().error).toMatchObject({ code: 'SCHEME_YEAR_CLOSED', details: { year: 2025 } });
    expect(past.json().error.message).toBe('2025 年已过去，其考核方案不能再修改');
    const same = await county({ method: 'PUT', url: '/api/assessment/schemes/2026', payload: { body: loginScheme(), note: '再存一次', baseVersion: 1 } });
    expect(same.statusCode).toBe(422);
    expect(same.json().error).toMatchObject({ code: 'SCHEME_UNCHANGED', message: '方案内容与现行第 1 版相同，无需保存新版本' });
    const stale = await county({ method: 'PUT', url: '/api/assessment/schemes/2026', payload: { body: loginScheme(), note: '', baseVersion: 0 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('RECORD_CHANGED');
  });

  it('recomputes this year’s stored scores when this year’s scheme changes, and last year’s not at all', async () => {
    const lastYear = await county({ method: 'GET', url: '/api/assessment/scores?period=2025-11&unitKind=village' });
    // 2025 has no scheme: the default is stored as its version 1; only logins have figures, scaled to 100.
    expect(lastYear.json().units.map((unit: { unitName: string; score: number }) => [unit.unitName, unit.score])).toEqual([
      ['新华村', 100],
      ['竹园村', 70],
      ['马踏村', 60],
    ]);
    const yearly = await county({ method: 'GET', url: '/api/assessment/scores?period=2026&unitKind=village' });
    expect(yearly.json().units.map((unit: { unitName: string; score: number }) => [unit.unitName, unit.score])).toEqual([
      ['竹园村', 98],
      ['新华村', 90],
      ['马踏村', 79],
    ]);
    const before2025 = await t.ctx.db.kysely.selectFrom('score_result').selectAll().where('period', '=', '2025-11').orderBy('id').execute();

    const saved = await county({ method: 'PUT', url: '/api/assessment/schemes/2026', payload: { body: loginScheme(15), note: '红牌加重', baseVersion: 1 } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().scheme.version).toBe(2);
    // Stored: November's villages and departments and the year's villages; the year's departments join them.
    expect(saved.json().recomputed).toEqual([
      { period: '2026', unitKind: 'department', units: 2, schemeVersion: 2 },
      { period: '2026', unitKind: 'village', units: 3, schemeVersion: 2 },
      { period: '2026-11', unitKind: 'department', units: 2, schemeVersion: 2 },
      { period: '2026-11', unitKind: 'village', units: 3, schemeVersion: 2 },
    ]);
    const november = await county({ method: 'GET', url: '/api/assessment/scores?period=2026-11&unitKind=village' });
    expect(november.json().schemeVersion).toBe(2);
    expect(november.json().units.map((unit: { unitName: string; score: number; rank: number }) => [unit.unitName, unit.score, unit.rank])).toEqual([
      ['新华村', 90, 1],
      ['竹园村', 85, 2],
      ['马踏村', 79, 3],
    ]);
    expect(await t.ctx.db.kysely.selectFrom('score_result').selectAll().where('period', '=', '2025-11').orderBy('id').execute()).toEqual(before2025);
    const audits = await t.ctx.db.kysely.selectFrom('audit_log').select(['action', 'details']).where('action', 'in', ['score_scheme.saved', 'score.recomputed']).orderBy('seq').execute();
    const last = audits.slice(-5).map((entry) => ({ action: entry.action, details: JSON.parse(entry.details) as Record<string, unknown> }));
    expect(last[0]).toMatchObject({ action: 'score_scheme.saved', details: { version: 2, before: { units: { village: { deductions: [{ points: 2 }, { points: 1 }] } } }, after: { units: { village: { deductions: [{ points: 15 }, { points: 1 }] } } } } });
    expect(last[2]).toMatchObject({ action: 'score.recomputed', details: { period: '2026', unitKind: 'village', trigger: 'scheme_change', schemeVersion: 2 } });
    // Only 竹园村 has a red card: one village's score changed in November, and no department's (the change is the village scheme's).
    expect(last[3]).toMatchObject({ action: 'score.recomputed', details: { period: '2026-11', unitKind: 'department', changed: 0 } });
    expect(last[4]).toMatchObject({ action: 'score.recomputed', details: { period: '2026-11', unitKind: 'village', trigger: 'scheme_change', changed: 1 } });
  });

  it('reads an older version and the history of a year', async () => {
    const first = await county({ method: 'GET', url: '/api/assessment/schemes/2026?version=1' });
    expect(first.json()).toMatchObject({ version: 1, latestVersion: 2, body: { units: { village: { deductions: [{ points: 2 }, { points: 1 }] } } } });
    const history = await county({ method: 'GET', url: '/api/assessment/schemes/2026/versions' });
    expect(history.json().versions.map((version: { version: number; note: string }) => [version.version, version.note])).toEqual([
      [2, '红牌加重'],
      [1, '按登录率考核'],
    ]);
    expect((await county({ method: 'GET', url: '/api/assessment/schemes/2026?version=9' })).statusCode).toBe(404);
    const past = await county({ method: 'GET', url: '/api/assessment/schemes/2025' });
    expect(past.json()).toMatchObject({ version: 1, editable: false, createdBy: { id: 'system' } });
  });

  it('recomputes on demand for the county only, and refuses a period not yet begun naming it', async () => {
    const center = as(t.app, await signInCookie(t.app, 'sc_center'));
    expect((await center({ method: 'POST', url: '/api/assessment/scores/recompute', payload: { period: '2026-11' } })).statusCode).toBe(403);
    const response = await county({ method: 'POST', url: '/api/assessment/scores/recompute', payload: { period: '2026-11', unitKind: 'village' } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().recomputed).toEqual([{ period: '2026-11', unitKind: 'village', units: 3, schemeVersion: 2 }]);
    const future = await county({ method: 'POST', url: '/api/assessment/scores/recompute', headers: { 'accept-language': 'en-US' }, payload: { period: '2027-01' } });
    expect(future.statusCode).toBe(422);
    expect(future.json().error).toMatchObject({ code: 'SCORE_PERIOD_IN_FUTURE', details: { field: 'period' }, message: 'The period 2027-01 has not begun; it cannot be scored' });
    const futureRead = await county({ method: 'GET', url: '/api/assessment/scores?period=2027-01&unitKind=village' });
    expect(futureRead.statusCode).toBe(422);
    // Refused, and nothing left behind: 2027 still has no scheme of its own.
    expect((await county({ method: 'GET', url: '/api/assessment/schemes/2027/versions' })).json().versions).toEqual([]);
    const bad = await county({ method: 'GET', url: '/api/assessment/scores?period=2026-13&unitKind=village' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('querystring.period');
  });

  it('exports the ranking as a workbook with the deductions', async () => {
    const response = await villageAdmin({ method: 'GET', url: '/api/assessment/scores/export.xlsx?period=2026-11&unitKind=village' });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('考核排名')!;
    expect(sheet.getRow(2).getCell(4).value).toBe('得分');
    expect([sheet.getRow(3).getCell(1).value, sheet.getRow(3).getCell(2).value, sheet.getRow(3).getCell(4).value]).toEqual([3, '马踏村', 79]);
    expect(sheet.rowCount).toBe(3);
    const deductions = workbook.getWorksheet('扣分明细')!;
    expect([deductions.getRow(2).getCell(1).value, deductions.getRow(2).getCell(5).value]).toEqual(['马踏村', -1]);
  });

  const audited = async (objectId: string) =>
    (await t.ctx.db.kysely.selectFrom('audit_log').select('details').where('action', '=', 'score.recomputed').where('object_id', '=', objectId).orderBy('seq').execute()).map((entry) => (JSON.parse(entry.details) as { trigger: string }).trigger);

  it('stores a period once when several readers ask for it at the same moment', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => county({ method: 'GET', url: '/api/assessment/scores?period=2026-10&unitKind=village' })));
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((answer) => answer.json().computedAt as string)).size).toBe(1);
    expect(await t.ctx.db.kysely.selectFrom('score_result').select('id').where('period', '=', '2026-10').where('unit_kind', '=', 'village').execute()).toHaveLength(3);
    expect(await audited('2026-10/village')).toEqual(['first_read']);
  });

  it('scores a first read again with a scheme saved while it was computing', async () => {
    // The scheme changes between the reader's indicator table and his store: September was not stored, so the save did not recompute it.
    const indicators = createIndicatorsService(t.ctx);
    let saving: Promise<unknown> | null = null;
    const racing: IndicatorsService = {
      ...indicators,
      tableFor: async (...args) => {
        const table = await indicators.tableFor(...args);
        saving ??= county({ method: 'PUT', url: '/api/assessment/schemes/2026', payload: { body: loginScheme(5), note: '读取时修改', baseVersion: 2 } });
        await saving;
        return table;
      },
    };
    const ranking = await createScoresService(t.ctx, racing).rankingFor('2026-09', 'village');
    expect(ranking.schemeVersion).toBe(3);
    const stored = await t.ctx.db.kysely.selectFrom('score_result').innerJoin('score_scheme', 'score_scheme.id', 'score_result.scheme_id').select('score_scheme.version').where('period', '=', '2026-09').execute();
    expect(stored.map((row) => row.version)).toEqual([3, 3, 3]);
  });

  it('answers 409 to the second of two saves based on the same version, and keeps one version n+1', async () => {
    const [first, second] = await Promise.all([6, 7].map((points) => county({ method: 'PUT', url: '/api/assessment/schemes/2026', payload: { body: loginScheme(points), note: `红牌 ${points} 分`, baseVersion: 3 } })));
    expect([first!.statusCode, second!.statusCode].sort()).toEqual([200, 409]);
    expect([first!, second!].find((answer) => answer.statusCode === 409)!.json().error.code).toBe('RECORD_CHANGED');
    const versions = await t.ctx.db.kysely.selectFrom('score_scheme').select('version').where('year', '=', 2026).orderBy('version').execute();
    expect(versions.map((row) => row.version)).toEqual([1, 2, 3, 4]);
  });

  it('drops the stored scores of a unit kind the new version no longer assesses', async () => {
    const { department: _dropped, ...units } = loginScheme(6).units;
    const saved = await county({ method: 'PUT', url: '/api/assessment/schemes/2026', payload: { body: { ...loginScheme(6), units }, note: '部门另行考核', baseVersion: 4 } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await t.ctx.db.kysely.selectFrom('score_result').select('id').where('unit_kind', '=', 'department').where('period', 'like', '2026%').execute()).toEqual([]);
    const departments = await county({ method: 'GET', url: '/api/assessment/scores?period=2026-11&unitKind=department' });
    expect(departments.statusCode).toBe(422);
    expect(departments.json().error.code).toBe('SCORE_UNIT_KIND_NOT_IN_SCHEME');
  });

  it('refreshes a running month’s scores on a later day, and keeps them once computed after the month ended', async () => {
    // Sessions do not outlive the clock's jumps: the county signs in again on each day.
    const read = async () => {
      const answer = await as(t.app, await signInCookie(t.app, 'sc_county'))({ method: 'GET', url: '/api/assessment/scores?period=2026-11&unitKind=village' });
      expect(answer.statusCode, answer.body).toBe(200);
      return answer.json().computedAt as string;
    };
    const before = await read();
    t.clock.set('2026-11-25T02:00:00.000Z');
    const nextDay = await read();
    expect(nextDay).toBe('2026-11-25T02:00:00.000Z');
    expect(nextDay).not.toBe(before);
    t.clock.set('2026-12-01T02:00:00.000Z');
    const ended = await read();
    expect(ended).toBe('2026-12-01T02:00:00.000Z');
    t.clock.set('2026-12-05T02:00:00.000Z');
    expect(await read()).toBe(ended);
    expect((await audited('2026-11/village')).slice(-2)).toEqual(['refresh', 'refresh']);
  });

  it('keeps a figure measured against a target rankable when a new version raises the minimum of cases', async () => {
    // A part-time worker's monthly quota is 4 events: a target, not a sample, whatever minCases says.
    const county = as(t.app, await signInCookie(t.app, 'sc_county'));
    const before = await county({ method: 'GET', url: '/api/assessment/scores?period=2026-11&unitKind=grid_worker' });
    expect(before.statusCode, before.body).toBe(200);
    const latest = (await county({ method: 'GET', url: '/api/assessment/schemes/2026' })).json() as { version: number; body: ScoreSchemeBody };
    const body: ScoreSchemeBody = { ...latest.body, minCases: 30, units: { ...latest.body.units, grid_worker: { items: [{ indicator: 'quota_attainment', weight: 100 }], deductions: [], cap: 10 } } };
    const saved = await county({ method: 'PUT', url: '/api/assessment/schemes/2026', payload: { body, note: '样本数提高到 30', baseVersion: latest.version } });
    expect(saved.statusCode, saved.body).toBe(200);
    const workers = (await county({ method: 'GET', url: '/api/assessment/scores?period=2026-11&unitKind=grid_worker' })).json() as Ranking;
    expect(workers.schemeVersion).toBe(latest.version + 1);
    const quota = workers.units.filter((unit) => unit.unitName.includes('sc_')).map((unit) => [unit.items[0]!.figure?.denominator, unit.items[0]!.figure?.tooFew, unit.tooFew]);
    expect(quota).toEqual([
      [4, false, false],
      [4, false, false],
    ]);
  });
});
