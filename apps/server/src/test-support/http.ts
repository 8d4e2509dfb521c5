// Signing in and calling the API from tests as a given account.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { TEST_PASSWORD } from './builders.js';

export async function signInCookie(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { username, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.body}`);
  const header = String(response.headers['set-cookie']);
  const match = /gw_session=([^;]+)/.exec(header);
  if (!match) throw new Error('no session cookie');
  return `gw_session=${match[1]}`;
}

/** A caller bound to one session cookie. */
export function as(app: FastifyInstance, cookie: string) {
  return (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...(options.headers ?? {}), cookie } });
}
