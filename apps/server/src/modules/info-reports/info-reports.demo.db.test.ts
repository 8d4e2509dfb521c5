// The demo shows information reports at once: 马踏镇's adopted, returned and draft reports, the
// county's queue, and this month's quota with 马踏镇 the one township below it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { DEMO_PASSWORD, seedDemo } from '../demo/demo.seed.js';

describeEachDialect('the demo county’s information reports', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedDemo(t.ctx);
  });
  afterAll(async () => t.close());

  it('gives 马踏镇 adopted reports at three levels, one returned with a note and one draft', async () => {
    const center = as(t.app, await signInCookie(t.app, 'center', DEMO_PASSWORD));
    const items = (await center({ method: 'GET', url: '/api/info-reports?limit=50' })).json().items as { status: string; level: string | null; returnedNote: string | null; subjectName: string | null }[];
    expect(items.map((item) => `${item.status}:${item.level ?? '-'}`).sort()).toEqual(['adopted:city', 'adopted:county', 'adopted:province', 'draft:-', 'returned:-']);
    expect(items.find((item) => item.status === 'returned')?.returnedNote).toContain('补充');
    expect(items.find((item) => item.level === 'province')?.subjectName).toBe('专职网格员');
  });

  it('leaves 马踏镇 the one township below this month’s quota, and the county a queue to review', async () => {
    const county = as(t.app, await signInCookie(t.app, 'county', DEMO_PASSWORD));
    const quota = (await county({ method: 'GET', url: '/api/info-reports/quota' })).json() as { belowQuota: number; townships: { townshipName: string; met: boolean; submitted: number }[]; adoptionRate: number | null };
    expect(quota.townships.length).toBeGreaterThan(10);
    expect(quota.townships.filter((row) => !row.met).map((row) => row.townshipName)).toEqual(['马踏镇']);
    expect(quota.belowQuota).toBe(1);
    expect(quota.adoptionRate).toBeGreaterThan(0);
    const queue = (await county({ method: 'GET', url: '/api/info-reports?status=submitted&limit=200' })).json().items as unknown[];
    expect(queue.length).toBeGreaterThan(3);
    expect((await county({ method: 'GET', url: '/api/info-reports?status=draft' })).json().items).toEqual([]);
  });
});
