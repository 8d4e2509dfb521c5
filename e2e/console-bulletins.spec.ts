// Bulletins (通报) and the leader dashboard in the console (issue 11): the county finds last
// month's bulletin the scheduled job wrote, writes one on demand, downloads both files and reads
// the Word file's text and the workbook's cells; a leader opens the dashboard and prints it.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '@gridwork/core';
import { chromiumAvailable, screenshotPath } from './browser.js';
import { demoConsole } from './console-support.js';

describe.skipIf(!chromiumAvailable)('bulletins and the leader dashboard in the console', () => {
  const demo = demoConsole('console-bulletins');
  const { errors } = demo;
  // Both pages open on last month, the last finished one.
  const month = (() => {
    const [year, mon] = shanghaiDate(Date.now()).split('-').map(Number) as [number, number];
    return mon === 1 ? `${year - 1}-12` : `${year}-${String(mon - 1).padStart(2, '0')}`;
  })();
  const monthLabel = `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;
  const title = `关于${monthLabel}全县网格化服务管理工作考核情况的通报`;

  async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
    const session = await demo.signIn(username, { acceptDownloads: true });
    await expect.poll(() => session.page.getByTestId('signed-in').isVisible()).toBe(true);
    return session;
  }
  const settle = async (page: Page) => {
    await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
    await page.waitForTimeout(600);
  };

  it('lets the county write a bulletin on demand and download its Word file and workbook', async () => {
    const { page, context } = await signedIn('county');
    await page.getByRole('menuitem', { name: '考核评价' }).click();
    await page.getByRole('menuitem', { name: '通报', exact: true }).click();
    // The demo's archive: last month's bulletin, written as the scheduled job writes it.
    const monthly = page.locator('.ant-table-row').filter({ hasText: '月度' });
    await expect.poll(() => monthly.count()).toBe(1);
    expect(await monthly.textContent()).toContain(title);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-bulletins-archive'), fullPage: true });

    await page.getByRole('button', { name: '生成通报' }).click();
    const onDemand = page.locator('.ant-table-row').filter({ hasText: '临时生成' });
    await expect.poll(() => onDemand.count(), { timeout: 60_000 }).toBe(1);
    expect(await onDemand.textContent()).toContain('县中心管理员');
    await onDemand.getByRole('button').first().click();
    await expect.poll(() => page.getByTestId('bulletin-figures').isVisible()).toBe(true);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-bulletins-written'), fullPage: true });

    const [word] = await Promise.all([page.waitForEvent('download'), onDemand.getByRole('link', { name: /下载 Word/ }).click()]);
    expect(word.suggestedFilename()).toBe(`${monthLabel}网格化服务管理工作考核通报.docx`);
    const zip = await JSZip.loadAsync(fs.readFileSync(await word.path()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
    for (const expected of [title, '一、总体情况', '二、考核排名', '三、通报批评', '四、好的做法', '井研县网格化服务管理中心']) expect(text).toContain(expected);

    const [excel] = await Promise.all([page.waitForEvent('download'), onDemand.getByRole('link', { name: /下载 Excel/ }).click()]);
    expect(excel.suggestedFilename()).toBe(`${monthLabel}网格化服务管理工作考核通报（附表）.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await excel.path());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['总体情况', '村（社区）排名', '职能部门排名', '通报批评', '信息采用']);
    expect(workbook.getWorksheet('总体情况')?.getCell('B2').value).toBe(month);
    expect(workbook.getWorksheet('村（社区）排名')?.getCell('B1').value).toBe('单位');
    expect(workbook.getWorksheet('村（社区）排名')?.rowCount).toBeGreaterThan(10);
    await context.close();
  }, 120_000);

  it('lets a leader open the dashboard of last month, read-only and printable', async () => {
    const { page, context } = await signedIn('leader');
    await page.getByRole('menuitem', { name: '考核评价' }).click();
    await page.getByRole('menuitem', { name: '领导驾驶舱' }).click();
    await expect.poll(() => page.getByTestId('leader-totals').isVisible(), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('leader-trend').locator('canvas').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('leader-bulletins').textContent()).toContain(title);
    expect(await page.getByTestId('leader-villages').textContent()).toContain('村（社区）考核排名');
    // Read-only: nothing to write or change but the month and printing.
    expect(await page.getByRole('button', { name: '生成通报' }).count()).toBe(0);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-leader-dashboard'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    await page.screenshot({ path: screenshotPath('console-leader-dashboard-print'), fullPage: true });
    await context.close();
    expect(errors).toEqual([]);
  }, 120_000);
});
