// The demo shows surveys at once: 马踏镇's first-half awareness survey of 2026, closed with its
// answers and rates, and the second-half survey open with answers from all three channels.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { DEMO_PASSWORD, seedDemo } from '../demo/demo.seed.js';

describeEachDialect('the demo county’s surveys', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedDemo(t.ctx);
  }, 120_000);
  afterAll(async () => t.close());

  it('has the closed H1 survey with rates and the open H2 survey answered by phone, in the field and by QR code', async () => {
    const county = as(t.app, await signInCookie(t.app, 'county', DEMO_PASSWORD));
    const list = (await county({ method: 'GET', url: '/api/surveys?year=2026' })).json() as { items: { id: string; half: string; status: string; answered: number; sampleSize: number }[] };
    expect(list.items.map((item) => `${item.half}:${item.status}`).sort()).toEqual(['H1:closed', 'H2:open']);
    const h1 = list.items.find((item) => item.half === 'H1')!;
    const h2 = list.items.find((item) => item.half === 'H2')!;
    expect(h1.answered).toBeGreaterThan(20);
    const rates = (await county({ method: 'GET', url: `/api/surveys/${h1.id}/rates` })).json();
    expect(rates.townships.map((row: { unitName: string }) => row.unitName)).toEqual(['马踏镇']);
    expect(rates.total.awarenessRate).toBeGreaterThan(0.5);
    expect(rates.total.awarenessInterval.low).toBeLessThan(rates.total.awarenessRate);
    expect(rates.total.satisfactionAsked).toBe(0);
    const channels = await t.ctx.db.kysely.selectFrom('survey_answer').select('channel').distinct().where('survey_id', '=', h2.id).execute();
    expect(channels.map((row) => row.channel).sort()).toEqual(['field', 'phone', 'public']);
    // The village's interviewer sees the drawn people, some already answered.
    const worker = as(t.app, await signInCookie(t.app, 'worker', DEMO_PASSWORD));
    const open = (await worker({ method: 'GET', url: '/api/surveys/open' })).json() as { items: { id: string; questions: unknown[]; villages: { id: string; publicCode: string }[] }[] };
    expect(open.items.map((item) => item.id)).toEqual([h2.id]);
    const survey = open.items[0]!;
    expect(survey.questions).toHaveLength(6);
    const sample = (await worker({ method: 'GET', url: `/api/surveys/${h2.id}/sample?villageId=${survey.villages[0]!.id}` })).json() as { people: { answered: boolean }[] };
    expect(sample.people).toHaveLength(30);
    expect(sample.people.filter((person) => person.answered).length).toBeGreaterThan(5);
    const form = await t.app.inject({ method: 'GET', url: `/api/public/surveys/${survey.villages[0]!.publicCode}` });
    expect(form.json().villageName).toMatch(/^马踏村/u);
  });
});
