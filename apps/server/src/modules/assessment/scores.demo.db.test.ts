// The demo shows scores at once: this year's scheme in two versions (the plan's default, then red
// cards weighing more), and last month's village ranking made with it, each score the sum of its
// points, ranks in order and the units with too few cases last.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { shanghaiDate, type Ranking } from '@gridwork/core';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { DEMO_PASSWORD, seedDemo } from '../demo/demo.seed.js';

describeEachDialect('the demo county’s scores', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedDemo(t.ctx);
  });
  afterAll(async () => t.close());

  it('has this year’s scheme in two versions, red cards at 3 points in the second', async () => {
    const county = as(t.app, await signInCookie(t.app, 'county', DEMO_PASSWORD));
    const year = shanghaiDate(t.clock()).slice(0, 4);
    const scheme = (await county({ method: 'GET', url: `/api/assessment/schemes/${year}` })).json();
    expect(scheme).toMatchObject({ version: 2, latestVersion: 2, editable: true });
    expect(scheme.body.units.village.deductions[0]).toMatchObject({ id: 'red-card', points: 3 });
    const versions = (await county({ method: 'GET', url: `/api/assessment/schemes/${year}/versions` })).json();
    expect(versions.versions.map((entry: { version: number }) => entry.version)).toEqual([2, 1]);
  });

  it('ranks last month’s villages with it, each score the sum of its points', async () => {
    const county = as(t.app, await signInCookie(t.app, 'county', DEMO_PASSWORD));
    const [year, month] = shanghaiDate(t.clock()).split('-').map(Number) as [number, number];
    const period = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    const response = await county({ method: 'GET', url: `/api/assessment/scores?period=${period}&unitKind=village` });
    expect(response.statusCode, response.body).toBe(200);
    const ranking = response.json() as Ranking;
    expect(ranking.schemeVersion).toBe(ranking.period.startsWith(String(year)) ? 2 : 1);
    expect(ranking.units.length).toBeGreaterThan(10);
    expect(ranking.units.some((unit) => unit.parentName === '马踏镇')).toBe(true);
    for (const unit of ranking.units) {
      const sum = unit.items.reduce((total, item) => total + item.points, 0) + unit.deductions.reduce((total, deduction) => total + deduction.points, 0);
      expect(Math.abs(sum - unit.score)).toBeLessThan(0.02);
    }
    const ranked = ranking.units.filter((unit) => unit.rank !== null);
    for (let index = 1; index < ranked.length; index += 1) {
      expect(ranked[index]!.score).toBeLessThanOrEqual(ranked[index - 1]!.score);
      expect(ranked[index]!.rank).toBe(ranked[index]!.score === ranked[index - 1]!.score ? ranked[index - 1]!.rank : index + 1);
    }
    expect(ranking.units.slice(ranked.length).every((unit) => unit.tooFew)).toBe(true);
  });
});
