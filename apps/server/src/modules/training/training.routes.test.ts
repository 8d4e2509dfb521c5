// Training (教育培训) over HTTP on both databases: a township organises a session with its
// material, marks attendance on the sign-in sheet (all or nothing, counted once), workers sign in
// by QR code (same day only, an offline check-in counts by when it was made, a retry lands once),
// compliance lists who is short and exports it, and every list and record stays within scope.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@gridwork/core';
import { anAccount, aSmallCounty, aDepartment } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

type Call = ReturnType<typeof as>;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const MATA = '/511124/511124101/';
const MATA_VILLAGE = '/511124/511124101/511124101001/';
const ZHUYUAN_VILLAGE = '/511124/511124102/511124102001/';
/** The test clock starts at 2026-11-24 09:00 in Shanghai. */
const TODAY = '2026-11-24';

const session = (overrides: Record<string, unknown> = {}) => ({
  kind: 'skills',
  topic: '事件上报与核查实务',
  date: TODAY,
  startTime: '09:00',
  endTime: '11:30',
  place: '马踏镇便民服务中心三楼会议室',
  trainer: '县中心 王老师',
  ...overrides,
});

describeEachDialect('training', (dialect) => {
  let t: TestApp;
  let county: Call;
  let center: Call;
  let otherCenter: Call;
  let village: Call;
  let worker: Call;
  let outsideWorker: Call;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    // Everyone has been on the staff since the start of the year (compliance asks nothing of periods before that).
    const start = new Date(t.clock()).toISOString();
    t.clock.set('2026-01-02T01:00:00.000Z');
    await aSmallCounty(t.ctx);
    const police = await aDepartment(t.ctx, '马踏镇派出所', MATA);
    const make = async (username: string, role: Role, orgPath: string, departmentId?: string) => {
      ids[username] = (await anAccount(t.ctx, { username, role, orgPath, ...(departmentId ? { departmentId } : {}) })).id;
    };
    await make('t_county', 'county_admin', '/511124/');
    await make('t_center', 'center_operator', MATA);
    await make('t_other', 'center_operator', '/511124/511124102/');
    await make('t_village', 'village_admin', MATA_VILLAGE);
    await make('t_worker', 'grid_worker_fulltime', MATA_VILLAGE);
    await make('t_worker2', 'grid_worker_parttime', MATA_VILLAGE);
    await make('t_worker3', 'grid_worker_parttime', MATA_VILLAGE);
    await make('t_handler', 'dept_handler', MATA, police);
    await make('t_deptlead', 'dept_leader', MATA, police);
    await make('t_outside', 'grid_worker_parttime', ZHUYUAN_VILLAGE);
    await make('t_leader', 'leader', '/511124/');
    t.clock.set(start);
    county = as(t.app, await signInCookie(t.app, 't_county'));
    center = as(t.app, await signInCookie(t.app, 't_center'));
    otherCenter = as(t.app, await signInCookie(t.app, 't_other'));
    village = as(t.app, await signInCookie(t.app, 't_village'));
    worker = as(t.app, await signInCookie(t.app, 't_worker'));
    outsideWorker = as(t.app, await signInCookie(t.app, 't_outside'));
  });
  afterAll(async () => t.close());

  const create = (caller: Call, body: Record<string, unknown>, locale = 'zh-CN') =>
    caller({ method: 'POST', url: '/api/training/sessions', headers: { 'accept-language': locale }, payload: body });

  describe('sessions', () => {
    it('a township creates a skills session with a material; invitees and organisers open the material, others cannot', async () => {
      const upload = await center({ method: 'POST', url: `/api/attachments?name=${encodeURIComponent('事件核查课件.pdf')}`, headers: { 'content-type': 'application/pdf' }, payload: PDF });
      expect(upload.statusCode).toBe(201);
      const material = upload.json().id as string;
      const created = await create(center, session({ materialIds: [material], audience: { roles: ['grid_worker_fulltime', 'grid_worker_parttime'], orgPaths: [MATA_VILLAGE], departmentIds: [] } }));
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ kind: 'skills', organiserPath: MATA, organiserName: '马踏镇', status: 'planned', attendanceCount: 0, materials: [{ id: material, name: '事件核查课件.pdf' }] });
      expect(created.json().signInToken).toMatch(/^[\w-]{20,}$/);
      ids['session'] = created.json().id as string;

      expect((await worker({ method: 'GET', url: `/api/attachments/${material}` })).statusCode).toBe(200);
      expect((await county({ method: 'GET', url: `/api/attachments/${material}` })).statusCode).toBe(200);
      expect([403, 404]).toContain((await outsideWorker({ method: 'GET', url: `/api/attachments/${material}` })).statusCode);
      expect([403, 404]).toContain((await otherCenter({ method: 'GET', url: `/api/attachments/${material}` })).statusCode);
      // Readers see the session but not the QR token; the county (above the township) manages it too.
      expect((await village({ method: 'GET', url: `/api/training/sessions/${ids['session']}` })).json().signInToken).toBeNull();
      expect((await county({ method: 'GET', url: `/api/training/sessions/${ids['session']}` })).json().signInToken).toBe(created.json().signInToken);
    });

    it('refuses bad input naming the field, in Chinese by default and in English', async () => {
      const { topic: _topic, ...noTopic } = session();
      const missing = await create(center, noTopic);
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.details.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'body.topic' })]));
      const english = await create(center, { ...session(), kind: 'party' }, 'en-US');
      expect(english.statusCode).toBe(400);
      expect(english.json().error.message).toContain('kind');
      expect(english.json().error.message).toMatch(/invalid/i);
      const backwards = await create(center, session({ startTime: '15:00', endTime: '14:00' }));
      expect(backwards.json().error).toMatchObject({ code: 'TRAINING_TIME_INVALID' });
      expect(backwards.json().error.message).toContain('endTime');
      const unknownMaterial = await create(center, session({ materialIds: ['01936d3e-0000-7000-8000-000000000000'] }), 'en-US');
      expect(unknownMaterial.statusCode).toBe(422);
      expect(unknownMaterial.json().error).toMatchObject({ code: 'TRAINING_MATERIAL_INVALID', details: { field: 'materialIds[0]' } });
      expect(unknownMaterial.json().error.message).toContain('materialIds[0]');
      const otherTownship = await create(center, session({ audience: { roles: [], orgPaths: [ZHUYUAN_VILLAGE], departmentIds: [] } }));
      expect(otherTownship.json().error).toMatchObject({ code: 'TRAINING_AUDIENCE_INVALID', details: { field: 'audience.orgPaths[0]' } });
      const sessions = await t.ctx.db.kysely.selectFrom('training_session').select('id').execute();
      expect(sessions).toHaveLength(1);
    });

    it('lists newest first in keyset pages, within scope only', async () => {
      for (const date of ['2026-10-10', '2026-09-09']) expect((await create(center, session({ date, kind: 'ethics' }))).statusCode).toBe(201);
      expect((await create(otherCenter, session({ place: '竹园镇' }))).statusCode).toBe(201);
      const first = (await center({ method: 'GET', url: '/api/training/sessions?limit=2' })).json();
      expect(first.items.map((item: { date: string }) => item.date)).toEqual([TODAY, '2026-10-10']);
      const second = (await center({ method: 'GET', url: `/api/training/sessions?limit=2&after=${first.nextCursor as string}` })).json();
      expect(second.items.map((item: { date: string }) => item.date)).toEqual(['2026-09-09']);
      expect(second.nextCursor).toBeNull();
      expect((await county({ method: 'GET', url: '/api/training/sessions' })).json().items).toHaveLength(4);
      expect((await otherCenter({ method: 'GET', url: '/api/training/sessions' })).json().items).toHaveLength(1);
      expect((await otherCenter({ method: 'GET', url: `/api/training/sessions/${ids['session']}` })).statusCode).toBe(404);
      expect((await center({ method: 'GET', url: '/api/training/sessions?after=nonsense' })).statusCode).toBe(400);
      expect((await worker({ method: 'GET', url: '/api/training/sessions' })).statusCode).toBe(403);
    });

    it('changes a session with its version, and refuses a stale one', async () => {
      const current = (await center({ method: 'GET', url: `/api/training/sessions/${ids['session']}` })).json();
      const changed = await center({ method: 'PATCH', url: `/api/training/sessions/${ids['session']}`, payload: { version: current.version, trainer: '县中心 李老师' } });
      expect(changed.json()).toMatchObject({ trainer: '县中心 李老师', version: current.version + 1 });
      const stale = await center({ method: 'PATCH', url: `/api/training/sessions/${ids['session']}`, payload: { version: current.version, trainer: '又改' } });
      expect(stale.statusCode).toBe(409);
      const badStatus = await center({ method: 'PATCH', url: `/api/training/sessions/${ids['session']}`, headers: { 'accept-language': 'en-US' }, payload: { version: current.version + 1, status: 'done' } });
      expect(badStatus.statusCode).toBe(400);
      expect(badStatus.json().error.details.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'body.status' })]));
      expect((await center({ method: 'PATCH', url: `/api/training/sessions/${ids['session']}`, payload: { version: current.version + 1 } })).statusCode).toBe(400);
      expect((await otherCenter({ method: 'DELETE', url: `/api/training/sessions/${ids['session']}` })).statusCode).toBe(404);
      expect((await otherCenter({ method: 'PATCH', url: `/api/training/sessions/${ids['session']}`, payload: { version: 2, trainer: '外乡' } })).statusCode).toBe(404);
    });
  });

  describe('the sign-in sheet', () => {
    it('marks everyone or nobody, naming the first account that may not attend', async () => {
      const url = `/api/training/sessions/${ids['session']}/attendance`;
      const unknown = await center({ method: 'POST', url, payload: { accountIds: [ids['t_worker2'], 'no-such-account'] } });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().error).toMatchObject({ code: 'TRAINING_ATTENDEE_INVALID', details: { field: 'accountIds[1]' } });
      const outside = await center({ method: 'POST', url, headers: { 'accept-language': 'en-US' }, payload: { accountIds: [ids['t_outside']] } });
      expect(outside.json().error.message).toContain('accountIds[0]');
      const leader = await center({ method: 'POST', url, payload: { accountIds: [ids['t_worker2'], ids['t_leader']] } });
      expect(leader.json().error.details.field).toBe('accountIds[1]');
      expect(await t.ctx.db.kysely.selectFrom('training_attendance').selectAll().execute()).toEqual([]);

      const marked = await center({ method: 'POST', url, payload: { accountIds: [ids['t_worker2'], ids['t_handler']] } });
      expect(marked.statusCode).toBe(200);
      expect(marked.json()).toMatchObject({ added: 2, alreadyPresent: 0 });
      const again = await center({ method: 'POST', url, payload: { accountIds: [ids['t_worker2'], ids['t_worker3']] } });
      expect(again.json()).toMatchObject({ added: 1, alreadyPresent: 1 });
      expect(again.json().items.map((item: { accountName: string; how: string; unitName: string }) => [item.how, item.unitName])).toEqual(
        expect.arrayContaining([['sheet', '马踏村'], ['sheet', '马踏镇派出所']]),
      );
      expect(again.json().items).toHaveLength(3);
      const view = (await village({ method: 'GET', url: `/api/training/sessions/${ids['session']}` })).json();
      expect(view).toMatchObject({ status: 'held', attendanceCount: 3 });
      expect((await otherCenter({ method: 'POST', url, payload: { accountIds: [ids['t_outside']] } })).statusCode).toBe(404);
      expect((await village({ method: 'POST', url, payload: { accountIds: [ids['t_worker']] } })).statusCode).toBe(403);
    });

    it('offers the trainees of the organiser’s area, invited ones marked, present ones ticked', async () => {
      const list = (await center({ method: 'GET', url: `/api/training/sessions/${ids['session']}/invitees` })).json().items as { name: string; invited: boolean; present: boolean; accountId: string }[];
      const byId = new Map(list.map((item) => [item.accountId, item]));
      expect(byId.get(ids['t_worker']!)).toMatchObject({ invited: true, present: false });
      expect(byId.get(ids['t_worker2']!)).toMatchObject({ invited: true, present: true });
      expect(byId.get(ids['t_handler']!)).toMatchObject({ invited: false, present: true });
      expect(byId.has(ids['t_outside']!)).toBe(false);
      const searched = (await center({ method: 'GET', url: `/api/training/sessions/${ids['session']}/invitees?q=t_worker3` })).json().items;
      expect(searched.map((item: { accountId: string }) => item.accountId)).toEqual([ids['t_worker3']]);
    });

    it('refuses a session in the future or cancelled', async () => {
      const future = (await create(center, session({ date: '2026-12-01' }))).json();
      const early = await center({ method: 'POST', url: `/api/training/sessions/${future.id as string}/attendance`, payload: { accountIds: [ids['t_worker']] } });
      expect(early.json().error).toMatchObject({ code: 'TRAINING_NOT_YET_HELD' });
      expect(early.statusCode).toBe(409);
      const deleted = await center({ method: 'DELETE', url: `/api/training/sessions/${future.id as string}` });
      expect(deleted.statusCode).toBe(204);
      const withAttendance = await center({ method: 'DELETE', url: `/api/training/sessions/${ids['session']}` });
      expect(withAttendance.json().error.code).toBe('TRAINING_SESSION_HAS_ATTENDANCE');
      // Nor can a session people attended move to another day: their attendance was on this one.
      const held = (await center({ method: 'GET', url: `/api/training/sessions/${ids['session']}` })).json();
      const moved = await center({ method: 'PATCH', url: `/api/training/sessions/${ids['session']}`, payload: { version: held.version, date: '2026-11-20' }, headers: { 'accept-language': 'en-US' } });
      expect(moved.statusCode).toBe(409);
      expect(moved.json().error).toMatchObject({ code: 'TRAINING_DATE_FIXED', message: expect.stringContaining('cannot move') });
      expect((await center({ method: 'GET', url: `/api/training/sessions/${ids['session']}` })).json()).toMatchObject({ date: held.date, version: held.version });
    });
  });

  describe('QR check-in', () => {
    let token = '';
    beforeAll(async () => {
      token = (await center({ method: 'GET', url: `/api/training/sessions/${ids['session']}` })).json().signInToken as string;
    });
    const checkIn = (caller: Call, body: Record<string, unknown>) => caller({ method: 'POST', url: '/api/training/check-in', payload: body });

    it('shows the session to a worker holding its token, and signs them in once', async () => {
      const page = await worker({ method: 'GET', url: `/api/training/check-in/${ids['session']}?token=${token}` });
      expect(page.json()).toMatchObject({ topic: '事件上报与核查实务', place: '马踏镇便民服务中心三楼会议室', myAttendance: null });
      const wrongPage = await worker({ method: 'GET', url: `/api/training/check-in/${ids['session']}?token=guessed`, headers: { 'accept-language': 'en-US' } });
      expect(wrongPage.statusCode).toBe(422);
      expect(wrongPage.json().error.message).toMatch(/token/);
      expect((await worker({ method: 'GET', url: `/api/training/check-in/${ids['session']}` })).statusCode).toBe(400);
      expect((await outsideWorker({ method: 'GET', url: `/api/training/check-in/${ids['session']}?token=${token}` })).statusCode).toBe(404);
      const wrong = await checkIn(worker, { sessionId: ids['session'], token: 'not-the-token', clientKey: 'qr-wrong-0001' });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json().error.code).toBe('TRAINING_TOKEN_INVALID');
      const first = await checkIn(worker, { sessionId: ids['session'], token, clientKey: 'qr-worker-0001' });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ accountId: ids['t_worker'], how: 'qr' });
      const retry = await checkIn(worker, { sessionId: ids['session'], token, clientKey: 'qr-worker-0001' });
      expect(retry.statusCode).toBe(200);
      expect(retry.json()).toEqual(first.json());
      const otherKey = await checkIn(worker, { sessionId: ids['session'], token, clientKey: 'qr-worker-0002' });
      expect(otherKey.statusCode).toBe(200);
      const rows = await t.ctx.db.kysely.selectFrom('training_attendance').selectAll().where('account_id', '=', ids['t_worker']!).execute();
      expect(rows).toHaveLength(1);
      // Someone marked on the sheet already: counted once, answered as it stands.
      const sheeted = await checkIn(as(t.app, await signInCookie(t.app, 't_worker2')), { sessionId: ids['session'], token, clientKey: 'qr-worker2-001' });
      expect(sheeted.statusCode).toBe(200);
      expect(sheeted.json().how).toBe('sheet');
    });

    it('takes a check-in made offline on the day and sent the next day; refuses one made another day', async () => {
      const other = (await create(center, session({ topic: '职业道德', kind: 'ethics' }))).json();
      const otherToken = other.signInToken as string;
      t.clock.advance(24 * 3600_000);
      try {
        const worker3 = as(t.app, await signInCookie(t.app, 't_worker3'));
        const late = await checkIn(worker3, { sessionId: other.id, token: otherToken, clientKey: 'qr-late-00001' });
        expect(late.statusCode).toBe(409);
        expect(late.json().error).toMatchObject({ code: 'TRAINING_CHECK_IN_CLOSED', details: { date: TODAY } });
        const offline = await checkIn(worker3, { sessionId: other.id, token: otherToken, clientKey: 'qr-offline-001', at: '2026-11-24T02:10:00.000Z' });
        expect(offline.statusCode).toBe(201);
        expect(offline.json().at).toBe('2026-11-24T02:10:00.000Z');
        const future = await checkIn(worker3, { sessionId: other.id, token: otherToken, clientKey: 'qr-future-001', at: '2026-11-27T02:10:00.000Z' });
        expect(future.json().error.code).toBe('TRAINING_CHECK_IN_IN_FUTURE');
      } finally {
        t.clock.advance(-24 * 3600_000);
      }
      const reused = await checkIn(as(t.app, await signInCookie(t.app, 't_worker3')), { sessionId: ids['session'], token, clientKey: 'qr-offline-001' });
      expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('refuses a cancelled session, another township’s session, and bad bodies', async () => {
      const cancelled = (await create(center, session({ topic: '取消的培训' }))).json();
      await center({ method: 'PATCH', url: `/api/training/sessions/${cancelled.id as string}`, payload: { version: 1, status: 'cancelled' } });
      const refused = await checkIn(worker, { sessionId: cancelled.id, token: cancelled.signInToken, clientKey: 'qr-cancel-001' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('TRAINING_SESSION_CANCELLED');
      const outside = await checkIn(outsideWorker, { sessionId: ids['session'], token, clientKey: 'qr-outside-01' });
      expect(outside.statusCode).toBe(404);
      const bad = await worker({ method: 'POST', url: '/api/training/check-in', headers: { 'accept-language': 'en-US' }, payload: { sessionId: ids['session'], token } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'body.clientKey' })]));
      expect((await county({ method: 'POST', url: '/api/training/check-in', payload: { sessionId: ids['session'], token, clientKey: 'qr-county-001' } })).statusCode).toBe(403);
    });
  });

  describe('compliance', () => {
    it('lists who is short per rule with totals per township and village, and exports it', async () => {
      const data = (await county({ method: 'GET', url: '/api/training/compliance?year=2026' })).json();
      expect(data).toMatchObject({ year: 2026, asOf: TODAY });
      const short = new Map((data.short as { accountId: string; rules: { kind: string; required: number; attended: number; shortBy: number }[] }[]).map((person) => [person.accountId, person]));
      // t_worker attended one skills session (Q4) and no ethics one.
      expect(short.get(ids['t_worker']!)?.rules).toEqual([
        expect.objectContaining({ kind: 'ethics', required: 2, attended: 0, shortBy: 2 }),
        expect.objectContaining({ kind: 'skills', required: 4, attended: 1, shortBy: 3 }),
      ]);
      // t_worker3 also signed in to the ethics session offline.
      expect(short.get(ids['t_worker3']!)?.rules[0]).toMatchObject({ kind: 'ethics', attended: 1, shortBy: 1 });
      // The handler was at a skills session, not a department one.
      expect(short.get(ids['t_handler']!)?.rules).toEqual([expect.objectContaining({ kind: 'department', shortBy: 1 })]);
      expect(short.get(ids['t_outside']!)).toBeDefined();
      const mata = (data.units as { path: string; level: string; people: number; short: number }[]).find((unit) => unit.path === MATA);
      expect(mata).toMatchObject({ level: 'township', people: 5, short: 5 });
      expect(data.units.find((unit: { path: string }) => unit.path === MATA_VILLAGE)).toMatchObject({ level: 'village', people: 3 });

      const mine = (await center({ method: 'GET', url: '/api/training/compliance?year=2026&kind=ethics' })).json();
      expect(mine.rules).toEqual([{ kind: 'ethics', audience: 'grid_worker', minimum: 2, per: 'year' }]);
      expect(mine.short.map((person: { accountId: string }) => person.accountId)).not.toContain(ids['t_outside']);
      expect((await village({ method: 'GET', url: '/api/training/compliance?village=511124101001' })).json().people).toBe(3);
      expect((await center({ method: 'GET', url: '/api/training/compliance?township=511124102' })).statusCode).toBe(404);
      expect((await center({ method: 'GET', url: '/api/training/compliance?township=5111241' })).statusCode).toBe(400);

      const file = await county({ method: 'GET', url: '/api/training/compliance.xlsx?year=2026&township=511124101' });
      expect(file.headers['content-type']).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['姓名', '应参加', '已参加', '差']));
      const names: unknown[] = [];
      sheet.eachRow((row, number) => number > 1 && names.push(row.getCell(5).value));
      expect(names).toContain('测试用户 t_worker');
      expect(names).not.toContain('测试用户 t_outside');
    });

    it('shows a worker their own trainings and what they are short of', async () => {
      const mine = (await worker({ method: 'GET', url: '/api/training/mine' })).json();
      expect(mine.year).toBe(2026);
      expect(mine.attended.map((item: { topic: string; how: string }) => [item.topic, item.how])).toEqual([['事件上报与核查实务', 'qr']]);
      expect(mine.compliance.map((rule: { kind: string; shortBy: number }) => [rule.kind, rule.shortBy])).toEqual([['ethics', 2], ['skills', 3]]);
      expect(mine.upcoming.map((item: { topic: string }) => item.topic)).toContain('职业道德');
      expect((await worker({ method: 'GET', url: '/api/training/mine?year=1999' })).statusCode).toBe(400);
      expect((await worker({ method: 'GET', url: '/api/training/mine?year=2025' })).json()).toMatchObject({ attended: [], upcoming: [] });
    });

    it('shows a department’s leader the compliance of the department’s own staff only', async () => {
      const lead = as(t.app, await signInCookie(t.app, 't_deptlead'));
      const data = (await lead({ method: 'GET', url: '/api/training/compliance?year=2026' })).json();
      expect(data.short.map((person: { accountId: string }) => person.accountId).sort()).toEqual([ids['t_handler'], ids['t_deptlead']].sort());
      expect(data.short[0].departmentName).toBe('马踏镇派出所');
    });

    it('lets the county change the rules, validated, and not a township', async () => {
      const rules = [{ kind: 'ethics', audience: 'grid_worker', minimum: 1, per: 'year' }];
      expect((await center({ method: 'PUT', url: '/api/settings/training', payload: { rules } })).statusCode).toBe(403);
      const duplicate = await county({ method: 'PUT', url: '/api/settings/training', payload: { rules: [...rules, { ...rules[0], minimum: 3 }] } });
      expect(duplicate.statusCode).toBe(400);
      expect(duplicate.json().error).toMatchObject({ code: 'TRAINING_RULES_INVALID', details: { field: 'rules[1]' } });
      const tooMany = await county({ method: 'PUT', url: '/api/settings/training', headers: { 'accept-language': 'en-US' }, payload: { rules: [{ kind: 'skills', audience: 'grid_worker', minimum: 20, per: 'quarter' }] } });
      expect(tooMany.json().error.message).toContain('rules[0].minimum');
      const unknown = await county({ method: 'PUT', url: '/api/settings/training', payload: { rules: [{ kind: 'ethics', audience: 'everyone', minimum: 1, per: 'year' }] } });
      expect(unknown.statusCode).toBe(400);
      const saved = await county({ method: 'PUT', url: '/api/settings/training', payload: { rules } });
      expect(saved.json()).toMatchObject({ rules, updatedBy: { id: ids['t_county'] } });
      const after = (await county({ method: 'GET', url: '/api/training/compliance' })).json();
      expect(after.short.find((person: { accountId: string }) => person.accountId === ids['t_worker3'])).toBeUndefined();
      expect(after.short.find((person: { accountId: string }) => person.accountId === ids['t_handler'])).toBeUndefined();
    });
  });
});
