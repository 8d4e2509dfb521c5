// Information reports (信息报送) in the console, in Chromium on an office screen: the 马踏镇
// center writes a report with a photo, an attachment and its exemplary grid worker and submits it;
// the county finds it in its review queue, opens its attachment and adopts it at city level; the
// center sees it adopted and 马踏镇's quota for the month met; the county's dashboard shows the
// month's count and the townships still below quota.
import zlib from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshotPath } from './browser.js';
import { demoConsole } from './console-support.js';

/** A 320×240 PNG of a sky over a green field, so the photo shows in the screenshots. */
function fieldPhoto(): Buffer {
  const [width, height] = [320, 240];
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y += 1) {
    const sky = y < height * 0.55;
    for (let x = 0; x < width; x += 1) rows.set(sky ? [120 + y / 3, 170 + y / 4, 230] : [60 + x / 8, 140, 60], y * (1 + width * 3) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
const PNG = fieldPhoto();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const TITLE = '马踏镇网格员冒雨排查地灾隐患 转移群众 5 人';

describe.skipIf(!chromiumAvailable)('information reports in the console', () => {
  const demo = demoConsole('info-reports');
  const { errors } = demo;
  let reportUrl = '';

  async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
    const session = await demo.signIn(username);
    await expect.poll(() => session.page.getByTestId('signed-in').isVisible()).toBe(true);
    return session;
  }

  const settle = async (page: Page) => {
    await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
    await page.waitForTimeout(500);
  };

  it('lets the center write a report with a photo, an attachment and its exemplary grid worker, and submit it', async () => {
    const { page, context } = await signedIn('center');
    await page.getByRole('menuitem', { name: '日常运行' }).click();
    // Nothing submitted this month yet: 马踏镇 is below its quota, in red.
    await page.getByRole('menuitem', { name: '报送考核' }).click();
    await expect.poll(() => page.getByTestId('quota-马踏镇').textContent()).toContain('未完成');
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-info-report-quota-below'), fullPage: true });
    await page.getByRole('menuitem', { name: '信息报送' }).click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(5);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-info-reports-center'), fullPage: true });

    await page.getByRole('button', { name: '写信息' }).click();
    await page.getByLabel('标题').fill(TITLE);
    await page.getByLabel('类别').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('经验做法', { exact: true }).dispatchEvent('click');
    await page.getByLabel('优秀网格员（可选）').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('专职网格员', { exact: true }).dispatchEvent('click');
    await page.getByLabel('正文').fill('7 月 14 日夜间强降雨，专职网格员逐户排查后山坡隐患点。\n\n发现裂缝扩大后立即组织 2 户 5 人转移，无人员伤亡。');
    await page.locator('input[type=file][accept*="image"]').setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => page.locator('.ant-upload-list-item-done').count()).toBe(1);
    await page.locator('input[type=file]').nth(1).setInputFiles({ name: '排查台账.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => page.locator('.ant-upload-list-item-done').count()).toBe(2);
    await page.screenshot({ path: screenshotPath('console-info-report-editor'), fullPage: true });
    await page.getByRole('button', { name: '提交' }).click();

    await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('已提交待审');
    reportUrl = page.url();
    expect(reportUrl).toMatch(/\/daily\/info-reports\/[0-9a-f-]{36}$/);
    expect(await page.getByText('排查台账.pdf').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('report-photos').locator('img').evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(320);
    expect(await page.getByText('专职网格员', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '撤回' }).isVisible()).toBe(true);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-info-report-submitted'), fullPage: true });
    await context.close();
  });

  it('lets the county find it in the review queue, open its attachment and adopt it at city level', async () => {
    const { page, context } = await signedIn('county');
    await page.getByRole('menuitem', { name: '日常运行' }).click();
    await page.getByRole('menuitem', { name: '信息报送' }).click();
    // The county's list opens on its review queue: 待审核 chosen, only submitted reports listed.
    await expect.poll(() => page.getByRole('link', { name: TITLE }).isVisible()).toBe(true);
    expect(await page.locator('.ant-card .ant-segmented-item-selected').textContent()).toBe('待审核');
    const rows = page.locator('.ant-table-row');
    expect(await rows.count()).toBe(await rows.filter({ hasText: '已提交待审' }).count());
    expect(await rows.filter({ hasText: '已采用' }).count()).toBe(0);
    // 全部 shows the reports the county already decided as well, and survives a reload.
    await page.getByText('全部', { exact: true }).click();
    await expect.poll(() => page.url()).toContain('view=all');
    await expect.poll(() => page.locator('.ant-table-row').filter({ hasText: '已采用' }).count()).toBeGreaterThan(0);
    await page.reload();
    await expect.poll(() => page.locator('.ant-card .ant-segmented-item-selected').textContent()).toBe('全部');
    await page.getByText('待审核', { exact: true }).click();
    await expect.poll(() => page.url()).toContain('status=submitted');
    await expect.poll(() => page.getByRole('link', { name: TITLE }).isVisible()).toBe(true);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-info-reports-queue'), fullPage: true });
    await page.getByRole('link', { name: TITLE }).click();
    await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('已提交待审');
    // The attachment opens for the county through the report that holds it.
    const href = await page.getByRole('link', { name: /排查台账\.pdf/ }).getAttribute('href');
    const file = await page.evaluate(async (url) => {
      const response = await fetch(url ?? '', { credentials: 'same-origin' });
      return { status: response.status, start: (await response.text()).slice(0, 5) };
    }, href);
    expect(file).toEqual({ status: 200, start: '%PDF-' });

    await page.getByRole('button', { name: '采用' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('采用级别').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('市级采用', { exact: true }).dispatchEvent('click');
    await dialog.getByLabel('意见').fill('典型事迹，报市委政法委');
    await page.screenshot({ path: screenshotPath('console-info-report-adopt') });
    await dialog.getByRole('button', { name: '采用' }).click();
    await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('已采用');
    expect(await page.getByText('市级采用', { exact: true }).first().isVisible()).toBe(true);
    expect(await page.getByText(/采用（市级采用）：典型事迹，报市委政法委/).isVisible()).toBe(true);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-info-report-adopted'), fullPage: true });

    // The quota table of every township, each at or above the quota now.
    await page.getByRole('menuitem', { name: '报送考核' }).click();
    await expect.poll(() => page.getByTestId('quota-马踏镇').textContent()).toContain('已完成');
    expect(await page.locator('.ant-table-row').count()).toBeGreaterThan(10);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-info-report-quota-county'), fullPage: true });

    // The dashboard: the month's count and rate, and the townships still below quota (马踏镇 is not).
    await page.getByRole('menuitem', { name: '指挥中心' }).click();
    await expect.poll(() => page.getByTestId('info-report-panel').textContent()).toContain('报送数');
    const panel = (await page.getByTestId('info-report-panel').textContent()) ?? '';
    expect(panel).not.toContain('马踏镇');
    await page.getByTestId('info-report-panel').scrollIntoViewIfNeeded();
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-info-report-dashboard'), fullPage: true });
    await context.close();
  });

  it('shows the center its report adopted at city level and 马踏镇’s quota met', async () => {
    const { page, context } = await signedIn('center');
    await page.goto(reportUrl);
    await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('已采用');
    expect(await page.getByText('市级采用', { exact: true }).first().isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '撤回' }).count()).toBe(0);
    await page.getByRole('menuitem', { name: '报送考核' }).click();
    await expect.poll(() => page.getByTestId('quota-马踏镇').textContent()).toContain('已完成');
    const row = (await page.getByTestId('quota-马踏镇').textContent()) ?? '';
    expect(row).toContain('100%');
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-info-report-quota'), fullPage: true });
    await context.close();
    expect(errors).toEqual([]);
  });
});
