// The publicity log as villages and townships keep it: a village admin records a meeting with a
// photo (a retry answers the same record), bad dates, kinds, audiences, units and photos are
// refused naming the field in both languages, an edit keeps the history and a withdrawal leaves
// the counts, the monthly table lists every unit (those with none too) against a hand count, and
// nothing of 马踏镇 is visible from 竹园镇.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anAccount, anOrgUnit, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { historyOf } from './publicity.repo.js';

type Call = ReturnType<typeof as>;

/** A 1×1 PNG, with a tail so each photo has its own content (and id). */
const png = (tail: string) =>
  Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex'), Buffer.from(tail)]);

describeEachDialect('the publicity log', (dialect) => {
  let t: TestApp;
  let village: Call;
  let center: Call;
  let county: Call;
  let leader: Call;
  let otherCenter: Call;
  let mataId: string;
  let erCunId: string;
  let townshipId: string;
  let zhuyuanVillageId: string;
  let photoId: string;
  let seq = 0;
  const key = () => `pub-test-${(seq += 1).toString().padStart(4, '0')}`;
  const unitId = async (path: string) => (await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', path).executeTakeFirstOrThrow()).id;
  const record = (call: Call, payload: Record<string, unknown>, headers: Record<string, string> = {}) => call({ method: 'POST', url: '/api/publicity', headers, payload: { clientKey: key(), ...payload } });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    await anOrgUnit(t.ctx, '/511124/511124101/511124101002/', 'village', '马踏二村');
    await anAccount(t.ctx, { username: 'pub_village', role: 'village_admin', orgPath: '/511124/511124101/511124101001/' });
    await anAccount(t.ctx, { username: 'pub_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    await anAccount(t.ctx, { username: 'pub_county', role: 'county_admin', orgPath: '/511124/' });
    await anAccount(t.ctx, { username: 'pub_leader', role: 'leader', orgPath: '/511124/' });
    await anAccount(t.ctx, { username: 'pub_zy', role: 'center_operator', orgPath: '/511124/511124102/' });
    village = as(t.app, await signInCookie(t.app, 'pub_village'));
    center = as(t.app, await signInCookie(t.app, 'pub_center'));
    county = as(t.app, await signInCookie(t.app, 'pub_county'));
    leader = as(t.app, await signInCookie(t.app, 'pub_leader'));
    otherCenter = as(t.app, await signInCookie(t.app, 'pub_zy'));
    mataId = await unitId('/511124/511124101/511124101001/');
    erCunId = await unitId('/511124/511124101/511124101002/');
    townshipId = await unitId('/511124/511124101/');
    zhuyuanVillageId = await unitId('/511124/511124102/511124102001/');
    const upload = await village({ method: 'POST', url: '/api/photos', headers: { 'content-type': 'image/png' }, payload: png('publicity-1') });
    expect(upload.statusCode).toBe(201);
    photoId = upload.json().id as string;
  });
  afterAll(async () => t.close());

  it('records a village meeting with a photo, and a retry with the same key answers the same record', async () => {
    const payload = { clientKey: 'pub-meeting-0001', unitId: mataId, kind: 'meeting', heldOn: '2026-11-20', place: '马踏村村委会', audience: 30, description: '平安建设宣讲', photoIds: [photoId] };
    const first = await village({ method: 'POST', url: '/api/publicity', payload });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ unitId: mataId, unitName: '马踏村', townshipName: '马踏镇', kind: 'meeting', heldOn: '2026-11-20', audience: 30, photoIds: [photoId], status: 'active', version: 1, recordedBy: { name: '测试用户 pub_village' } });
    const again = await village({ method: 'POST', url: '/api/publicity', payload });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const rows = await t.ctx.db.kysely.selectFrom('publicity_activity').select('id').where('client_key', '=', 'pub-meeting-0001').execute();
    expect(rows).toHaveLength(1);
    const reused = await village({ method: 'POST', url: '/api/publicity', payload: { ...payload, audience: 31 } });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const audit = await t.ctx.db.kysely.selectFrom('audit_log').select('action').where('object_id', '=', first.json().id as string).execute();
    expect(audit.map((row) => row.action)).toEqual(['publicity.recorded']);
  });

  it('lets those who may see the activity open its photo, and nobody in another township', async () => {
    expect((await center({ method: 'GET', url: `/api/photos/${photoId}` })).statusCode).toBe(200);
    expect((await leader({ method: 'GET', url: `/api/photos/${photoId}` })).statusCode).toBe(200);
    expect((await otherCenter({ method: 'GET', url: `/api/photos/${photoId}` })).statusCode).toBe(404);
  });

  it('refuses a future date, an unknown kind, a negative audience, a unit out of scope and an unknown photo, naming the field in zh-CN and en-US', async () => {
    const base = { unitId: mataId, kind: 'banner', heldOn: '2026-11-20', place: '村口' };
    const future = await record(village, { ...base, heldOn: '2026-11-25' });
    expect(future.statusCode).toBe(422);
    expect(future.json().error).toMatchObject({ code: 'PUBLICITY_DATE_IN_FUTURE', details: { field: 'heldOn' } });
    expect(future.json().error.message).toContain('活动日期 heldOn');
    const futureEn = await record(village, { ...base, heldOn: '2026-11-25' }, { 'accept-language': 'en-US' });
    expect(futureEn.json().error.message).toContain('activity date heldOn');

    const kind = await record(village, { ...base, kind: 'poster' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.details.fields.map((issue: { field: string }) => issue.field)).toContain('body.kind');
    expect(kind.json().error.message).toContain('body.kind');

    const negative = await record(village, { ...base, audience: -1 }, { 'accept-language': 'en-US' });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details.fields.map((issue: { field: string }) => issue.field)).toContain('body.audience');

    // A village admin records for their own village only: the next village of the township is out of scope.
    for (const unit of [erCunId, zhuyuanVillageId, 'no-such-unit']) {
      const outside = await record(village, { ...base, unitId: unit });
      expect(outside.statusCode).toBe(422);
      expect(outside.json().error).toMatchObject({ code: 'DAILY_UNIT_INVALID', details: { field: 'unitId' } });
      expect(outside.json().error.message).toContain('单位 unitId');
    }
    const outsideEn = await record(center, { ...base, unitId: zhuyuanVillageId }, { 'accept-language': 'en-US' });
    expect(outsideEn.json().error.message).toContain('The unit unitId');

    const photo = await record(village, { ...base, photoIds: ['0'.repeat(64)] });
    expect(photo.statusCode).toBe(400);
    expect(photo.json().error).toMatchObject({ code: 'PHOTO_NOT_FOUND', details: { field: 'photoIds' } });
    expect(await t.ctx.db.kysely.selectFrom('publicity_activity').select('id').where('kind', '=', 'banner').execute()).toHaveLength(0);
  });

  it('keeps every version of an edit and withdraws with a reason instead of deleting', async () => {
    const created = (await record(center, { unitId: townshipId, kind: 'led', heldOn: '2026-11-02', place: '镇政府门口', audience: 500 })).json();
    const stale = await center({ method: 'PATCH', url: `/api/publicity/${created.id}`, payload: { version: 2, place: '镇广场' } });
    expect(stale.statusCode).toBe(409);
    const edited = await center({ method: 'PATCH', url: `/api/publicity/${created.id}`, payload: { version: 1, place: '镇广场', audience: 800 } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ place: '镇广场', audience: 800, version: 2 });
    const future = await center({ method: 'PATCH', url: `/api/publicity/${created.id}`, payload: { version: 2, heldOn: '2026-12-01' } });
    expect(future.json().error.code).toBe('PUBLICITY_DATE_IN_FUTURE');
    const withdrawn = await center({ method: 'POST', url: `/api/publicity/${created.id}/withdraw`, payload: { version: 2, reason: '重复登记' } });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', withdrawnReason: '重复登记', version: 3 });
    expect((await center({ method: 'PATCH', url: `/api/publicity/${created.id}`, payload: { version: 3, place: 'x' } })).json().error.code).toBe('PUBLICITY_WITHDRAWN');
    const history = (await county({ method: 'GET', url: `/api/publicity/${created.id}/history` })).json().items;
    expect(history.map((entry: { action: string; version: number }) => [entry.action, entry.version])).toEqual([['created', 1], ['updated', 2], ['withdrawn', 3]]);
    expect(history[1].changes).toEqual({ place: ['镇政府门口', '镇广场'], audience: [500, 800] });
    expect((await center({ method: 'GET', url: `/api/publicity/${created.id}` })).json().status).toBe('withdrawn');
    const listed = (await center({ method: 'GET', url: '/api/publicity?status=withdrawn' })).json().items;
    expect(listed.map((item: { id: string }) => item.id)).toEqual([created.id]);
  });

  it('counts each unit’s activities of the month by kind, lists units with none, and leaves withdrawn and other months out', async () => {
    // The hand count for 2026-11 in 马踏镇: 马踏村 2 meetings (30 + 50), 1 banner, 1 WeChat post (200 reads);
    // 马踏镇 itself 1 broadcast; 马踏二村 none. Outside: 竹园村 1 leaflet. Left out: October, withdrawn (above).
    await record(village, { unitId: mataId, kind: 'meeting', heldOn: '2026-11-03', place: '二组', audience: 50 });
    await record(village, { unitId: mataId, kind: 'banner', heldOn: '2026-11-04', place: '村口' });
    await record(village, { unitId: mataId, kind: 'wechat', heldOn: '2026-11-05', place: '马踏村公众号', audience: 200 });
    await record(village, { unitId: mataId, kind: 'meeting', heldOn: '2026-10-31', place: '十月', audience: 99 });
    await record(center, { unitId: townshipId, kind: 'broadcast', heldOn: '2026-11-06', place: '镇广播站', audience: 0 });
    await record(otherCenter, { unitId: zhuyuanVillageId, kind: 'leaflet', heldOn: '2026-11-07', place: '竹园村', audience: 120 });

    const mine = (await center({ method: 'GET', url: '/api/publicity/monthly?month=2026-11' })).json();
    const byName = Object.fromEntries(mine.rows.map((row: { unitName: string }) => [row.unitName, row]));
    expect(Object.keys(byName)).toEqual(['马踏镇', '马踏村', '马踏二村']);
    expect(byName['马踏村']).toMatchObject({ total: 4, audience: 280, counts: { meeting: 2, banner: 1, wechat: 1, broadcast: 0, led: 0, leaflet: 0, wall_newspaper: 0 } });
    expect(byName['马踏镇']).toMatchObject({ total: 1, audience: 0, counts: { broadcast: 1, led: 0 } });
    expect(byName['马踏二村']).toMatchObject({ total: 0, townshipName: '马踏镇' });
    expect(mine.unitsWithNone).toBe(1);
    expect(mine.totals).toEqual({ meeting: 2, banner: 1, wall_newspaper: 0, broadcast: 1, led: 0, wechat: 1, leaflet: 0 });

    const all = (await county({ method: 'GET', url: '/api/publicity/monthly?month=2026-11' })).json();
    expect(all.rows).toHaveLength(5);
    expect(all.unitsWithNone).toBe(2);
    expect(all.totals.leaflet).toBe(1);
    const october = (await county({ method: 'GET', url: `/api/publicity/monthly?month=2026-10&townshipId=${townshipId}` })).json();
    expect(october.rows.find((row: { unitName: string }) => row.unitName === '马踏村').counts.meeting).toBe(1);

    const workbook = await county({ method: 'GET', url: '/api/publicity/monthly.xlsx?month=2026-11' });
    expect(workbook.statusCode).toBe(200);
    expect(workbook.headers['content-disposition']).toContain(encodeURIComponent('宣传发动-2026-11.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(4).value).toBe('会议');
    const mata = sheet.getRows(2, sheet.rowCount - 1)?.find((row) => row.getCell(3).value === '马踏村');
    expect(mata?.getCell(4).value).toBe(2);
    expect(mata?.getCell(11).value).toBe(4);

    expect((await county({ method: 'GET', url: '/api/publicity/monthly?month=2026-13' })).statusCode).toBe(400);
  });

  it('lists newest first in keyset pages, filtered by township, village, kind and month', async () => {
    const first = (await county({ method: 'GET', url: '/api/publicity?limit=3' })).json();
    expect(first.items).toHaveLength(3);
    const second = (await county({ method: 'GET', url: `/api/publicity?limit=3&cursor=${encodeURIComponent(first.nextCursor)}` })).json();
    const days = [...first.items, ...second.items].map((item: { heldOn: string }) => item.heldOn);
    expect(days).toEqual([...days].sort().reverse());
    expect(new Set([...first.items, ...second.items].map((item: { id: string }) => item.id)).size).toBe(first.items.length + second.items.length);
    const meetings = (await county({ method: 'GET', url: `/api/publicity?villageId=${mataId}&kind=meeting&month=2026-11` })).json().items;
    expect(meetings.map((item: { heldOn: string }) => item.heldOn)).toEqual(['2026-11-20', '2026-11-03']);
    const zhuyuan = (await county({ method: 'GET', url: `/api/publicity?townshipId=${townshipId}` })).json().items;
    expect(zhuyuan.every((item: { townshipName: string }) => item.townshipName === '马踏镇')).toBe(true);
  });

  it('shows nothing of 马踏镇 to 竹园镇: lists leave it out, reads answer 404, a filter on it answers 404', async () => {
    const ours = (await village({ method: 'GET', url: '/api/publicity' })).json().items;
    expect(ours.length).toBeGreaterThan(0);
    const theirs = (await otherCenter({ method: 'GET', url: '/api/publicity' })).json().items;
    expect(theirs.map((item: { unitName: string }) => item.unitName)).toEqual(['竹园村']);
    const id = ours[0].id as string;
    expect((await otherCenter({ method: 'GET', url: `/api/publicity/${id}` })).statusCode).toBe(404);
    expect((await otherCenter({ method: 'GET', url: `/api/publicity/${id}/history` })).statusCode).toBe(404);
    // The history query itself takes the scope: 竹园镇's path reads none of it.
    expect((await historyOf(t.ctx.db.kysely, '/511124/511124101/', id)).length).toBeGreaterThan(0);
    expect(await historyOf(t.ctx.db.kysely, '/511124/511124102/', id)).toEqual([]);
    expect((await otherCenter({ method: 'PATCH', url: `/api/publicity/${id}`, payload: { version: 1, place: 'x' } })).statusCode).toBe(404);
    expect((await otherCenter({ method: 'POST', url: `/api/publicity/${id}/withdraw`, payload: { version: 1, reason: '越权' } })).statusCode).toBe(404);
    expect((await otherCenter({ method: 'GET', url: `/api/publicity?townshipId=${townshipId}` })).statusCode).toBe(404);
    expect((await otherCenter({ method: 'GET', url: `/api/publicity/monthly?month=2026-11&townshipId=${townshipId}` })).statusCode).toBe(404);
    // The village admin's own monthly table is their village alone.
    expect((await village({ method: 'GET', url: '/api/publicity/monthly?month=2026-11' })).json().rows.map((row: { unitName: string }) => row.unitName)).toEqual(['马踏村']);
    // The county and leaders read but do not record.
    expect((await record(county, { unitId: mataId, kind: 'banner', heldOn: '2026-11-20', place: 'x' })).statusCode).toBe(403);
  });
});
