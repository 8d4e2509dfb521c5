// The demo's three weeks of daily checks: a lived-in history — most units fine, some days a village
// missing, the building office with events unsigned — that the monthly figures add up, and that a
// restart's catch-up leaves alone.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aDepartment, anAccount, aSmallCounty } from '../../test-support/builders.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { seedDemoDailyChecks } from './daily-checks.demo.js';
import { createDailyChecksService } from './daily-checks.service.js';

describeEachDialect('the demo’s daily checks', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    await aDepartment(t.ctx, '马踏镇派出所', '/511124/511124101/');
    await aDepartment(t.ctx, '马踏镇村镇建设办', '/511124/511124101/');
    await anAccount(t.ctx, { username: 'demo_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    const county = await anAccount(t.ctx, { username: 'demo_county', role: 'county_admin', orgPath: '/511124/' });
    // Tuesday 2026-11-24 at 20:00 in Shanghai.
    t.clock.set('2026-11-24T12:00:00.000Z');
    await seedDemoDailyChecks(t.ctx, { countyId: county.id });
  });
  afterAll(async () => t.close());

  it('stores the working days of the three weeks before today for every unit with accounts, with a realistic mix', async () => {
    const rows = await t.ctx.db.kysely.selectFrom('daily_unit_check').select(['date', 'name', 'status', 'waiting_count', 'notified_at']).execute();
    const dates = [...new Set(rows.map((row) => row.date))].sort();
    // 2026-11-03 to 2026-11-23: fifteen working days, none of them a weekend, not today.
    expect(dates).toHaveLength(15);
    expect(dates.every((date) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()))).toBe(true);
    expect(dates.at(-1)).toBe('2026-11-23');
    // 马踏镇, 马踏村 (its new village admin), both departments (their new handlers).
    expect(new Set(rows.map((row) => row.name))).toEqual(new Set(['马踏镇', '马踏村', '马踏镇派出所', '马踏镇村镇建设办']));
    const ok = rows.filter((row) => row.status === 'ok').length;
    expect(ok / rows.length).toBeGreaterThan(0.5);
    expect(rows.filter((row) => row.name === '马踏镇村镇建设办' && row.waiting_count > 0).length).toBeGreaterThanOrEqual(8);
    // Yesterday's stragglers were chased; the others were not.
    expect(rows.every((row) => (row.notified_at !== null) === (row.date === '2026-11-23' && row.status !== 'ok'))).toBe(true);
    // A restart finds nothing missing but today, whose cut-off has passed.
    const outcomes = await createDailyChecksService(t.ctx).catchUp('2026-11-24T12:00:00.000Z');
    expect(outcomes.map((outcome) => [outcome.date, outcome.outcome])).toEqual([['2026-11-24', 'checked']]);
  });
});
