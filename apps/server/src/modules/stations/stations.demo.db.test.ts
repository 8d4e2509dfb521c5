// The demo shows publicity and station standards at once: a month of publicity with some
// villages still at none, the status overview with items not met, stations never inspected and an
// overdue sub-center, and 20–40 terminals in 马踏镇, two of them with the demo grid workers.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { shanghaiDate } from '@gridwork/core';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { DEMO_PASSWORD, seedDemo } from '../demo/demo.seed.js';

describeEachDialect('the demo county’s publicity and stations', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedDemo(t.ctx);
  });
  afterAll(async () => t.close());

  it('has publicity this month in most of 马踏镇, with some villages at none', async () => {
    const center = as(t.app, await signInCookie(t.app, 'center', DEMO_PASSWORD));
    const month = shanghaiDate(t.clock()).slice(0, 7);
    const monthly = (await center({ method: 'GET', url: `/api/publicity/monthly?month=${month}` })).json();
    expect(monthly.rows.length).toBeGreaterThan(3);
    expect(monthly.unitsWithNone).toBeGreaterThan(0);
    expect(monthly.unitsWithNone).toBeLessThan(monthly.rows.length / 2);
    const all = (await center({ method: 'GET', url: '/api/publicity?limit=100' })).json();
    expect(new Set(all.items.map((item: { heldOn: string }) => item.heldOn.slice(0, 7))).size).toBeGreaterThanOrEqual(3);
  });

  it('shows the county stations inspected, items not met, some never inspected and one overdue', async () => {
    const county = as(t.app, await signInCookie(t.app, 'county', DEMO_PASSWORD));
    const status = (await county({ method: 'GET', url: '/api/stations/status' })).json();
    expect(status.summary.never).toBeGreaterThan(0);
    expect(status.summary.never).toBeLessThan(status.summary.units / 2);
    expect(status.summary.stale).toBeGreaterThanOrEqual(1);
    expect(status.summary.withItemsNotMet).toBeGreaterThan(0);
  });

  it('keeps 20–40 terminals in 马踏镇, the demo grid workers holding one each', async () => {
    const center = as(t.app, await signInCookie(t.app, 'center', DEMO_PASSWORD));
    const terminals = (await center({ method: 'GET', url: '/api/terminals?limit=100' })).json().items as { holder: { name: string } | null }[];
    expect(terminals.length).toBeGreaterThanOrEqual(20);
    expect(terminals.length).toBeLessThanOrEqual(40);
    expect(terminals.flatMap((terminal) => (terminal.holder ? [terminal.holder.name] : [])).sort()).toEqual(['专职网格员', '兼职网格员']);
  });
});
