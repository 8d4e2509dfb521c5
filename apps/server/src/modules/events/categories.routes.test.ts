// The county shapes its catalogue: adds a sub-kind, changes deadlines and what the public may
// report; the township may read it but not change it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

describeEachDialect('the event catalogue', (dialect) => {
  let t: TestApp;
  let county: ReturnType<typeof as>;
  let center: ReturnType<typeof as>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    await anAccount(t.ctx, { username: 'cat_county', role: 'county_admin', orgPath: '/511124/' });
    await anAccount(t.ctx, { username: 'cat_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    county = as(t.app, await signInCookie(t.app, 'cat_county'));
    center = as(t.app, await signInCookie(t.app, 'cat_center'));
  });
  afterAll(async () => t.close());

  const forestFire = { code: 'hazard_forest_fire', parentCode: 'safety_hazard', nameZh: '森林防火隐患', nameEn: 'Forest fire hazard', signForHours: 1, handleDays: 1, onSpotAllowed: false, publicAllowed: true };

  it('adds a sub-kind of 安全隐患, and refuses the same code twice or a parent that is itself a sub-kind', async () => {
    const created = await county({ method: 'POST', url: '/api/event-categories', payload: forestFire });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'hazard_forest_fire', parentCode: 'safety_hazard', name: '森林防火隐患', signForHours: 1, disabled: false });
    expect((await county({ method: 'POST', url: '/api/event-categories', payload: forestFire })).json().error.code).toBe('CATEGORY_CODE_TAKEN');
    const nested = await county({ method: 'POST', url: '/api/event-categories', payload: { ...forestFire, code: 'hazard_deeper', parentCode: 'hazard_fire' } });
    expect(nested.json().error).toMatchObject({ code: 'CATEGORY_PARENT_INVALID', message: '上级类别“hazard_fire”不存在或本身是子类别' });
    const bad = await county({ method: 'POST', url: '/api/event-categories', payload: { ...forestFire, code: 'Bad Code', handleDays: 0 } });
    expect((bad.json().error.details.fields as { field: string }[]).map((field) => field.field)).toEqual(expect.arrayContaining(['body.code', 'body.handleDays']));
    const open311 = (await t.app.inject({ method: 'GET', url: '/open311/v2/services.json' })).json() as { service_code: string }[];
    expect(open311.some((service) => service.service_code === 'hazard_forest_fire')).toBe(true);
  });

  it('changes deadlines and public reporting, with the change on the audit trail', async () => {
    const changed = await county({ method: 'PATCH', url: '/api/event-categories/sanitation', payload: { signForHours: 12, publicAllowed: false } });
    expect(changed.json()).toMatchObject({ signForHours: 12, publicAllowed: false });
    const open311 = (await t.app.inject({ method: 'GET', url: '/open311/v2/services.json' })).json() as { service_code: string }[];
    expect(open311.some((service) => service.service_code === 'sanitation')).toBe(false);
    const trail = await t.ctx.db.kysely.selectFrom('audit_log').select('details').where('action', '=', 'event_category.updated').where('object_id', '=', 'sanitation').executeTakeFirstOrThrow();
    expect(JSON.parse(trail.details)).toMatchObject({ before: { signForHours: 24 }, after: { signForHours: 12 } });
    expect((await county({ method: 'PATCH', url: '/api/event-categories/ufo', payload: { handleDays: 3 } })).statusCode).toBe(404);
    expect((await county({ method: 'PATCH', url: '/api/event-categories/sanitation', payload: {} })).statusCode).toBe(400);
  });

  it('lets a department take a category the county added', async () => {
    const department = await county({ method: 'POST', url: '/api/departments', payload: { name: '县林业局', kind: 'county_department', orgPath: '/511124/', categories: ['hazard_forest_fire'] } });
    expect(department.json().categories).toEqual(['hazard_forest_fire']);
    const unknown = await county({ method: 'POST', url: '/api/departments', payload: { name: '县某局', kind: 'county_department', orgPath: '/511124/', categories: ['ufo'] } });
    expect(unknown.json().error.code).toBe('UNKNOWN_EVENT_CATEGORY');
  });

  it('lets a township read the catalogue but not change it', async () => {
    expect((await center({ method: 'GET', url: '/api/event-categories' })).statusCode).toBe(200);
    expect((await center({ method: 'PATCH', url: '/api/event-categories/sanitation', payload: { handleDays: 1 } })).statusCode).toBe(403);
    expect((await center({ method: 'POST', url: '/api/event-categories', payload: { ...forestFire, code: 'x_other' } })).statusCode).toBe(403);
  });
});
