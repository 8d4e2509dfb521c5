// The demo's archive holds last month's bulletin as the scheduled job writes it, so a leader finds
// a bulletin at once and a server started on the demo does not write a second one.
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { DEMO_PASSWORD, seedDemo } from '../demo/demo.seed.js';
import { seedDemoBulletins } from './bulletins.demo.js';

describeEachDialect('the demo county’s bulletins', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedDemo(t.ctx);
  }, 120_000);
  afterAll(async () => t.close());

  it('holds last month’s monthly bulletin, with its Word file, once however often the seed’s run repeats', async () => {
    const leader = as(t.app, await signInCookie(t.app, 'leader', DEMO_PASSWORD));
    const items = (await leader({ method: 'GET', url: '/api/bulletins' })).json().items as { id: string; period: string; kind: string; docx: { url: string } }[];
    expect(items.map((item) => `${item.period}:${item.kind}`)).toEqual(['2026-10:monthly']);
    await seedDemoBulletins(t.ctx);
    expect((await leader({ method: 'GET', url: '/api/bulletins' })).json().items).toHaveLength(1);
    const docx = await leader({ method: 'GET', url: items[0]?.docx.url ?? '' });
    expect(docx.statusCode).toBe(200);
    const document = (await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    expect(document).toContain('关于2026年10月全县网格化服务管理工作考核情况的通报');
  });
});
