// Scores and the scoring scheme in the console (issue 11), in Chromium on an office screen: the
// county reads last month's village ranking (scheme version 2 of the demo) and the facts behind a
// village's points; edits this year's scheme — a weight total of 105 is refused with the error on
// the items — fixes it and saves version 3; this year's stored scores are recomputed with it and
// the ranking says so. A village administrator sees his village only, with its county rank.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shanghaiDate, type Ranking } from '@gridwork/core';
import { chromiumAvailable, screenshotPath } from './browser.js';
import { demoConsole } from './console-support.js';

describe.skipIf(!chromiumAvailable)('scores and the scoring scheme in the console', () => {
  const demo = demoConsole('console-scores');
  const { errors } = demo;
  const today = shanghaiDate(Date.now());
  const year = today.slice(0, 4);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const lastMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;

  async function signedIn(username: string, options: { ignore?: (text: string) => boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
    const session = await demo.signIn(username, options);
    await expect.poll(() => session.page.getByTestId('signed-in').isVisible()).toBe(true);
    return session;
  }
  const settle = async (page: Page) => {
    await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
    await page.waitForTimeout(600);
  };

  it('shows the county last month’s village ranking and the facts behind a village’s points', async () => {
    const { page, context } = await signedIn('county');
    await page.getByRole('menuitem', { name: '考核评价' }).click();
    await page.getByRole('menuitem', { name: '考核排名' }).click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(3);
    const cookie = await demo.apiSignIn('county');
    const ranking = await demo.apiCall<Ranking>(cookie, 'GET', `/api/assessment/scores?period=${lastMonth}&unitKind=village`);
    expect(ranking.schemeVersion).toBe(2);
    expect(await page.getByTestId('ranking-scheme').textContent()).toContain(`按 ${year} 年考核方案第 2 版计算`);
    const first = ranking.units[0]!;
    const row = page.locator('.ant-table-row').first();
    expect(await row.textContent()).toContain(first.unitName);
    expect(await row.textContent()).toContain(first.score.toFixed(2));
    await row.locator('.ant-table-row-expand-icon').click();
    await expect.poll(() => page.getByTestId('score-detail').textContent()).toContain(`= ${first.score} 分`);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-scores-ranking'), fullPage: true });
    await context.close();
  });

  it('refuses a scheme whose weights add up to 105 on the field, then saves version 3 and recomputes the ranking', async () => {
    // The refused save is a 422 the page provokes on purpose.
    const { page, context } = await signedIn('county', { ignore: (text) => text.includes('422') });
    await page.goto(`${demo.url}/assessment/scheme`);
    await expect.poll(() => page.getByTestId('scheme-heading').textContent()).toBe(`${year} 年考核方案 第 2 版`);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-scores-scheme'), fullPage: true });

    await page.getByRole('button', { name: '修改方案' }).click();
    // The village tab is open; the other tabs' fields are rendered but hidden, which roles leave out.
    const weights = page.getByRole('spinbutton', { name: '权重', exact: true });
    await weights.first().fill('20');
    await expect.poll(() => page.getByTestId('weights-total-village').textContent()).toBe('权重合计 105 / 100');
    await page.getByRole('button', { name: '保存为第 3 版' }).click();
    await expect.poll(() => page.getByTestId('scheme-error').textContent()).toContain('units.village.items：该类考核对象的考核项权重合计为 105，应为 100');
    await expect.poll(() => page.locator('.ant-form-item-explain-error:visible').first().textContent()).toContain('权重合计为 105');
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-scores-scheme-error'), fullPage: true });

    await weights.nth(1).fill('10');
    await expect.poll(() => page.getByTestId('weights-total-village').textContent()).toBe('权重合计 100 / 100');
    await page.getByLabel('修改说明').fill('登录率权重提高到 20 分，结案率降到 10 分');
    await page.getByRole('button', { name: '保存为第 3 版' }).click();
    await expect.poll(() => page.getByTestId('scheme-heading').textContent()).toBe(`${year} 年考核方案 第 3 版`);
    await expect.poll(() => page.getByTestId('scheme-recomputed').textContent()).toContain(`${lastMonth} 村（社区）`);
    await expect.poll(() => page.getByText('登录率权重提高到 20 分，结案率降到 10 分').isVisible()).toBe(true);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-scores-scheme-saved'), fullPage: true });

    await page.goto(`${demo.url}/assessment/rankings`);
    await expect.poll(() => page.getByTestId('ranking-scheme').textContent()).toContain(`按 ${year} 年考核方案第 3 版计算`);
    const cookie = await demo.apiSignIn('county');
    const ranking = await demo.apiCall<Ranking>(cookie, 'GET', `/api/assessment/scores?period=${lastMonth}&unitKind=village`);
    expect(ranking.schemeVersion).toBe(3);
    expect(ranking.units.every((unit) => unit.items.find((item) => item.indicator === 'login_rate')?.weight !== 15)).toBe(true);
    await context.close();
  });

  it('shows a village administrator his village only, with its county rank', async () => {
    const { page, context } = await signedIn('village');
    await page.goto(`${demo.url}/assessment/rankings`);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    const cookie = await demo.apiSignIn('village');
    const ranking = await demo.apiCall<Ranking>(cookie, 'GET', `/api/assessment/scores?period=${lastMonth}&unitKind=village`);
    expect(ranking.units.map((unit) => unit.unitName)).toEqual(['马踏村村民委员会']);
    const county = await demo.apiCall<Ranking>(await demo.apiSignIn('county'), 'GET', `/api/assessment/scores?period=${lastMonth}&unitKind=village`);
    expect(ranking.units[0]!.rank).toBe(county.units.find((unit) => unit.unitId === ranking.units[0]!.unitId)!.rank);
    expect(await page.locator('.ant-table-row').first().textContent()).toContain('马踏村村民委员会');
    expect(await page.getByRole('button', { name: '重新计算' }).count()).toBe(0);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-scores-village'), fullPage: true });
    // In English, with the row open.
    await page.getByText('English').click();
    await expect.poll(() => page.getByRole('main').getByText('Scores and rankings').isVisible()).toBe(true);
    await page.locator('.ant-table-row-expand-icon').first().click();
    await expect.poll(() => page.getByTestId('score-detail').textContent()).toContain('in the county');
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-scores-village-en'), fullPage: true });
    await page.getByText('中文').click();
    await context.close();
    expect(errors).toEqual([]);
  });
});
