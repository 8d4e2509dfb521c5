// Departments beside the territory: a township keeps its 乡直单位 and 两所一院, the county keeps
// county departments, and everyone sees the departments that serve their area.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aDepartment, anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

describeEachDialect('departments', (dialect) => {
  let t: TestApp;
  let county: ReturnType<typeof as>;
  let villageAdmin: ReturnType<typeof as>;
  let zhuyuanCenter: ReturnType<typeof as>;
  let policeId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    await anAccount(t.ctx, { username: 'county1', role: 'county_admin', orgPath: '/511124/' });
    await anAccount(t.ctx, {
      username: 'mata_village',
      role: 'village_admin',
      orgPath: '/511124/511124101/511124101001/',
    });
    await anAccount(t.ctx, {
      username: 'zhuyuan_center',
      role: 'center_operator',
      orgPath: '/511124/511124102/',
    });
    county = as(t.app, await signInCookie(t.app, 'county1'));
    villageAdmin = as(t.app, await signInCookie(t.app, 'mata_village'));
    zhuyuanCenter = as(t.app, await signInCookie(t.app, 'zhuyuan_center'));
    await aDepartment(t.ctx, '县住建局', '/511124/');
    await aDepartment(t.ctx, '竹园镇派出所', '/511124/511124102/');
  });
  afterAll(async () => t.close());

  it('the county creates a police station for a township, with the categories it handles', async () => {
    const response = await county({
      method: 'POST',
      url: '/api/departments',
      payload: {
        name: '马踏镇派出所',
        kind: 'police_station',
        orgPath: '/511124/511124101/',
        categories: ['public_order', 'dispute'],
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      name: '马踏镇派出所',
      kind: 'police_station',
      categories: ['dispute', 'public_order'],
      staff: [],
      disabled: false,
    });
    policeId = response.json().id as string;
  });

  it('refuses an unknown category, a village as the seat, a duplicate name and bad fields', async () => {
    const unknown = await county({
      method: 'POST',
      url: '/api/departments',
      payload: { name: 'x', kind: 'court', orgPath: '/511124/', categories: ['weather'] },
    });
    expect(unknown.json().error).toMatchObject({
      code: 'UNKNOWN_EVENT_CATEGORY',
      message: '事件类别“weather”不存在',
    });
    const village = await county({
      method: 'POST',
      url: '/api/departments',
      payload: { name: 'x', kind: 'court', orgPath: '/511124/511124101/511124101001/', categories: [] },
    });
    expect(village.json().error.code).toBe('UNKNOWN_ORG_UNIT');
    const duplicate = await county({
      method: 'POST',
      url: '/api/departments',
      payload: {
        name: '马踏镇派出所',
        kind: 'police_station',
        orgPath: '/511124/511124101/',
        categories: [],
      },
    });
    expect(duplicate.statusCode).toBe(409);
    const bad = await county({
      method: 'POST',
      url: '/api/departments',
      payload: { name: '', kind: 'bank', orgPath: 'x', categories: ['dispute', 'dispute'] },
    });
    expect((bad.json().error.details.fields as { field: string }[]).map((f) => f.field).sort()).toEqual([
      'body.categories',
      'body.kind',
      'body.name',
      'body.orgPath',
    ]);
  });

  it('a village sees the departments serving it (county and its township), not another township’s', async () => {
    const response = await villageAdmin({ method: 'GET', url: '/api/departments' });
    const names = (response.json().items as { name: string }[]).map((item) => item.name);
    expect(names).toEqual(expect.arrayContaining(['县住建局', '马踏镇派出所']));
    expect(names).not.toContain('竹园镇派出所');
    const other = await zhuyuanCenter({ method: 'GET', url: `/api/departments/${policeId}` });
    expect(other.statusCode).toBe(404);
  });

  it('a township cannot change a department it only sees, nor a village create one', async () => {
    expect(
      (
        await villageAdmin({
          method: 'POST',
          url: '/api/departments',
          payload: { name: 'y', kind: 'court', orgPath: '/511124/', categories: [] },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await zhuyuanCenter({ method: 'PATCH', url: `/api/departments/${policeId}`, payload: { name: 'z' } }))
        .statusCode,
    ).toBe(403);
  });

  it('renames, recategorises and disables with an audit entry of before and after; lists staff', async () => {
    await anAccount(t.ctx, {
      username: 'police1',
      role: 'dept_handler',
      orgPath: '/511124/511124101/',
      departmentId: policeId,
    });
    const response = await county({
      method: 'PATCH',
      url: `/api/departments/${policeId}`,
      payload: { categories: ['public_order'], disabled: true },
    });
    expect(response.json()).toMatchObject({
      categories: ['public_order'],
      disabled: true,
      staff: [{ displayName: '测试用户 police1', role: 'dept_handler' }],
    });
    const listed = await county({ method: 'GET', url: '/api/departments' });
    expect((listed.json().items as { id: string }[]).map((item) => item.id)).not.toContain(policeId);
    const withDisabled = await county({ method: 'GET', url: '/api/departments?includeDisabled=true' });
    expect((withDisabled.json().items as { id: string }[]).map((item) => item.id)).toContain(policeId);
    const entry = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'department.updated')
      .where('object_id', '=', policeId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.details)).toEqual({
      before: { name: '马踏镇派出所', disabled: false, categories: ['dispute', 'public_order'] },
      after: { name: '马踏镇派出所', disabled: true, categories: ['public_order'] },
    });
  });
});
