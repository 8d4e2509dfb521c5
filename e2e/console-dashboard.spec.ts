// The command center and the grid map in Chromium, on the demo county: the dashboard shows its
// figures and draws every chart; the map draws the demo grids and the events, a marker's popup
// leads to the event, and a tile server that cannot be reached leaves a clean vector map.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshotPath } from './browser.js';
import { demoConsole } from './console-support.js';

/** Nothing listens on port 9 (discard): every tile fails at once, as on a closed network. */
const UNREACHABLE_TILES = 'http://127.0.0.1:9/{z}/{x}/{y}.png';

describe.skipIf(!chromiumAvailable)('the command center and the map in the console', () => {
  const demo = demoConsole('dashboard', { GRIDWORK_TILE_URL: UNREACHABLE_TILES });
  const { errors } = demo;

  async function signedIn(username: string): Promise<Page> {
    // The unreachable tiles are the point of the map test.
    const { page } = await demo.signIn(username, {
      ignore: (_text, url) => url.startsWith('http://127.0.0.1:9/'),
    });
    await expect.poll(() => page.getByTestId('signed-in').isVisible()).toBe(true);
    return page;
  }

  it('shows the county’s figures and draws every chart', async () => {
    const page = await signedIn('county');
    await page.getByRole('menuitem', { name: '指挥中心' }).click();
    await expect
      .poll(() => page.getByTestId('stat-open').textContent(), { timeout: 10_000 })
      .toMatch(/办理中事件\d+/);
    // The demo county has six open events, none overdue yet, all in 马踏镇's villages.
    expect(
      Number((await page.getByTestId('stat-open').textContent())?.replace(/\D/g, '')),
    ).toBeGreaterThanOrEqual(6);
    const charts = page.getByTestId('dashboard-chart');
    await expect.poll(() => charts.count()).toBe(4);
    await expect
      .poll(() => page.locator('[data-testid="dashboard-chart"] canvas').count(), { timeout: 10_000 })
      .toBe(4);
    await expect.poll(() => page.getByTestId('quota-list').textContent()).toMatch(/\d+\/\d+/);
    // One list of today's sign-ins and sign-fors (the daily check's panel, not a second card):
    // a department nobody signed in to, with its one-click reminder.
    expect(await page.getByTestId('departments-to-chase').count()).toBe(0);
    const panel = page.getByTestId('daily-check-panel');
    const department = panel
      .getByRole('row')
      .filter({ hasText: '职能部门' })
      .filter({ hasText: '未登录' })
      .first();
    await expect.poll(() => department.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await department.getByRole('button', { name: /^提醒/ }).count()).toBe(1);
    await page.waitForTimeout(800); // the charts' entrance animation
    await page.screenshot({ path: screenshotPath('console-dashboard'), fullPage: true });
    // The overdue figure leads to the overdue events.
    await page.getByTestId('stat-overdue').click();
    await expect.poll(() => page.url()).toContain('/events?overdue=true');
    await page.context().close();
  });

  it('draws the demo grids and the events on a map without tiles, and a marker’s popup opens the event', async () => {
    const page = await signedIn('county');
    await page.getByRole('menuitem', { name: '网格地图' }).click();
    const grids = page.locator('.leaflet-overlay-pane path.leaflet-interactive:not(.map-event)');
    const markers = page.locator('.leaflet-overlay-pane path.map-event');
    await expect.poll(() => grids.count(), { timeout: 10_000 }).toBe(3);
    await expect.poll(() => markers.count()).toBeGreaterThanOrEqual(1);
    // The configured tile server cannot be reached: the map says so and goes on without it.
    await expect
      .poll(() => page.getByText('底图无法加载，已切换为无底图显示').isVisible(), { timeout: 10_000 })
      .toBe(true);
    expect(await page.locator('.leaflet-tile-pane img').count()).toBe(0);
    await markers.last().click();
    const popup = page.locator('.leaflet-popup-content');
    await expect.poll(() => popup.isVisible()).toBe(true);
    await page.waitForTimeout(300); // the popup fades in
    await page.screenshot({ path: screenshotPath('console-map') });
    const title = (await popup.getByRole('link').textContent()) ?? '';
    expect(title).not.toBe('');
    await popup.getByRole('link').click();
    await expect.poll(() => page.url()).toMatch(/\/events\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText(title).first().isVisible()).toBe(true);
    await page.context().close();
    expect(errors).toEqual([]);
  });
});
