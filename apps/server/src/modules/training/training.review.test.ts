// Training under pressure, on both databases: concurrent check-ins and sign-in sheets answer the
// idempotent result (never a 500 on the unique key), a day that does not exist is refused naming
// its field, the organiser's path compares as bytes, and compliance asks nothing of periods that
// ended before a worker's account existed.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuditAction, Role } from '@gridwork/core';
import { anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

const MATA = '/511124/511124101/';
const MATA_VILLAGE = '/511124/511124101/511124101001/';
const ZHUYUAN_VILLAGE = '/511124/511124102/511124102001/';
const TODAY = '2026-11-24';
const session = {
  kind: 'skills',
  topic: '入户走访规范',
  date: TODAY,
  startTime: '09:00',
  endTime: '11:00',
  place: '马踏镇会议室',
  trainer: '县中心 李老师',
};

describeEachDialect('training under concurrency and edge input', (dialect) => {
  let t: TestApp;
  let center: ReturnType<typeof as>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const start = new Date(t.clock()).toISOString();
    t.clock.set('2026-01-02T01:00:00.000Z');
    await aSmallCounty(t.ctx);
    const make = async (username: string, role: Role, orgPath: string) => {
      ids[username] = (await anAccount(t.ctx, { username, role, orgPath })).id;
    };
    await make('r_county', 'county_admin', '/511124/');
    await make('r_center', 'center_operator', MATA);
    for (const name of ['r_w1', 'r_w2', 'r_w3']) await make(name, 'grid_worker_fulltime', MATA_VILLAGE);
    await make('r_village', 'village_admin', MATA_VILLAGE);
    await make('r_zhuyuan', 'grid_worker_fulltime', ZHUYUAN_VILLAGE);
    // Joined in the middle of August.
    t.clock.set('2026-08-15T02:00:00.000Z');
    await make('r_newcomer', 'grid_worker_fulltime', MATA_VILLAGE);
    t.clock.set(start);
    center = as(t.app, await signInCookie(t.app, 'r_center'));
  });
  afterAll(async () => t.close());

  const newSession = async () => {
    const created = await center({ method: 'POST', url: '/api/training/sessions', payload: session });
    expect(created.statusCode).toBe(201);
    return created.json() as { id: string; signInToken: string };
  };
  const auditCount = async (id: string, action: AuditAction) =>
    (await t.ctx.db.kysely.selectFrom('audit_log').select('id').where('object_id', '=', id).where('action', '=', action).execute()).length;

  it('two check-ins of one worker at once land once: one 201, one 200 with the same attendance, one audit', async () => {
    const { id, signInToken: token } = await newSession();
    const worker = as(t.app, await signInCookie(t.app, 'r_w1'));
    const post = (clientKey: string) => worker({ method: 'POST', url: '/api/training/check-in', payload: { sessionId: id, token, clientKey } });
    const answers = await Promise.all([post('race-key-a-0001'), post('race-key-b-0001'), post('race-key-a-0001')]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((answer) => JSON.stringify(answer.json()))).size).toBe(1);
    const rows = await t.ctx.db.kysely.selectFrom('training_attendance').selectAll().where('session_id', '=', id).execute();
    expect(rows).toHaveLength(1);
    expect(await auditCount(id, 'training.checked_in')).toBe(1);
    const after = (await center({ method: 'GET', url: `/api/training/sessions/${id}` })).json();
    expect(after).toMatchObject({ status: 'held', version: 2, attendanceCount: 1 });
  });

  it('two sign-in sheets at once naming the same people add each once, and say so', async () => {
    const { id } = await newSession();
    const sheet = (accountIds: string[]) => center({ method: 'POST', url: `/api/training/sessions/${id}/attendance`, payload: { accountIds } });
    const answers = await Promise.all([sheet([ids['r_w2']!, ids['r_w3']!]), sheet([ids['r_w3']!, ids['r_w2']!])]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200]);
    const added = answers.map((answer) => answer.json().added as number);
    expect(added.reduce((sum, n) => sum + n, 0)).toBe(2);
    expect(answers.map((answer) => answer.json().alreadyPresent as number).reduce((sum, n) => sum + n, 0)).toBe(2);
    const rows = await t.ctx.db.kysely.selectFrom('training_attendance').select('account_id').where('session_id', '=', id).execute();
    expect(rows.map((row) => row.account_id).sort()).toEqual([ids['r_w2'], ids['r_w3']].sort());
    const details = await t.ctx.db.kysely
      .selectFrom('audit_log').select('details').where('object_id', '=', id).where('action', '=', 'training.attendance_recorded').execute();
    const audited = details.flatMap((row) => (JSON.parse(String(row.details)) as { added: string[] }).added);
    expect(audited.sort()).toEqual([ids['r_w2'], ids['r_w3']].sort());
  });

  it('two changes of the same version at once: one lands, the other is refused as stale', async () => {
    const { id } = await newSession();
    const patch = (trainer: string) => center({ method: 'PATCH', url: `/api/training/sessions/${id}`, payload: { version: 1, trainer } });
    const answers = await Promise.all([patch('甲老师'), patch('乙老师')]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    const winner = answers.find((answer) => answer.statusCode === 200)!.json();
    expect((await center({ method: 'GET', url: `/api/training/sessions/${id}` })).json()).toMatchObject({ version: 2, trainer: winner.trainer });
    expect(await auditCount(id, 'training.session_updated')).toBe(1);
  });

  it('shows a county session’s attendance to a village reader for their own area only; the county sees everyone', async () => {
    const county = as(t.app, await signInCookie(t.app, 'r_county'));
    const created = await county({ method: 'POST', url: '/api/training/sessions', payload: { ...session, kind: 'ethics' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const marked = await county({ method: 'POST', url: `/api/training/sessions/${id}/attendance`, payload: { accountIds: [ids['r_w1'], ids['r_zhuyuan']] } });
    expect(marked.json()).toMatchObject({ added: 2 });
    const village = as(t.app, await signInCookie(t.app, 'r_village'));
    const seen = (await village({ method: 'GET', url: `/api/training/sessions/${id}/attendance` })).json().items as { accountId: string }[];
    expect(seen.map((row) => row.accountId)).toEqual([ids['r_w1']]);
    const all = (await county({ method: 'GET', url: `/api/training/sessions/${id}/attendance` })).json().items as { accountId: string }[];
    expect(all.map((row) => row.accountId).sort()).toEqual([ids['r_w1'], ids['r_zhuyuan']].sort());
    // Nor does the village reader get the session's QR token.
    expect((await village({ method: 'GET', url: `/api/training/sessions/${id}` })).json().signInToken).toBeNull();
  });

  it('refuses a day that does not exist naming the field, in Chinese and in English', async () => {
    const bad = await center({ method: 'POST', url: '/api/training/sessions', payload: { ...session, date: '2026-02-30' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'body.date' })]));
    const english = await center({ method: 'GET', url: '/api/training/sessions?from=2026-13-01', headers: { 'accept-language': 'en-US' } });
    expect(english.statusCode).toBe(400);
    expect(english.json().error.message).toContain('from');
    const listed = await center({ method: 'GET', url: '/api/training/sessions?to=2026-04-31' });
    expect(listed.statusCode).toBe(400);
  });

  it('keeps the organiser path as bytes (COLLATE "C" on PostgreSQL), so the scope range is exact', async () => {
    const db = t.ctx.db.kysely;
    if (dialect === 'postgres') {
      const columns = await sql<{ collation_name: string | null }>`
        select collation_name from information_schema.columns
        where table_schema = current_schema() and table_name = 'training_session' and column_name = 'organiser_path'`.execute(db);
      expect(columns.rows).toEqual([{ collation_name: 'C' }]);
    } else {
      const tables = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'training_session'`.execute(db);
      expect(tables.rows[0]!.sql.toLowerCase()).not.toContain('collate');
    }
    // The range over the organiser's path finds every session within the county, and a township's within it.
    const county = as(t.app, await signInCookie(t.app, 'r_county'));
    const stored = await db.selectFrom('training_session').select(['id', 'organiser_path']).execute();
    const listed = (await county({ method: 'GET', url: '/api/training/sessions' })).json().items as { id: string }[];
    expect(listed.map((item) => item.id).sort()).toEqual(stored.map((row) => row.id).sort());
    const own = (await center({ method: 'GET', url: '/api/training/sessions' })).json().items as { id: string }[];
    expect(own.map((item) => item.id).sort()).toEqual(stored.map((row) => row.id).sort());
  });

  it('asks nothing of a newcomer for the quarters that ended before their account existed', async () => {
    const county = as(t.app, await signInCookie(t.app, 'r_county'));
    const data = (await county({ method: 'GET', url: '/api/training/compliance?year=2026&kind=skills' })).json();
    const short = new Map((data.short as { accountId: string; rules: { required: number; periods: { key: string }[] }[] }[]).map((p) => [p.accountId, p]));
    // The newcomer (15 August) owes Q3 and Q4; a worker there since January owes all four.
    expect(short.get(ids['r_newcomer']!)?.rules[0]).toMatchObject({ required: 2 });
    expect(short.get(ids['r_newcomer']!)?.rules[0]?.periods.map((period) => period.key)).toEqual(['2026-Q3', '2026-Q4']);
    expect(short.get(ids['r_w1']!)?.rules[0]).toMatchObject({ required: 4 });
    const newcomer = as(t.app, await signInCookie(t.app, 'r_newcomer'));
    const mine = (await newcomer({ method: 'GET', url: '/api/training/mine?year=2026' })).json();
    expect(mine.compliance.find((rule: { kind: string }) => rule.kind === 'skills')).toMatchObject({ required: 2, shortBy: 2 });
  });
});
