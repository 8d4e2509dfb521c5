// The platform's contract for every endpoint: bad input gets a 4xx with the error shape in the
// caller's language, never a 5xx or a stack trace; health, OpenAPI and the web apps are served.
import zlib from 'node:zlib';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '@gridwork/core';
import { LATEST_MIGRATION } from './db/migrations/index.js';
import { describeEachDialect } from './test-support/test-db.js';
import { createTestApp, type TestApp } from './test-support/test-app.js';

function expectErrorShape(
  body: string,
  code: string,
): { code: string; message: string; details: Record<string, unknown> } {
  const parsed = JSON.parse(body) as {
    error: { code: string; message: string; details: Record<string, unknown> };
  };
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(parsed.error.code).toBe(code);
  expect(parsed.error.message).not.toMatch(/\{\w+\}/);
  expect(typeof parsed.error.details).toBe('object');
  expect(body).not.toMatch(/ at .*\.(ts|js):\d+/); // no stack trace
  return parsed.error;
}

describeEachDialect('the API platform', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { bodyLimitBytes: 2048 });
  });
  afterAll(async () => t.close());

  it('answers health with the database kind and the latest migration', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: dialect, migration: LATEST_MIGRATION });
  });

  it('answers malformed JSON with 400 MALFORMED_JSON in Chinese by default', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "a",',
    });
    expect(response.statusCode).toBe(400);
    expect(expectErrorShape(response.body, 'MALFORMED_JSON').message).toBe(
      ERROR_CATALOGUE.MALFORMED_JSON['zh-CN'],
    );
  });

  it('answers in English when the caller asks for it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json', 'accept-language': 'en-GB,en;q=0.9' },
      payload: '{',
    });
    expect(expectErrorShape(response.body, 'MALFORMED_JSON').message).toBe(
      'The request body is not valid JSON',
    );
  });

  it('answers an empty JSON body with 400', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(response.statusCode).toBe(400);
    expectErrorShape(response.body, 'EMPTY_JSON_BODY');
  });

  it('answers a content type it does not take with 415', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(response.statusCode).toBe(415);
    expect(expectErrorShape(response.body, 'UNSUPPORTED_MEDIA_TYPE').details).toEqual({
      contentType: 'application/xml',
    });
  });

  it('answers a body over the limit with 413', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x'.repeat(5000), password: 'y' }),
    });
    expect(response.statusCode).toBe(413);
    expect(expectErrorShape(response.body, 'PAYLOAD_TOO_LARGE').details).toEqual({ limit: 2048 });
  });

  it('names every wrong field of a body, each with its own message', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: '', extra: true },
    });
    expect(response.statusCode).toBe(400);
    const error = expectErrorShape(response.body, 'VALIDATION_FAILED');
    expect(error.details['fields']).toEqual(
      expect.arrayContaining([
        { field: 'body.password', rule: 'required', message: '必填' },
        { field: 'body.username', rule: 'minLength', message: '至少 1 个字符' },
        { field: 'body.extra', rule: 'additionalProperties', message: '不是可接受的字段' },
      ]),
    );
    expect(error.message).toContain('body.password 必填');
  });

  it('answers a body of the wrong type (an array) with a field error, not a crash', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: [1, 2] });
    expect(response.statusCode).toBe(400);
    expectErrorShape(response.body, 'VALIDATION_FAILED');
  });

  it('answers an unknown API route with 404 ROUTE_NOT_FOUND', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/no-such-thing?name=张三' });
    expect(response.statusCode).toBe(404);
    expect(expectErrorShape(response.body, 'ROUTE_NOT_FOUND').details).toEqual({
      method: 'GET',
      url: '/api/no-such-thing',
    });
  });

  it('answers a wrong method with 405 and the methods that are allowed', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/api/health' });
    expect(response.statusCode).toBe(405);
    expect(response.headers['allow']).toBe('GET, HEAD');
    expectErrorShape(response.body, 'METHOD_NOT_ALLOWED');
  });

  it('sets protective headers on every answer', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('publishes a valid OpenAPI 3 document with every route, its schemas and its error shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>;
    };
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/auth/sign-in', '/api/auth/me', '/api/auth/sessions/{id}']),
    );
    const signIn = document.paths['/api/auth/sign-in']?.['post'];
    expect(signIn?.requestBody).toBeDefined();
    expect(Object.keys(signIn?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401']));
  });

  it('serves interactive API docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });

  describe('the web apps on the same port', () => {
    it('serves the console at / and the field app at /m/, never cached', async () => {
      for (const [url, title] of [
        ['/', 'console'],
        ['/m/', 'field'],
      ] as const) {
        const response = await t.app.inject({ method: 'GET', url });
        expect(response.statusCode).toBe(200);
        expect(response.body).toContain(`<title>${title}</title>`);
        expect(response.headers['cache-control']).toBe('no-cache');
      }
    });

    it('falls back to the app page for deep links, so a reload keeps the user where they were', async () => {
      const consolePage = await t.app.inject({ method: 'GET', url: '/events/123?tab=timeline' });
      expect(consolePage.statusCode).toBe(200);
      expect(consolePage.body).toContain('<title>console</title>');
      const fieldPage = await t.app.inject({ method: 'GET', url: '/m/report/new' });
      expect(fieldPage.body).toContain('<title>field</title>');
    });

    it('redirects /m to /m/', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/m' });
      expect(response.statusCode).toBe(302);
      expect(response.headers['location']).toBe('/m/');
    });

    it('caches hashed assets for a year and answers a missing asset with 404, not a page', async () => {
      const asset = await t.app.inject({ method: 'GET', url: '/m/assets/app-abc123.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const missing = await t.app.inject({ method: 'GET', url: '/assets/gone-999.js' });
      expect(missing.statusCode).toBe(404);
      expectErrorShape(missing.body, 'ROUTE_NOT_FOUND');
    });

    it('sends the Brotli or gzip copy the build wrote to a client that takes it, and the plain file to one that does not', async () => {
      const url = '/m/assets/vendor-abc123.js';
      const plain = await t.app.inject({ method: 'GET', url });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toContain('field-299');
      const br = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toMatch(/javascript/);
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
      expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
      const gzip = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
      // A file with no siblings is sent as it is, whatever the client takes.
      const small = await t.app.inject({ method: 'GET', url: '/m/assets/app-abc123.js', headers: { 'accept-encoding': 'br' } });
      expect(small.statusCode).toBe(200);
      expect(small.headers['content-encoding']).toBeUndefined();
    });
  });
});

describe('the web apps before they are built', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { consoleDir: '/nonexistent/console', fieldDir: '/nonexistent/field' });
  });
  afterAll(async () => t.close());

  it('shows a page that says to run the build, while the API still works', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('npm run build');
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
  });
});
