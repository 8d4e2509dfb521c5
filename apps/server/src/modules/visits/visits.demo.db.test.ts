// The demo shows the visits work at once: the worker's list has a visit due this week, overdue
// and missed ones, the center's review queue a visit far from the house, and the overdue visits
// their cards.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { DEMO_PASSWORD, seedDemo } from '../demo/demo.seed.js';
import { DEMO_PLANS } from './visits.demo.js';

describeEachDialect('the demo county’s visits', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedDemo(t.ctx);
  });
  afterAll(async () => t.close());

  it('has the county’s default plans', async () => {
    const county = as(t.app, await signInCookie(t.app, 'county', DEMO_PASSWORD));
    const plans = (await county({ method: 'GET', url: '/api/follow-up-plans' })).json().items as {
      name: string;
      schedules: number;
    }[];
    expect(plans).toHaveLength(DEMO_PLANS.length);
    expect(plans.find((plan) => plan.name === '社区矫正 7/15/30 天')).toMatchObject({ schedules: 1 });
  });

  it('gives the worker a visit due this week, overdue and missed ones', async () => {
    const worker = as(t.app, await signInCookie(t.app, 'worker', DEMO_PASSWORD));
    const statuses = async (status: string) =>
      (
        (await worker({ method: 'GET', url: `/api/visits/due?status=${status}` })).json().items as {
          subjectLabel: string;
        }[]
      )
        .map((item) => item.subjectLabel)
        .sort();
    expect(await statuses('due_week')).toEqual(['严重精神障碍 14/30 天']);
    expect(await statuses('overdue')).toEqual(['低保对象 每月', '社区矫正 7/15/30 天']);
    expect(await statuses('missed')).toEqual(['刑满释放 高风险 每周']);
  });

  it('shows the center a visit flagged far from the house, and the cards of the overdue visits', async () => {
    const center = as(t.app, await signInCookie(t.app, 'center', DEMO_PASSWORD));
    const flagged = (await center({ method: 'GET', url: '/api/visits?flagged=true' })).json().items as {
      flags: string[];
      met: string;
      distanceM: number;
    }[];
    expect(flagged).toEqual([
      expect.objectContaining({ flags: ['far_from_address'], met: 'relative', review: 'pending' }),
    ]);
    expect(flagged[0]!.distanceM).toBeGreaterThan(1500);
    const cards = await t.ctx.db.kysely.selectFrom('visit_card').select('level').execute();
    expect(cards.map((card) => card.level).sort()).toEqual(['red', 'yellow', 'yellow', 'yellow']);
  });
});
