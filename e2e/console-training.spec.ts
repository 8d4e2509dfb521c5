// Training in the console (issue 10): the township center creates a skills session for today with
// its slides, marks three grid workers present on the sign-in sheet, shows the session's QR code
// for the field app; the compliance page lists who is short of the rules, and its Excel export
// says the same as the API.
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shanghaiDate, type TrainingAttendance, type TrainingCompliance } from '@gridwork/core';
import { chromiumAvailable, screenshotPath } from './browser.js';
import { demoConsole } from './console-support.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const TOPIC = `网格事件分类与上报规范 ${Date.now().toString(36)}`;
const PRESENT = ['兼职网格员', '李强', '赵敏'];

describe.skipIf(!chromiumAvailable)('training in the console', () => {
  const demo = demoConsole('console-training');
  let sessionUrl = '';

  async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
    const session = await demo.signIn(username, { acceptDownloads: true });
    await expect.poll(() => session.page.getByTestId('signed-in').isVisible()).toBe(true);
    return session;
  }
  const settle = async (page: Page) => {
    await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
    await page.waitForTimeout(600);
  };
  const pick = async (page: Page, title: string) =>
    page.locator('.ant-select-dropdown:visible').getByTitle(title, { exact: false }).first().dispatchEvent('click');

  it('lets the center create a skills session with its material and mark three workers present', async () => {
    const { page, context } = await signedIn('center');
    await page.getByRole('menuitem', { name: '日常运行' }).click();
    await page.getByRole('menuitem', { name: '教育培训' }).click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(5);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-training-sessions'), fullPage: true });

    await page.getByRole('button', { name: '新建培训' }).click();
    // The list's own 培训类别 filter must be gone before the form's field is picked.
    await expect.poll(() => page.getByLabel('培训主题').isVisible()).toBe(true);
    await page.getByLabel('培训类别').click();
    await pick(page, '专业知识和技能');
    await page.getByLabel('日期').fill(shanghaiDate(Date.now()));
    await page.getByLabel('日期').press('Enter');
    await page.getByLabel('时间').click();
    await page.keyboard.type('09:00');
    await page.keyboard.press('Enter');
    await page.keyboard.type('11:30');
    await page.keyboard.press('Enter');
    await page.getByLabel('培训主题').fill(TOPIC);
    await page.getByLabel('地点').fill('马踏镇便民服务中心三楼会议室');
    await page.getByLabel('授课人').fill('县网格中心 陈晓');
    await page.locator('input[type=file]').setInputFiles({ name: '事件分类课件.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => page.locator('.ant-upload-list-item-done').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('console-training-form'), fullPage: true });
    await page.getByRole('button', { name: '保存' }).click();

    await expect.poll(() => page.url()).toMatch(/\/daily\/training\/[0-9a-f-]{36}$/);
    sessionUrl = page.url();
    const id = sessionUrl.split('/').at(-1) ?? '';
    await expect.poll(() => page.getByTestId('training-qr').isVisible()).toBe(true);
    const qr = await page.getByTestId('training-qr').getAttribute('data-url');
    expect(qr).toMatch(new RegExp(`/m/training/check-in\\?s=${id}&t=[\\w-]{20,}$`));
    expect(await page.getByRole('link', { name: /事件分类课件\.pdf/ }).isVisible()).toBe(true);

    const sheet = page.getByLabel('选择到场人员');
    for (const name of PRESENT) {
      await sheet.click();
      await page.keyboard.type(name);
      await pick(page, name);
    }
    await page.getByRole('button', { name: '登记签到' }).click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(3);
    for (const name of PRESENT) expect(await page.getByRole('row', { name: new RegExp(`^${name} `) }).textContent()).toContain('签到表');
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-training-session'), fullPage: true });

    const center = await demo.apiSignIn('center');
    const attendance = await demo.apiCall<{ items: TrainingAttendance[] }>(center, 'GET', `/api/training/sessions/${id}/attendance`);
    expect(attendance.items.map((item) => item.accountName).sort()).toEqual([...PRESENT].sort());
    expect(new Set(attendance.items.map((item) => item.how))).toEqual(new Set(['sheet']));

    // The printable code: the code alone, large.
    await page.goto(`${sessionUrl}/qr`);
    await expect.poll(() => page.getByTestId('training-qr').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('console-training-qr-print'), fullPage: true });
    await context.close();
  });

  it('lists who is short of the rules on the compliance page and exports the same list', async () => {
    const { page, context } = await signedIn('county');
    await page.goto(`${demo.url}/daily/training/compliance`);
    await expect.poll(() => page.getByText('未达标人员').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(3);
    const county = await demo.apiSignIn('county');
    const year = shanghaiDate(Date.now()).slice(0, 4);
    const data = await demo.apiCall<TrainingCompliance>(county, 'GET', `/api/training/compliance?year=${year}`);
    const names = data.short.map((person) => person.name);
    // The demo's part-time worker and 赵敏 missed an ethics training; 张丽 attended everything.
    expect(names).toEqual(expect.arrayContaining(['兼职网格员', '赵敏']));
    expect(names).not.toContain('张丽');
    expect(await page.getByRole('row', { name: /^赵敏 / }).textContent()).toContain('职业素养');
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-training-compliance'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`培训达标-${year}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const people = workbook.getWorksheet('未达标人员')!;
    expect((people.getRow(1).values as unknown[]).slice(1)).toEqual(['年度', '乡镇', '村（社区）', '部门', '姓名', '身份', '培训类别', '要求', '应参加', '已参加', '差', '未完成时段']);
    const rows: { name: string; kind: string; shortBy: number }[] = [];
    people.eachRow((row, number) => {
      if (number > 1) rows.push({ name: String(row.getCell(5).value), kind: String(row.getCell(7).value), shortBy: Number(row.getCell(11).value) });
    });
    expect(rows.length).toBe(data.short.reduce((sum, person) => sum + person.rules.length, 0));
    expect(new Set(rows.map((row) => row.name))).toEqual(new Set(names));
    const partTime = rows.find((row) => row.name === '兼职网格员' && row.kind === '职业素养');
    expect(partTime?.shortBy).toBe(data.short.find((person) => person.name === '兼职网格员')?.rules.find((rule) => rule.kind === 'ethics')?.shortBy);
    const units = workbook.getWorksheet('乡镇和村汇总')!;
    expect(units.rowCount).toBe(data.units.length + 1);

    // The county's rules: the three of the plan, saved as they are.
    await page.getByRole('button', { name: '培训要求' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('至少次数').count()).toBe(3);
    await page.waitForTimeout(500);
    await page.screenshot({ path: screenshotPath('console-training-rules') });
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const settings = await demo.apiCall<{ rules: unknown[]; updatedBy: { name: string } | null }>(county, 'GET', '/api/settings/training');
    expect(settings).toMatchObject({ rules: data.rules, updatedBy: { name: '县中心管理员' } });
    await context.close();
    expect(demo.errors).toEqual([]);
  });
});
