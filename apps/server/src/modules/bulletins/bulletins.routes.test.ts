// "Periodic bulletins; villages and departments that repeatedly get yellow or red cards are
// criticised": the county writes November's bulletin on demand and every reader opens the Word
// file (title, the four numbered sections, the criticised units by name) and the workbook (cells);
// the scheduled job writes last month's once however often it runs; a village reads but cannot
// write; bad periods name the field; the leader dashboard reads the same month.
import fs from 'node:fs';
import path from 'node:path';
import { Cron } from 'croner';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@gridwork/core';
import { aDepartment, anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { createAttachmentStore } from '../../platform/attachments.js';
import { loadConfig } from '../../platform/config.js';
import { createIndicatorsService } from '../assessment/indicators.service.js';
import { createScoresService } from '../assessment/scores.service.js';
import * as events from '../events/events.repo.js';
import { SYSTEM_ACTOR } from '../accounts/accounts.service.js';
import { createBulletinsService, previousMonth } from './bulletins.service.js';

type Call = ReturnType<typeof as>;

const MATA = '/511124/511124101/511124101001/';
const ZHUYUAN = '/511124/511124102/511124102001/';

async function documentXml(bytes: Buffer): Promise<{ document: string; fonts: string }> {
  const zip = await JSZip.loadAsync(bytes);
  return { document: (await zip.file('word/document.xml')?.async('string')) ?? '', fonts: (await zip.file('word/fontTable.xml')?.async('string')) ?? '' };
}

/** The visible text of word/document.xml, paragraph by paragraph. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => [...match[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((text) => text[1]).join(''));
}

describe('the previous Shanghai month', () => {
  it('is October on the 1st of November at 07:59 Shanghai, and December of last year in January', () => {
    expect(previousMonth('2026-10-31T23:59:00.000Z')).toBe('2026-10');
    expect(previousMonth('2026-10-31T15:59:00.000Z')).toBe('2026-09');
    expect(previousMonth('2027-01-01T00:00:00.000Z')).toBe('2026-12');
  });
});

describe('the schedule of the monthly bulletin', () => {
  it('fires by default on the 1st of the month at 08:00 Shanghai, and can be turned off', () => {
    const job = new Cron(loadConfig({}, '/tmp').bulletinCron, { timezone: 'Asia/Shanghai', paused: true });
    const next = job.nextRun(new Date('2026-11-24T00:00:00.000Z'));
    job.stop();
    expect(next?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(loadConfig({ GRIDWORK_BULLETIN_CRON: '' }, '/tmp').bulletinCron).toBe('');
    expect(() => loadConfig({ GRIDWORK_BULLETIN_CRON: 'monthly' }, '/tmp')).toThrow(/GRIDWORK_BULLETIN_CRON/);
  });
});

describeEachDialect('bulletins', (dialect) => {
  let t: TestApp;
  let county: Call;
  let village: Call;
  let leader: Call;
  let deptLeader: Call;
  let policeId: string;

  const bulletinCount = async (kind?: string) => {
    let query = t.ctx.db.kysely.selectFrom('bulletin').select((eb) => eb.fn.countAll<number>().as('n'));
    if (kind) query = query.where('kind', '=', kind as 'monthly');
    return Number((await query.executeTakeFirstOrThrow()).n);
  };

  /** An event of 2026-11 in a village (closed or not) holding the given cards, each for a step of its own. */
  async function anEventWithCards(path: string, cards: readonly ('yellow' | 'red')[], options: { departmentId?: string; closed?: boolean } = {}) {
    const category = await t.ctx.db.kysely.selectFrom('event_category').select('code').orderBy('code').limit(1).executeTakeFirstOrThrow();
    const id = newId();
    const at = '2026-11-05T02:00:00.000Z';
    await events.insertEvent(t.ctx.db.kysely, {
      id, client_key: `bulletin-${id}`, client_owner: '-', request_hash: '-', title: '通报测试事件', description: '', category_code: category.code,
      status: options.closed ? 'closed' : 'dispatched', source: 'grid_worker', path, grid_id: null, lon: null, lat: null, address: null,
      reporter_account_id: null, caller_name: null, contact_sealed: null, lead_department_id: options.departmentId ?? null, duplicate_of_id: null,
      escalated_at: null, step: null, step_seq: 1, step_started_at: null, step_deadline: null, next_card_at: null, remind_at: null,
      reported_at: at, updated_at: at, closed_at: options.closed ? '2026-11-06T02:00:00.000Z' : null,
    });
    let seq = 0;
    for (const level of cards) {
      seq += 1;
      await events.insertCardOnce(t.ctx.db.kysely, {
        id: newId(), event_id: id, step_seq: seq, step: options.departmentId ? 'handle' : 'verify', level, department_id: options.departmentId ?? null,
        unit_path: options.departmentId ? '/511124/511124101/' : path, deadline: at, issued_at: '2026-11-10T02:00:00.000Z', month: '2026-11',
      });
    }
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    policeId = await aDepartment(t.ctx, '马踏派出所', '/511124/511124101/');
    await aDepartment(t.ctx, '竹园司法所', '/511124/511124102/');
    await anAccount(t.ctx, { username: 'bl_county', role: 'county_admin', orgPath: '/511124/' });
    await anAccount(t.ctx, { username: 'bl_village', role: 'village_admin', orgPath: MATA });
    await anAccount(t.ctx, { username: 'bl_leader', role: 'leader', orgPath: '/511124/' });
    await anAccount(t.ctx, { username: 'bl_dept', role: 'dept_leader', orgPath: '/511124/511124101/', departmentId: policeId });
    const worker = await anAccount(t.ctx, { username: 'bl_worker', role: 'grid_worker_fulltime', orgPath: MATA });
    const center = await anAccount(t.ctx, { username: 'bl_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    // 马踏村: four yellow cards in November (criticised); 竹园村: two (not); 马踏派出所: one red (criticised).
    await anEventWithCards(MATA, ['yellow', 'yellow'], { closed: true });
    await anEventWithCards(MATA, ['yellow', 'yellow']);
    await anEventWithCards(ZHUYUAN, ['yellow', 'yellow']);
    await anEventWithCards(MATA, ['red'], { departmentId: policeId });
    const township = await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', '/511124/511124101/').executeTakeFirstOrThrow();
    const adoptedAt = '2026-11-12T03:00:00.000Z';
    const reportId = newId();
    await t.ctx.db.kysely
      .insertInto('info_report')
      .values({
        id: reportId, client_key: `bulletin-${reportId}`, request_hash: '-', township_id: township.id, path: '/511124/511124101/', title: '马踏村网格员夜巡化解纠纷', body: '正文',
        category: 'experience', subject_account_id: worker.id, status: 'adopted', level: 'city', submitted_at: adoptedAt, first_submitted_at: adoptedAt,
        first_submitted_month: '2026-11', adopted_at: adoptedAt, returned_note: null, author_id: center.id, version: 1, created_at: adoptedAt, updated_at: adoptedAt,
      })
      .execute();
    county = as(t.app, await signInCookie(t.app, 'bl_county'));
    village = as(t.app, await signInCookie(t.app, 'bl_village'));
    leader = as(t.app, await signInCookie(t.app, 'bl_leader'));
    deptLeader = as(t.app, await signInCookie(t.app, 'bl_dept'));
  }, 60_000);
  afterAll(async () => t.close());

  it('the county writes November’s bulletin on demand: a Word file with the title, the four sections and the criticised units, and a workbook', async () => {
    const created = await county({ method: 'POST', url: '/api/bulletins', payload: { period: '2026-11' } });
    expect(created.statusCode, created.body).toBe(201);
    const bulletin = created.json();
    expect(bulletin).toMatchObject({ period: '2026-11', kind: 'on_demand', title: '关于2026年11月全县网格化服务管理工作考核情况的通报', createdByName: '测试用户 bl_county' });
    expect(bulletin.figures.overview).toMatchObject({ eventsReported: 4, eventsClosed: 1, closureRate: 0.25, yellowCards: 6, redCards: 1, reportsAdopted: 1, villages: 2, departments: 2 });
    expect(bulletin.figures.criticised).toEqual([
      { unitKind: 'village', unitName: '马踏村', parentName: '马踏镇', yellowCards: 4, redCards: 0 },
      { unitKind: 'department', unitName: '马踏派出所', parentName: '马踏镇', yellowCards: 0, redCards: 1 },
    ]);
    expect(bulletin.figures.exemplaryWorkers).toEqual([{ name: '测试用户 bl_worker', villageName: '马踏村', reports: 1 }]);

    const docx = await county({ method: 'GET', url: bulletin.docx.url });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(String(docx.headers['content-disposition'])).toContain(encodeURIComponent('2026年11月网格化服务管理工作考核通报.docx'));
    const { document, fonts } = await documentXml(docx.rawPayload);
    const text = paragraphs(document);
    expect(text[0]).toBe('关于2026年11月全县网格化服务管理工作考核情况的通报');
    const headings = text.filter((line) => /^[一二三四]、/.test(line));
    expect(headings).toEqual(['一、总体情况', '二、考核排名', '三、通报批评', '四、好的做法']);
    const criticism = text.find((line) => line.includes('予以通报批评')) ?? '';
    expect(criticism).toContain('马踏村');
    expect(criticism).toContain('马踏派出所');
    expect(criticism).not.toContain('竹园村');
    expect(text.some((line) => line.includes('《马踏村网格员夜巡化解纠纷》'))).toBe(true);
    expect(text).toContain('井研县网格化服务管理中心');
    expect(text).toContain('2026年11月24日');
    // GB/T 9704: A4, margins 37/35/28/26 mm; 三号 仿宋_GB2312 at 28.9 pt; the title font falls back to 黑体.
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(document).toContain('w:eastAsia="仿宋_GB2312"');
    expect(document).toMatch(/<w:spacing [^>]*w:line="578" w:lineRule="exact"/);
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="黑体"/>');

    const xlsx = await county({ method: 'GET', url: bulletin.xlsx.url });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['总体情况', '村（社区）排名', '职能部门排名', '通报批评', '信息采用']);
    const criticised = workbook.getWorksheet('通报批评');
    expect(criticised?.getRow(2).values).toEqual([undefined, '马踏村', '村（社区）', '马踏镇', 4, 0]);
    expect(criticised?.getRow(3).values).toEqual([undefined, '马踏派出所', '职能部门', '马踏镇', 0, 1]);
    expect(workbook.getWorksheet('总体情况')?.getCell('B4').value).toBe(4);
    const villages = workbook.getWorksheet('村（社区）排名');
    expect(villages?.getCell('A1').value).toBe('名次');
    expect([villages?.getCell('B2').value, villages?.getCell('B3').value].sort()).toEqual(['竹园村', '马踏村']);
    expect(workbook.getWorksheet('信息采用')?.getRow(2).values).toEqual([undefined, '马踏镇', '马踏村网格员夜巡化解纠纷', '经验做法', '市级采用', '2026-11-12', '测试用户 bl_worker']);
  });

  it('every reader lists, opens and downloads bulletins; only the county writes them (a village admin is refused 403)', async () => {
    const refused = await village({ method: 'POST', url: '/api/bulletins', payload: { period: '2026-11' } });
    expect(refused.statusCode).toBe(403);
    for (const reader of [village, leader, deptLeader]) {
      const listed = await reader({ method: 'GET', url: '/api/bulletins' });
      expect(listed.statusCode).toBe(200);
      const [first] = listed.json().items;
      expect(first).toMatchObject({ period: '2026-11', kind: 'on_demand' });
      expect((await reader({ method: 'GET', url: `/api/bulletins/${first.id}` })).json().figures.criticised).toHaveLength(2);
      expect((await reader({ method: 'GET', url: first.xlsx.url })).statusCode).toBe(200);
      // The files are attachments too: a reader of bulletins may open them there.
      const row = await t.ctx.db.kysely.selectFrom('bulletin').select('docx_attachment_id').where('id', '=', first.id).executeTakeFirstOrThrow();
      expect((await reader({ method: 'GET', url: `/api/attachments/${row.docx_attachment_id}` })).statusCode).toBe(200);
    }
    expect((await leader({ method: 'GET', url: `/api/bulletins/${newId()}` })).statusCode).toBe(404);
    expect((await leader({ method: 'GET', url: `/api/bulletins/${newId()}/docx` })).statusCode).toBe(404);
  });

  describe('bad input', () => {
    const refused = async (payload: Record<string, unknown>, status: number, code: string) => {
      const before = await bulletinCount();
      const zh = await county({ method: 'POST', url: '/api/bulletins', payload });
      const en = await county({ method: 'POST', url: '/api/bulletins', payload, headers: { 'accept-language': 'en-US' } });
      expect({ zh: zh.statusCode, en: en.statusCode }).toEqual({ zh: status, en: status });
      expect(zh.json().error.code).toBe(code);
      expect(zh.json().error.message).toMatch(/[\u4e00-\u9fff]/u);
      expect(en.json().error.message).not.toMatch(/[\u4e00-\u9fff]/u);
      expect(JSON.stringify(zh.json().error)).toContain('period');
      expect(JSON.stringify(en.json().error)).toContain('period');
      expect(await bulletinCount()).toBe(before);
    };

    it('a period that is not a month or a year, or none, fails validation naming period', async () => {
      await refused({ period: '2026-13' }, 400, 'VALIDATION_FAILED');
      await refused({ period: '11/2026' }, 400, 'VALIDATION_FAILED');
      await refused({}, 400, 'VALIDATION_FAILED');
    });

    it('a month that has not begun answers 422 naming period, and nothing is written', async () => {
      await refused({ period: '2026-12' }, 422, 'BULLETIN_PERIOD_IN_FUTURE');
      await refused({ period: '2027' }, 422, 'BULLETIN_PERIOD_IN_FUTURE');
    });

    it('the leader dashboard refuses a year or a malformed month naming period', async () => {
      for (const period of ['2026', '2026-1', '']) {
        const response = await leader({ method: 'GET', url: `/api/assessment/leader-dashboard?period=${period}`, headers: { 'accept-language': 'en-US' } });
        expect(response.statusCode).toBe(400);
        expect(JSON.stringify(response.json().error)).toContain('period');
      }
    });
  });

  it('the scheduled job writes last month’s bulletin once: two runs at once and a third later make one', async () => {
    const service = () => createBulletinsService(t.ctx, createScoresService(t.ctx, createIndicatorsService(t.ctx)), createAttachmentStore(t.ctx.config.dataDir));
    const [one, two] = await Promise.all([service().runMonthly('2026-12-01T00:00:00.000Z'), service().runMonthly('2026-12-01T00:00:05.000Z')]);
    expect([one.outcome, two.outcome].sort()).toEqual(['done_already', 'written']);
    expect(one.id).toBe(two.id);
    const third = await service().runMonthly('2026-12-01T06:00:00.000Z');
    expect(third).toEqual({ period: '2026-11', outcome: 'done_already', id: one.id });
    expect(await bulletinCount('monthly')).toBe(1);
    const monthly = (await leader({ method: 'GET', url: '/api/bulletins?period=2026-11' })).json().items.filter((item: { kind: string }) => item.kind === 'monthly');
    expect(monthly).toHaveLength(1);
    expect(monthly[0]).toMatchObject({ createdByName: null, title: '关于2026年11月全县网格化服务管理工作考核情况的通报' });
    const audit = await t.ctx.db.kysely.selectFrom('audit_log').select(['actor_username', 'object_id']).where('action', '=', 'bulletin.generated').where('object_id', '=', one.id ?? '').execute();
    expect(audit).toEqual([{ actor_username: 'system', object_id: one.id }]);
    // Every file in the store is an attachment row's: the run that lost the race stored nothing.
    const root = path.join(t.ctx.config.dataDir, 'attachments');
    const stored = fs.readdirSync(root).flatMap((folder) => fs.readdirSync(path.join(root, folder))).sort();
    const rows = await t.ctx.db.kysely.selectFrom('attachment').select('sha256').distinct().execute();
    expect(stored).toEqual(rows.map((row) => row.sha256).sort());
  }, 60_000);

  it('a generation that fails at the end leaves nothing behind: no bulletin, no attachment row', async () => {
    const count = async (table: 'bulletin' | 'attachment') => Number((await t.ctx.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = { bulletins: await count('bulletin'), attachments: await count('attachment') };
    // The audit entry is the transaction's last write: when it fails, the files' rows and the bulletin go too.
    const failing = { ...t.ctx, audit: { ...t.ctx.audit, append: async () => Promise.reject(new Error('audit trail unavailable')) } };
    const service = createBulletinsService(failing, createScoresService(t.ctx, createIndicatorsService(t.ctx)), createAttachmentStore(t.ctx.config.dataDir));
    await expect(service.write('2026-11', 'on_demand', SYSTEM_ACTOR, null)).rejects.toThrow('audit trail unavailable');
    expect({ bulletins: await count('bulletin'), attachments: await count('attachment') }).toEqual(before);
  }, 60_000);

  it('the leader dashboard shows November: totals, cards per township, a 12-month trend and the latest bulletins', async () => {
    const response = await leader({ method: 'GET', url: '/api/assessment/leader-dashboard?period=2026-11' });
    expect(response.statusCode, response.body).toBe(200);
    const dashboard = response.json();
    expect(dashboard.overview).toMatchObject({ eventsReported: 4, yellowCards: 6, redCards: 1 });
    expect(dashboard.cardsByTownship).toEqual([
      { townshipName: '马踏镇', yellowCards: 4, redCards: 1 },
      { townshipName: '竹园镇', yellowCards: 2, redCards: 0 },
    ]);
    expect(dashboard.trend).toHaveLength(12);
    expect(dashboard.trend[0].period).toBe('2025-12');
    expect(dashboard.trend[11].period).toBe('2026-11');
    expect(dashboard.bulletins.length).toBeGreaterThan(0);
    // A village admin sees his own village only: the cards of 马踏镇's villages are not his.
    const own = (await village({ method: 'GET', url: '/api/assessment/leader-dashboard?period=2026-11' })).json();
    expect(own.cardsByTownship).toEqual([]);
    expect(own.overview).toMatchObject({ eventsReported: 3, yellowCards: 4, redCards: 0 });
    expect(own.villages.top.map((line: { unitName: string }) => line.unitName).filter((name: string) => name !== '马踏村')).toEqual([]);
  }, 60_000);

  it('the leader dashboard shows a department leader his department only: no village, no other department, his cards and events', async () => {
    const response = await deptLeader({ method: 'GET', url: '/api/assessment/leader-dashboard?period=2026-11' });
    expect(response.statusCode, response.body).toBe(200);
    const dashboard = response.json();
    // He sits in 马踏镇, whose villages hold 4 yellow cards and 3 events: none of them is his department's.
    expect(dashboard.villages).toMatchObject({ ranked: 0, tooFew: 0, top: [], bottom: [] });
    const departments = [...dashboard.departments.top, ...dashboard.departments.bottom].map((line: { unitName: string }) => line.unitName);
    expect(departments.every((name: string) => name === '马踏派出所')).toBe(true);
    expect(dashboard.departments.ranked + dashboard.departments.tooFew).toBe(1);
    expect(dashboard.overview).toMatchObject({ eventsReported: 1, yellowCards: 0, redCards: 1, reportsSubmitted: 0, reportsAdopted: 0, villages: 0, departments: 1 });
    expect(dashboard.cardsByTownship).toEqual([{ townshipName: '马踏镇', yellowCards: 0, redCards: 1 }]);
    expect(dashboard.surveys.townships).toEqual([]);
    expect(dashboard.trend.every((point: { villageAverage: number | null }) => point.villageAverage === null)).toBe(true);
  }, 60_000);

  it('opening the dashboard stores no score of the months of its trend: it reads the stored ones', async () => {
    await leader({ method: 'GET', url: '/api/assessment/leader-dashboard?period=2026-11' });
    const periods = await t.ctx.db.kysely.selectFrom('score_result').select('period').distinct().execute();
    // November was scored (the bulletins and the month shown); the eleven months before it were not.
    expect(periods.map((row) => row.period)).toEqual(['2026-11']);
    const dashboard = (await leader({ method: 'GET', url: '/api/assessment/leader-dashboard?period=2026-11' })).json();
    expect(dashboard.trend.slice(0, 11).every((point: { villageAverage: number | null; departmentAverage: number | null }) => point.villageAverage === null && point.departmentAverage === null)).toBe(true);
  }, 60_000);
});
