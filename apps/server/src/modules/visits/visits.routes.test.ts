// "Visit and serve special populations regularly": the county's plans keep each grid worker's
// due list; a visit from the phone moves the next due date, is recorded once per client key, and
// is flagged for the center when far from the person's house; overdue visits earn cards; the
// month's compliance exports to Excel. Bad input names its field and writes nothing.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { createVisitCardsService } from './visit-cards.service.js';

type Call = ReturnType<typeof as>;
interface Due {
  scheduleId: string;
  gridName: string | null;
  personId: string;
  personName: string;
  dueOn: string;
  status: string;
  missedCount: number;
  workerName: string | null;
  lastVisitedAt: string | null;
  subjectLabel: string;
}

describeEachDialect('follow-up plans and visits', (dialect) => {
  let t: TestApp;
  let county: Call;
  let center: Call;
  let otherCenter: Call;
  let villageAdmin: Call;
  let worker: Call;
  let workerId: string;
  let gridId: string;
  const people: Record<string, string> = {};
  const specials: Record<string, string> = {};
  const plans: Record<string, { id: string; version: number }> = {};

  const dueOf = async (caller: Call, query = ''): Promise<Due[]> => {
    const response = await caller({ method: 'GET', url: `/api/visits/due${query}` });
    expect(response.statusCode).toBe(200);
    return response.json().items as Due[];
  };
  const visitCount = async () =>
    Number(
      (
        await t.ctx.db.kysely
          .selectFrom('visit')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const visit = (caller: Call, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    caller({
      method: 'POST',
      url: '/api/visits',
      payload: { met: 'person', situation: 'normal', ...payload },
      headers,
    });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    await anAccount(t.ctx, { username: 'v_county', role: 'county_admin', orgPath: '/511124/' });
    await anAccount(t.ctx, { username: 'v_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    await anAccount(t.ctx, { username: 'v_zy', role: 'center_operator', orgPath: '/511124/511124102/' });
    await anAccount(t.ctx, {
      username: 'v_village',
      role: 'village_admin',
      orgPath: '/511124/511124101/511124101001/',
    });
    workerId = (
      await anAccount(t.ctx, {
        username: 'v_worker',
        role: 'grid_worker_fulltime',
        orgPath: '/511124/511124101/511124101001/',
      })
    ).id;
    county = as(t.app, await signInCookie(t.app, 'v_county'));
    center = as(t.app, await signInCookie(t.app, 'v_center'));
    otherCenter = as(t.app, await signInCookie(t.app, 'v_zy'));
    villageAdmin = as(t.app, await signInCookie(t.app, 'v_village'));
    worker = as(t.app, await signInCookie(t.app, 'v_worker'));
    const unit = async (path: string) =>
      (
        await t.ctx.db.kysely
          .selectFrom('org_unit')
          .select('id')
          .where('path', '=', path)
          .executeTakeFirstOrThrow()
      ).id;
    const grid = (
      await center({
        method: 'POST',
        url: '/api/grids',
        payload: { villageId: await unit('/511124/511124101/511124101001/'), name: '一组' },
      })
    ).json().id as string;
    const otherGrid = (
      await otherCenter({
        method: 'POST',
        url: '/api/grids',
        payload: { villageId: await unit('/511124/511124102/511124102001/'), name: '二组' },
      })
    ).json().id as string;
    gridId = grid;
    expect(
      (
        await center({
          method: 'PUT',
          url: `/api/grids/${grid}/workers`,
          payload: { accountIds: [workerId] },
        })
      ).statusCode,
    ).toBe(200);
    const person = async (
      key: string,
      name: string,
      idNumber: string,
      gridId: string,
      caller: Call,
      tags: string[] = [],
    ) => {
      const response = await caller({
        method: 'POST',
        url: '/api/persons',
        payload: { gridId, name, idType: 'resident_id', idNumber, residenceStatus: 'registered', tags },
      });
      expect(response.statusCode).toBe(201);
      people[key] = response.json().id as string;
    };
    await person('zhao', '赵一', '511124198001010010', grid, center);
    await person('qian', '钱二', '511124198001010029', grid, center);
    await person('zhou', '周五', '511124198001010045', grid, center);
    await person('sun', '孙三', '511124198001010037', otherGrid, otherCenter);
    const special = async (key: string, riskLevel: string, startDate: string) => {
      const response = await center({
        method: 'POST',
        url: `/api/persons/${people[key]}/special-populations`,
        payload: { category: 'community_correction', riskLevel, supervisingUnit: '马踏镇司法所', startDate },
      });
      expect(response.statusCode).toBe(201);
      specials[key] = response.json().id as string;
    };
    // Before any plan: nobody is due.
    await special('zhao', 'medium', '2026-11-01');
    // 赵一 lives in a house with a known location.
    const house = await center({
      method: 'POST',
      url: '/api/houses',
      payload: { gridId: grid, name: '一组 3 号', category: 'self_occupied', lon: 103.95, lat: 29.65 },
    });
    expect(house.statusCode).toBe(201);
    expect(
      (
        await center({
          method: 'PUT',
          url: `/api/houses/${house.json().id}/members`,
          payload: { members: [{ personId: people['zhao'], relation: 'owner' }] },
        })
      ).statusCode,
    ).toBe(200);
    // Two hours after they were registered (09:00 in Shanghai).
    t.clock.advance(2 * 3600_000);
    county = as(t.app, await signInCookie(t.app, 'v_county'));
    center = as(t.app, await signInCookie(t.app, 'v_center'));
    otherCenter = as(t.app, await signInCookie(t.app, 'v_zy'));
    villageAdmin = as(t.app, await signInCookie(t.app, 'v_village'));
    worker = as(t.app, await signInCookie(t.app, 'v_worker'));
  });
  afterAll(async () => t.close());

  it('lets the county create plans (every level, one level, a tag), and every due list follows at once', async () => {
    expect(await dueOf(center)).toEqual([]);
    const create = async (key: string, payload: Record<string, unknown>) => {
      const response = await county({ method: 'POST', url: '/api/follow-up-plans', payload });
      expect(response.statusCode).toBe(201);
      plans[key] = { id: response.json().id as string, version: 1 };
      return response.json();
    };
    expect(
      await create('correction', {
        name: '社区矫正 每月',
        subject: { kind: 'special_population', category: 'community_correction', riskLevel: null },
        intervalsDays: [30],
      }),
    ).toMatchObject({ intervalsDays: [30], shift: 'from_visit', graceDays: 0, active: true, schedules: 1 });
    await create('high', {
      name: '社区矫正 高风险 每周',
      subject: { kind: 'special_population', category: 'community_correction', riskLevel: 'high' },
      intervalsDays: [7],
      graceDays: 2,
    });
    await create('child', {
      name: '留守儿童 每月',
      subject: { kind: 'tag', tag: 'left_behind_child' },
      intervalsDays: [30],
    });
    // After the plans: a high-risk record and a tagged person are scheduled as they are written.
    // 钱二's record was entered on 10 November, the day it began (a schedule owes visits from the
    // day it is kept: one entered late is not late on its first day, see the next test).
    const resumeAt = new Date(t.clock()).toISOString();
    t.clock.set('2026-11-10T02:00:00.000Z');
    const high = await center({
      method: 'POST',
      url: `/api/persons/${people['qian']}/special-populations`,
      payload: {
        category: 'community_correction',
        riskLevel: 'high',
        supervisingUnit: '马踏镇司法所',
        startDate: '2026-11-10',
      },
    });
    specials['qian'] = high.json().id as string;
    t.clock.set(resumeAt);
    center = as(t.app, await signInCookie(t.app, 'v_center'));
    const sun = (await otherCenter({ method: 'GET', url: `/api/persons/${people['sun']}` })).json();
    expect(
      (
        await otherCenter({
          method: 'PATCH',
          url: `/api/persons/${people['sun']}`,
          payload: { version: sun.version, tags: ['left_behind_child'] },
        })
      ).statusCode,
    ).toBe(200);

    const mine = await dueOf(worker);
    expect(mine.map((item) => [item.personName, item.dueOn, item.status, item.workerName])).toEqual([
      // 2026-11-10 + 7 days; overdue after the 2 grace days, missed only after the next due date (11-24).
      ['钱二', '2026-11-17', 'overdue', '测试用户 v_worker'],
      // 2026-11-01 + 30 days: due within the week.
      ['赵一', '2026-12-01', 'due_week', '测试用户 v_worker'],
    ]);
    expect(mine[0]?.subjectLabel).toBe('社区矫正 高风险 每周');
    expect((await dueOf(center, '?status=overdue')).map((item) => item.personName)).toEqual(['钱二']);
    expect((await dueOf(center, '?status=due_week')).map((item) => item.personName)).toEqual(['赵一']);
    expect(await dueOf(center, '?status=missed')).toEqual([]);
    expect((await dueOf(county)).map((item) => item.personName)).toEqual(['钱二', '赵一', '孙三']);
    expect(
      (await dueOf(otherCenter)).map((item) => [item.personName, item.dueOn, item.status, item.workerName]),
    ).toEqual([['孙三', '2026-12-24', 'upcoming', null]]);
    // Keyset pages: one at a time, in the same order.
    const first = (await county({ method: 'GET', url: '/api/visits/due?limit=1' })).json();
    const second = (
      await county({ method: 'GET', url: `/api/visits/due?limit=1&cursor=${first.nextCursor}` })
    ).json();
    expect([first.items[0].personName, second.items[0].personName]).toEqual(['钱二', '赵一']);
  });

  it('reschedules at once when a risk level changes, and lists the worker’s due visits by workerId', async () => {
    const record = (
      await center({ method: 'GET', url: `/api/persons/${people['zhao']}/special-populations` })
    ).json().items[0];
    expect(
      (
        await center({
          method: 'PATCH',
          url: `/api/special-populations/${specials['zhao']}`,
          payload: { version: record.version, riskLevel: 'high' },
        })
      ).statusCode,
    ).toBe(200);
    // High risk: 2026-11-01 + 7 days, and the next due date (11-15) passed too: missed.
    expect(
      (await dueOf(center, `?workerId=${workerId}`)).find((item) => item.personName === '赵一'),
    ).toMatchObject({ dueOn: '2026-11-08', status: 'missed', missedCount: 2 });
    expect(
      (
        await center({
          method: 'PATCH',
          url: `/api/special-populations/${specials['zhao']}`,
          payload: { version: record.version + 1, riskLevel: 'medium' },
        })
      ).statusCode,
    ).toBe(200);
    expect((await dueOf(worker)).find((item) => item.personName === '赵一')).toMatchObject({
      dueOn: '2026-12-01',
      status: 'due_week',
    });
  });

  it('moves the due list with the grid at once when the grid is handed to another worker', async () => {
    await anAccount(t.ctx, {
      username: 'v_worker2',
      role: 'grid_worker_parttime',
      orgPath: '/511124/511124101/511124101001/',
    });
    const second = as(t.app, await signInCookie(t.app, 'v_worker2'));
    expect(await dueOf(second)).toEqual([]);
    const secondId = (
      await t.ctx.db.kysely
        .selectFrom('account')
        .select('id')
        .where('username', '=', 'v_worker2')
        .executeTakeFirstOrThrow()
    ).id;
    expect(
      (
        await center({
          method: 'PUT',
          url: `/api/grids/${gridId}/workers`,
          payload: { accountIds: [secondId] },
        })
      ).statusCode,
    ).toBe(200);
    expect((await dueOf(second)).map((item) => [item.personName, item.workerName])).toEqual([
      ['钱二', '测试用户 v_worker2'],
      ['赵一', '测试用户 v_worker2'],
    ]);
    expect(await dueOf(worker)).toEqual([]);
    expect(
      (
        await center({
          method: 'PUT',
          url: `/api/grids/${gridId}/workers`,
          payload: { accountIds: [workerId] },
        })
      ).statusCode,
    ).toBe(200);
    expect((await dueOf(worker)).map((item) => item.workerName)).toEqual([
      '测试用户 v_worker',
      '测试用户 v_worker',
    ]);
  });

  it('moves a person’s schedules with them to another grid, out of the old worker’s list', async () => {
    const village = await t.ctx.db.kysely
      .selectFrom('org_unit')
      .select('id')
      .where('path', '=', '/511124/511124101/511124101001/')
      .executeTakeFirstOrThrow();
    const second = (
      await center({ method: 'POST', url: '/api/grids', payload: { villageId: village.id, name: '三组' } })
    ).json().id as string;
    const move = async (grid: string) => {
      const person = (await center({ method: 'GET', url: `/api/persons/${people['qian']}` })).json();
      expect(
        (
          await center({
            method: 'PATCH',
            url: `/api/persons/${people['qian']}`,
            payload: { version: person.version, gridId: grid },
          })
        ).statusCode,
      ).toBe(200);
    };
    await move(second);
    expect((await dueOf(worker)).map((item) => item.personName)).toEqual(['赵一']);
    const moved = (await dueOf(center)).find((item) => item.personName === '钱二');
    expect(moved).toMatchObject({ gridName: '三组', workerName: null, dueOn: '2026-11-17' });
    await move(gridId);
    expect((await dueOf(worker)).map((item) => item.personName)).toEqual(['钱二', '赵一']);
  });

  it('records a visit once per client key and moves the next due date by the plan', async () => {
    const before = await visitCount();
    const payload = {
      clientKey: 'visit-qian-0001',
      personId: people['qian'],
      visitedAt: '2026-11-24T01:30:00.000Z',
      location: { lon: 103.951, lat: 29.651, accuracy: 12 },
      notes: '在家，情况稳定',
    };
    const first = await visit(worker, payload);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      personName: '钱二',
      workerName: '测试用户 v_worker',
      met: 'person',
      situation: 'normal',
      distanceM: null,
      flags: [],
      review: 'none',
      location: { lon: 103.951, lat: 29.651, accuracy: 12 },
    });
    const again = await visit(worker, payload);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect(await visitCount()).toBe(before + 1);
    const changed = await visit(worker, { ...payload, notes: '另一次' });
    expect(changed.statusCode).toBe(422);
    expect(changed.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Visited 2026-11-24 (Shanghai): next due 7 days later.
    expect((await dueOf(worker)).find((item) => item.personName === '钱二')).toMatchObject({
      dueOn: '2026-12-01',
      status: 'due_week',
      lastVisitedAt: '2026-11-24T01:30:00.000Z',
    });
  });

  it('refuses a visit in the future or before the person was registered, naming visitedAt, and writes nothing', async () => {
    const before = await visitCount();
    const future = await visit(worker, {
      clientKey: 'visit-future-01',
      personId: people['zhao'],
      visitedAt: '2026-11-24T04:00:00.000Z',
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().error).toMatchObject({ code: 'VISIT_IN_FUTURE', details: { field: 'visitedAt' } });
    expect(future.json().error.message).toBe('走访时间 visitedAt 不能晚于当前时间');
    const english = await visit(
      worker,
      { clientKey: 'visit-future-02', personId: people['zhao'], visitedAt: '2027-01-01T00:00:00.000Z' },
      { 'accept-language': 'en-US' },
    );
    expect(english.json().error.message).toBe('The visit time visitedAt cannot be in the future');
    const early = await visit(worker, {
      clientKey: 'visit-early-001',
      personId: people['zhao'],
      visitedAt: '2026-11-20T00:00:00.000Z',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toMatchObject({
      code: 'VISIT_BEFORE_REGISTRATION',
      details: { field: 'visitedAt', registeredOn: '2026-11-24' },
    });
    expect(early.json().error.message).toContain('visitedAt');
    const bad = await visit(worker, {
      clientKey: 'visit-bad-0001',
      personId: people['zhao'],
      visitedAt: '2026-11-24T01:40:00.000Z',
      met: 'neighbour',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('body.met');
    const unknownEvent = await visit(worker, {
      clientKey: 'visit-event-01',
      personId: people['zhao'],
      visitedAt: '2026-11-24T01:40:00.000Z',
      eventId: 'no-such-event',
    });
    expect(unknownEvent.json().error).toMatchObject({
      code: 'VISIT_EVENT_NOT_FOUND',
      details: { field: 'eventId' },
    });
    expect(await visitCount()).toBe(before);
    expect((await t.ctx.db.kysely.selectFrom('visit_target').selectAll().execute()).length).toBe(1);
  });

  it('keeps the photos of a visit, shows them to the center within scope, and refuses one never uploaded naming it', async () => {
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
        '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
      'hex',
    );
    const photo = await worker({
      method: 'POST',
      url: '/api/photos',
      headers: { 'content-type': 'image/png' },
      payload: png,
    });
    expect(photo.statusCode).toBe(201);
    const photoId = photo.json().id as string;
    const missing = await visit(worker, {
      clientKey: 'visit-photo-bad',
      personId: people['zhou'],
      visitedAt: '2026-11-24T01:45:00.000Z',
      photoIds: ['0'.repeat(64)],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({
      code: 'PHOTO_NOT_FOUND',
      details: { photoId: '0'.repeat(64) },
    });
    const withPhoto = await visit(worker, {
      clientKey: 'visit-photo-001',
      personId: people['zhou'],
      visitedAt: '2026-11-24T01:45:00.000Z',
      photoIds: [photoId],
      situation: 'abnormal',
      notes: '院墙开裂',
    });
    expect(withPhoto.statusCode).toBe(201);
    expect(withPhoto.json()).toMatchObject({ photoIds: [photoId], situation: 'abnormal', scheduleId: null });
    expect(
      (await worker({ method: 'GET', url: `/api/persons/${people['zhou']}/visits` })).json().items[0]
        .photoIds,
    ).toEqual([photoId]);
    // The center reviewing the visit opens its photo; another township's center does not see it.
    expect((await center({ method: 'GET', url: `/api/photos/${photoId}` })).statusCode).toBe(200);
    expect((await otherCenter({ method: 'GET', url: `/api/photos/${photoId}` })).statusCode).toBe(404);
  });

  it('answers 404 for a person outside the caller’s grids or scope, as other scoped reads do', async () => {
    const before = await visitCount();
    const outside = await visit(worker, {
      clientKey: 'visit-out-0001',
      personId: people['sun'],
      visitedAt: '2026-11-24T01:40:00.000Z',
    });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('NOT_FOUND');
    expect(
      (
        await visit(otherCenter, {
          clientKey: 'visit-out-0002',
          personId: people['zhao'],
          visitedAt: '2026-11-24T01:40:00.000Z',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await otherCenter({ method: 'GET', url: `/api/persons/${people['zhao']}/visits` })).statusCode,
    ).toBe(404);
    expect(
      (await otherCenter({ method: 'GET', url: '/api/visits/due?orgPath=/511124/511124101/' })).statusCode,
    ).toBe(404);
    expect(await visitCount()).toBe(before);
  });

  it('flags a visit far from the person’s house for the center, who accepts it once; a village admin may not review', async () => {
    const far = await visit(worker, {
      clientKey: 'visit-zhao-far1',
      personId: people['zhao'],
      visitedAt: '2026-11-24T01:50:00.000Z',
      location: { lon: 103.95, lat: 29.67, accuracy: 8 },
      met: 'nobody',
    });
    expect(far.statusCode).toBe(201);
    expect(far.json()).toMatchObject({ flags: ['far_from_address'], review: 'pending' });
    expect(far.json().distanceM).toBeGreaterThan(2000);
    const queue = (await center({ method: 'GET', url: '/api/visits?flagged=true' })).json();
    expect(queue.items.map((item: { id: string }) => item.id)).toEqual([far.json().id]);
    expect((await otherCenter({ method: 'GET', url: '/api/visits?flagged=true' })).json().items).toEqual([]);
    expect(
      (
        await villageAdmin({
          method: 'POST',
          url: `/api/visits/${far.json().id}/review`,
          payload: { outcome: 'accepted' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await otherCenter({
          method: 'POST',
          url: `/api/visits/${far.json().id}/review`,
          payload: { outcome: 'accepted' },
        })
      ).statusCode,
    ).toBe(404);
    const bad = await center({
      method: 'POST',
      url: `/api/visits/${far.json().id}/review`,
      payload: { outcome: 'fine' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('body.outcome');
    const reviewed = await center({
      method: 'POST',
      url: `/api/visits/${far.json().id}/review`,
      payload: { outcome: 'accepted', note: '在田间地头见到' },
    });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json()).toMatchObject({ review: 'accepted', reviewNote: '在田间地头见到' });
    expect(
      (
        await center({
          method: 'POST',
          url: `/api/visits/${far.json().id}/review`,
          payload: { outcome: 'rejected' },
        })
      ).json().error.code,
    ).toBe('VISIT_NOT_PENDING');
    const history = (await center({ method: 'GET', url: `/api/persons/${people['zhao']}/visits` })).json()
      .items;
    expect(history.map((item: { id: string }) => item.id)).toEqual([far.json().id]);
    const trail = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('action', 'in', ['visit.recorded', 'visit.reviewed'])
      .orderBy('seq')
      .execute();
    expect(trail.map((row) => [row.action, row.actor_username])).toEqual([
      ['visit.recorded', 'v_worker'],
      ['visit.recorded', 'v_worker'],
      ['visit.recorded', 'v_worker'],
      ['visit.reviewed', 'v_center'],
    ]);
  });

  it('refuses bad plans naming the field, a second plan for the same subject, and plans from anyone but the county', async () => {
    const empty = await county({
      method: 'POST',
      url: '/api/follow-up-plans',
      payload: { name: '空', subject: { kind: 'tag', tag: 'disabled' }, intervalsDays: [] },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('body.intervalsDays');
    const english = await county({
      method: 'POST',
      url: '/api/follow-up-plans',
      payload: { name: '零', subject: { kind: 'tag', tag: 'disabled' }, intervalsDays: [0] },
      headers: { 'accept-language': 'en-US' },
    });
    expect(english.json().error.message).toMatch(/^The request is invalid: body\.intervalsDays/);
    const twice = await county({
      method: 'POST',
      url: '/api/follow-up-plans',
      payload: { name: '重复', subject: { kind: 'tag', tag: 'left_behind_child' }, intervalsDays: [15] },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({
      code: 'VISIT_PLAN_SUBJECT_TAKEN',
      details: { field: 'subject' },
    });
    expect(
      (
        await center({
          method: 'POST',
          url: '/api/follow-up-plans',
          payload: { name: '乡镇', subject: { kind: 'tag', tag: 'disabled' }, intervalsDays: [30] },
        })
      ).statusCode,
    ).toBe(403);
    const stale = await county({
      method: 'PATCH',
      url: `/api/follow-up-plans/${plans['child']!.id}`,
      payload: { version: 9, graceDays: 3 },
    });
    expect(stale.statusCode).toBe(409);
    expect((await county({ method: 'GET', url: '/api/follow-up-plans' })).json().items).toHaveLength(3);
  });

  it('recomputes every schedule when a plan’s intervals change, and ends them when it retires', async () => {
    const changed = await county({
      method: 'PATCH',
      url: `/api/follow-up-plans/${plans['child']!.id}`,
      payload: { version: 1, intervalsDays: [10] },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, intervalsDays: [10], schedules: 1 });
    expect((await dueOf(otherCenter)).map((item) => [item.personName, item.dueOn, item.status])).toEqual([
      ['孙三', '2026-12-04', 'upcoming'],
    ]);
    const retired = await county({
      method: 'PATCH',
      url: `/api/follow-up-plans/${plans['child']!.id}`,
      payload: { version: 2, active: false },
    });
    expect(retired.json()).toMatchObject({ active: false, schedules: 0 });
    expect(await dueOf(otherCenter)).toEqual([]);
    const trail = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'follow_up_plan')
      .orderBy('seq')
      .execute();
    expect(trail.map((row) => row.action)).toEqual([
      'follow_up_plan.created',
      'follow_up_plan.created',
      'follow_up_plan.created',
      'follow_up_plan.updated',
      'follow_up_plan.updated',
    ]);
  });

  it('owes no visit from before a plan existed: records that began years ago are due within the first interval, without cards', async () => {
    const record = await otherCenter({
      method: 'POST',
      url: `/api/persons/${people['sun']}/special-populations`,
      payload: { category: 'drug_user', riskLevel: 'medium', supervisingUnit: '竹园镇派出所', startDate: '2024-03-01' },
    });
    expect(record.statusCode).toBe(201);
    const plan = await county({
      method: 'POST',
      url: '/api/follow-up-plans',
      payload: { name: '吸毒人员 每月', subject: { kind: 'special_population', category: 'drug_user', riskLevel: null }, intervalsDays: [30] },
    });
    expect(plan.json()).toMatchObject({ schedules: 1 });
    const [due] = await dueOf(otherCenter);
    // Due on the first cadence from today on (2024-03-01 + 34 × 30 days), not 33 visits behind.
    expect(due).toMatchObject({ personName: '孙三', dueOn: '2026-12-16', status: 'upcoming', missedCount: 0 });
    const before = await t.ctx.db.kysely.selectFrom('visit_card').select('id').execute();
    await createVisitCardsService(t.ctx).sweep(new Date(t.clock()).toISOString());
    expect(await t.ctx.db.kysely.selectFrom('visit_card').select('id').execute()).toHaveLength(before.length);
    // Retired again, so the later tests of this file see 竹园镇 as before.
    expect((await county({ method: 'PATCH', url: `/api/follow-up-plans/${plan.json().id}`, payload: { version: 1, active: false } })).statusCode).toBe(200);
    expect(await dueOf(otherCenter)).toEqual([]);
  });

  it('moves a person’s schedules out of every list when they move out', async () => {
    const zhou = (await center({ method: 'GET', url: `/api/persons/${people['zhou']}` })).json();
    await center({
      method: 'POST',
      url: `/api/persons/${people['zhou']}/special-populations`,
      payload: {
        category: 'community_correction',
        riskLevel: 'low',
        supervisingUnit: '马踏镇司法所',
        startDate: '2026-11-20',
      },
    });
    expect((await dueOf(worker)).map((item) => item.personName)).toContain('周五');
    expect(
      (
        await center({
          method: 'PATCH',
          url: `/api/persons/${people['zhou']}`,
          payload: { version: zhou.version, status: 'moved_out', reason: '迁往成都' },
        })
      ).statusCode,
    ).toBe(200);
    expect((await dueOf(worker)).map((item) => item.personName)).not.toContain('周五');
  });

  it('keeps the visit settings for the county, refusing red below yellow and anyone else', async () => {
    expect((await worker({ method: 'GET', url: '/api/settings/visits' })).json()).toEqual({
      farFromAddressMeters: 500,
      maxSpeedKmh: 120,
      cardRules: { yellowPercent: 100, redPercent: 150 },
    });
    const bad = await county({
      method: 'PUT',
      url: '/api/settings/visits',
      payload: { cardRules: { yellowPercent: 150, redPercent: 120 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'VISIT_CARD_RULES_INVALID',
      details: { field: 'cardRules.redPercent' },
    });
    const small = await county({
      method: 'PUT',
      url: '/api/settings/visits',
      payload: { farFromAddressMeters: 10 },
    });
    expect(small.statusCode).toBe(400);
    expect(small.json().error.message).toContain('body.farFromAddressMeters');
    expect(
      (await center({ method: 'PUT', url: '/api/settings/visits', payload: { farFromAddressMeters: 800 } }))
        .statusCode,
    ).toBe(403);
    const set = await county({
      method: 'PUT',
      url: '/api/settings/visits',
      payload: { farFromAddressMeters: 3000 },
    });
    expect(set.json()).toEqual({
      farFromAddressMeters: 3000,
      maxSpeedKmh: 120,
      cardRules: { yellowPercent: 100, redPercent: 150 },
    });
    // 2.2 km from the house is no longer far.
    const near = await visit(worker, {
      clientKey: 'visit-zhao-near',
      personId: people['zhao'],
      visitedAt: '2026-11-24T01:55:00.000Z',
      location: { lon: 103.95, lat: 29.67, accuracy: 8 },
    });
    expect(near.json().flags).toEqual([]);
  });

  it('tables the month’s compliance per worker and village, as JSON and as a workbook', async () => {
    // 钱二 was visited after the grace days of 11-17 (late); 赵一 twice before 12-01 (on time); 周五 with no
    // schedule yet (a visit that meets no due date); nothing is overdue now.
    const november = await center({ method: 'GET', url: '/api/visits/compliance?month=2026-11' });
    expect(november.statusCode).toBe(200);
    expect(november.json().workers).toEqual([
      expect.objectContaining({
        workerId,
        workerName: '测试用户 v_worker',
        villageName: '马踏村',
        visits: 4,
        onTime: 2,
        late: 1,
        flagged: 1,
        overdueNow: 0,
        yellowCards: 0,
        redCards: 0,
        complianceRate: 66.7,
      }),
      // A grid worker of the village with nothing to show is listed too.
      expect.objectContaining({
        workerName: '测试用户 v_worker2',
        visits: 0,
        overdueNow: 0,
        complianceRate: null,
      }),
    ]);
    expect(november.json().villages).toEqual([
      expect.objectContaining({
        villagePath: '/511124/511124101/511124101001/',
        villageName: '马踏村',
        visits: 4,
      }),
    ]);
    expect(
      (await otherCenter({ method: 'GET', url: '/api/visits/compliance?month=2026-11' })).json().workers,
    ).toEqual([]);
    const bad = await center({ method: 'GET', url: '/api/visits/compliance?month=2026-13' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('querystring.month');
    const file = await center({ method: 'GET', url: '/api/visits/compliance.xlsx?month=2026-11' });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('网格员')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '月份',
      '村（社区）',
      '网格员',
      '走访次数',
      '按时',
      '逾期完成',
      '异常走访',
      '当前逾期',
      '黄牌',
      '红牌',
      '按时率(%)',
    ]);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '2026-11',
      '马踏村',
      '测试用户 v_worker',
      4,
      2,
      1,
      1,
      0,
      0,
      0,
      66.7,
    ]);
    expect(workbook.getWorksheet('村（社区）')!.getRow(2).getCell(2).value).toBe('马踏村');
  });

  it('issues a yellow card once a visit is overdue and a red one past 150%, once each, with a message to the worker', async () => {
    const cards = createVisitCardsService(t.ctx);
    // A record that ends on 12-01 is scheduled until then, and leaves the lists with the first sweep after.
    const ending = await center({
      method: 'POST',
      url: `/api/persons/${people['zhao']}/special-populations`,
      payload: {
        category: 'community_correction',
        riskLevel: 'low',
        supervisingUnit: '马踏镇司法所',
        startDate: '2026-11-24',
        endDate: '2026-12-01',
      },
    });
    const endingSchedule = () =>
      t.ctx.db.kysely
        .selectFrom('visit_schedule')
        .select('ended_at')
        .where('record_id', '=', ending.json().id as string)
        .executeTakeFirstOrThrow();
    expect((await endingSchedule()).ended_at).toBeNull();
    // 钱二 is due 2026-12-01 with 2 grace days: yellow after 12-03, red after 7 × 1.5 → 11 + 2 days (12-07).
    t.clock.set('2026-12-05T02:00:00.000Z');
    expect(await cards.sweep(new Date(t.clock()).toISOString())).toEqual({ issued: 1 });
    expect(await cards.sweep(new Date(t.clock()).toISOString())).toEqual({ issued: 0 });
    expect((await endingSchedule()).ended_at).toBe('2026-12-05T02:00:00.000Z');
    t.clock.set('2026-12-08T02:00:00.000Z');
    // 赵一 (monthly, due 12-01, visited 11-24 → due 12-24) is not late; 钱二 earns red now.
    expect(await cards.sweep(new Date(t.clock()).toISOString())).toEqual({ issued: 1 });
    const ledger = await t.ctx.db.kysely
      .selectFrom('visit_card')
      .select(['level', 'due_on', 'unit_path', 'worker_id', 'month'])
      .orderBy('issued_at')
      .execute();
    expect(ledger).toEqual([
      {
        level: 'yellow',
        due_on: '2026-12-01',
        unit_path: '/511124/511124101/511124101001/',
        worker_id: workerId,
        month: '2026-12',
      },
      {
        level: 'red',
        due_on: '2026-12-01',
        unit_path: '/511124/511124101/511124101001/',
        worker_id: workerId,
        month: '2026-12',
      },
    ]);
    const inbox = await t.ctx.db.kysely
      .selectFrom('inbox_message')
      .select(['text', 'kind'])
      .where('account_id', '=', workerId)
      .orderBy('created_at')
      .execute();
    expect(inbox.map((row) => row.text)).toEqual([
      '走访“钱二”（社区矫正 高风险 每周）应于2026-12-01完成，已超期，记黄牌一次',
      '走访“钱二”（社区矫正 高风险 每周）应于2026-12-01完成，已超期，记红牌一次',
    ]);
    // Sessions idle out over the days the clock moved: a fresh one reads December's table.
    const fresh = as(t.app, await signInCookie(t.app, 'v_center'));
    const december = (await fresh({ method: 'GET', url: '/api/visits/compliance?month=2026-12' })).json();
    expect(december.workers[0]).toMatchObject({ visits: 0, yellowCards: 1, redCards: 1 });
  });
});
