// The operations indicators checked by hand on a small county, November 2026 (today is Tuesday
// 24 November): every expected figure below is counted from the fixture in the comments, on
// SQLite and PostgreSQL, with the facts behind them, the "too few" mark, the caller's scope and bad
// input. Shanghai day boundaries are on the edges: 16:00 UTC on 31 October is already November.
import ExcelJS from 'exceljs';
import { INDICATORS, INDICATOR_MIN_CASES_DEFAULT, type IndicatorFigure } from '@gridwork/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDepartment, anAccount, anOrgUnit, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { putSetting } from '../settings/settings.repo.js';
import { computeIndicatorTable } from './indicators.service.js';
import {
  aDutyLapse,
  aGridAssignment,
  anInfoReport,
  aPerson,
  aPlan,
  aSchedule,
  aSurvey,
  aSurveyAnswer,
  aTrainingSession,
  aVerification,
  aVisit,
} from './operations-indicators.fixture.js';
import { OPERATIONS_CODES } from './operations-indicators.js';

const COUNTY = '/511124/';
const MATA = '/511124/511124101/';
const MATA_VILLAGE = '/511124/511124101/511124101001/';
const GRID = '/511124/511124101/511124101001/G01/';
const ZHUYUAN = '/511124/511124102/';
const ZHUYUAN_VILLAGE = '/511124/511124102/511124102001/';
const NOW = Date.parse('2026-11-24T01:00:00.000Z');

/** A rate as the table reports it; too few below the default minimum of 5 cases. */
const rate = (numerator: number, denominator: number): IndicatorFigure => ({
  value: denominator > 0 ? numerator / denominator : null,
  numerator,
  denominator,
  tooFew: denominator < INDICATOR_MIN_CASES_DEFAULT,
});
/** A figure against a target (a quota, the sessions the rules ask): never too few. */
const target = (numerator: number, denominator: number): IndicatorFigure => ({ value: denominator > 0 ? numerator / denominator : null, numerator, denominator, tooFew: false });
const count = (n: number): IndicatorFigure => ({ value: n, numerator: n, denominator: null, tooFew: false });

describeEachDialect('the operations indicators', (dialect) => {
  let t: TestApp;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.ctx.db.kysely;
    await aSmallCounty(t.ctx);
    id['grid'] = await anOrgUnit(t.ctx, GRID, 'grid', '马踏村一网格');
    const units = await db.selectFrom('org_unit').select(['id', 'path']).execute();
    for (const unit of units) id[unit.path] = unit.id;
    const police = await aDepartment(t.ctx, '马踏镇派出所', MATA);
    id['police'] = police;
    id['justice'] = await aDepartment(t.ctx, '竹园镇司法所', ZHUYUAN);
    const county = await anAccount(t.ctx, { username: 'oi_county', role: 'county_admin', orgPath: COUNTY });
    await anAccount(t.ctx, { username: 'oi_zy', role: 'center_operator', orgPath: ZHUYUAN });
    await anAccount(t.ctx, { username: 'oi_lead', role: 'dept_leader', orgPath: MATA, departmentId: police });
    const a = (await anAccount(t.ctx, { username: 'oi_a', role: 'grid_worker_fulltime', orgPath: MATA_VILLAGE })).id;
    const b = (await anAccount(t.ctx, { username: 'oi_b', role: 'grid_worker_parttime', orgPath: MATA_VILLAGE })).id;
    const c = (await anAccount(t.ctx, { username: 'oi_c', role: 'grid_worker_parttime', orgPath: ZHUYUAN_VILLAGE })).id;
    const h1 = (await anAccount(t.ctx, { username: 'oi_h1', role: 'dept_handler', orgPath: MATA, departmentId: police })).id;
    const h2 = (await anAccount(t.ctx, { username: 'oi_h2', role: 'dept_handler', orgPath: MATA, departmentId: police })).id;
    Object.assign(id, { a, b, c, h1, h2, county: county.id });

    // People of 马踏村 (in its grid): complete; no phone; born in 2030; complete but recorded in December. 竹园村: complete.
    const p1 = await aPerson(db, GRID, '张一', { gridId: id['grid'] });
    const p2 = await aPerson(db, GRID, '张二', { gridId: id['grid'], phone: false });
    await aPerson(db, GRID, '张三', { gridId: id['grid'], birthDate: '2030-01-01' });
    await aPerson(db, GRID, '张四', { gridId: id['grid'], createdAt: '2026-12-05T00:00:00.000Z' });
    const p6 = await aPerson(db, ZHUYUAN_VILLAGE, '李六');
    Object.assign(id, { p1, p2 });

    // Verifications in 马踏村: in November (Shanghai) four confirmed and one corrected; one on each side outside it.
    for (const [at, outcome] of [
      ['2026-10-31T15:59:00.000Z', 'confirmed'], // 23:59 on 31 October: October
      ['2026-10-31T16:00:00.000Z', 'confirmed'], // 00:00 on 1 November
      ['2026-11-02T02:00:00.000Z', 'confirmed'],
      ['2026-11-10T02:00:00.000Z', 'confirmed'],
      ['2026-11-15T02:00:00.000Z', 'corrected'],
      ['2026-11-30T15:59:00.000Z', 'confirmed'], // 23:59 on 30 November
      ['2026-11-30T16:00:00.000Z', 'confirmed'], // 00:00 on 1 December
    ] as const)
      await aVerification(db, outcome === 'corrected' ? p2 : p1, GRID, a, at, outcome);

    // Visits. Schedules of 马踏村's grid fallen overdue in November and unvisited: sA (after 11-10), sB (after 10-31, so from
    // 1 November). Not counted: sC (overdue from 31 October), sD (overdue only after today), sE (ended).
    const plan = await aPlan(db);
    const schedule = (path: string, grid: string | null, due: string, after: string, ended: string | null = null) => aSchedule(db, plan, path === GRID ? p1 : p6, path, grid, due, after, ended);
    await schedule(GRID, id['grid'], '2026-11-05', '2026-11-10');
    await schedule(GRID, id['grid'], '2026-10-25', '2026-10-31');
    await schedule(GRID, id['grid'], '2026-10-25', '2026-10-30');
    await schedule(GRID, id['grid'], '2026-11-20', '2026-11-25');
    await schedule(GRID, id['grid'], '2026-11-01', '2026-11-05', '2026-11-06T00:00:00.000Z');
    const met = async (path: string) => schedule(path, path === GRID ? id['grid']! : null, '2026-11-01', '2026-12-20');
    // Visits made in November in 马踏村: by A, on time at 00:30 on 1 November, on time on 3 November, one on time and one
    // late on 12 November; by B late on 20 November; A's visit of 20 October does not count. 竹园村: C on time.
    await aVisit(db, p1, GRID, a, '2026-10-20T02:00:00.000Z', [{ scheduleId: await met(GRID), dueOn: '2026-10-19', onTime: true }]);
    await aVisit(db, p1, GRID, a, '2026-10-31T16:30:00.000Z', [{ scheduleId: await met(GRID), dueOn: '2026-11-01', onTime: true }]);
    await aVisit(db, p1, GRID, a, '2026-11-03T02:00:00.000Z', [{ scheduleId: await met(GRID), dueOn: '2026-11-03', onTime: true }]);
    await aVisit(db, p1, GRID, a, '2026-11-12T02:00:00.000Z', [
      { scheduleId: await met(GRID), dueOn: '2026-11-12', onTime: true },
      { scheduleId: await met(GRID), dueOn: '2026-11-01', onTime: false },
    ]);
    await aVisit(db, p1, GRID, b, '2026-11-20T02:00:00.000Z', [{ scheduleId: await met(GRID), dueOn: '2026-11-10', onTime: false }]);
    await aVisit(db, p6, ZHUYUAN_VILLAGE, c, '2026-11-06T02:00:00.000Z', [{ scheduleId: await met(ZHUYUAN_VILLAGE), dueOn: '2026-11-06', onTime: true }]);
    // The grid's overdue schedules count against A, assigned to it first.
    await aGridAssignment(db, id['grid'], a, '2026-01-01T00:00:00.000Z');
    await aGridAssignment(db, id['grid'], b, '2026-06-01T00:00:00.000Z');

    // Training under the default rules; every account was created today, so of 2026 only the year (ethics: 2) and the fourth
    // quarter (skills: 1) ask anything of grid workers (3 sessions), and the year's department training of department staff.
    await aTrainingSession(db, 'ethics', '2026-03-10', [a]);
    await aTrainingSession(db, 'ethics', '2026-11-05', [a, b]);
    await aTrainingSession(db, 'skills', '2026-11-10', [a]);
    await aTrainingSession(db, 'skills', '2026-11-12', [b], 'cancelled');
    await aTrainingSession(db, 'skills', '2026-11-28', [b]); // after today: not yet
    await aTrainingSession(db, 'department', '2026-06-01', [h1]);

    // Information reports of 马踏镇 (quota 2 a month): November: one adopted, one submitted, one draft; October: one adopted.
    await putSetting(db, { key: 'info_report.monthly_quota', value: '2', updated_by: null, updated_at: '2026-01-01T00:00:00.000Z' });
    const mata = id[MATA]!;
    id['r1'] = await anInfoReport(db, mata, MATA, county.id, '马踏镇开展走访', 'adopted', '2026-11-03T02:00:00.000Z', '2026-11');
    await anInfoReport(db, mata, MATA, county.id, '马踏镇网格例会', 'submitted', '2026-11-20T02:00:00.000Z', '2026-11');
    await anInfoReport(db, mata, MATA, county.id, '草稿', 'draft', '2026-11-21T02:00:00.000Z', '2026-11');
    await anInfoReport(db, mata, MATA, county.id, '十月信息', 'adopted', '2026-10-08T02:00:00.000Z', '2026-10');

    // Duty lapses of 马踏镇's sub-center: two in November, one in October.
    await aDutyLapse(db, mata, MATA, '2026-11-02', 'no_roster');
    await aDutyLapse(db, mata, MATA, '2026-11-03', 'no_check_in');
    await aDutyLapse(db, mata, MATA, '2026-10-30', 'no_roster');

    // Surveys: S1 closed on 20 November; S2 ends in December; a draft ending in November never counts.
    const s1 = await aSurvey(db, '2026年下半年知晓率满意率调查', '2026-11-20', 'closed');
    const s2 = await aSurvey(db, '年末回访', '2026-12-15', 'open');
    const s0 = await aSurvey(db, '草稿调查', '2026-11-25', 'draft');
    id['s1'] = s1;
    for (const [aware, satisfied] of [[1, 1], [1, 0], [1, null], [0, 1]] as const) await aSurveyAnswer(db, s1, id[MATA_VILLAGE]!, MATA_VILLAGE, aware, satisfied);
    await aSurveyAnswer(db, s1, id[ZHUYUAN_VILLAGE]!, ZHUYUAN_VILLAGE, 1, null);
    await aSurveyAnswer(db, s2, id[MATA_VILLAGE]!, MATA_VILLAGE, 0, 0);
    await aSurveyAnswer(db, s0, id[MATA_VILLAGE]!, MATA_VILLAGE, 1, 1);
  });
  afterAll(async () => t.close());

  const table = (period: string, unitKind: 'village' | 'township' | 'department' | 'grid_worker') =>
    computeIndicatorTable(t.ctx.db.kysely, NOW, { period, unitKind, scopePath: COUNTY, codes: OPERATIONS_CODES });
  const figuresOf = async (period: string, unitKind: 'village' | 'township' | 'department' | 'grid_worker') =>
    Object.fromEntries((await table(period, unitKind)).rows.map((row) => [row.unitName, row.figures]));

  it('counts November for the villages by hand', async () => {
    const figures = await figuresOf('2026-11', 'village');
    expect(figures['马踏村']).toEqual({
      visit_compliance: rate(3, 7), // on time: 1 Nov 00:30, 3 Nov, 12 Nov; late: 12 Nov, 20 Nov; overdue: sA, sB
      registry_accuracy: rate(4, 5),
      registry_completeness: rate(1, 3), // 张一 only; 张四 was recorded in December
      training_compliance: rate(1, 2), // A meets all three sessions; B has 1 of 3
      survey_awareness: rate(3, 4),
      survey_satisfaction: rate(2, 3),
    });
    expect(figures['竹园村']).toEqual({
      visit_compliance: rate(1, 1),
      registry_accuracy: rate(0, 0),
      registry_completeness: rate(1, 1),
      training_compliance: rate(0, 1),
      survey_awareness: rate(1, 1),
      survey_satisfaction: rate(0, 0),
    });
    expect(figures['竹园村']!['registry_accuracy']).toMatchObject({ value: null, tooFew: true });
  });

  it('counts November for the townships, with their reports, lapses and department staff in training', async () => {
    const figures = await figuresOf('2026-11', 'township');
    expect(figures['马踏镇']).toEqual({
      visit_compliance: rate(3, 7),
      registry_accuracy: rate(4, 5),
      registry_completeness: rate(1, 3),
      // A and h1 meet their rules; B, h2 and the station's leader do not.
      training_compliance: rate(2, 5),
      info_report_quota: target(2, 2),
      info_report_adoption: rate(1, 2),
      duty_lapses: count(2),
      survey_awareness: rate(3, 4),
      survey_satisfaction: rate(2, 3),
    });
    expect(figures['竹园镇']).toMatchObject({ info_report_quota: target(0, 2), info_report_adoption: rate(0, 0), duty_lapses: count(0), training_compliance: rate(0, 1) });
  });

  it('counts the year to date: eleven months of quota, every survey ending in 2026, December’s records', async () => {
    const villages = await figuresOf('2026', 'village');
    expect(villages['马踏村']).toMatchObject({
      visit_compliance: rate(4, 9), // A’s October visit joins, and sC fell overdue in October
      registry_accuracy: rate(6, 7),
      registry_completeness: rate(2, 4),
      survey_awareness: rate(3, 5),
      survey_satisfaction: rate(2, 4),
    });
    const townships = await figuresOf('2026', 'township');
    expect(townships['马踏镇']).toMatchObject({ info_report_quota: target(3, 22), info_report_adoption: rate(2, 3), duty_lapses: count(3) });
  });

  it('counts grid workers on their own: visits and the overdue schedules of the grid they answer for, sessions of the rules', async () => {
    const figures = await figuresOf('2026-11', 'grid_worker');
    const name = (username: string) => `测试用户 ${username}`;
    expect(figures[name('oi_a')]).toEqual({ visit_compliance: rate(3, 6), training_compliance: target(3, 3) });
    expect(figures[name('oi_b')]).toEqual({ visit_compliance: rate(0, 1), training_compliance: target(1, 3) });
    expect(figures[name('oi_c')]).toEqual({ visit_compliance: rate(1, 1), training_compliance: target(0, 3) });
  });

  it('still assesses a grid worker for November when his account is disabled in December', async () => {
    const db = t.ctx.db.kysely;
    await db.updateTable('account').set({ disabled_at: '2026-12-03T02:00:00.000Z' }).where('id', '=', id['b']!).execute();
    try {
      const figures = await figuresOf('2026-11', 'grid_worker');
      expect(figures['测试用户 oi_b']).toEqual({ visit_compliance: rate(0, 1), training_compliance: target(1, 3) });
    } finally {
      await db.updateTable('account').set({ disabled_at: null }).where('id', '=', id['b']!).execute();
    }
  });

  it('counts departments’ staff against the department training rule', async () => {
    const figures = await figuresOf('2026-11', 'department');
    expect(figures['马踏镇派出所']).toEqual({ training_compliance: rate(1, 3) });
    expect(figures['竹园镇司法所']).toEqual({ training_compliance: rate(0, 0) });
  });

  describe('over HTTP', () => {
    let county: ReturnType<typeof as>;
    let zhuyuan: ReturnType<typeof as>;
    let leader: ReturnType<typeof as>;
    beforeAll(async () => {
      county = as(t.app, await signInCookie(t.app, 'oi_county'));
      zhuyuan = as(t.app, await signInCookie(t.app, 'oi_zy'));
      leader = as(t.app, await signInCookie(t.app, 'oi_lead'));
    });
    const facts = (caller: ReturnType<typeof as>, unitKind: string, unitId: string, indicator: string, period = '2026-11') =>
      caller({ method: 'GET', url: `/api/assessment/indicators/facts?period=${period}&unitKind=${unitKind}&unitId=${unitId}&indicator=${indicator}` });

    it('lists the facts behind a village’s visit compliance, on time first, each opening the person', async () => {
      const response = await facts(county, 'village', id[MATA_VILLAGE]!, 'visit_compliance');
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect(body.figure).toEqual(rate(3, 7));
      expect(body.facts).toHaveLength(7);
      expect(body.facts.map((f: { counted: boolean }) => f.counted)).toEqual([true, true, true, false, false, false, false]);
      expect(body.facts.filter((f: { note: string }) => f.note.includes('逾期未走访'))).toHaveLength(2);
      expect(body.facts[0]).toMatchObject({ kind: 'visit', label: '张一', link: `/registry/persons/${id['p1']}` });
      expect(body.truncated).toBe(false);
    });

    it('lists verifications, people, reports, lapse days and answers with their pages', async () => {
      const accuracy = (await facts(county, 'village', id[MATA_VILLAGE]!, 'registry_accuracy')).json();
      expect(accuracy.facts.map((f: { counted: boolean }) => f.counted)).toEqual([true, true, true, true, false]);
      expect(accuracy.facts[4]).toMatchObject({ label: '张二', note: '复核更正：phone' });
      const completeness = (await facts(county, 'village', id[MATA_VILLAGE]!, 'registry_completeness')).json();
      expect(completeness.facts.map((f: { label: string; counted: boolean }) => [f.label, f.counted])).toEqual([['张二', false], ['张三', false], ['张一', true]]);
      expect(completeness.facts[0].note).toContain('电话');
      expect(completeness.facts[1].note).toContain('出生日期');
      const reports = (await facts(county, 'township', id[MATA]!, 'info_report_adoption')).json();
      expect(reports.facts).toEqual([
        expect.objectContaining({ kind: 'report', label: '马踏镇开展走访', counted: true, link: `/daily/info-reports/${id['r1']}` }),
        expect.objectContaining({ label: '马踏镇网格例会', counted: false }),
      ]);
      const lapses = (await facts(county, 'township', id[MATA]!, 'duty_lapses')).json();
      expect(lapses.figure).toEqual(count(2));
      expect(lapses.facts.map((f: { label: string; note: string }) => [f.label, f.note])).toEqual([['2026-11-02', '未排班'], ['2026-11-03', '值班人员未签到']]);
      const answers = (await facts(county, 'village', id[MATA_VILLAGE]!, 'survey_satisfaction')).json();
      expect(answers.facts.map((f: { counted: boolean }) => f.counted)).toEqual([true, true, false]);
      expect(answers.facts[0].link).toBe(`/assessment/surveys/${id['s1']}`);
      const training = (await facts(county, 'grid_worker', id['b']!, 'training_compliance')).json();
      expect(training.figure).toEqual(target(1, 3));
      expect(training.facts.map((f: { label: string; counted: boolean }) => [f.label, f.counted])).toEqual([['职业素养 2026', false], ['专业知识和技能 2026-Q4', false]]);
      expect(training.facts[0].note).toContain('参加 1 次');
    });

    it('exports the table as a workbook whose cells read back: value, numerator over denominator, too few, formulas', async () => {
      const response = await county({ method: 'GET', url: '/api/assessment/indicators/export.xlsx?period=2026-11&unitKind=village' });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      expect(decodeURIComponent(String(response.headers['content-disposition']))).toContain('考核指标-村（社区）-2026-11.xlsx');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('考核指标')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      const column = header.indexOf('走访达标率') + 1;
      expect(column).toBeGreaterThan(2);
      expect(header[column]).toBe('分子/分母');
      const rows = new Map<string, ExcelJS.Row>();
      sheet.eachRow((row, number) => number > 1 && rows.set(String(row.getCell(1).value), row));
      const mata = rows.get('马踏村')!;
      expect(mata.getCell(2).value).toBe('马踏镇');
      expect(mata.getCell(column).value).toBeCloseTo(3 / 7, 10);
      expect(mata.getCell(column).numFmt).toBe('0.0%');
      expect(mata.getCell(column + 1).value).toBe('3/7');
      expect(rows.get('竹园村')!.getCell(column + 1).value).toBe('1/1 样本不足');
      const formulas = book.getWorksheet('指标说明')!;
      const formulaRows: unknown[][] = [];
      formulas.eachRow((row) => formulaRows.push((row.values as unknown[]).slice(1)));
      expect(formulaRows).toContainEqual(['走访达标率', INDICATORS.visit_compliance.formula['zh-CN'], '2026-11-01 – 2026-11-30', 5]);
      const english = await county({ method: 'GET', url: '/api/assessment/indicators/export.xlsx?period=2026-11&unitKind=township', headers: { 'accept-language': 'en-US' } });
      const englishBook = new ExcelJS.Workbook();
      await englishBook.xlsx.load(english.rawPayload as unknown as ArrayBuffer);
      expect((englishBook.getWorksheet('Indicators')!.getRow(1).values as unknown[]).slice(1, 3)).toEqual(['Township', 'Belongs to']);
      const outside = await zhuyuan({ method: 'GET', url: `/api/assessment/indicators/export.xlsx?period=2026-11&unitKind=village&orgUnitId=${id[MATA]}` });
      expect(outside.statusCode).toBe(404);
      const bad = await county({ method: 'GET', url: '/api/assessment/indicators/export.xlsx?period=26-11&unitKind=village', headers: { 'accept-language': 'en-US' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toContain('period');
    });

    it('gives a grid worker the same visit figure whoever reads it, and names no one outside the reader’s scope', async () => {
      // C (竹园村) also visits 张一 in 马踏村 on time on 9 November: 2 of 2, for the county and for 竹园镇's center alike.
      const db = t.ctx.db.kysely;
      const schedule = await aSchedule(db, await aPlan(db), id['p1']!, GRID, id['grid']!, '2026-11-09', '2026-12-20');
      const visit = await aVisit(db, id['p1']!, GRID, id['c']!, '2026-11-09T02:00:00.000Z', [{ scheduleId: schedule, dueOn: '2026-11-09', onTime: true }]);
      try {
        const figureFor = async (caller: ReturnType<typeof as>) => {
          const response = await caller({ method: 'GET', url: '/api/assessment/indicators?period=2026-11&unitKind=grid_worker' });
          expect(response.statusCode, response.body).toBe(200);
          return (response.json().rows as { unitId: string; figures: Record<string, IndicatorFigure> }[]).find((row) => row.unitId === id['c'])?.figures['visit_compliance'];
        };
        expect(await figureFor(county)).toEqual(rate(2, 2));
        expect(await figureFor(zhuyuan)).toEqual(rate(2, 2));
        const listed = (await facts(zhuyuan, 'grid_worker', id['c']!, 'visit_compliance')).json() as { figure: IndicatorFigure; facts: { label: string; link: string | null }[] };
        expect(listed.figure).toEqual(rate(2, 2));
        expect(listed.facts.map((fact) => fact.label).sort()).toEqual(['李六', '范围外走访']);
        expect(listed.facts.find((fact) => fact.label === '范围外走访')?.link).toBeNull();
        const whole = (await facts(county, 'grid_worker', id['c']!, 'visit_compliance')).json() as { facts: { label: string }[] };
        expect(whole.facts.map((fact) => fact.label).sort()).toEqual(['张一', '李六']);
      } finally {
        await db.deleteFrom('visit_target').where('visit_id', '=', visit).execute();
        await db.deleteFrom('visit').where('id', '=', visit).execute();
        await db.deleteFrom('visit_schedule').where('id', '=', schedule).execute();
      }
    });

    it('writes the facts’ notes in the reader’s language', async () => {
      const cases: [string, string, string][] = [
        ['village', id[MATA_VILLAGE]!, 'visit_compliance'],
        ['village', id[MATA_VILLAGE]!, 'registry_accuracy'],
        ['village', id[MATA_VILLAGE]!, 'registry_completeness'],
        ['village', id[MATA_VILLAGE]!, 'survey_awareness'],
        ['township', id[MATA]!, 'info_report_quota'],
        ['township', id[MATA]!, 'duty_lapses'],
        ['grid_worker', id['a']!, 'training_compliance'],
        ['department', id['police']!, 'training_compliance'],
      ];
      for (const [unitKind, unitId, indicator] of cases) {
        const zh = (await facts(county, unitKind, unitId, indicator)).json() as { facts: { note: string | null }[] };
        const en = (await county({ method: 'GET', url: `/api/assessment/indicators/facts?period=2026-11&unitKind=${unitKind}&unitId=${unitId}&indicator=${indicator}`, headers: { 'accept-language': 'en-US' } })).json() as { facts: { note: string | null }[] };
        expect(en.facts.length, indicator).toBeGreaterThan(0);
        expect(zh.facts.some((fact) => /[\u4e00-\u9fff]/u.test(fact.note ?? '')), `${unitKind} ${indicator} zh`).toBe(true);
        expect(en.facts.filter((fact) => /[\u4e00-\u9fff]/u.test(fact.note ?? '')), `${unitKind} ${indicator} en`).toEqual([]);
      }
    });

    it('keeps a township’s center to its township, and a department leader to his department', async () => {
      const own = await zhuyuan({ method: 'GET', url: '/api/assessment/indicators?period=2026-11&unitKind=village' });
      expect(own.statusCode, own.body).toBe(200);
      expect(own.json().rows.map((row: { unitName: string }) => row.unitName)).toEqual(['竹园村']);
      expect((await facts(zhuyuan, 'village', id[MATA_VILLAGE]!, 'visit_compliance')).statusCode).toBe(404);
      const narrowed = await zhuyuan({ method: 'GET', url: `/api/assessment/indicators?period=2026-11&unitKind=village&orgUnitId=${id[MATA]}` });
      expect(narrowed.statusCode).toBe(404);
      const department = await leader({ method: 'GET', url: '/api/assessment/indicators?period=2026-11&unitKind=department' });
      expect(department.json().rows.map((row: { unitName: string; figures: Record<string, IndicatorFigure> }) => [row.unitName, row.figures['training_compliance']])).toEqual([['马踏镇派出所', rate(1, 3)]]);
      expect((await leader({ method: 'GET', url: '/api/assessment/indicators?period=2026-11&unitKind=village' })).statusCode).toBe(403);
    });

    it('refuses bad input naming the field, in Chinese by default and in English', async () => {
      const month = await county({ method: 'GET', url: '/api/assessment/indicators?period=2026-13&unitKind=village' });
      expect(month.statusCode).toBe(400);
      expect(month.json().error.details.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'querystring.period' })]));
      expect(month.json().error.message).toMatch(/[\u4e00-\u9fff]/);
      const kind = await county({ method: 'GET', url: '/api/assessment/indicators/facts?period=2026-11&unitKind=village&unitId=x&indicator=nonsense', headers: { 'accept-language': 'en-US' } });
      expect(kind.statusCode).toBe(400);
      expect(kind.json().error.message).toContain('indicator');
      // An indicator that does not apply to the unit kind: there is no such figure.
      expect((await facts(county, 'department', id['police']!, 'duty_lapses')).statusCode).toBe(404);
    });
  });

  it('marks a rate over fewer cases than the year’s scheme asks as too few', async () => {
    const db = t.ctx.db.kysely;
    await db.insertInto('score_scheme').values({ id: 'oi-scheme', year: 2026, version: 1, body: JSON.stringify({ minCases: 8, units: {} }), note: '', created_by: id['county']!, created_at: '2026-01-01T00:00:00.000Z' }).execute();
    const result = await table('2026-11', 'village');
    expect(result.minCases).toBe(8);
    expect(result.rows.find((row) => row.unitName === '马踏村')?.figures['visit_compliance']).toEqual({ ...rate(3, 7), tooFew: true });
    // A target is not a sample: the township's quota stays rankable.
    expect((await table('2026-11', 'township')).rows.find((row) => row.unitName === '马踏镇')?.figures['info_report_quota']).toEqual(target(2, 2));
  });
});
