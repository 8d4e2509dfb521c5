// Visits (走访) in the console, in Chromium on an office screen: the county changes a follow-up
// plan's intervals; the township center sees the due and overdue visits of its grid workers,
// reviews a visit flagged far from the person's house and exports the month's compliance workbook
// (its rows read back with exceljs); a village administrator who asks for another township's
// visits is told they are not theirs.
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshotPath } from './browser.js';
import { demoConsole } from './console-support.js';

describe.skipIf(!chromiumAvailable)('visits in the console', () => {
  const demo = demoConsole('visits');
  const { errors } = demo;

  async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
    // The out-of-scope list the village administrator asks for answers 404 on purpose.
    const session = await demo.signIn(username, {
      acceptDownloads: true,
      ignore: (text) => /\b404\b/.test(text),
    });
    await expect.poll(() => session.page.getByTestId('signed-in').isVisible()).toBe(true);
    return session;
  }

  it('lets the county change a plan’s intervals, and every schedule of it follows', async () => {
    const { page, context } = await signedIn('county');
    await page.getByRole('menuitem', { name: /(^|\s)走访$/ }).click();
    await page.getByRole('menuitem', { name: '走访计划' }).click();
    await expect.poll(() => page.getByText('社区矫正 7/15/30 天').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.ant-spin-blur').count()).toBe(0);
    // The table's fade-in after loading, so the screenshot shows it as the reader sees it.
    await page.waitForTimeout(600);
    await page.screenshot({ path: screenshotPath('console-visit-plans'), fullPage: true });
    await page.getByText('社区矫正 7/15/30 天').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('走访间隔（天，逗号分隔，最后一个循环）').fill('7, 0');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => dialog.getByText('请填写 1–3650 的整数天数，如 15, 30, 90').isVisible())
      .toBe(true);
    await dialog.getByLabel('走访间隔（天，逗号分隔，最后一个循环）').fill('7, 14, 30');
    await expect
      .poll(() => dialog.getByText('请填写 1–3650 的整数天数，如 15, 30, 90').isVisible())
      .toBe(false);
    await page.screenshot({ path: screenshotPath('console-visit-plan-edit') });
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect
      .poll(() => page.getByRole('row', { name: /社区矫正 7\/15\/30 天/ }).textContent())
      .toContain('7 → 14 → 30（循环）');
    await context.close();
  });

  it('shows the center its due and overdue visits, the flagged one to review, and the compliance workbook', async () => {
    const { page, context } = await signedIn('center');
    await page.getByRole('menuitem', { name: /(^|\s)走访$/ }).click();
    await page.getByRole('menuitem', { name: '走访任务' }).click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(3);
    // Soonest first: the missed and overdue visits lead the list, with the grid worker who answers for them.
    await expect.poll(() => page.locator('.ant-table-row').first().textContent()).toContain('已漏访');
    expect(await page.locator('.ant-table-row').first().textContent()).toContain('专职网格员');
    await page.getByLabel('状态').click();
    await page
      .locator('.ant-select-dropdown:visible')
      .getByTitle('已逾期', { exact: true })
      .dispatchEvent('click');
    await expect.poll(() => page.url()).toContain('status=overdue');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(2);
    const overdue = (await page.locator('.ant-table-tbody').textContent()) ?? '';
    expect(overdue).toContain('社区矫正 7/15/30 天');
    expect(overdue).toContain('低保对象 每月');
    await page.screenshot({ path: screenshotPath('console-visits-due'), fullPage: true });

    // The review queue opens on what waits: the visit recorded 1.6 km from the house.
    await page.getByRole('menuitem', { name: '走访记录' }).click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    expect(await page.locator('.ant-table-row').first().textContent()).toContain('远离住址');
    await page.screenshot({ path: screenshotPath('console-visits-review'), fullPage: true });
    await page.getByRole('button', { name: '审核', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('审核意见').fill('已电话核实，本人外出务工，见到其母亲');
    // The dialog has finished opening.
    await expect
      .poll(() => page.locator('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter').count())
      .toBe(0);
    await page.screenshot({ path: screenshotPath('console-visits-review-dialog') });
    await dialog.getByRole('button', { name: '认可' }).click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(0);
    await page.getByText('全部异常').click();
    await expect.poll(() => page.locator('.ant-table-row').first().textContent()).toContain('已认可');

    // The person's page lists the visit with its flag.
    await page.getByRole('link', { name: '李伟' }).click();
    await expect.poll(() => page.getByText('本人外出打工，见到其母亲').isVisible()).toBe(true);
    expect(await page.getByRole('row', { name: /本人外出打工/ }).textContent()).toContain('远离住址');
    await page.screenshot({ path: screenshotPath('console-person-visits'), fullPage: true });

    // The month's compliance, on screen and as a workbook.
    await page.getByRole('menuitem', { name: '走访考核' }).click();
    await expect.poll(() => page.getByText('按网格员').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('row', { name: /专职网格员/ }).textContent()).toContain('40%');
    await expect.poll(() => page.locator('.ant-spin-blur').count()).toBe(0);
    // The table's fade-in after loading, so the screenshot shows it as the reader sees it.
    await page.waitForTimeout(600);
    await page.screenshot({ path: screenshotPath('console-visits-compliance'), fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^走访考核-\d{4}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet('网格员')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '月份',
      '村（社区）',
      '网格员',
      '走访次数',
      '按时',
      '逾期完成',
      '异常走访',
      '当前逾期',
      '黄牌',
      '红牌',
      '按时率(%)',
    ]);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, index) =>
      (sheet.getRow(index + 2).values as unknown[]).slice(1),
    );
    const fulltime = rows.find((row) => row[2] === '专职网格员');
    // Two visits on time, one of them flagged; four visits overdue or missed now; the cards of the demo's sweep.
    expect(fulltime?.slice(3)).toEqual([2, 2, 0, 1, 3, 3, 1, 40]);
    // Only 马踏镇's villages: the center's own township (the demo has grid workers in two of them).
    expect(fulltime?.[1]).toBe('马踏村村民委员会');
    expect([...new Set(rows.map((row) => row[1]))].sort()).toEqual(['马踏村村民委员会', '马踏街社区居民委员会'].sort());
    await context.close();
  });

  it('tells a village administrator that another township’s visits are not theirs', async () => {
    const { page, context } = await signedIn('village');
    await page.goto(`${demo.url}/visits/due?orgPath=%2F511124%2F511124102%2F`);
    await expect.poll(() => page.getByText('记录不存在或不在您的管辖范围内').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('console-visits-out-of-scope') });
    const cookie = await demo.apiSignIn('village');
    const response = await fetch(`${demo.url}/api/visits?orgPath=%2F511124%2F511124102%2F`, {
      headers: { cookie },
    });
    expect(response.status).toBe(404);
    await context.close();
    expect(errors).toEqual([]);
  });
});
