// Attachments of reports, trainings and checklists: recognised by their bytes, stored once per
// content, named as uploaded, and opened only by their uploader or by whoever may see a record
// holding them. Bad uploads name what is wrong and store nothing.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { cleanAttachmentName, detectAttachmentType } from '../../platform/attachments.js';

type Call = ReturnType<typeof as>;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

describeEachDialect('attachments', (dialect) => {
  let t: TestApp;
  let center: Call;
  let otherCenter: Call;
  let auditor: Call;
  const upload = (caller: Call, bytes: Buffer, name: string | null, headers: Record<string, string> = {}) =>
    caller({
      method: 'POST',
      url: name === null ? '/api/attachments' : `/api/attachments?name=${encodeURIComponent(name)}`,
      headers: { 'content-type': 'application/octet-stream', ...headers },
      payload: bytes,
    });
  const rows = async () => (await t.ctx.db.kysely.selectFrom('attachment').selectAll().execute()).length;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    await anAccount(t.ctx, { username: 'a_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    await anAccount(t.ctx, { username: 'a_other', role: 'center_operator', orgPath: '/511124/511124102/' });
    await anAccount(t.ctx, { username: 'a_audit', role: 'audit_admin', orgPath: '/511124/' });
    center = as(t.app, await signInCookie(t.app, 'a_center'));
    otherCenter = as(t.app, await signInCookie(t.app, 'a_other'));
    auditor = as(t.app, await signInCookie(t.app, 'a_audit'));
  });
  afterAll(async () => t.close());

  it('takes a PDF and a real workbook whatever type the browser names, and gives them back under their names', async () => {
    const pdf = await upload(center, PDF, '11月工作动态.pdf', { 'content-type': 'text/plain' });
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json()).toMatchObject({ name: '11月工作动态.pdf', mime: 'application/pdf', bytes: PDF.length });
    const book = new ExcelJS.Workbook();
    book.addWorksheet('签到表').addRow(['姓名', '单位']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const sheet = await upload(center, xlsx, 'C:\\Users\\培训\\签到表.xlsx');
    expect(sheet.statusCode).toBe(201);
    expect(sheet.json()).toMatchObject({ name: '签到表.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

    const back = await center({ method: 'GET', url: pdf.json().url as string });
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('application/pdf');
    expect(back.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('11月工作动态.pdf')}`);
    expect(back.rawPayload.equals(PDF)).toBe(true);
  });

  it('keeps one copy of a content uploaded twice, as two attachments', async () => {
    const first = (await upload(center, PDF, '一.pdf')).json();
    const second = (await upload(otherCenter, PDF, '二.pdf')).json();
    expect(first.id).not.toBe(second.id);
    const shas = await t.ctx.db.kysely.selectFrom('attachment').select('sha256').where('id', 'in', [first.id, second.id]).execute();
    expect(new Set(shas.map((row) => row.sha256)).size).toBe(1);
  });

  it('opens an attachment only to its uploader while no record holds it', async () => {
    const id = (await upload(center, PDF, '材料.pdf')).json().id as string;
    expect((await otherCenter({ method: 'GET', url: `/api/attachments/${id}` })).statusCode).toBe(404);
    expect((await center({ method: 'GET', url: '/api/attachments/00000000-0000-7000-8000-000000000000' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/attachments/${id}` })).statusCode).toBe(401);
  });

  it('refuses what is not a document or an image, naming the accepted types, and stores nothing', async () => {
    const before = await rows();
    const text = await upload(center, Buffer.from('just text'), 'notes.pdf', { 'accept-language': 'en-US' });
    expect(text.statusCode).toBe(415);
    expect(text.json().error).toMatchObject({ code: 'ATTACHMENT_TYPE_UNSUPPORTED', message: expect.stringContaining('PDF, Word, Excel') });
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]);
    expect((await upload(center, zip, 'archive.zip')).json().error.code).toBe('ATTACHMENT_TYPE_UNSUPPORTED');
    expect((await upload(center, Buffer.alloc(0), 'empty.pdf')).statusCode).toBe(415);
    expect(await rows()).toBe(before);
  });

  it('names the missing file name and the size limit in the caller’s language', async () => {
    const unnamed = await upload(center, PDF, null);
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().error.details.fields[0]).toMatchObject({ field: 'querystring.name' });
    const large = await upload(center, Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]), 'big.pdf');
    expect(large.statusCode).toBe(413);
    expect(large.json().error).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', message: '附件不能超过 20 MB' });
  });

  it('lets only roles that may attach upload', async () => {
    expect((await upload(auditor, PDF, 'x.pdf')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/attachments?name=x.pdf', headers: { 'content-type': 'application/pdf' }, payload: PDF })).statusCode).toBe(401);
  });
});

it('tells old Office files by their extension and cleans names', () => {
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
  expect(detectAttachmentType(ole, '通知.DOC')).toBe('application/msword');
  expect(detectAttachmentType(ole, '台账.et')).toBe('application/vnd.ms-excel');
  expect(detectAttachmentType(ole, 'virus.exe')).toBeNull();
  expect(cleanAttachmentName('../../etc/"pass\u0000wd".pdf')).toBe('passwd.pdf');
});
