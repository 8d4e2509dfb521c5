// Logs go to collectors that many people can read: they must never hold personal data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anAccount, TEST_PASSWORD } from '../test-support/builders.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

describe('request logging', () => {
  const lines: string[] = [];
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      'sqlite',
      { logLevel: 'trace' },
      {},
      { stream: { write: (line) => lines.push(line) } },
    );
    await anAccount(t.ctx, { username: 'logcheck' });
  });
  afterAll(async () => t.close());

  it('writes requests without bodies, query strings, cookies or passwords', async () => {
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in?name=张三&idNumber=511124199001011234',
      payload: { username: 'logcheck', password: TEST_PASSWORD },
    });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
    await t.app.inject({ method: 'GET', url: '/api/auth/me?phone=13800138000', headers: { cookie } });
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'logcheck', password: 'Wrong#pass1' },
    });

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(4);
    expect(log).toContain('/api/auth/sign-in');
    for (const secret of [
      TEST_PASSWORD,
      'Wrong#pass1',
      '张三',
      '511124199001011234',
      '13800138000',
      cookie.split('=')[1] ?? 'x',
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
