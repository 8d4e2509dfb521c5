// 工作日历: the county keeps public holidays and adjusted workdays; event deadlines count working
// time under them, so an event dispatched on Friday afternoon is due to be signed for on Monday.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHINA_HOLIDAYS_2026 } from '@gridwork/core';
import { aDepartment, anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

type Call = ReturnType<typeof as>;

describeEachDialect('the working calendar', (dialect) => {
  let t: TestApp;
  let county: Call;
  let center: Call;
  let worker: Call;
  let police: Call;
  let policeId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    policeId = await aDepartment(t.ctx, '马踏镇派出所', '/511124/511124101/');
    await anAccount(t.ctx, { username: 'cal_county', role: 'county_admin', orgPath: '/511124/' });
    await anAccount(t.ctx, { username: 'cal_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    await anAccount(t.ctx, { username: 'cal_worker', role: 'grid_worker_parttime', orgPath: '/511124/511124101/511124101001/' });
    await anAccount(t.ctx, { username: 'cal_police', role: 'dept_handler', orgPath: '/511124/511124101/', departmentId: policeId });
    county = as(t.app, await signInCookie(t.app, 'cal_county'));
    center = as(t.app, await signInCookie(t.app, 'cal_center'));
    worker = as(t.app, await signInCookie(t.app, 'cal_worker'));
    police = as(t.app, await signInCookie(t.app, 'cal_police'));
    const village = await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', '/511124/511124101/511124101001/').executeTakeFirstOrThrow();
    const square = { type: 'Polygon', coordinates: [[[104.0, 29.5], [104.01, 29.5], [104.01, 29.51], [104.0, 29.51], [104.0, 29.5]]] };
    expect((await center({ method: 'POST', url: '/api/grids', payload: { villageId: village.id, name: '一组网格', boundary: square } })).statusCode).toBe(201);
  });
  afterAll(async () => t.close());

  it('enters the State Council’s notice for 2026 at once and counts the working days of each month', async () => {
    const response = await county({ method: 'PUT', url: '/api/working-calendar/years/2026', payload: { days: CHINA_HOLIDAYS_2026 } });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { days: { date: string; kind: string; name: string }[]; months: { month: string; workdays: number }[] };
    expect(body.days).toHaveLength(CHINA_HOLIDAYS_2026.length);
    expect(body.days.find((day) => day.date === '2026-10-10')).toMatchObject({ kind: 'workday', name: '国庆节调休上班' });
    // October 2026: 22 weekdays, 5 of them 国庆, plus Saturday the 10th worked.
    expect(body.months[9]).toEqual({ month: '2026-10', workdays: 18, restDays: 13 });
    // Anyone signed in reads it: the deadlines and checks of every unit follow it.
    const read = await worker({ method: 'GET', url: '/api/working-calendar?year=2026' });
    expect(read.json()).toEqual(body);
    const audit = await t.ctx.db.kysely.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'calendar.year_set').execute();
    expect(audit).toHaveLength(1);
  });

  it('sets one day and clears it again, each with its audit entry', async () => {
    const set = await county({ method: 'PUT', url: '/api/working-calendar/days/2026-12-31', payload: { kind: 'holiday', name: '县庆' } });
    expect(set.statusCode).toBe(200);
    expect(set.json().months[11]).toMatchObject({ month: '2026-12', workdays: 22 });
    const cleared = await county({ method: 'DELETE', url: '/api/working-calendar/days/2026-12-31' });
    expect(cleared.json().months[11]).toMatchObject({ month: '2026-12', workdays: 23 });
    expect((await county({ method: 'DELETE', url: '/api/working-calendar/days/2026-12-31' })).statusCode).toBe(404);
    const actions = await t.ctx.db.kysely.selectFrom('audit_log').select('action').where('object_id', '=', '2026-12-31').execute();
    expect(actions.map((row) => row.action)).toEqual(['calendar.day_set', 'calendar.day_cleared']);
  });

  it('refuses a day that does not exist, a 调休 on a weekday and a holiday on a weekend, naming the field', async () => {
    const missing = await county({ method: 'PUT', url: '/api/working-calendar/days/2026-02-30', payload: { kind: 'holiday', name: '无' } });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error).toMatchObject({ code: 'CALENDAR_DATE_INVALID', message: 'date 不是有效的日期：2026-02-30' });
    const weekday = await county({ method: 'PUT', url: '/api/working-calendar/days/2026-12-02', headers: { 'accept-language': 'en-US' }, payload: { kind: 'workday', name: '调休' } });
    expect(weekday.statusCode).toBe(422);
    expect(weekday.json().error.message).toBe('date: 2026-12-02 is a weekday, a working day already; an adjusted workday must be a Saturday or Sunday');
    const weekend = await county({ method: 'PUT', url: '/api/working-calendar/days/2026-12-05', payload: { kind: 'holiday', name: '假日' } });
    expect(weekend.json().error).toMatchObject({ code: 'CALENDAR_HOLIDAY_ON_WEEKEND', message: 'date：2026-12-05 是周末，本来就休息，无需设为节假日' });
    const format = await county({ method: 'PUT', url: '/api/working-calendar/days/20261205', payload: { kind: 'holiday', name: '假日' } });
    expect(format.statusCode).toBe(400);
    expect(format.json().error.details.fields[0].field).toBe('params.date');
    const kind = await county({ method: 'PUT', url: '/api/working-calendar/days/2026-12-04', payload: { kind: 'festival', name: '假日' } });
    expect(kind.json().error.details.fields[0].field).toBe('body.kind');
    const year = await county({ method: 'GET', url: '/api/working-calendar?year=abc' });
    expect(year.json().error.details.fields[0].field).toBe('querystring.year');
  });

  it('leaves a year as it was when one day of its notice is wrong', async () => {
    const before = (await county({ method: 'GET', url: '/api/working-calendar?year=2026' })).json();
    const wrong = await county({ method: 'PUT', url: '/api/working-calendar/years/2026', payload: { days: [{ date: '2026-01-01', kind: 'holiday', name: '元旦' }, { date: '2027-01-01', kind: 'holiday', name: '元旦' }] } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({ code: 'CALENDAR_DATE_OUTSIDE_YEAR', details: { field: 'days[1].date' } });
    const twice = await county({ method: 'PUT', url: '/api/working-calendar/years/2026', headers: { 'accept-language': 'en-US' }, payload: { days: [{ date: '2026-01-01', kind: 'holiday', name: '元旦' }, { date: '2026-01-01', kind: 'holiday', name: '元旦' }] } });
    expect(twice.json().error.message).toBe('days[1].date: 2026-01-01 appears twice');
    expect((await county({ method: 'GET', url: '/api/working-calendar?year=2026' })).json()).toEqual(before);
  });

  it('lets only the county change the calendar', async () => {
    expect((await center({ method: 'PUT', url: '/api/working-calendar/days/2026-12-31', payload: { kind: 'holiday', name: '县庆' } })).statusCode).toBe(403);
    expect((await worker({ method: 'DELETE', url: '/api/working-calendar/days/2026-10-01' })).statusCode).toBe(403);
    expect((await center({ method: 'PUT', url: '/api/working-calendar/years/2026', payload: { days: [] } })).statusCode).toBe(403);
  });

  const dispatchAt = async (iso: string) => {
    t.clock.set(iso);
    // Sessions end when idle, so the people sign in again at the new time.
    worker = as(t.app, await signInCookie(t.app, 'cal_worker'));
    center = as(t.app, await signInCookie(t.app, 'cal_center'));
    police = as(t.app, await signInCookie(t.app, 'cal_police'));
    const reported = await worker({ method: 'POST', url: '/api/events', payload: { clientKey: `cal${Date.parse(iso).toString(36)}x`, title: '路灯损坏', description: '村口路灯不亮', categoryCode: 'livelihood', lon: 104.005, lat: 29.505 } });
    expect(reported.statusCode, reported.body).toBe(201);
    const id = reported.json().id as string;
    await center({ method: 'POST', url: `/api/events/${id}/actions`, payload: { action: 'accept' } });
    const dispatched = await center({ method: 'POST', url: `/api/events/${id}/actions`, payload: { action: 'dispatch', leadDepartmentId: policeId } });
    expect(dispatched.statusCode).toBe(200);
    return { id, step: dispatched.json().step as { startedAt: string; deadline: string } };
  };

  it('gives an event dispatched on Friday afternoon until Monday afternoon to be signed for (24 working hours)', async () => {
    // Friday 27 November 2026, 15:00 in Shanghai.
    const { step } = await dispatchAt('2026-11-27T07:00:00.000Z');
    expect(step.deadline).toBe('2026-11-30T07:00:00.000Z');
  });

  it('stops the clock over 国庆 as the county configured it', async () => {
    // Wednesday 30 September 2026, 16:00 in Shanghai: 8 hours that day, 16 on Thursday 8 October.
    const { id, step } = await dispatchAt('2026-09-30T08:00:00.000Z');
    expect(step.deadline).toBe('2026-10-08T08:00:00.000Z');
    // Signed for on Thursday 8 October at 10:00, with 7 days (168 h) to handle: 14 h that day, then 9 and 10 October
    // (Saturday, 调休 worked), Sunday off, 12 to 15 October, and 10 hours of Friday 16 October.
    t.clock.set('2026-10-08T02:00:00.000Z');
    police = as(t.app, await signInCookie(t.app, 'cal_police'));
    const signed = await police({ method: 'POST', url: `/api/events/${id}/actions`, payload: { action: 'sign_for' } });
    expect(signed.json().step.deadline).toBe('2026-10-16T02:00:00.000Z');
  });
});
