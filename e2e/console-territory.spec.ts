// The territory and the catalogue in the console: a township operator opens the org tree down to a
// village, draws a new grid on the map and gives it a grid worker; the county sets a category's
// sign-for deadline.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshotPath } from './browser.js';
import { demoConsole } from './console-support.js';

describe.skipIf(!chromiumAvailable)('territory and catalogue in the console', () => {
  const demo = demoConsole('territory');
  const { errors } = demo;

  async function signIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
    const session = await demo.signIn(username, { viewport: { width: 1366, height: 800 } });
    await expect.poll(() => session.page.getByTestId('signed-in').isVisible()).toBe(true);
    return session;
  }

  const treeNode = (page: Page, title: string) =>
    page
      .locator('.ant-tree-treenode')
      .filter({ has: page.locator('.ant-tree-title', { hasText: new RegExp(`^${title}`) }) })
      .first();

  it('draws a new grid of a village on the map and gives it a grid worker', async () => {
    const { context, page } = await signIn('center');
    await page.getByRole('menuitem', { name: '网格划分' }).click();
    await expect.poll(() => treeNode(page, '马踏镇').isVisible()).toBe(true);
    await treeNode(page, '马踏镇').locator('.ant-tree-switcher').click();
    await expect.poll(() => treeNode(page, '马踏村').isVisible()).toBe(true);
    await treeNode(page, '马踏村').locator('.ant-tree-title').click();
    await expect.poll(() => page.getByRole('cell', { name: '一组网格' }).isVisible()).toBe(true);
    await expect.poll(() => page.url()).toContain('village=');

    await page.getByRole('button', { name: '新建网格' }).click();
    await page.getByRole('dialog').getByLabel('网格名称').fill('四组网格');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    const row = page.getByRole('row', { name: /四组网格/ });
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('未划边界');

    // Draw a rectangle beside the other grids; the server computes its area.
    await row.getByRole('button', { name: '边界' }).click();
    const map = page.getByTestId('boundary-map');
    await expect.poll(() => map.locator('path.leaflet-interactive, path').count()).toBeGreaterThan(0);
    await page.locator('.leaflet-pm-icon-rectangle').click();
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width - 120, box.y + 40);
    await page.mouse.click(box.x + box.width - 30, box.y + 120);
    await page.screenshot({ path: screenshotPath('console-grid-boundary') });
    await page.getByRole('button', { name: '保存边界' }).click();
    await expect.poll(async () => (await row.textContent()) ?? '').toMatch(/km²/);

    await row.getByRole('button', { name: '网格员' }).click();
    await page.getByRole('dialog').getByLabel('网格员').click();
    await page
      .locator('.ant-select-dropdown:visible')
      .getByTitle(/兼职网格员/)
      .first()
      .dispatchEvent('click');
    // A multiple choice stays open: close it by clicking beside it, and let it fade.
    await page.getByRole('dialog').locator('.ant-modal-title').click();
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('兼职网格员');
    await page.screenshot({ path: screenshotPath('console-territory') });
    await context.close();
  });

  it('lets the county set a category’s sign-for deadline', async () => {
    const { context, page } = await signIn('county');
    await page.getByRole('menuitem', { name: '部门与类别' }).click();
    await expect.poll(() => page.getByRole('cell', { name: '马踏镇派出所' }).first().isVisible()).toBe(true);
    await page.getByRole('tab', { name: '事件类别与时限' }).click();
    const row = page.getByRole('row', { name: /民生服务/ }).first();
    await row.getByRole('button', { name: '修改' }).click();
    const hours = page.getByRole('dialog').getByLabel('签收时限（小时）');
    await hours.fill('12');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('12');
    await page.screenshot({ path: screenshotPath('console-catalogue') });
    await context.close();
    expect(errors).toEqual([]);
  });
});
