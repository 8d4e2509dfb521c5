// Households, houses, organisations, places and facilities come from Excel too: each kind has its
// template, imports as a background job (rows refused with their reasons, a second import changing
// nothing), and exports as a workbook that imports back unchanged.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '@gridwork/core';
import { anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, importAndWait, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

type Call = ReturnType<typeof as>;

const code = (first17: string) => first17 + creditCodeCheckCharacter(first17);
const GOOD_CODE = code('91511124MA62ABCDE');
const OTHER_CODE = code('92511124MA6XYW123');
const BAD_CODE = GOOD_CODE.slice(0, 17) + (GOOD_CODE.endsWith('0') ? '1' : '0');

async function workbookOf(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function rowsOf(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((value) => (value === null || value === undefined ? '' : String(value)))));
  return rows;
}

describeEachDialect('importing and exporting households, houses, organisations, places and facilities', (dialect) => {
  let t: TestApp;
  let center: Call;
  let otherCenter: Call;
  let leader: Call;

  const importFile = (call: Call, kind: string, body: string | Buffer, fileName = '导入.csv', extra = '') => importAndWait(call, kind, body, fileName, extra);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    await anAccount(t.ctx, { username: 'ri_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    await anAccount(t.ctx, { username: 'ri_zy', role: 'center_operator', orgPath: '/511124/511124102/' });
    await anAccount(t.ctx, { username: 'ri_leader', role: 'leader', orgPath: '/511124/' });
    center = as(t.app, await signInCookie(t.app, 'ri_center'));
    otherCenter = as(t.app, await signInCookie(t.app, 'ri_zy'));
    leader = as(t.app, await signInCookie(t.app, 'ri_leader'));
    for (const [path, call, name] of [
      ['/511124/511124101/511124101001/', center, '一组网格'],
      ['/511124/511124102/511124102001/', otherCenter, '竹园一组'],
    ] as const) {
      const village = await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', path).executeTakeFirstOrThrow();
      expect((await call({ method: 'POST', url: '/api/grids', payload: { villageId: village.id, name } })).statusCode).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it('imports organisations, checking credit codes, and refuses bad rows with every reason', async () => {
    const csv = [
      '组织名称,组织类型,统一社会信用代码,地址,村（社区）,网格,联系电话,法定代表人,从业人数,经度,纬度',
      `马踏农机合作社,企业,${GOOD_CODE.toLowerCase()},马踏村一组 8 号,511124101001,G01,13800001234,张三,12,104.005,29.505`,
      `坏代码商店,个体工商户,${BAD_CODE},马踏村,511124101001,G01,,,-1,,`,
      '无类型,工厂,,马踏村,511124101001,G09,,,,,',
      `别村的,企业,${OTHER_CODE},竹园,511124102001,G01,,,,,`,
    ].join('\n');
    const job = await importFile(center, 'organisation', csv, '组织.csv');
    expect(job).toMatchObject({ kind: 'organisation', status: 'done', rows: 4, inserted: 1, rejected: 3 });
    const found = (await center({ method: 'GET', url: `/api/organisations?key=${GOOD_CODE}` })).json().items;
    expect(found).toEqual([expect.objectContaining({ name: '马踏农机合作社', category: 'enterprise', key: GOOD_CODE, contactPhone: '138****1234', legalRepresentative: '张三', staffCount: 12, lon: 104.005, path: '/511124/511124101/511124101001/G01/' })]);
    const history = (await center({ method: 'GET', url: `/api/organisations/${found[0].id as string}/history` })).json().items;
    expect(history).toEqual([expect.objectContaining({ version: 1, action: 'imported', reason: '导入 组织.csv' })]);

    const rejected = await center({ method: 'GET', url: `/api/imports/${job.id as string}/rejected.xlsx` });
    expect(rejected.statusCode).toBe(200);
    const rows = rowsOf((await workbookOf(rejected.rawPayload)).worksheets[0]!);
    expect(rows[0]).toEqual(expect.arrayContaining(['*组织名称', '统一社会信用代码', '原文件行号', '未导入原因']));
    const reasons = rows.slice(1).map((row) => row.at(-1));
    expect(reasons[0]).toContain('统一社会信用代码：校验码不符');
    expect(reasons[0]).toContain('从业人数：应为不小于 0 的整数');
    expect(reasons[1]).toContain('组织类型：不是下拉列表中的选项');
    // Another township's village is not one of the caller's.
    expect(reasons[2]).toContain('村（社区）：没有这个村（社区），或不在您的管辖范围内');
  });

  it('changes nothing when the same workbook comes again, and updates by key or by grid, name and address', async () => {
    const facilities = ['部件名称,部件类型,部件编号,地址,村（社区）,网格,状态', '村口井盖,井盖,JG-001,村口,马踏村,G01,完好', '一组路灯,路灯,,一组路口,马踏村,G01,'].join('\n');
    expect(await importFile(center, 'facility', facilities)).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect(await importFile(center, 'facility', facilities)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
    const changed = ['部件名称,部件类型,部件编号,地址,村（社区）,网格,状态,状态原因', '村口井盖,井盖,JG-001,村口,马踏村,G01,损坏,', '一组路灯,路灯,,一组路口,马踏村,G01,已拆除,道路拓宽'].join('\n');
    expect(await importFile(center, 'facility', changed)).toMatchObject({ inserted: 0, updated: 2, unchanged: 0, rejected: 0 });
    const lamp = (await center({ method: 'GET', url: `/api/facilities?name=${encodeURIComponent('一组路灯')}` })).json().items[0];
    expect(lamp).toMatchObject({ state: 'removed', stateReason: '道路拓宽', version: 2 });
    const history = (await center({ method: 'GET', url: `/api/facilities/${lamp.id as string}/history` })).json().items;
    expect(history.at(-1)).toMatchObject({ action: 'imported', changes: { state: ['active', 'removed'], stateReason: [null, '道路拓宽'] } });
    // The same key twice in one file, and an ending state without a reason.
    const twice = ['部件名称,部件类型,部件编号,村（社区）,网格,状态', '甲,井盖,JG-009,马踏村,G01,', '乙,井盖,JG-009,马踏村,G01,', '丙,井盖,JG-010,马踏村,G01,已拆除'].join('\n');
    const job = await importFile(center, 'facility', twice);
    expect(job).toMatchObject({ inserted: 1, rejected: 2 });
  });

  it('keeps a key to its own area: another township cannot take or change a record through its key', async () => {
    const csv = ['户名,户类型,户号,村（社区）,网格', '张三户,家庭户,HH-100,马踏村,G01'].join('\n');
    expect(await importFile(center, 'household', csv)).toMatchObject({ inserted: 1 });
    const theirs = ['户名,户类型,户号,村（社区）,网格', '李四户,家庭户,HH-100,511124102001,G01'].join('\n');
    const job = await importFile(otherCenter, 'household', theirs);
    expect(job).toMatchObject({ inserted: 0, updated: 0, rejected: 1 });
    const rows = rowsOf((await workbookOf((await otherCenter({ method: 'GET', url: `/api/imports/${job.id as string}/rejected.xlsx` })).rawPayload)).worksheets[0]!);
    expect(rows[1]?.at(-1)).toBe('户号：该编号已被其他辖区的记录使用');
    const household = (await center({ method: 'GET', url: '/api/households?key=HH-100' })).json().items[0];
    expect(household).toMatchObject({ name: '张三户', version: 1 });
  });

  it('gives a template per kind with its columns, drop-down lists and the caller’s villages and grids', async () => {
    const response = await center({ method: 'GET', url: '/api/places/template.xlsx' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('重点场所信息导入模板.xlsx'));
    const workbook = await workbookOf(response.rawPayload);
    const sheet = workbook.getWorksheet('重点场所')!;
    expect(rowsOf(sheet)[0]).toEqual(['系统编号', '*场所名称', '*场所类型', '地址', '*村（社区）', '*网格', '状态', '状态原因', '联系人', '联系电话', '经度', '纬度']);
    const guide = rowsOf(workbook.getWorksheet('填写说明')!).map((row) => row.join(' '));
    expect(guide.some((line) => line.includes('511124101001') && line.includes('G01'))).toBe(true);
    expect(guide.some((line) => line.includes('511124102001'))).toBe(false);
    const english = await center({ method: 'GET', url: '/api/organisations/template.xlsx', headers: { 'accept-language': 'en-US' } });
    expect(rowsOf((await workbookOf(english.rawPayload)).getWorksheet('Organisations')!)[0]).toContain('Unified social credit code');
  });

  it('exports the filtered list masked, which imports back unchanged; plain phones only with the unmask permission', async () => {
    const csv = ['房屋名称,房屋用途,地址,村（社区）,网格,联系人,联系电话', '一组 3 号,出租屋,马踏村一组 3 号,马踏村,G01,王五,13900001111', '一组 4 号,自住,马踏村一组 4 号,马踏村,G01,赵六,'].join('\n');
    expect(await importFile(center, 'house', csv)).toMatchObject({ inserted: 2 });
    const exported = await center({ method: 'GET', url: '/api/houses/export.xlsx?category=rental' });
    expect(exported.statusCode).toBe(200);
    const rows = rowsOf((await workbookOf(exported.rawPayload)).worksheets[0]!);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(expect.arrayContaining(['一组 3 号', '出租屋', '139****1111', '马踏村一组 3 号']));
    const again = await importFile(center, 'house', exported.rawPayload, '房屋信息.xlsx');
    expect(again).toMatchObject({ status: 'done', rows: 1, inserted: 0, updated: 0, unchanged: 1, rejected: 0 });
    const trail = await t.ctx.db.kysely.selectFrom('audit_log').select(['details']).where('action', '=', 'registry.exported').where('object_type', '=', 'house').execute();
    expect(trail).toHaveLength(1);
    expect(trail[0]?.details).toContain('"plain":false');
    // A leader reads the registry but may not see whole phone numbers; the center may, audited.
    expect((await leader({ method: 'GET', url: '/api/houses/export.xlsx?plain=true' })).statusCode).toBe(403);
    const plain = await center({ method: 'GET', url: '/api/houses/export.xlsx?plain=true&category=rental' });
    expect(rowsOf((await workbookOf(plain.rawPayload)).worksheets[0]!)[1]).toContain('13900001111');
    const plainTrail = await t.ctx.db.kysely.selectFrom('audit_log').select(['details']).where('action', '=', 'registry.exported').where('object_type', '=', 'house').execute();
    expect(plainTrail.map((entry) => entry.details).some((details) => details?.includes('"plain":true'))).toBe(true);
  });

  it('refuses an unknown system number, and one of another township, without saying whose it is', async () => {
    const ours = (await center({ method: 'GET', url: `/api/organisations?key=${GOOD_CODE}` })).json().items[0];
    const csv = ['系统编号,组织名称,组织类型,村（社区）,网格', `${ours.id as string},改名,企业,511124102001,G01`, '01234567-0000-7000-8000-000000000000,某店,企业,511124102001,G01'].join('\n');
    const job = await importFile(otherCenter, 'organisation', csv);
    expect(job).toMatchObject({ inserted: 0, updated: 0, rejected: 2 });
    expect((await center({ method: 'GET', url: `/api/organisations/${ours.id as string}` })).json().name).toBe('马踏农机合作社');
  });

  it('refuses a template, export or import to a caller without the permission, and a bad query with the field', async () => {
    expect((await leader({ method: 'GET', url: '/api/organisations/template.xlsx' })).statusCode).toBe(403);
    expect((await leader({ method: 'POST', url: '/api/imports?kind=house&fileName=x.csv', headers: { 'content-type': 'text/csv' }, payload: 'a\n' })).statusCode).toBe(403);
    const bad = await center({ method: 'GET', url: '/api/facilities/export.xlsx?state=broken', headers: { 'accept-language': 'en-US' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ field: 'querystring.state' })] } });
    const unknownKind = await center({ method: 'POST', url: '/api/imports?kind=pets&fileName=x.csv', headers: { 'content-type': 'text/csv' }, payload: 'a,b\n1,2\n' });
    expect(unknownKind.statusCode).toBe(400);
    const missing = await importFile(center, 'place', '地址,网格\n某地,G01\n');
    expect(missing).toMatchObject({ status: 'failed', error: { code: 'IMPORT_COLUMNS_MISSING' } });
    expect(missing.error.message).toContain('场所名称');
  });
});
