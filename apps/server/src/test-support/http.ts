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

type Caller = ReturnType<typeof as>;

/** Uploads a workbook or CSV of `kind` as an import job (202). */
export function startImport(call: Caller, kind: string, body: string | Buffer, fileName: string, extra = '') {
  const contentType = fileName.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
  return call({ method: 'POST', url: `/api/imports?kind=${kind}&fileName=${encodeURIComponent(fileName)}${extra}`, headers: { 'content-type': contentType }, payload: body });
}

/** Uploads, then follows the job until it ends; answers the ended job. */
export async function importAndWait(call: Caller, kind: string, body: string | Buffer, fileName: string, extra = '') {
  const started = await startImport(call, kind, body, fileName, extra);
  if (started.statusCode !== 202) throw new Error(`the import was not queued: ${started.statusCode} ${started.body}`);
  const id = started.json().id as string;
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const job = (await call({ method: 'GET', url: `/api/imports/${id}` })).json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the import did not end');
}
