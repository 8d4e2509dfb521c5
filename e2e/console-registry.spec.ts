// The registry in the console, in Chromium on an office screen: the township center imports a file
// of people with good and bad rows, follows the progress to the end and downloads the refused rows
// with their reasons; it finds an imported person, sees the ID number masked, unmasks it for a
// stated purpose, and edits the phone — refused at the field first, then saved. A village
// administrator who types the address of a person of another township learns that it is not theirs.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '@gridwork/core';
import { chromiumAvailable, screenshotPath } from './browser.js';
import { demoConsole } from './console-support.js';

/** A resident ID number of the demo county with a correct check digit. */
function idNumber(birth: string, sequence: string): string {
  const first17 = `511124${birth}${sequence}`;
  return first17 + idNumberCheckCharacter(first17);
}

describe.skipIf(!chromiumAvailable)('the registry in the console', () => {
  const demo = demoConsole('registry');
  const { errors } = demo;
  const good = idNumber('19800131', '123');

  async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
    // The refusals the journey provokes (bad check digit, bad phone, out of scope) answer 4xx on purpose.
    const session = await demo.signIn(username, {
      acceptDownloads: true,
      ignore: (text) => /\b(400|404|409)\b/.test(text),
    });
    await expect.poll(() => session.page.getByTestId('signed-in').isVisible()).toBe(true);
    return session;
  }

  it('imports people with good and bad rows, then finds, unmasks and edits one of them', async () => {
    const csv = [
      '姓名,证件号码,联系电话,人口类型,村（社区）,网格',
      `欧阳晓东,${good},13800001111,户籍人口,511124101201,G01`,
      `欧阳晓红,${idNumber('19900215', '234')},,流动人口,马踏村村民委员会,G02`,
      `欧阳错号,${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'},,户籍人口,511124101201,G01`,
      `欧阳错格,${idNumber('19850505', '345')},12345,户籍人口,511124101201,G09`,
    ].join('\r\n');

    const center = await signedIn('center');
    const { page } = center;
    await page.getByRole('menuitem', { name: '基础信息' }).click();
    await page.getByRole('menuitem', { name: '导入导出' }).click();
    await expect.poll(() => page.getByText('我的导入记录').isVisible()).toBe(true);
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '马踏村新增人员.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: '开始导入' }).click();
    await expect
      .poll(() => page.getByTestId('job-progress').textContent(), { timeout: 15_000 })
      .toContain('100%');
    await expect.poll(() => page.getByTestId('import-result').isVisible()).toBe(true);
    const result = (await page.getByTestId('import-result').textContent()) ?? '';
    expect(result).toContain('新增2');
    expect(result).toContain('未导入2');
    expect(await page.getByTestId('upload-progress').textContent()).toContain('100%');
    await page.screenshot({ path: screenshotPath('console-registry-import'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载未导入的 2 行/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = await download.path();
    expect(fs.readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    expect(headers).toContain('未导入原因');
    const reasons = [2, 3].map((row) =>
      String(sheet.getRow(row).getCell(headers.indexOf('未导入原因')).value),
    );
    expect(reasons.join('\n')).toMatch(/校验码/);
    expect(sheet.rowCount).toBe(3);

    // The list: search by name (kept in the URL), open the person, the ID number is masked.
    await page.getByRole('menuitem', { name: '人员' }).click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await page.getByLabel('姓名').fill('欧阳晓');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.url()).toContain('name=');
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(2);
    await page.reload();
    await expect.poll(() => page.getByRole('link', { name: '欧阳晓东' }).isVisible()).toBe(true);
    await expect
      .poll(() => page.locator('.ant-table-row').first().textContent())
      .toContain('马踏村村民委员会 / ');
    await page.screenshot({ path: screenshotPath('console-registry-persons') });
    await page.getByRole('link', { name: '欧阳晓东' }).click();
    await expect
      .poll(() => page.getByTestId('person-id-number').textContent())
      .toBe(`511124********${good.slice(-4)}`);

    // Unmask with a purpose: the full number shows, and the view is on the audit trail.
    await page.getByRole('button', { name: '查看完整信息' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '查看' }).click();
    await expect.poll(() => page.getByText('请填写查看用途（至少 2 个字）').isVisible()).toBe(true);
    await page.getByRole('dialog').getByLabel('查看用途').fill('走访联系');
    await page.getByRole('dialog').getByRole('button', { name: '查看' }).click();
    await expect.poll(() => page.getByTestId('person-id-number').textContent()).toBe(good);
    await expect.poll(() => page.getByTestId('person-phone').textContent()).toBe('13800001111');
    await page.screenshot({ path: screenshotPath('console-registry-person-unmasked'), fullPage: true });

    // Edit: a bad phone is refused under the field; a good one is saved and shows masked.
    await page.getByRole('button', { name: '修改', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('联系电话').fill('12345');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.getByText('电话号码格式不正确').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('console-registry-person-field-error') });
    await dialog.getByLabel('联系电话').fill('13900002222');
    await dialog.getByLabel('现住址').fill('马踏村一组 8 号');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.getByTestId('person-phone').textContent()).toBe('139****2222');
    await expect.poll(() => page.getByTestId('history-entry').first().textContent()).toContain('修改');
    await page.screenshot({ path: screenshotPath('console-registry-person-saved'), fullPage: true });

    // Register a person: a wrong check digit is refused under the ID number field.
    await page.getByRole('menuitem', { name: '人员' }).click();
    await page.getByRole('button', { name: '登记人员' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('姓名').fill('欧阳新登');
    await form.getByLabel('所在网格').click();
    // Each column of the cascader opens as the previous one is picked; the click is sent to the
    // option itself once it shows (a pointer click can land mid-animation on a loaded machine).
    for (const name of ['马踏镇', '马踏村村民委员会', '三组网格']) {
      const option = page.getByRole('menuitemcheckbox', { name });
      await expect.poll(() => option.isVisible()).toBe(true);
      await option.dispatchEvent('click');
    }
    const fresh = idNumber('20010909', '567');
    await form.getByLabel('证件号码').fill(`${fresh.slice(0, 17)}${fresh.endsWith('0') ? '1' : '0'}`);
    await form.getByRole('button', { name: '登记' }).click();
    await expect.poll(() => form.getByText('校验码不符').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('console-registry-register-error') });
    await form.getByLabel('证件号码').fill(fresh);
    await form.getByRole('button', { name: '登记' }).click();
    await expect.poll(() => page.getByTestId('person-name').textContent()).toBe('欧阳新登');
    await expect.poll(() => page.getByText('马踏村村民委员会 / 三组网格').isVisible()).toBe(true);
    await center.context.close();
    expect(errors).toEqual([]);
  });

  it('tells a village administrator that a person of another township is not theirs, by URL too', async () => {
    const county = await demo.apiSignIn('county');
    type Unit = { id: string; code: string; kind: string };
    const [root] = (await demo.apiCall<{ items: Unit[] }>(county, 'GET', '/api/org-units')).items;
    const townships = (
      await demo.apiCall<{ items: Unit[] }>(county, 'GET', `/api/org-units?parentId=${root!.id}`)
    ).items;
    const township = townships.find((unit) => unit.code === '511124102')!;
    const villages = (
      await demo.apiCall<{ items: Unit[] }>(county, 'GET', `/api/org-units?parentId=${township.id}`)
    ).items;
    const village = villages.find((unit) => unit.kind === 'village') ?? villages[0]!;
    const grid = await demo.apiCall<{ id: string }>(county, 'POST', '/api/grids', {
      villageId: village.id,
      name: '浏览器测试网格',
    });
    const elsewhere = await demo.apiCall<{ id: string }>(county, 'POST', '/api/persons', {
      gridId: grid.id,
      name: '邻镇居民',
      idType: 'resident_id',
      idNumber: idNumber('19700304', '456'),
      residenceStatus: 'registered',
    });

    const { context, page } = await signedIn('village');
    await page.goto(`${demo.url}/registry/persons/${elsewhere.id}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('不在您的管辖范围内');
    await page.screenshot({ path: screenshotPath('console-registry-out-of-scope') });
    await context.close();
    expect(errors).toEqual([]);
  });
});
