// "At least one valuable information report a month from each township": a township writes a
// report with photos and attachments and submits it (once, however often the button is pressed);
// the county adopts it at a level (raised later) or returns it with a note; the county never sees
// drafts, another township sees nothing; the month's quota per township; bad input names its field.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

type Call = ReturnType<typeof as>;
interface Report {
  id: string;
  status: string;
  level: string | null;
  version: number;
  title: string;
  returnedNote: string | null;
  firstSubmittedAt: string | null;
  subjectName: string | null;
  photos: { id: string; url: string }[];
  attachments: { id: string; name: string; url: string }[];
  history: { action: string; toStatus: string; note: string | null; actorName: string }[];
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describeEachDialect('information reports', (dialect) => {
  let t: TestApp;
  let county: Call;
  let center: Call;
  let colleague: Call;
  let zhuyuan: Call;
  let leader: Call;
  let workerId: string;
  let outsideWorkerId: string;
  let centerId: string;
  let photoId: string;
  let attachmentId: string;
  let colleagueAttachment: string;
  let keys = 0;
  const key = () => `ir-${dialect}-${(keys += 1)}-key`;
  const draft = { title: '马踏镇网格化工作动态', body: '第一段。\n\n第二段。', category: 'work_update' };

  const create = (caller: Call, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    caller({ method: 'POST', url: '/api/info-reports', payload: { clientKey: key(), ...draft, ...payload }, headers });
  const act = (caller: Call, id: string, action: string, payload: Record<string, unknown>) => caller({ method: 'POST', url: `/api/info-reports/${id}/${action}`, payload });
  const reportCount = async () => Number((await t.ctx.db.kysely.selectFrom('info_report').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const created = async (caller: Call = center, payload: Record<string, unknown> = {}): Promise<Report> => {
    const response = await create(caller, payload);
    expect(response.statusCode).toBe(201);
    return response.json() as Report;
  };
  const submitted = async (caller: Call = center, payload: Record<string, unknown> = {}): Promise<Report> => {
    const report = await created(caller, payload);
    const response = await act(caller, report.id, 'submit', { version: report.version });
    expect(response.statusCode).toBe(200);
    return response.json() as Report;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    await anAccount(t.ctx, { username: 'ir_county', role: 'county_admin', orgPath: '/511124/' });
    centerId = (await anAccount(t.ctx, { username: 'ir_center', role: 'center_operator', orgPath: '/511124/511124101/' })).id;
    await anAccount(t.ctx, { username: 'ir_colleague', role: 'center_operator', orgPath: '/511124/511124101/' });
    await anAccount(t.ctx, { username: 'ir_zhuyuan', role: 'center_operator', orgPath: '/511124/511124102/' });
    await anAccount(t.ctx, { username: 'ir_leader', role: 'leader', orgPath: '/511124/' });
    workerId = (await anAccount(t.ctx, { username: 'ir_worker', role: 'grid_worker_fulltime', orgPath: '/511124/511124101/511124101001/' })).id;
    outsideWorkerId = (await anAccount(t.ctx, { username: 'ir_outside', role: 'grid_worker_parttime', orgPath: '/511124/511124102/511124102001/' })).id;
    county = as(t.app, await signInCookie(t.app, 'ir_county'));
    center = as(t.app, await signInCookie(t.app, 'ir_center'));
    colleague = as(t.app, await signInCookie(t.app, 'ir_colleague'));
    zhuyuan = as(t.app, await signInCookie(t.app, 'ir_zhuyuan'));
    leader = as(t.app, await signInCookie(t.app, 'ir_leader'));
    photoId = (await center({ method: 'POST', url: '/api/photos', headers: { 'content-type': 'image/png' }, payload: PNG })).json().id as string;
    const upload = async (caller: Call, name: string) => {
      const response = await caller({ method: 'POST', url: `/api/attachments?name=${encodeURIComponent(name)}`, headers: { 'content-type': 'application/octet-stream' }, payload: PDF });
      expect(response.statusCode).toBe(201);
      return response.json().id as string;
    };
    attachmentId = await upload(center, '经验材料.pdf');
    colleagueAttachment = await upload(colleague, '同事的材料.pdf');
  });
  afterAll(async () => t.close());

  it('writes a draft with a photo, an attachment and an exemplary grid worker; a retry answers the first', async () => {
    const payload = { clientKey: key(), ...draft, category: 'experience', subjectAccountId: workerId, photoIds: [photoId], attachmentIds: [attachmentId] };
    const first = await center({ method: 'POST', url: '/api/info-reports', payload });
    expect(first.statusCode).toBe(201);
    const report = first.json() as Report;
    expect(report).toMatchObject({ status: 'draft', version: 1, level: null, subjectName: '测试用户 ir_worker', photos: [{ id: photoId }], attachments: [{ id: attachmentId, name: '经验材料.pdf' }] });
    const before = await reportCount();
    const retry = await center({ method: 'POST', url: '/api/info-reports', payload });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(report.id);
    const reused = await center({ method: 'POST', url: '/api/info-reports', payload: { ...payload, title: '另一篇' } });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await reportCount()).toBe(before);
  });

  it('keeps drafts from the county and everything from another township', async () => {
    const report = await created();
    expect((await center({ method: 'GET', url: `/api/info-reports/${report.id}` })).statusCode).toBe(200);
    for (const caller of [county, leader, zhuyuan]) expect((await caller({ method: 'GET', url: `/api/info-reports/${report.id}` })).statusCode).toBe(404);
    const listed = (await county({ method: 'GET', url: '/api/info-reports?limit=200' })).json().items as Report[];
    expect(listed.map((item) => item.id)).not.toContain(report.id);
    // Another township cannot touch it either.
    expect((await zhuyuan({ method: 'PATCH', url: `/api/info-reports/${report.id}`, payload: { version: 1, title: '改' } })).statusCode).toBe(404);
    expect((await act(zhuyuan, report.id, 'submit', { version: 1 })).statusCode).toBe(404);
    const submittedOne = await submitted();
    expect((await zhuyuan({ method: 'GET', url: `/api/info-reports/${submittedOne.id}` })).statusCode).toBe(404);
    expect((await county({ method: 'GET', url: `/api/info-reports/${submittedOne.id}` })).statusCode).toBe(200);
  });

  it('submits once: a second submit of the same version answers the same report', async () => {
    const report = await created();
    const first = await act(center, report.id, 'submit', { version: 1 });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'submitted', version: 2 });
    const again = await act(center, report.id, 'submit', { version: 1 });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'submitted', version: 2, firstSubmittedAt: first.json().firstSubmittedAt });
    expect((again.json() as Report).history.filter((entry) => entry.action === 'submit')).toHaveLength(1);
    const illegal = await act(center, report.id, 'submit', { version: 2 });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error.code).toBe('INFO_REPORT_NOT_SUBMITTABLE');
  });

  it('submits once when 提交 is double-clicked: two concurrent submits both answer the same report', async () => {
    for (let round = 0; round < 3; round += 1) {
      const report = await created();
      const [one, two] = await Promise.all([act(center, report.id, 'submit', { version: 1 }), act(center, report.id, 'submit', { version: 1 })]);
      expect([one.statusCode, two.statusCode]).toEqual([200, 200]);
      expect(two.json()).toEqual(one.json());
      expect(one.json()).toMatchObject({ status: 'submitted', version: 2 });
      const submits = await t.ctx.db.kysely.selectFrom('info_report_history').select('id').where('report_id', '=', report.id).where('action', '=', 'submit').execute();
      expect(submits).toHaveLength(1);
    }
    // Two different decisions racing from one version still refuse the loser.
    const report = await submitted();
    const [atCounty, atCity] = await Promise.all([act(county, report.id, 'adopt', { version: report.version, level: 'county' }), act(county, report.id, 'adopt', { version: report.version, level: 'city' })]);
    expect([atCounty.statusCode, atCity.statusCode].sort()).toEqual([200, 409]);
    expect([atCounty, atCity].find((response) => response.statusCode === 409)?.json().error.code).toBe('RECORD_CHANGED');
  });

  it('refuses an edit of a version someone else changed, and writes nothing', async () => {
    const report = await created();
    const mine = await center({ method: 'PATCH', url: `/api/info-reports/${report.id}`, payload: { version: 1, title: '我的修改' } });
    expect(mine.statusCode).toBe(200);
    const theirs = await colleague({ method: 'PATCH', url: `/api/info-reports/${report.id}`, payload: { version: 1, title: '同事的修改' } });
    expect(theirs.statusCode).toBe(409);
    expect(theirs.json().error.code).toBe('RECORD_CHANGED');
    expect((await center({ method: 'GET', url: `/api/info-reports/${report.id}` })).json()).toMatchObject({ title: '我的修改', version: 2 });
    const stale = await act(center, report.id, 'submit', { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('RECORD_CHANGED');
  });

  it('lets a colleague of the township keep the attachments on a report, and refuses a stranger’s', async () => {
    const report = await created(center, { attachmentIds: [attachmentId] });
    const kept = await colleague({ method: 'PATCH', url: `/api/info-reports/${report.id}`, payload: { version: 1, attachmentIds: [attachmentId, colleagueAttachment] } });
    expect(kept.statusCode).toBe(200);
    expect((kept.json() as Report).attachments.map((file) => file.name)).toEqual(['经验材料.pdf', '同事的材料.pdf']);
    const stranger = (await zhuyuan({ method: 'POST', url: '/api/attachments?name=x.pdf', headers: { 'content-type': 'application/octet-stream' }, payload: PDF })).json().id as string;
    const refused = await center({ method: 'PATCH', url: `/api/info-reports/${report.id}`, payload: { version: 2, attachmentIds: [stranger], subjectAccountId: workerId } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toMatchObject({ field: 'attachmentIds', attachmentId: stranger });
    const after = (await center({ method: 'GET', url: `/api/info-reports/${report.id}` })).json() as Report;
    expect({ version: after.version, subject: after.subjectName, files: after.attachments.length }).toEqual({ version: 2, subject: null, files: 2 });
  });

  it('takes only photos the caller uploaded or the report already holds, never someone else’s', async () => {
    const theirs = (await zhuyuan({ method: 'POST', url: '/api/photos', headers: { 'content-type': 'image/png' }, payload: Buffer.concat([PNG, Buffer.from('zhuyuan')]) })).json().id as string;
    const before = await reportCount();
    const refused = await create(center, { photoIds: [theirs] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'INFO_REPORT_PHOTO_INVALID', details: { field: 'photoIds', photoId: theirs } });
    expect(await reportCount()).toBe(before);
    // A colleague keeps the photo the report already holds, but cannot add the stranger's.
    const report = await created(center, { photoIds: [photoId] });
    const kept = await colleague({ method: 'PATCH', url: `/api/info-reports/${report.id}`, payload: { version: 1, photoIds: [photoId] } });
    expect(kept.statusCode).toBe(200);
    const added = await colleague({ method: 'PATCH', url: `/api/info-reports/${report.id}`, payload: { version: 2, photoIds: [photoId, theirs] } });
    expect(added.statusCode).toBe(422);
    expect((await zhuyuan({ method: 'GET', url: `/api/photos/${theirs}` })).statusCode).toBe(200);
    expect((await center({ method: 'GET', url: `/api/photos/${theirs}` })).statusCode).toBe(404);
    // Uploading the same picture oneself (stored once, under its first uploader) makes it one's own.
    expect((await center({ method: 'POST', url: '/api/photos', headers: { 'content-type': 'image/png' }, payload: Buffer.concat([PNG, Buffer.from('zhuyuan')]) })).json().id).toBe(theirs);
    expect((await center({ method: 'PATCH', url: `/api/info-reports/${report.id}`, payload: { version: 2, photoIds: [photoId, theirs] } })).statusCode).toBe(200);
  });

  it('adopts at county level, raises it to city, and refuses to lower it or to return an adopted report', async () => {
    const report = await submitted();
    const atCounty = await act(county, report.id, 'adopt', { version: report.version, level: 'county', note: '较好' });
    expect(atCounty.json()).toMatchObject({ status: 'adopted', level: 'county' });
    const atCity = await act(county, report.id, 'adopt', { version: atCounty.json().version, level: 'city' });
    expect(atCity.json()).toMatchObject({ status: 'adopted', level: 'city', version: report.version + 2 });
    const lower = await act(county, report.id, 'adopt', { version: atCity.json().version, level: 'county' });
    expect(lower.statusCode).toBe(409);
    expect(lower.json().error.code).toBe('INFO_REPORT_NOT_ADOPTABLE');
    const returned = await act(county, report.id, 'return', { version: atCity.json().version, note: '退回' });
    expect(returned.json().error.code).toBe('INFO_REPORT_NOT_PENDING');
    const withdrawn = await act(center, report.id, 'withdraw', { version: atCity.json().version });
    expect(withdrawn.json().error.code).toBe('INFO_REPORT_NOT_PENDING');
    const edited = await center({ method: 'PATCH', url: `/api/info-reports/${report.id}`, payload: { version: atCity.json().version, title: '改' } });
    expect(edited.json().error.code).toBe('INFO_REPORT_NOT_EDITABLE');
    // The township sees the adoption and its history.
    const seen = (await center({ method: 'GET', url: `/api/info-reports/${report.id}` })).json() as Report;
    expect(seen.history.map((entry) => `${entry.action}:${entry.toStatus}`)).toEqual(['create:draft', 'submit:submitted', 'adopt:adopted', 'adopt:adopted']);
    const audited = await t.ctx.db.kysely.selectFrom('audit_log').select('action').where('object_id', '=', report.id).execute();
    expect(audited.map((row) => row.action)).toEqual(['info_report.created', 'info_report.submitted', 'info_report.adopted', 'info_report.adopted']);
  });

  it('returns a report with a note; the township revises and submits it again', async () => {
    const report = await submitted();
    const noNote = await act(county, report.id, 'return', { version: report.version });
    expect(noNote.statusCode).toBe(400);
    const blank = await act(county, report.id, 'return', { version: report.version, note: '   ' });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().error).toMatchObject({ code: 'INFO_REPORT_TEXT_EMPTY', details: { field: 'note' } });
    const returned = await act(county, report.id, 'return', { version: report.version, note: '请补充具体数据' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnedNote: '请补充具体数据' });
    expect((await act(county, report.id, 'adopt', { version: returned.json().version, level: 'county' })).json().error.code).toBe('INFO_REPORT_NOT_ADOPTABLE');
    const revised = await center({ method: 'PATCH', url: `/api/info-reports/${report.id}`, payload: { version: returned.json().version, body: '补充了数据：化解矛盾 12 件。' } });
    expect(revised.json()).toMatchObject({ status: 'returned' });
    const again = await act(center, report.id, 'submit', { version: revised.json().version });
    expect(again.json()).toMatchObject({ status: 'submitted', returnedNote: null, firstSubmittedAt: report.firstSubmittedAt });
    expect((again.json() as Report).history.find((entry) => entry.action === 'return')?.note).toBe('请补充具体数据');
  });

  it('withdraws a submitted report back to draft, by its own township only', async () => {
    const report = await submitted();
    expect((await act(zhuyuan, report.id, 'withdraw', { version: report.version })).statusCode).toBe(404);
    expect((await act(county, report.id, 'withdraw', { version: report.version })).statusCode).toBe(403);
    expect((await act(center, report.id, 'adopt', { version: report.version, level: 'county' })).statusCode).toBe(403);
    const back = await act(colleague, report.id, 'withdraw', { version: report.version });
    expect(back.json()).toMatchObject({ status: 'draft', version: report.version + 1 });
    expect((await county({ method: 'GET', url: `/api/info-reports/${report.id}` })).statusCode).toBe(404);
    expect((await act(county, report.id, 'adopt', { version: report.version + 1, level: 'county' })).statusCode).toBe(404);
  });

  it('lets the county open a submitted report’s photo and attachment, and nobody outside it', async () => {
    const draftOnly = await created(center, { photoIds: [photoId], attachmentIds: [attachmentId] });
    expect((await county({ method: 'GET', url: `/api/attachments/${attachmentId}` })).statusCode).toBe(404);
    expect((await colleague({ method: 'GET', url: `/api/attachments/${attachmentId}` })).statusCode).toBe(200);
    const sent = await act(center, draftOnly.id, 'submit', { version: 1 });
    expect(sent.statusCode).toBe(200);
    const file = await county({ method: 'GET', url: `/api/attachments/${attachmentId}` });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await county({ method: 'GET', url: `/api/photos/${photoId}` })).statusCode).toBe(200);
    expect((await leader({ method: 'GET', url: `/api/attachments/${attachmentId}` })).statusCode).toBe(200);
    expect((await zhuyuan({ method: 'GET', url: `/api/attachments/${attachmentId}` })).statusCode).toBe(404);
    expect((await zhuyuan({ method: 'GET', url: `/api/photos/${photoId}` })).statusCode).toBe(404);
  });

  describe('bad input', () => {
    const refused = async (payload: Record<string, unknown>, status: number, code: string, field: string) => {
      const before = await reportCount();
      const zh = await create(center, payload);
      const en = await create(center, payload, { 'accept-language': 'en-US' });
      expect({ zh: zh.statusCode, en: en.statusCode }).toEqual({ zh: status, en: status });
      expect(zh.json().error.code).toBe(code);
      expect(zh.json().error.message).toMatch(/[\u4e00-\u9fff]/u);
      expect(en.json().error.message).not.toMatch(/[\u4e00-\u9fff]/u);
      expect(JSON.stringify(zh.json().error)).toContain(field);
      expect(JSON.stringify(en.json().error)).toContain(field);
      expect(await reportCount()).toBe(before);
    };

    it('an empty title, a body too long or an unknown category fails validation naming the field', async () => {
      await refused({ title: '' }, 400, 'VALIDATION_FAILED', 'title');
      await refused({ body: '字'.repeat(20_001) }, 400, 'VALIDATION_FAILED', 'body');
      await refused({ category: 'news' }, 400, 'VALIDATION_FAILED', 'category');
    });

    it('a blank title, a subject who is not a grid worker of the township, an unknown photo or an attachment that is not mine answers 422', async () => {
      await refused({ title: '   ' }, 422, 'INFO_REPORT_TEXT_EMPTY', 'title');
      await refused({ subjectAccountId: outsideWorkerId }, 422, 'INFO_REPORT_SUBJECT_INVALID', 'subjectAccountId');
      await refused({ subjectAccountId: centerId }, 422, 'INFO_REPORT_SUBJECT_INVALID', 'subjectAccountId');
      await refused({ photoIds: ['a'.repeat(64)] }, 422, 'INFO_REPORT_PHOTO_INVALID', 'photoIds');
      await refused({ attachmentIds: ['01900000-0000-7000-8000-000000000000'] }, 422, 'ATTACHMENT_NOT_FOUND', 'attachmentIds');
      await refused({ attachmentIds: [colleagueAttachment] }, 422, 'ATTACHMENT_NOT_FOUND', 'attachmentIds');
    });

    it('an account above the townships cannot write one', async () => {
      await anAccount(t.ctx, { username: 'ir_county_center', role: 'center_operator', orgPath: '/511124/' });
      const countyCenter = as(t.app, await signInCookie(t.app, 'ir_county_center'));
      const response = await create(countyCenter, {});
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('INFO_REPORT_TOWNSHIP_ONLY');
    });
  });

  it('counts the month’s quota per township by the Shanghai month of first submission', async () => {
    // September 2026, by hand: 马踏镇 submits A (adopted at city), B (adopted at county), C (returned),
    // D (withdrawn: not counted) and E at 00:30 on 1 October Shanghai time (October's); 竹园镇 submits F.
    t.clock.set('2026-09-10T02:00:00.000Z');
    const a = await submitted(center, { title: 'A' });
    const b = await submitted(center, { title: 'B' });
    const c = await submitted(center, { title: 'C' });
    const d = await submitted(center, { title: 'D' });
    const f = await submitted(zhuyuan, { title: 'F' });
    await act(county, a.id, 'adopt', { version: a.version, level: 'city' });
    await act(county, b.id, 'adopt', { version: b.version, level: 'county' });
    await act(county, c.id, 'return', { version: c.version, note: '再改改' });
    await act(center, d.id, 'withdraw', { version: d.version });
    t.clock.set('2026-09-30T16:30:00.000Z');
    await submitted(center, { title: 'E' });
    // C resubmitted in October still counts for September, where the county returned it; D,
    // withdrawn before the county looked at it, counts for October when it is submitted again.
    const revisedC = (await center({ method: 'GET', url: `/api/info-reports/${c.id}` })).json() as Report;
    await act(center, c.id, 'submit', { version: revisedC.version });
    const withdrawnD = (await center({ method: 'GET', url: `/api/info-reports/${d.id}` })).json() as Report;
    expect(withdrawnD.firstSubmittedAt).toBeNull();
    const resubmittedD = (await act(center, d.id, 'submit', { version: withdrawnD.version })).json() as Report;
    expect(resubmittedD.firstSubmittedAt).toBe('2026-09-30T16:30:00.000Z');
    // C withdrawn after its return and submitted again keeps September.
    const c2 = (await center({ method: 'GET', url: `/api/info-reports/${c.id}` })).json() as Report;
    const c3 = (await act(center, c.id, 'withdraw', { version: c2.version })).json() as Report;
    expect(c3.firstSubmittedAt).toBe(c.firstSubmittedAt);
    await act(center, c.id, 'submit', { version: c3.version });
    t.clock.set('2026-11-24T01:00:00.000Z');

    const september = (await county({ method: 'GET', url: '/api/info-reports/quota?month=2026-09' })).json();
    expect(september).toMatchObject({ month: '2026-09', quota: 1, submitted: 4, adopted: 2, adoptionRate: 50, belowQuota: 0 });
    expect(september.townships).toEqual([
      { townshipId: expect.any(String), townshipName: '马踏镇', path: '/511124/511124101/', submitted: 3, adopted: 2, quota: 1, met: true, adoptionRate: 67 },
      { townshipId: expect.any(String), townshipName: '竹园镇', path: '/511124/511124102/', submitted: 1, adopted: 0, quota: 1, met: true, adoptionRate: 0 },
    ]);
    const october = (await county({ method: 'GET', url: '/api/info-reports/quota?month=2026-10' })).json();
    expect(october.townships.map((row: { submitted: number; met: boolean }) => [row.submitted, row.met])).toEqual([[2, true], [0, false]]);
    expect(october.belowQuota).toBe(1);

    // The county raises the quota to 2: 竹园镇 falls below it in September.
    expect((await county({ method: 'GET', url: '/api/settings/info-reports' })).json().monthlyQuota).toBe(1);
    expect((await center({ method: 'PUT', url: '/api/settings/info-reports', payload: { monthlyQuota: 2 } })).statusCode).toBe(403);
    expect((await county({ method: 'PUT', url: '/api/settings/info-reports', payload: { monthlyQuota: 0 } })).statusCode).toBe(400);
    const set = await county({ method: 'PUT', url: '/api/settings/info-reports', payload: { monthlyQuota: 2 } });
    expect(set.json()).toMatchObject({ monthlyQuota: 2, updatedBy: { name: '测试用户 ir_county' } });
    const raised = (await county({ method: 'GET', url: '/api/info-reports/quota?month=2026-09' })).json();
    expect(raised.townships.map((row: { met: boolean }) => row.met)).toEqual([true, false]);
    // A township sees its own row only.
    const own = (await zhuyuan({ method: 'GET', url: '/api/info-reports/quota?month=2026-09' })).json();
    expect(own.townships.map((row: { townshipName: string }) => row.townshipName)).toEqual(['竹园镇']);
    await county({ method: 'PUT', url: '/api/settings/info-reports', payload: { monthlyQuota: 1 } });

    // The month's list and workbook hold the same reports.
    const listed = (await county({ method: 'GET', url: '/api/info-reports?month=2026-09&limit=200' })).json().items as Report[];
    expect(listed.map((item) => item.title).sort()).toEqual(['A', 'B', 'C', 'F']);
    const city = (await county({ method: 'GET', url: '/api/info-reports?level=city&month=2026-09' })).json().items as Report[];
    expect(city.map((item) => item.id)).toEqual([a.id]);
    const workbook = await county({ method: 'GET', url: '/api/info-reports/export.xlsx?month=2026-09' });
    expect(workbook.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(5);
    const titles: string[] = [];
    sheet.eachRow((row, index) => index > 1 && titles.push(String(row.getCell(3).value)));
    expect(titles.sort()).toEqual(['A', 'B', 'C', 'F']);
    expect(book.worksheets[1]!.getRow(2).values).toContain('马踏镇');
    void f;
  });

  it('pages the list by keyset without repeats, and refuses a township outside the scope', async () => {
    const all = (await center({ method: 'GET', url: '/api/info-reports?limit=200' })).json().items as Report[];
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await center({ method: 'GET', url: `/api/info-reports?limit=3${cursor ? `&cursor=${cursor}` : ''}` })).json() as { items: Report[]; nextCursor: string | null };
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((item) => item.id));
    expect(new Set(seen).size).toBe(seen.length);
    const zhuyuanId = (await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', '/511124/511124102/').executeTakeFirstOrThrow()).id;
    expect((await center({ method: 'GET', url: `/api/info-reports?townshipId=${zhuyuanId}` })).statusCode).toBe(404);
    const drafts = (await center({ method: 'GET', url: '/api/info-reports?status=draft&limit=200' })).json().items as Report[];
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((item) => item.status === 'draft')).toBe(true);
    expect((await county({ method: 'GET', url: '/api/info-reports?status=draft' })).json().items).toEqual([]);
  });
});
