// Account administration as the three administrators and the township live it: accounts are made
// inside one's own scope, roles of the three administrators are granted only by the security
// administrator, and a departing grid worker hands everything over before being disabled.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aDepartment, anAccount, aSmallCounty, TEST_PASSWORD } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

describeEachDialect('account administration', (dialect) => {
  let t: TestApp;
  let sysadmin: ReturnType<typeof as>;
  let secadmin: ReturnType<typeof as>;
  let township: ReturnType<typeof as>;
  let departmentId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    departmentId = await aDepartment(t.ctx, '马踏镇派出所', '/511124/511124101/');
    await anAccount(t.ctx, { username: 'sys', role: 'system_admin', orgPath: '/511124/' });
    await anAccount(t.ctx, { username: 'sec', role: 'security_admin', orgPath: '/511124/' });
    await anAccount(t.ctx, {
      username: 'mata_center',
      role: 'center_operator',
      orgPath: '/511124/511124101/',
    });
    sysadmin = as(t.app, await signInCookie(t.app, 'sys'));
    secadmin = as(t.app, await signInCookie(t.app, 'sec'));
    township = as(t.app, await signInCookie(t.app, 'mata_center'));
  });
  afterAll(async () => t.close());

  const newWorker = (username: string, extra: Record<string, unknown> = {}) => ({
    username,
    displayName: `网格员${username}`,
    role: 'grid_worker_parttime',
    orgPath: '/511124/511124101/511124101001/',
    password: 'Start#2026a',
    ...extra,
  });

  it('the system administrator creates a part-time grid worker who must change the password', async () => {
    const response = await sysadmin({ method: 'POST', url: '/api/accounts', payload: newWorker('wang01') });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      username: 'wang01',
      role: 'grid_worker_parttime',
      mustChangePassword: true,
      disabled: false,
    });
    expect(JSON.stringify(response.json())).not.toContain('scrypt');
  });

  it.each([
    [{ username: 'a' }, 'body.username', 'pattern'],
    [{ role: 'mayor' }, 'body.role', 'enum'],
    [{ orgPath: '511124' }, 'body.orgPath', 'pattern'],
    [{ displayName: '' }, 'body.displayName', 'minLength'],
    [{ extra: 1 }, 'body.extra', 'additionalProperties'],
  ])('refuses a bad field %j, naming it', async (change, field, rule) => {
    const response = await sysadmin({
      method: 'POST',
      url: '/api/accounts',
      payload: newWorker('bad01', change),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.fields).toContainEqual(expect.objectContaining({ field, rule }));
  });

  it('refuses a weak password, an unknown unit, an unknown department and a taken name', async () => {
    const weak = await sysadmin({
      method: 'POST',
      url: '/api/accounts',
      payload: newWorker('weak01', { password: '12345678' }),
    });
    expect(weak.json().error).toMatchObject({ code: 'WEAK_PASSWORD' });
    const unknownUnit = await sysadmin({
      method: 'POST',
      url: '/api/accounts',
      payload: newWorker('nowhere', { orgPath: '/511124/511124199/' }),
    });
    expect(unknownUnit.json().error).toMatchObject({
      code: 'UNKNOWN_ORG_UNIT',
      message: '组织机构“/511124/511124199/”不存在',
    });
    const unknownDept = await sysadmin({
      method: 'POST',
      url: '/api/accounts',
      payload: newWorker('nodept', { departmentId: 'x' }),
    });
    expect(unknownDept.json().error.code).toBe('UNKNOWN_DEPARTMENT');
    const taken = await sysadmin({ method: 'POST', url: '/api/accounts', payload: newWorker('wang01') });
    expect(taken.statusCode).toBe(409);
    const count = await t.ctx.db.kysely
      .selectFrom('account')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('username', 'in', ['weak01', 'nowhere', 'nodept'])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('keeps the three administrators apart: only the security administrator grants their roles', async () => {
    const bySysadmin = await sysadmin({
      method: 'POST',
      url: '/api/accounts',
      payload: newWorker('aud01', { role: 'audit_admin', orgPath: '/511124/' }),
    });
    expect(bySysadmin.statusCode).toBe(403);
    expect(bySysadmin.json().error).toMatchObject({ code: 'ROLE_NOT_GRANTABLE' });
    const created = await sysadmin({
      method: 'POST',
      url: '/api/accounts',
      payload: newWorker('li02', { role: 'center_operator', orgPath: '/511124/511124101/' }),
    });
    const id = created.json().id as string;
    const grantBySys = await sysadmin({
      method: 'PUT',
      url: `/api/accounts/${id}/role`,
      payload: { role: 'audit_admin' },
    });
    expect(grantBySys.statusCode).toBe(403);
    const grantBySec = await secadmin({
      method: 'PUT',
      url: `/api/accounts/${id}/role`,
      payload: { role: 'audit_admin' },
    });
    expect(grantBySec.statusCode).toBe(200);
    expect(grantBySec.json().role).toBe('audit_admin');
    const auditRead = await sysadmin({ method: 'GET', url: '/api/audit' });
    expect(auditRead.statusCode).toBe(403);
  });

  it('a township operator sees the accounts of its township only, and another township’s as missing', async () => {
    const other = await anAccount(t.ctx, {
      username: 'zhuyuan_w',
      role: 'grid_worker_fulltime',
      orgPath: '/511124/511124102/511124102001/',
    });
    const list = await township({ method: 'GET', url: '/api/accounts?limit=200' });
    expect(list.statusCode).toBe(200);
    const usernames = (list.json().items as { username: string; orgPath: string }[]).map(
      (item) => item.username,
    );
    expect(usernames).toContain('wang01');
    expect(usernames).not.toContain('zhuyuan_w');
    expect(
      (list.json().items as { orgPath: string }[]).every((item) =>
        item.orgPath.startsWith('/511124/511124101/'),
      ),
    ).toBe(true);
    const outside = await township({ method: 'GET', url: `/api/accounts/${other.id}` });
    expect(outside.statusCode).toBe(404);
    const create = await township({ method: 'POST', url: '/api/accounts', payload: newWorker('x01') });
    expect(create.statusCode).toBe(403);
  });

  it('pages through accounts by username, filters by role and text', async () => {
    for (const n of ['p1', 'p2', 'p3'])
      await anAccount(t.ctx, { username: `page_${n}`, role: 'leader', orgPath: '/511124/' });
    const first = await sysadmin({ method: 'GET', url: '/api/accounts?role=leader&q=page_&limit=2' });
    expect((first.json().items as { username: string }[]).map((item) => item.username)).toEqual([
      'page_p1',
      'page_p2',
    ]);
    const second = await sysadmin({
      method: 'GET',
      url: '/api/accounts?role=leader&q=page_&limit=2&after=page_p2',
    });
    expect((second.json().items as { username: string }[]).map((item) => item.username)).toEqual(['page_p3']);
    const badLimit = await sysadmin({ method: 'GET', url: '/api/accounts?limit=1000' });
    expect(badLimit.json().error.details.fields).toEqual([
      { field: 'querystring.limit', rule: 'maximum', message: '不能大于 200' },
    ]);
  });

  it('moves an account to a department and records before and after', async () => {
    const worker = await anAccount(t.ctx, {
      username: 'dept_h1',
      role: 'dept_handler',
      orgPath: '/511124/511124101/',
    });
    const response = await sysadmin({
      method: 'PATCH',
      url: `/api/accounts/${worker.id}`,
      payload: { departmentId, displayName: '张警官' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ departmentId, displayName: '张警官' });
    const entry = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'account.updated')
      .where('object_id', '=', worker.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.details)).toMatchObject({
      before: { departmentId: null },
      after: { departmentId, displayName: '张警官' },
    });
  });

  it('resets a forgotten password: the old one stops working and the new one must be changed', async () => {
    const user = await anAccount(t.ctx, { username: 'forgot1', orgPath: '/511124/511124101/' });
    const cookie = await signInCookie(t.app, 'forgot1');
    const reset = await sysadmin({
      method: 'POST',
      url: `/api/accounts/${user.id}/reset-password`,
      payload: { newPassword: 'Reset#2026b' },
    });
    expect(reset.statusCode).toBe(204);
    expect((await as(t.app, cookie)({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const again = await signInCookie(t.app, 'forgot1', 'Reset#2026b');
    expect((await as(t.app, again)({ method: 'GET', url: '/api/auth/me' })).json().mustChangePassword).toBe(
      true,
    );
  });

  it('disables an account, which ends its sessions and its sign-ins, and enables it again', async () => {
    const user = await anAccount(t.ctx, { username: 'leaver', orgPath: '/511124/511124101/' });
    const cookie = await signInCookie(t.app, 'leaver');
    const disabled = await sysadmin({ method: 'POST', url: `/api/accounts/${user.id}/disable` });
    expect(disabled.json().disabled).toBe(true);
    expect((await as(t.app, cookie)({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'leaver', password: TEST_PASSWORD },
    });
    expect(signIn.json().error.code).toBe('ACCOUNT_DISABLED');
    expect((await sysadmin({ method: 'POST', url: `/api/accounts/${user.id}/enable` })).json().disabled).toBe(
      false,
    );
    const self = await sysadmin({ method: 'GET', url: '/api/auth/me' });
    expect(
      (await sysadmin({ method: 'POST', url: `/api/accounts/${self.json().id}/disable` })).json().error.code,
    ).toBe('CANNOT_CHANGE_SELF');
  });

  it('the security administrator ends every session of an account at once', async () => {
    const user = await anAccount(t.ctx, { username: 'stolen', orgPath: '/511124/511124101/' });
    const a = await signInCookie(t.app, 'stolen');
    const b = await signInCookie(t.app, 'stolen');
    const response = await secadmin({ method: 'DELETE', url: `/api/accounts/${user.id}/sessions` });
    expect(response.json()).toEqual({ ended: 2 });
    for (const cookie of [a, b])
      expect((await as(t.app, cookie)({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('hands a departing grid worker’s grids to the successor and disables the departing account', async () => {
    const county = await anAccount(t.ctx, {
      username: 'county_h',
      role: 'county_admin',
      orgPath: '/511124/',
    });
    const countyCall = as(t.app, await signInCookie(t.app, county.username));
    const leaving = await anAccount(t.ctx, {
      username: 'old_worker',
      role: 'grid_worker_parttime',
      orgPath: '/511124/511124101/511124101001/',
    });
    const successor = await anAccount(t.ctx, {
      username: 'new_worker',
      role: 'grid_worker_fulltime',
      orgPath: '/511124/511124101/511124101001/',
    });
    const village = await t.ctx.db.kysely
      .selectFrom('org_unit')
      .select('id')
      .where('path', '=', '/511124/511124101/511124101001/')
      .executeTakeFirstOrThrow();
    const { anOrgUnit } = await import('../../test-support/builders.js');
    const grids = [
      await anOrgUnit(t.ctx, '/511124/511124101/511124101001/G01/', 'grid'),
      await anOrgUnit(t.ctx, '/511124/511124101/511124101001/G02/', 'grid'),
    ];
    expect(village.id).toBeTruthy();
    await t.ctx.db.kysely
      .insertInto('grid_worker')
      .values(
        grids.map((grid_id) => ({
          grid_id,
          account_id: leaving.id,
          assigned_at: '2026-01-01T00:00:00.000Z',
        })),
      )
      .execute();

    const toSelf = await countyCall({
      method: 'POST',
      url: `/api/accounts/${leaving.id}/handover`,
      payload: { toAccountId: leaving.id },
    });
    expect(toSelf.json().error.code).toBe('HANDOVER_TO_SELF');
    const incompatible = await countyCall({
      method: 'POST',
      url: `/api/accounts/${leaving.id}/handover`,
      payload: { toAccountId: county.id },
    });
    expect(incompatible.json().error.code).toBe('HANDOVER_INCOMPATIBLE');

    const response = await countyCall({
      method: 'POST',
      url: `/api/accounts/${leaving.id}/handover`,
      payload: { toAccountId: successor.id },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      fromAccountId: leaving.id,
      toAccountId: successor.id,
      moved: { grids: 2 },
    });
    const held = await t.ctx.db.kysely
      .selectFrom('grid_worker')
      .select(['grid_id', 'account_id'])
      .where('grid_id', 'in', grids)
      .execute();
    expect(held.every((row) => row.account_id === successor.id)).toBe(true);
    expect(held).toHaveLength(2);
    const leavingRow = await t.ctx.db.kysely
      .selectFrom('account')
      .select('disabled_at')
      .where('id', '=', leaving.id)
      .executeTakeFirstOrThrow();
    expect(leavingRow.disabled_at).not.toBeNull();
    const again = await countyCall({
      method: 'POST',
      url: `/api/accounts/${successor.id}/handover`,
      payload: { toAccountId: leaving.id },
    });
    expect(again.json().error.code).toBe('HANDOVER_TARGET_DISABLED');
  });
});
