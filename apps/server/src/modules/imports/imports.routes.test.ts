// Township offices keep their people in Excel: the registry takes the workbook in (CSV in UTF-8 or
// GB18030, or .xlsx), lands the good rows, refuses the bad ones with row, column and reason, changes
// nothing on a second import, and gives the list back as a workbook that imports again.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '@gridwork/core';
import { anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, importAndWait, signInCookie, startImport } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

type Call = ReturnType<typeof as>;

const HEADER = '姓名,证件类型,证件号码,性别,联系电话,现住址,人口类型,人员标签,村（社区）,网格';
const ZHANG = '张三,居民身份证,511124198001010010,男,13800001234,马踏村一组 1 号,户籍人口,残疾人,511124101001,G01';
const LI = '李四,,511124198001010029,,,马踏村一组 2 号,流动人口,,511124101001,G01';
const WANG = '王五,护照,E12345678,男,,,境外人员,,511124101001,g1';

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

describeEachDialect('importing and exporting people', (dialect) => {
  let t: TestApp;
  let center: Call;
  let otherCenter: Call;
  let leader: Call;

  const upload = (call: Call, body: string | Buffer, fileName: string, extra = '') => startImport(call, 'person', body, fileName, extra);
  const importFile = (call: Call, body: string | Buffer, fileName = '人员.csv', extra = '') => importAndWait(call, 'person', body, fileName, extra);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    await anAccount(t.ctx, { username: 'im_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    await anAccount(t.ctx, { username: 'im_zy', role: 'center_operator', orgPath: '/511124/511124102/' });
    await anAccount(t.ctx, { username: 'im_leader', role: 'leader', orgPath: '/511124/' });
    center = as(t.app, await signInCookie(t.app, 'im_center'));
    otherCenter = as(t.app, await signInCookie(t.app, 'im_zy'));
    leader = as(t.app, await signInCookie(t.app, 'im_leader'));
    for (const [path, call, name] of [
      ['/511124/511124101/511124101001/', center, '一组网格'],
      ['/511124/511124102/511124102001/', otherCenter, '竹园一组'],
    ] as const) {
      const village = await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', path).executeTakeFirstOrThrow();
      expect((await call({ method: 'POST', url: '/api/grids', payload: { villageId: village.id, name } })).statusCode).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it('imports a UTF-8 CSV, placing each person in the named village and grid, documents sealed and masked', async () => {
    const job = await importFile(center, `\uFEFF${HEADER}\n${ZHANG}\n${LI}\n${WANG}\n`);
    expect(job).toMatchObject({ status: 'done', percent: 100, rows: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0, error: null });
    const found = (await center({ method: 'GET', url: '/api/persons?idNumber=511124198001010010' })).json().items;
    expect(found).toEqual([expect.objectContaining({ name: '张三', idNumber: '511124********0010', phone: '138****1234', gender: 'male', birthDate: '1980-01-01', tags: ['disabled'], path: '/511124/511124101/511124101001/G01/' })]);
    const history = (await center({ method: 'GET', url: `/api/persons/${found[0].id}/history` })).json().items;
    expect(history).toEqual([expect.objectContaining({ version: 1, action: 'imported', reason: '导入 人员.csv' })]);
    const trail = await t.ctx.db.kysely.selectFrom('audit_log').select(['actor_username', 'details', 'outcome']).where('action', '=', 'registry.imported').execute();
    expect(trail.map((row) => [row.actor_username, row.outcome, JSON.parse(row.details).inserted])).toEqual([['im_center', 'ok', 3]]);
  });

  it('makes an imported person with a tag due for visits at once, as one registered by hand would be', async () => {
    await anAccount(t.ctx, { username: 'im_county', role: 'county_admin', orgPath: '/511124/' });
    const county = as(t.app, await signInCookie(t.app, 'im_county'));
    const plan = await county({ method: 'POST', url: '/api/follow-up-plans', payload: { name: '残疾人 每月', subject: { kind: 'tag', tag: 'disabled' }, intervalsDays: [30] } });
    expect(plan.statusCode).toBe(201);
    const before = (await center({ method: 'GET', url: '/api/visits/due?status=all' })).json().items as { personName: string }[];
    expect(before.map((item) => item.personName)).not.toContain('赵六');
    const first17 = '51112419700202003';
    const zhao = `赵六,居民身份证,${first17}${idNumberCheckCharacter(first17)},男,,马踏村一组 6 号,户籍人口,残疾人,511124101001,G01`;
    expect(await importFile(center, `${HEADER}\n${zhao}\n`)).toMatchObject({ status: 'done', inserted: 1 });
    const after = (await center({ method: 'GET', url: '/api/visits/due?status=all' })).json().items as { personName: string; subjectLabel: string }[];
    expect(after).toContainEqual(expect.objectContaining({ personName: '赵六', subjectLabel: '残疾人 每月' }));
  });

  it('changes nothing when the same file is imported again, and updates only what changed', async () => {
    const again = await importFile(center, `${HEADER}\n${ZHANG}\n${LI}\n${WANG}\n`);
    expect(again).toMatchObject({ status: 'done', inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
    const moved = await importFile(center, `${HEADER}\n${ZHANG.replace('马踏村一组 1 号', '马踏村一组 9 号')}\n${LI}\n`);
    expect(moved).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    const zhang = (await center({ method: 'GET', url: '/api/persons?idNumber=511124198001010010' })).json().items[0];
    const history = (await center({ method: 'GET', url: `/api/persons/${zhang.id}/history` })).json().items;
    expect(history.at(-1)).toMatchObject({ version: 2, action: 'imported', changes: { address: ['马踏村一组 1 号', '马踏村一组 9 号'] } });
  });

  it('lands the good rows of a mixed file and refuses the bad ones with row, column and reason, as a workbook', async () => {
    const rows = [
      HEADER,
      '赵六,,511124195212300049,女,,,户籍人口,独居老人,511124101001,G01',
      '钱七,,511124198001010011,男,12345,,户籍人口,,511124101001,G01',
      '孙八,,51112420150615003X,男,,,常住,,511124101001,G01',
      '周九,,511124195212300049,,,,户籍人口,,511124101001,G01',
      '吴十,,11010519491231002X,,,,户籍人口,,511124102001,G01',
      '郑一,,110105194912310038,,,,户籍人口,,511124101001,G09',
    ];
    const job = await importFile(center, rows.join('\r\n'), '混合.csv');
    expect(job).toMatchObject({ status: 'done', rows: 6, inserted: 1, rejected: 5 });
    const download = await center({ method: 'GET', url: `/api/imports/${job.id}/rejected.xlsx` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('混合-未导入的行.xlsx'));
    const table = rowsOf((await workbookOf(download.rawPayload)).worksheets[0]!);
    expect(table[0]?.slice(-2)).toEqual(['原文件行号', '未导入原因']);
    expect(table.slice(1).map((row) => [row[0], row.at(-2), row.at(-1)])).toEqual([
      ['钱七', '3', '证件号码：校验码不符，请核对每一位；联系电话：手机号码应为 11 位'],
      ['孙八', '4', '人口类型：不是下拉列表中的选项'],
      ['周九', '5', '证件号码：本文件中已有相同证件号码的行'],
      ['吴十', '6', '村（社区）：没有这个村（社区），或不在您的管辖范围内'],
      ['郑一', '7', '网格：该村（社区）没有这个网格'],
    ]);
    expect((await center({ method: 'GET', url: `/api/persons?name=${encodeURIComponent('钱七')}` })).json().items).toEqual([]);
  });


  it('reads a long file a chunk at a time: a document given again rows later is refused, the rest land once', async () => {
    // 2 600 rows: more than one chunk of rows is read and written within the batch.
    const documentOf = (i: number) => {
      const first17 = `511124${1960 + Math.floor(i / 336)}${String(1 + Math.floor((i % 336) / 28)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}021`;
      return `${first17}${idNumberCheckCharacter(first17)}`;
    };
    // Every 400th is disabled: due for visits under the plan made above, whichever chunk they came in.
    const lines = Array.from({ length: 2600 }, (_, i) => `长${i},,${documentOf(i)},,,,户籍人口,${i % 400 === 0 ? '残疾人' : ''},511124101001,G01`);
    lines[2400] = `又一人,,${documentOf(1)},,,,户籍人口,,511124101001,G01`;
    lines[2500] = `错行,,${documentOf(2500)},,,,常住,,511124101001,G01`;
    const job = await importFile(center, [HEADER, ...lines].join('\n'), '长表.csv');
    expect(job).toMatchObject({ status: 'done', percent: 100, rows: 2600, inserted: 2598, rejected: 2 });
    const table = rowsOf((await workbookOf((await center({ method: 'GET', url: `/api/imports/${job.id}/rejected.xlsx` })).rawPayload)).worksheets[0]!);
    expect(table.slice(1).map((row) => [row[0], row.at(-2), row.at(-1)])).toEqual([
      ['又一人', '2402', '证件号码：本文件中已有相同证件号码的行'],
      ['错行', '2502', '人口类型：不是下拉列表中的选项'],
    ]);
    const scheduled = await t.ctx.db.kysely
      .selectFrom('visit_schedule')
      .innerJoin('person', 'person.id', 'visit_schedule.person_id')
      .select('person.name')
      .where('person.name', 'like', '长%')
      .where('visit_schedule.ended_at', 'is', null)
      .execute();
    expect(scheduled.map((row) => row.name).sort()).toEqual(['长0', '长1200', '长1600', '长2000', '长400', '长800']);
    const again = await importFile(center, [HEADER, ...lines].join('\n'), '长表.csv');
    expect(again).toMatchObject({ status: 'done', inserted: 0, unchanged: 2598, rejected: 2 });
  });
  it('reads a GB18030 CSV as Excel on a Chinese PC saves it, with full-width digits', async () => {
    const text = `${HEADER}\n冯二,,５１１１２４１９９００２０３００１８,,,,流动人口,,511124101001,G01\n`;
    const gb = Buffer.from(gb18030Encode(text));
    const job = await importFile(center, gb, '冯二.csv');
    expect(job).toMatchObject({ status: 'done', inserted: 1, rejected: 0 });
    const found = (await center({ method: 'GET', url: `/api/persons?name=${encodeURIComponent('冯二')}` })).json().items;
    expect(found).toEqual([expect.objectContaining({ name: '冯二', birthDate: '1990-02-03', residenceStatus: 'floating' })]);
  });

  it('imports an .xlsx workbook, and a dry run counts without writing', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('人员信息');
    sheet.addRow(HEADER.split(','));
    sheet.addRow('陈三,,511124200001010010,,,,户籍人口,留守儿童、残疾人,马踏村,G01'.split(','));
    sheet.addRow(['褚四', '', '511124200002020018', '', 13912345678, '', '户籍人口', '', '511124101001', 'G01']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const dry = await importFile(center, buffer, '人员.xlsx', '&dryRun=true');
    expect(dry).toMatchObject({ status: 'done', dryRun: true, inserted: 2, rejected: 0 });
    expect((await center({ method: 'GET', url: `/api/persons?name=${encodeURIComponent('陈三')}` })).json().items).toEqual([]);
    const real = await importFile(center, buffer, '人员.xlsx');
    expect(real).toMatchObject({ status: 'done', dryRun: false, inserted: 2 });
    expect((await center({ method: 'GET', url: `/api/persons?name=${encodeURIComponent('褚四')}` })).json().items[0]).toMatchObject({ phone: '139****5678' });
  });

  it('fails a file without the required columns, naming them in the reader’s language', async () => {
    const job = await importFile(center, '姓名,证件号码\n张三,511124198001010010\n');
    expect(job.status).toBe('failed');
    expect(job.error).toEqual({ code: 'IMPORT_COLUMNS_MISSING', message: '文件缺少必填列：人口类型、村（社区）、网格。请使用下载的模板' });
    const english = await center({ method: 'GET', url: `/api/imports/${job.id}`, headers: { 'accept-language': 'en-US' } });
    expect(english.json().error.message).toBe('The file lacks required columns: Residence status, Village (community), Grid. Please use the downloaded template');
  });

  it('refuses a file that is not a workbook or CSV, an empty one, and a broken workbook', async () => {
    const wrongType = await upload(center, 'x', '人员.doc');
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().error).toMatchObject({ code: 'IMPORT_FILE_UNSUPPORTED', details: { field: 'fileName' } });
    const empty = await upload(center, '', '人员.csv');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('IMPORT_FILE_EMPTY');
    const broken = await upload(center, 'not a zip', '人员.xlsx');
    expect(broken.json().error.code).toBe('IMPORT_FILE_UNREADABLE');
    const noKind = await center({ method: 'POST', url: '/api/imports?fileName=a.csv', headers: { 'content-type': 'text/csv' }, payload: 'x' });
    expect(noKind.statusCode).toBe(400);
  });

  it('refuses a person registered in another township without saying where, and keeps jobs to their area', async () => {
    const job = await importFile(otherCenter, `${HEADER}\n张三,,511124198001010010,,,,户籍人口,,511124102001,G01\n`);
    expect(job).toMatchObject({ inserted: 0, rejected: 1 });
    const sheet = (await workbookOf((await otherCenter({ method: 'GET', url: `/api/imports/${job.id}/rejected.xlsx` })).rawPayload)).worksheets[0]!;
    expect(rowsOf(sheet)[1]?.at(-1)).toBe('证件号码：该证件号码已在其他辖区登记，请联系所在辖区迁移');
    expect((await center({ method: 'GET', url: `/api/imports/${job.id}` })).statusCode).toBe(404);
    expect((await center({ method: 'GET', url: `/api/imports/${job.id}/rejected.xlsx` })).statusCode).toBe(404);
    expect((await leader({ method: 'POST', url: '/api/imports?kind=person&fileName=a.csv', headers: { 'content-type': 'text/csv' }, payload: HEADER })).statusCode).toBe(403);
  });

  it('gives a template with notes, drop-down lists and the caller’s villages and grids', async () => {
    const response = await center({ method: 'GET', url: '/api/persons/template.xlsx' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = await workbookOf(response.rawPayload);
    const [data, guide, choices] = workbook.worksheets;
    expect(rowsOf(data!)[0]).toEqual(['*姓名', '证件类型', '*证件号码', '性别', '民族', '出生日期', '联系电话', '户籍地', '现住址', '*人口类型', '人员标签', '*村（社区）', '*网格']);
    expect(data!.getCell('C1').note).toBeTruthy();
    expect(data!.getCell('J2').dataValidation).toMatchObject({ type: 'list' });
    expect(choices!.state).toBe('hidden');
    expect(rowsOf(guide!).some((row) => row[0] === '511124101001' && row[1] === 'G01')).toBe(true);
    expect(rowsOf(guide!).some((row) => row[0] === '511124102001')).toBe(false);
  });

  it('exports the filtered list masked, plain only with the unmask permission (audited), and the plain export imports back unchanged', async () => {
    const masked = await center({ method: 'GET', url: '/api/persons/export.xlsx?residenceStatus=registered' });
    expect(masked.statusCode).toBe(200);
    const maskedRows = rowsOf((await workbookOf(masked.rawPayload)).worksheets[0]!);
    expect(maskedRows.find((row) => row[0] === '张三')?.[2]).toBe('511124********0010');
    expect(maskedRows.some((row) => row[0] === '李四')).toBe(false);
    const plain = await center({ method: 'GET', url: '/api/persons/export.xlsx?plain=true' });
    const job = await importFile(center, plain.rawPayload, '导出.xlsx');
    expect(job).toMatchObject({ status: 'done', inserted: 0, updated: 0, rejected: 0 });
    expect(job.unchanged).toBeGreaterThanOrEqual(6);
    expect((await leader({ method: 'GET', url: '/api/persons/export.xlsx?plain=true' })).statusCode).toBe(403);
    const trail = await t.ctx.db.kysely.selectFrom('audit_log').select(['details']).where('action', '=', 'registry.exported').execute();
    expect(trail.map((row) => JSON.parse(row.details).plain)).toEqual([false, true]);
    expect((await center({ method: 'GET', url: '/api/persons/export.xlsx?status=gone' })).statusCode).toBe(400);
  });
});

describeEachDialect('importing a file in several batches', (dialect) => {
  let t: TestApp;
  let center: Call;

  // 2 600 rows in batches of 1 000: three transactions.
  const documentOf = (i: number, serial: string) => {
    const first17 = `511124${1960 + Math.floor(i / 336)}${String(1 + Math.floor((i % 336) / 28)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${serial}`;
    return `${first17}${idNumberCheckCharacter(first17)}`;
  };
  const linesOf = (name: string, serial: string) => Array.from({ length: 2600 }, (_, i) => `${name}${i},,${documentOf(i, serial)},,,,户籍人口,,511124101001,G01`);
  const landedNamed = async (prefix: string) =>
    Number((await t.ctx.db.kysely.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).where('name', 'like', `${prefix}%`).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestApp(dialect, { importBatchRows: 1000 });
    await aSmallCounty(t.ctx);
    await anAccount(t.ctx, { username: 'ib_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    center = as(t.app, await signInCookie(t.app, 'ib_center'));
    const village = await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', '/511124/511124101/511124101001/').executeTakeFirstOrThrow();
    expect((await center({ method: 'POST', url: '/api/grids', payload: { villageId: village.id, name: '一组网格' } })).statusCode).toBe(201);
  });
  afterAll(async () => t.close());

  it('refuses in the third batch a document the first batch landed, and lands the rest once', async () => {
    const withRepeat = linesOf('批', '031');
    withRepeat[2400] = `又是批1,,${documentOf(1, '031')},,,,户籍人口,,511124101001,G01`;
    const job = await importAndWait(center, 'person', [HEADER, ...withRepeat].join('\n'), '分批.csv');
    expect(job).toMatchObject({ status: 'done', percent: 100, rows: 2600, inserted: 2599, rejected: 1 });
    expect(await landedNamed('批')).toBe(2599);
    expect(await landedNamed('又是')).toBe(0);
  });

  it('keeps the batches that landed when the file breaks in a later one, and counts only those', async () => {
    // An opening quote never closed at the end of the file: csv-parse fails in the third batch.
    const broken = [HEADER, ...linesOf('断', '041'), '"未闭合,,,,,,户籍人口,,511124101001,G01'].join('\n');
    const job = await importAndWait(center, 'person', broken, '断开.csv');
    expect(job).toMatchObject({ status: 'failed', error: { code: 'IMPORT_FILE_UNREADABLE' }, rows: 2000, inserted: 2000 });
    expect(await landedNamed('断')).toBe(2000);
  });
});

/** GB18030 bytes of `text` (Node can decode GB18030 but not encode it): the few characters these tests use. */
function gb18030Encode(text: string): number[] {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let high = 0x81; high <= 0xfe; high += 1) {
    for (let low = 0x40; low <= 0xfe; low += 1) {
      if (low === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([high, low]));
      if (char.length === 1 && !table.has(char)) table.set(char, [high, low]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else {
      const code = table.get(char);
      if (!code) throw new Error(`no GB18030 code for ${char}`);
      bytes.push(...code);
    }
  }
  return bytes;
}

describe('gb18030Encode', () => {
  it('round-trips through the decoder', () => {
    expect(new TextDecoder('gb18030').decode(new Uint8Array(gb18030Encode('冯二，５１１')))).toBe('冯二，５１１');
  });
});
