// Publicity and station standards (宣传发动、阵地建设) in the console, in Chromium on an office
// screen: the village office records a meeting with a photo; the 马踏镇 center inspects the
// village's station and finds its signage (标识) not met; the county sees it in the status
// overview and the month's publicity table; the center hands a terminal to a grid worker, after
// the register refused a second terminal to a worker who holds one.
import zlib from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshotPath } from './browser.js';
import { demoConsole } from './console-support.js';

/** A 320×240 PNG of a red banner over a wall, so the photo shows in the screenshots. */
function bannerPhoto(): Buffer {
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
    const banner = y > 80 && y < 140;
    for (let x = 0; x < width; x += 1) rows.set(banner ? [200, 30, 30] : [220 - y / 4, 215 - y / 4, 200], y * (1 + width * 3) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
const PNG = bannerPhoto();
const PLACE = '马踏村文化广场';
const VILLAGE = '马踏村村民委员会';

describe.skipIf(!chromiumAvailable)('publicity and station standards in the console', () => {
  const demo = demoConsole('stations');
  const { errors } = demo;

  async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
    // The terminal journey provokes a refused hand-over (409) on purpose, the publicity edit a
    // refused upload of a file that is no picture (415).
    const session = await demo.signIn(username, { ignore: (text) => /\b(409|415)\b/.test(text) });
    await expect.poll(() => session.page.getByTestId('signed-in').isVisible()).toBe(true);
    return session;
  }

  const settle = async (page: Page) => {
    await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
    await page.waitForTimeout(500);
  };

  async function openDaily(page: Page, item: string) {
    const entry = page.getByRole('menuitem', { name: item, exact: true });
    const group = page.getByRole('menuitem', { name: '日常运行' });
    // The menu first: on a loaded machine it may not be drawn yet when the page is.
    await expect.poll(() => group.isVisible()).toBe(true);
    // The group stays open on its own pages: clicking it again would fold it (and, on a slow
    // machine, hide the entry before the click lands).
    if (!(await entry.isVisible())) await group.click();
    await expect.poll(() => entry.isVisible()).toBe(true);
    await entry.click();
    // The page is open once its entry is the selected one.
    await expect.poll(() => entry.getAttribute('class')).toContain('ant-menu-item-selected');
  }

  it('lets the village office record a meeting with a photo', async () => {
    const { page, context } = await signedIn('village');
    await openDaily(page, '宣传发动');
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '记录宣传活动' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('单位（乡镇或村/社区）').click();
    const village = page.getByRole('menuitemcheckbox', { name: VILLAGE });
    await expect.poll(() => village.isVisible()).toBe(true);
    await village.dispatchEvent('click');
    await dialog.getByLabel('形式').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('会议', { exact: true }).dispatchEvent('click');
    await dialog.getByLabel('地点').fill(PLACE);
    await dialog.getByLabel('受众人数').fill('68');
    await dialog.getByLabel('内容').fill('召开院坝会，宣讲网格化服务管理和矛盾纠纷上报渠道。');
    await dialog.locator('input[type=file]').setInputFiles({ name: '院坝会.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => dialog.locator('.ant-upload-list-item-done').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('console-publicity-form') });
    await dialog.getByRole('button', { name: '保存' }).click();

    const row = page.locator('.ant-table-row', { hasText: PLACE });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByText('会议').isVisible()).toBe(true);
    expect(await row.getByText('68').isVisible()).toBe(true);
    await expect.poll(() => row.locator('img').first().evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(320);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-publicity-list'), fullPage: true });

    // A correction: more people came. A photo that is no image fails, is shown, and blocks saving.
    await row.getByRole('button', { name: '修改' }).click();
    const edit = page.getByRole('dialog');
    await expect.poll(() => edit.getByLabel('地点').inputValue()).toBe(PLACE);
    await edit.getByLabel('受众人数').fill('80');
    await edit.locator('input[type=file]').setInputFiles({ name: '不是图片.png', mimeType: 'image/png', buffer: Buffer.from('not a picture at all') });
    await expect.poll(() => edit.getByText('照片上传失败', { exact: true }).isVisible()).toBe(true);
    await edit.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => edit.getByText(/1 张照片上传失败/).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('console-publicity-photo-failed') });
    await edit.locator('.ant-upload-list-item-error button').last().click();
    await expect.poll(() => edit.locator('.ant-upload-list-item-error').count()).toBe(0);
    await edit.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => row.getByText('80', { exact: true }).isVisible()).toBe(true);
    await row.getByRole('button', { name: '历史' }).click();
    const history = page.getByRole('dialog');
    await expect.poll(() => history.locator('[data-version="2"]').textContent()).toContain('68 → 80');
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-publicity-history') });
    await context.close();
  });

  it('lets the center inspect the village station and mark its signage not met, with a photo', async () => {
    const { page, context } = await signedIn('center');
    await openDaily(page, '阵地建设');
    const row = page.locator('.ant-table-row', { hasText: VILLAGE });
    // The status of every station of the township, read on a machine busy with the rest of the suite.
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-stations-center'), fullPage: true });
    await row.getByRole('button', { name: '检查' }).click();
    const dialog = page.getByRole('dialog');
    const signage = dialog.locator('[data-item=signage]');
    // Chosen once the dialog has zoomed in: on a loaded CI machine a click during the animation was lost.
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.getAnimations().filter((animation) => animation.playState === 'running').length)).toBe(0);
    await signage.getByText('未达标', { exact: true }).click();
    await expect.poll(() => signage.locator('.ant-radio-button-wrapper-checked').textContent()).toBe('未达标');
    await signage.getByLabel('标识 说明').fill('村委会门口网格工作站标牌缺失');
    await signage.locator('input[type=file]').setInputFiles({ name: '标牌.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => signage.locator('.ant-upload-list-item-done').count()).toBe(1);
    await dialog.locator('[data-item=rules]').getByText('部分达标', { exact: true }).click();
    await dialog.getByLabel('总体意见').fill('限期两周整改标识');
    await page.screenshot({ path: screenshotPath('console-stations-inspection-form') });
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => row.locator('.ant-tag', { hasText: '未达标' }).count()).toBe(1);
    // The history drawer: the new inspection first, with the signage photo.
    await row.getByRole('button', { name: VILLAGE }).click();
    const drawer = page.locator('.ant-drawer-section');
    await expect.poll(() => drawer.getByText('村委会门口网格工作站标牌缺失').isVisible()).toBe(true);
    await expect.poll(() => drawer.locator('img').first().evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(320);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-stations-history') });
    await context.close();
  });

  it('shows the county the station with 标识 not met in the status overview, and the month’s publicity', async () => {
    const { page, context } = await signedIn('county');
    await openDaily(page, '阵地建设');
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await page.getByLabel('显示').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('有未达标项', { exact: true }).dispatchEvent('click');
    const row = page.locator('.ant-table-row', { hasText: VILLAGE });
    await expect.poll(() => row.count()).toBe(1);
    const cells = row.locator('td');
    // Columns: township, unit, 场地, 标识, 设备, 人员, 制度, last checked …
    expect(await cells.nth(3).textContent()).toBe('未达标');
    expect(await cells.nth(6).textContent()).toBe('部分达标');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(await cells.nth(7).textContent()).toContain(today);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-stations-county'), fullPage: true });
    // The county's settings: a station is overdue after 120 days from now on.
    await page.getByRole('button', { name: '设置' }).click();
    const settings = page.getByRole('dialog');
    await expect.poll(() => settings.getByLabel('每名网格员可持有终端数').inputValue()).toBe('1');
    await expect.poll(() => settings.getByRole('button', { name: '保存' }).isEnabled()).toBe(true);
    await settings.getByLabel('检查逾期天数').fill('120');
    await expect.poll(() => settings.getByLabel('检查逾期天数').inputValue()).toBe('120');
    await page.screenshot({ path: screenshotPath('console-stations-settings') });
    await settings.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.getByText('超过 120 天未检查').isVisible()).toBe(true);

    await openDaily(page, '宣传月度统计');
    await expect.poll(() => page.url()).toContain('/daily/publicity/monthly');
    const monthly = page.locator('.ant-table', { has: page.getByRole('columnheader', { name: '会议' }) });
    const monthRow = monthly.locator('.ant-table-row', { hasText: VILLAGE });
    await expect.poll(() => monthRow.count()).toBe(1);
    // Columns: township, unit, 会议 … (the meeting recorded above counts this month).
    const texts = await monthRow.locator('td').allTextContents();
    expect(Number(texts[2]), JSON.stringify(texts)).toBeGreaterThanOrEqual(1);
    await expect.poll(() => page.locator('.ant-tag', { hasText: '未开展' }).count()).toBeGreaterThan(0);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-publicity-monthly'), fullPage: true });
    await context.close();
  });

  it('refuses a second terminal to a worker who holds one, then hands a terminal over after the first comes back', async () => {
    const { page, context } = await signedIn('center');
    await openDaily(page, '手持终端');
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(19);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-terminals'), fullPage: true });
    const held = page.locator('.ant-table-row', { hasText: '专职网格员' });
    await expect.poll(() => held.count()).toBe(1);
    const heldCode = (await held.locator('td').first().textContent()) ?? '';
    const spare = page.locator('.ant-table-row', { hasText: VILLAGE }).filter({ hasText: '备用' }).first();
    const spareCode = (await spare.locator('td').first().textContent()) ?? '';

    // 专职网格员 already holds one: the register says so, and nothing changes.
    await spare.getByRole('button', { name: '交接' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('交给').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(/^专职网格员/).dispatchEvent('click');
    await dialog.getByRole('button', { name: '确认交接' }).click();
    await expect.poll(() => dialog.getByText(/已持有 1 台手持终端/).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('console-terminals-refused') });
    await dialog.getByRole('button', { name: '取消' }).click();

    // Take the first back to the unit, then hand the spare one over.
    await held.getByRole('button', { name: '交接' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('备注').fill('以旧换新');
    await dialog.getByRole('button', { name: '确认交接' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const spareAgain = page.locator('.ant-table-row', { hasText: spareCode });
    await spareAgain.getByRole('button', { name: '交接' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('交给').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(/^专职网格员/).dispatchEvent('click');
    await dialog.getByRole('button', { name: '确认交接' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => spareAgain.getByText('专职网格员').isVisible()).toBe(true);
    expect(await spareAgain.getByText('在用').isVisible()).toBe(true);
    expect(await page.locator('.ant-table-row', { hasText: heldCode }).getByText('专职网格员').count()).toBe(0);
    await spareAgain.getByRole('button', { name: spareCode }).click();
    await expect.poll(() => page.locator('.ant-drawer-section').getByText(/→ 专职网格员/).isVisible()).toBe(true);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-terminals-handed-over'), fullPage: true });
    await page.locator('.ant-drawer-close').click();

    // The terminal that came back goes for repair, with its SIM's number.
    const back = page.locator('.ant-table-row', { hasText: heldCode });
    await back.getByRole('button', { name: '修改' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('手机号（可选）').fill('13981300099');
    await dialog.getByLabel('状态').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('维修', { exact: true }).dispatchEvent('click');
    await page.screenshot({ path: screenshotPath('console-terminals-edit') });
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => back.getByText('维修').isVisible()).toBe(true);
    await context.close();
    expect(errors).toEqual([]);
  });
});
