// The demo's duty: a lived-in roster around today, today's duty the demo center login's, past days
// checked in but one, which is the one lapse; and the 2026 holidays in the calendar.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anAccount, aSmallCounty, TEST_PASSWORD } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { seedDemoDuty } from './duty.demo.js';

describeEachDialect('the demo duty roster', (dialect) => {
  let t: TestApp;
  let centerId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    // Wednesday 2 December 2026, 09:00 in Shanghai.
    t.clock.set('2026-12-02T01:00:00.000Z');
    await aSmallCounty(t.ctx);
    const county = await anAccount(t.ctx, { username: 'demo_county', role: 'county_admin', orgPath: '/511124/' });
    centerId = (await anAccount(t.ctx, { username: 'demo_center', role: 'center_operator', orgPath: '/511124/511124101/' })).id;
    await seedDemoDuty(t.ctx, { countyId: county.id, centerId, countyPath: '/511124/', townshipPath: '/511124/511124101/', password: TEST_PASSWORD });
  });
  afterAll(async () => t.close());

  it('covers three weeks back and two ahead on working days, with today’s duty for the center login to check in', async () => {
    const entries = await t.ctx.db.kysely.selectFrom('duty_entry').select(['date', 'account_id', 'checked_in_at', 'unit_path']).where('unit_path', '=', '/511124/511124101/').orderBy('date').execute();
    expect(entries[0]?.date).toBe('2026-11-11');
    expect(entries.at(-1)?.date).toBe('2026-12-16');
    // 26 working days from 11 November to 16 December 2026.
    expect(entries).toHaveLength(26);
    expect(entries.find((entry) => entry.date === '2026-12-02')).toMatchObject({ account_id: centerId, checked_in_at: null });
    const past = entries.filter((entry) => entry.date < '2026-12-02');
    expect(past.filter((entry) => entry.checked_in_at === null).map((entry) => entry.date)).toEqual(['2026-11-25']);
    const lapses = await t.ctx.db.kysely.selectFrom('duty_lapse').select(['date', 'reason', 'unit_path']).execute();
    expect(lapses).toEqual([{ date: '2026-11-25', reason: 'no_check_in', unit_path: '/511124/511124101/' }]);
    const center = as(t.app, await signInCookie(t.app, 'demo_center'));
    expect((await center({ method: 'POST', url: '/api/duty/check-in' })).json().entries[0]).toMatchObject({ unitName: '马踏镇', checkedInAt: '2026-12-02T01:00:00.000Z' });
    // The second operator takes the days between.
    const second = as(t.app, await signInCookie(t.app, 'center2'));
    expect((await second({ method: 'POST', url: '/api/duty/check-in' })).statusCode).toBe(422);
  });

  it('puts the State Council’s 2026 holidays in the calendar', async () => {
    const county = as(t.app, await signInCookie(t.app, 'demo_county'));
    const year = (await county({ method: 'GET', url: '/api/working-calendar?year=2026' })).json();
    expect(year.months[9]).toEqual({ month: '2026-10', workdays: 18, restDays: 13 });
  });
});
