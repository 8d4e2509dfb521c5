// 等保 level 3 at the door: lockout after five wrong passwords, a limit per address, a forced
// password change on first sign-in and after a reset, and every attempt in the audit trail.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anAccount, TEST_PASSWORD } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

describeEachDialect('sign-in security', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { addressFailureLimit: 12 });
  });
  afterAll(async () => t.close());

  const attempt = (username: string, password: string, ip = '10.1.1.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username, password },
      remoteAddress: ip,
    });

  it('locks an account for 15 minutes after five wrong passwords in a row, even for the right one', async () => {
    await anAccount(t.ctx, { username: 'locky' });
    for (let i = 0; i < 4; i += 1) expect((await attempt('locky', 'Wrong#pass1')).statusCode).toBe(401);
    const fifth = await attempt('locky', 'Wrong#pass1');
    expect(fifth.statusCode).toBe(401);
    const locked = await attempt('locky', TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error).toEqual({
      code: 'ACCOUNT_LOCKED',
      message: '密码连续错误次数过多，账号已锁定，请 15 分钟后再试',
      details: { minutes: 15 },
    });
    t.clock.advance(14 * 60_000);
    expect((await attempt('locky', TEST_PASSWORD)).statusCode).toBe(423);
    t.clock.advance(61_000);
    expect((await attempt('locky', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('forgives earlier mistakes after a good sign-in', async () => {
    await anAccount(t.ctx, { username: 'forgiven' });
    for (let i = 0; i < 4; i += 1) await attempt('forgiven', 'Wrong#pass1', '10.2.2.2');
    expect((await attempt('forgiven', TEST_PASSWORD, '10.2.2.2')).statusCode).toBe(200);
    for (let i = 0; i < 4; i += 1) await attempt('forgiven', 'Wrong#pass1', '10.2.2.3');
    expect((await attempt('forgiven', TEST_PASSWORD, '10.2.2.3')).statusCode).toBe(200);
  });

  it('refuses an address that keeps guessing across many accounts', async () => {
    t.clock.advance(60 * 60_000);
    for (let i = 0; i < 12; i += 1) await attempt(`guess${i}`, 'Wrong#pass1', '10.9.9.9');
    const refused = await attempt('guess0', 'Wrong#pass1', '10.9.9.9');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect((await attempt('guess0', 'Wrong#pass1', '10.9.9.8')).statusCode).toBe(401);
  });

  it('records sign-ins, failures and the lockout in the audit trail', async () => {
    const rows = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'actor_username', 'details'])
      .where('actor_username', '=', 'locky')
      .orderBy('seq')
      .execute();
    const actions = rows.map((row) => `${row.action}:${row.outcome}`);
    expect(actions.slice(0, 6)).toEqual([
      'auth.sign_in_failed:failed',
      'auth.sign_in_failed:failed',
      'auth.sign_in_failed:failed',
      'auth.sign_in_failed:failed',
      'auth.sign_in_failed:failed',
      'auth.locked_out:denied',
    ]);
    expect(actions).toContain('auth.sign_in:ok');
    expect(
      rows.every((row) => !row.details.includes(TEST_PASSWORD) && !row.details.includes('Wrong#pass1')),
    ).toBe(true);
  });

  it('makes a new account change its password before anything else, then lets it work', async () => {
    await anAccount(t.ctx, {
      username: 'newbie',
      role: 'county_admin',
      orgPath: '/',
      mustChangePassword: true,
    });
    const cookie = await signInCookie(t.app, 'newbie');
    const call = as(t.app, cookie);
    const me = await call({ method: 'GET', url: '/api/auth/me' });
    expect(me.json()).toMatchObject({ mustChangePassword: true });
    const blocked = await call({ method: 'GET', url: '/api/accounts' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const wrong = await call({
      method: 'POST',
      url: '/api/auth/change-password',
      payload: { currentPassword: 'nope', newPassword: 'Better#2026' },
    });
    expect(wrong.json().error.code).toBe('WRONG_CURRENT_PASSWORD');
    const same = await call({
      method: 'POST',
      url: '/api/auth/change-password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
    });
    expect(same.json().error.code).toBe('PASSWORD_UNCHANGED');
    const weak = await call({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: { 'accept-language': 'en-US' },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'newbie2026' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({
      code: 'WEAK_PASSWORD',
      details: { problems: ['too_few_classes', 'contains_username'] },
    });
    expect(weak.json().error.message).toBe(
      'The password does not meet the policy: use at least 3 of: upper case, lower case, digits, symbols; must not contain the username',
    );

    const changed = await call({
      method: 'POST',
      url: '/api/auth/change-password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Better#2026' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await call({ method: 'GET', url: '/api/accounts' })).statusCode).toBe(200);
    expect((await attempt('newbie', TEST_PASSWORD, '10.3.3.3')).statusCode).toBe(401);
    expect((await attempt('newbie', 'Better#2026', '10.3.3.3')).statusCode).toBe(200);
  });

  it('ends the other sessions when a password changes', async () => {
    await anAccount(t.ctx, { username: 'twodevices' });
    const phone = await signInCookie(t.app, 'twodevices');
    const office = await signInCookie(t.app, 'twodevices');
    const changed = await as(
      t.app,
      office,
    )({
      method: 'POST',
      url: '/api/auth/change-password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Other#2026x' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await as(t.app, phone)({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await as(t.app, office)({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('asks for a new password once the configured maximum age has passed', async () => {
    const aging = await createTestApp(dialect, { passwordMaxAgeDays: 90 });
    await anAccount(aging.ctx, { username: 'oldpw' });
    aging.clock.advance(91 * 86_400_000);
    const cookie = await signInCookie(aging.app, 'oldpw');
    const me = await as(aging.app, cookie)({ method: 'GET', url: '/api/auth/me' });
    expect(me.json().mustChangePassword).toBe(true);
    expect(
      (await as(aging.app, cookie)({ method: 'GET', url: '/api/auth/sessions' })).json().error.code,
    ).toBe('PASSWORD_CHANGE_REQUIRED');
    await aging.close();
  });
});
