// 每天定时登录: the county sees which townships, villages and departments signed in on a day.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aDepartment, anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

describeEachDialect('daily sign-in status', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    const police = await aDepartment(t.ctx, '马踏镇派出所', '/511124/511124101/');
    await aDepartment(t.ctx, '竹园镇司法所', '/511124/511124102/');
    await anAccount(t.ctx, { username: 'county2', role: 'county_admin', orgPath: '/511124/' });
    await anAccount(t.ctx, { username: 'mata_op', role: 'center_operator', orgPath: '/511124/511124101/' });
    await anAccount(t.ctx, {
      username: 'mata_gw',
      role: 'grid_worker_parttime',
      orgPath: '/511124/511124101/511124101001/',
    });
    await anAccount(t.ctx, {
      username: 'zy_gw',
      role: 'grid_worker_parttime',
      orgPath: '/511124/511124102/511124102001/',
    });
    await anAccount(t.ctx, {
      username: 'police_h',
      role: 'dept_handler',
      orgPath: '/511124/511124101/',
      departmentId: police,
    });
  });
  afterAll(async () => t.close());

  it('marks who signed in on the day, in Shanghai time, and who did not', async () => {
    // 2026-11-24 08:30 in Shanghai is 00:30 UTC.
    t.clock.set('2026-11-24T00:30:00.000Z');
    await signInCookie(t.app, 'mata_gw');
    await signInCookie(t.app, 'police_h');
    // 2026-11-23 23:30 in Shanghai: the day before.
    t.clock.set('2026-11-23T15:30:00.000Z');
    await signInCookie(t.app, 'zy_gw');
    t.clock.set('2026-11-24T09:00:00.000Z');
    const county = as(t.app, await signInCookie(t.app, 'county2'));
    const response = await county({ method: 'GET', url: '/api/sign-in-status?date=2026-11-24' });
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      units: { name: string; signedIn: boolean; accounts: number }[];
      departments: { name: string; signedIn: boolean }[];
    };
    const unit = (name: string) => body.units.find((item) => item.name === name);
    expect(unit('马踏村')).toMatchObject({ signedIn: true, accounts: 1 });
    expect(unit('竹园村')).toMatchObject({ signedIn: false, accounts: 1 });
    expect(unit('马踏镇')).toMatchObject({ signedIn: false, accounts: 1 });
    expect(body.departments).toEqual([
      expect.objectContaining({ name: '马踏镇派出所', signedIn: true }),
      expect.objectContaining({ name: '竹园镇司法所', signedIn: false }),
    ]);
    const dayBefore = await county({ method: 'GET', url: '/api/sign-in-status?date=2026-11-23' });
    expect(
      (dayBefore.json().units as { name: string; signedIn: boolean }[]).find((item) => item.name === '竹园村')
        ?.signedIn,
    ).toBe(true);
  });

  it('a township sees its own villages only; a grid worker may not look', async () => {
    const township = as(t.app, await signInCookie(t.app, 'mata_op'));
    const response = await township({ method: 'GET', url: '/api/sign-in-status' });
    expect(
      (response.json().units as { path: string }[]).every((item) =>
        item.path.startsWith('/511124/511124101/'),
      ),
    ).toBe(true);
    const worker = as(t.app, await signInCookie(t.app, 'mata_gw'));
    expect((await worker({ method: 'GET', url: '/api/sign-in-status' })).statusCode).toBe(403);
  });

  it('refuses a date that is not on the calendar, naming the field', async () => {
    const county = as(t.app, await signInCookie(t.app, 'county2'));
    for (const date of ['2026-02-30', '2026-13-01', 'today']) {
      const response = await county({ method: 'GET', url: `/api/sign-in-status?date=${date}` });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details.fields[0].field).toBe('querystring.date');
    }
  });
});
