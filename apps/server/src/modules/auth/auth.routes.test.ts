// Sign-in and sessions as township staff live them: a cookie that scripts cannot read, sessions
// that end after 30 idle minutes or at their absolute end, and only one's own sessions to see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anAccount, TEST_PASSWORD } from '../../test-support/builders.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

function sessionCookie(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie.join('\n') : (setCookie ?? '');
  const match = /gw_session=([^;]+)/.exec(header);
  if (!match?.[1]) throw new Error(`no session cookie in ${header}`);
  return `gw_session=${match[1]}`;
}

describeEachDialect('sign-in and sessions', (dialect) => {
  let t: TestApp;
  let operator: { id: string; username: string; password: string };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    operator = await anAccount(t.ctx, {
      username: 'center01',
      role: 'center_operator',
      orgPath: '/511124/511124100/',
    });
  });
  afterAll(async () => t.close());

  async function signIn(username = operator.username, password = TEST_PASSWORD) {
    return t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username, password },
      headers: { 'user-agent': 'test-browser' },
    });
  }

  it('signs in a center operator and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const response = await signIn();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      user: {
        username: 'center01',
        role: 'center_operator',
        orgPath: '/511124/511124100/',
        mustChangePassword: false,
        locale: 'zh-CN',
      },
    });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrong = await signIn(operator.username, 'Wrong@2026pw');
    const unknown = await signIn('nobody', 'Wrong@2026pw');
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误', details: {} },
      });
    }
  });

  it('keeps the password hash and the raw token out of the database rows', async () => {
    const response = await signIn();
    const token = sessionCookie(response.headers['set-cookie']).split('=')[1] ?? '';
    const sessions = await t.ctx.db.kysely.selectFrom('session').select('token_hash').execute();
    expect(sessions.some((row) => row.token_hash === token)).toBe(false);
    const account = await t.ctx.db.kysely
      .selectFrom('account')
      .select('password_hash')
      .where('id', '=', operator.id)
      .executeTakeFirstOrThrow();
    expect(account.password_hash).toMatch(/^scrypt\$/);
    expect(account.password_hash).not.toContain(TEST_PASSWORD);
  });

  it('tells who is signed in, and refuses without a session', async () => {
    const cookie = sessionCookie((await signIn()).headers['set-cookie']);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: operator.id, displayName: '测试用户 center01' });
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: 'gw_session=forged' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('records the last sign-in time of the account', async () => {
    t.clock.set('2026-11-24T02:00:00.000Z');
    await signIn();
    const row = await t.ctx.db.kysely
      .selectFrom('account')
      .select('last_sign_in_at')
      .where('id', '=', operator.id)
      .executeTakeFirstOrThrow();
    expect(row.last_sign_in_at).toBe('2026-11-24T02:00:00.000Z');
  });

  it('ends a session after 30 idle minutes, but not while it is used', async () => {
    t.clock.set('2026-11-24T03:00:00.000Z');
    const cookie = sessionCookie((await signIn()).headers['set-cookie']);
    for (let step = 0; step < 4; step += 1) {
      t.clock.advance(20 * 60_000); // used every 20 minutes: stays alive past 30 minutes in all
      const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(me.statusCode).toBe(200);
    }
    t.clock.advance(30 * 60_000);
    const expired = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error).toMatchObject({
      code: 'SESSION_EXPIRED',
      message: '登录已过期，请重新登录',
    });
    t.clock.advance(60_000);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('ends a session at its absolute end even when it is used all day', async () => {
    t.clock.set('2026-11-24T00:00:00.000Z');
    const cookie = sessionCookie((await signIn()).headers['set-cookie']);
    let status = 200;
    let minutes = 0;
    while (status === 200 && minutes < 24 * 60) {
      t.clock.advance(10 * 60_000);
      minutes += 10;
      status = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode;
    }
    expect(status).toBe(401);
    expect(minutes).toBe(t.ctx.config.sessionAbsoluteHours * 60);
  });

  it('signs out: the cookie no longer works', async () => {
    const cookie = sessionCookie((await signIn()).headers['set-cookie']);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it("lists one's own open sessions, marks the current one, and ends another", async () => {
    const user = await anAccount(t.ctx, { username: 'village07', role: 'village_admin' });
    const first = sessionCookie((await signIn(user.username)).headers['set-cookie']);
    const second = sessionCookie((await signIn(user.username)).headers['set-cookie']);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/auth/sessions',
      headers: { cookie: second },
    });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; current: boolean; userAgent: string }[];
    expect(items).toHaveLength(2);
    expect(items.filter((item) => item.current)).toHaveLength(1);
    expect(items[0]?.userAgent).toBe('test-browser');
    const other = items.find((item) => !item.current);
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${other?.id}`,
      headers: { cookie: second },
    });
    expect(revoke.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: first } })).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: second } })).statusCode,
    ).toBe(200);
  });

  it("cannot end another account's session: it answers 404 as if it did not exist", async () => {
    const mine = sessionCookie((await signIn()).headers['set-cookie']);
    const stranger = await anAccount(t.ctx, { username: 'dept03', role: 'dept_handler' });
    const theirs = sessionCookie((await signIn(stranger.username)).headers['set-cookie']);
    const theirList = await t.app.inject({
      method: 'GET',
      url: '/api/auth/sessions',
      headers: { cookie: theirs },
    });
    const theirId = (theirList.json().items as { id: string }[])[0]?.id;
    const attempt = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${theirId}`,
      headers: { cookie: mine },
    });
    expect(attempt.statusCode).toBe(404);
    expect(attempt.json().error.code).toBe('NOT_FOUND');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: theirs } })).statusCode,
    ).toBe(200);
  });

  it('refuses a session id longer than an id, naming the parameter', async () => {
    const cookie = sessionCookie((await signIn()).headers['set-cookie']);
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${'x'.repeat(40)}`,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.fields).toEqual([
      { field: 'params.id', rule: 'maxLength', message: '最多 36 个字符' },
    ]);
  });

  it('refuses a disabled account at sign-in and ends its open sessions', async () => {
    const leaving = await anAccount(t.ctx, { username: 'leaving1', role: 'grid_worker_parttime' });
    const cookie = sessionCookie((await signIn(leaving.username)).headers['set-cookie']);
    await t.ctx.db.kysely
      .updateTable('account')
      .set({ disabled_at: '2026-11-24T00:00:00.000Z' })
      .where('id', '=', leaving.id)
      .execute();
    expect((await signIn(leaving.username)).json().error.code).toBe('ACCOUNT_DISABLED');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      403,
    );
  });
});

describe('creating accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t.close());

  it('refuses a weak password with every rule it breaks', async () => {
    await expect(anAccountWithPassword(t, 'abc')).rejects.toMatchObject({
      code: 'WEAK_PASSWORD',
      details: { problems: ['too_short', 'too_few_classes'] },
    });
  });

  it('refuses a username that is taken', async () => {
    await anAccount(t.ctx, { username: 'twice' });
    await expect(anAccount(t.ctx, { username: 'twice' })).rejects.toMatchObject({ code: 'USERNAME_TAKEN' });
  });
});

async function anAccountWithPassword(t: TestApp, password: string) {
  const { createAccountsService } = await import('../accounts/accounts.service.js');
  return createAccountsService(t.ctx).createAccountAsSystem({
    username: 'weakling',
    displayName: 'x',
    password,
    role: 'leader',
    orgPath: '/',
    mustChangePassword: true,
  });
}
