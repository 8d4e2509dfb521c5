// The public form's rate limit: per client (an IPv4 address, an IPv6 /64) and per code, in a
// sliding window, with memory that stays bounded: keys whose attempts have all left the window
// are forgotten as time goes on, not only when a hard cap is reached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError, newId } from '@gridwork/core';
import { aSmallCounty } from '../../test-support/builders.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { createSurveyRateLimiter, rateKeyOfIp } from './survey-rate-limit.js';

const limits = { perIp: 2, perCode: 1000, windowMs: 60_000 };

function limited(take: () => void): boolean {
  try {
    take();
    return false;
  } catch (error) {
    if (isDomainError(error) && error.code === 'RATE_LIMITED') return true;
    throw error;
  }
}

describe('the survey rate limiter', () => {
  it('forgets clients whose attempts have all left the window', () => {
    let now = 1_000_000;
    const limiter = createSurveyRateLimiter(() => now, limits);
    for (let i = 0; i < 500; i += 1) limiter.take(`10.1.${Math.floor(i / 250)}.${i % 250}`, `code${i}`);
    expect(limiter.size()).toBe(1000);
    now += 30_000;
    limiter.take('10.9.9.9', 'late');
    // Still within the window: nothing is forgotten yet.
    expect(limiter.size()).toBe(1002);
    now += 30_001;
    limiter.take('10.9.9.10', 'later');
    // The first 1000 keys' attempts are all older than a minute: only the last two clients and codes remain.
    expect(limiter.size()).toBe(4);
  });

  it('counts the addresses of one IPv6 /64 together, and IPv4-mapped addresses as IPv4', () => {
    expect(rateKeyOfIp('2408:8207:1851:a0c0:1:2:3:4')).toBe('2408:8207:1851:a0c0::/64');
    expect(rateKeyOfIp('2408:8207:1851:a0c0::9')).toBe('2408:8207:1851:a0c0::/64');
    expect(rateKeyOfIp('2408:8207::1')).toBe('2408:8207:0:0::/64');
    expect(rateKeyOfIp('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(rateKeyOfIp('10.0.0.1')).toBe('10.0.0.1');
    const limiter = createSurveyRateLimiter(() => 5_000, limits);
    limiter.take('2408:8207:1851:a0c0::1', 'c');
    limiter.take('2408:8207:1851:a0c0::2', 'c');
    expect(limited(() => limiter.take('2408:8207:1851:a0c0:ffff::3', 'c'))).toBe(true);
    expect(limited(() => limiter.take('2408:8207:1851:a0c1::1', 'c'))).toBe(false);
  });
});

describeEachDialect('the public form behind a reverse proxy (GRIDWORK_TRUST_PROXY=true)', (dialect) => {
  let t: TestApp;
  const CODE = 'proxyform01';
  beforeAll(async () => {
    t = await createTestApp(dialect, { trustProxy: true });
    await aSmallCounty(t.ctx);
    const village = await t.ctx.db.kysely.selectFrom('org_unit').select(['id', 'path']).where('path', '=', '/511124/511124101/511124101001/').executeTakeFirstOrThrow();
    const now = new Date(t.ctx.clock()).toISOString();
    const questions = [{ id: 'a1', kind: 'awareness', text: '您知道您的网格员吗？', options: [{ label: '知道', positive: true }, { label: '不知道', positive: false }] }];
    await t.ctx.db.kysely
      .insertInto('survey')
      .values({ id: newId(), title: '代理测试', year: 2026, half: 'H1', starts_on: '2026-01-01', ends_on: '2026-12-31', sample_per_village: 1, seed: 's', questions: JSON.stringify(questions), status: 'open', version: 2, created_by: 'test', created_at: now, updated_at: now })
      .execute();
    const survey = await t.ctx.db.kysely.selectFrom('survey').select('id').executeTakeFirstOrThrow();
    await t.ctx.db.kysely.insertInto('survey_village').values({ survey_id: survey.id, village_id: village.id, village_path: village.path, public_code: CODE, adult_population: 1, sample_size: 0 }).execute();
  });
  afterAll(async () => t.close());

  let phones = 0;
  const post = (forwardedFor: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/public/surveys/${CODE}/answers`,
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { clientKey: `proxy-${dialect}-${(phones += 1)}`, phone: `1390000${String(phones).padStart(4, '0')}`, answers: { a1: 0 } },
    });

  it('limits each client by the address the proxy forwards, not the proxy’s own', async () => {
    // Six residents behind the same proxy: each is a client of its own.
    for (let i = 0; i < 6; i += 1) expect((await post(`198.51.100.${i + 1}`)).statusCode).toBe(201);
    // One resident answering six times through it: the sixth is held back.
    for (let i = 0; i < 5; i += 1) expect((await post('203.0.113.9')).statusCode).toBe(201);
    const sixth = await post('203.0.113.9');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe('RATE_LIMITED');
  });
});
