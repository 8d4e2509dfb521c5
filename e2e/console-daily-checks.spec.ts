// 每日督查 in the console, in Chromium on the demo county: the county opens the daily check, sees
// today's units that have not signed in (马踏村 among them: nobody of it has signed in yet), chases
// 马踏村 with one click, and the village's administrator finds the message on their desk; the month
// adds up the demo's three weeks; the command center shows today's stragglers with the same button.
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshotPath } from './browser.js';
import { demoConsole } from './console-support.js';

describe.skipIf(!chromiumAvailable)('the daily check in the console', () => {
  const demo = demoConsole('daily-checks');
  const { errors } = demo;

  it('lets the county chase a village that has not signed in, and the village reads the reminder', async () => {
    const { page, context } = await demo.signIn('county');
    await expect.poll(() => page.getByTestId('signed-in').isVisible()).toBe(true);
    await page.getByRole('menuitem', { name: '日常运行' }).click();
    await page.getByRole('menuitem', { name: '每日督查' }).click();
    await expect.poll(() => page.url()).toContain('/daily/checks');
    const row = page.getByRole('row', { name: /马踏村/ }).first();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('未登录');
    // Several units of the demo have not signed in today.
    await expect.poll(() => page.locator('.ant-table-row', { hasText: '未登录' }).count()).toBeGreaterThan(3);
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('console-daily-checks'), fullPage: true });

    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: /一键提醒（1）/ }).click();
    await expect.poll(() => page.getByText(/已提醒 1 个单位/).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('row', { name: /马踏村/ }).first().textContent()).toMatch(/已提醒 \d{2}:\d{2}/);
    await page.screenshot({ path: screenshotPath('console-daily-checks-notified'), fullPage: true });

    // A past working day, as stored at its cut-off: the demo's mix of green, orange and red.
    const cookie = await demo.apiSignIn('county');
    let past = '';
    for (let back = 1; back <= 7 && !past; back += 1) {
      const date = new Date(Date.now() + 8 * 3600_000 - back * 86_400_000).toISOString().slice(0, 10);
      const stored = await demo.apiCall<{ items: unknown[] }>(cookie, 'GET', `/api/daily-checks?date=${date}`);
      if (stored.items.length > 0) past = date;
    }
    expect(past).not.toBe('');
    await page.getByLabel('日期').click();
    await page.getByLabel('日期').fill(past);
    await page.getByLabel('日期').press('Enter');
    await expect.poll(() => page.getByTestId('daily-check-summary').textContent()).toContain('截止 17:00 的督查结果');
    await expect.poll(() => page.locator('.ant-table-row', { hasText: '正常' }).count()).toBeGreaterThan(5);
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('console-daily-checks-past'), fullPage: true });

    // The month: the demo's working days of this month so far, a login rate per unit.
    await page.getByRole('tab', { name: '月度统计' }).click();
    await expect.poll(() => page.getByText(/已督查 \d+ 个工作日/).isVisible()).toBe(true);
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('console-daily-checks-monthly'), fullPage: true });

    // The county's settings: a cut-off that is not a time is refused beside the field.
    await page.getByRole('button', { name: '督查设置' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('每日截止时间').inputValue()).toBe('17:00');
    await dialog.getByLabel('每日截止时间').fill('25:00');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.getByText('请填写 00:00–23:59 的时间，如 17:00').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('console-daily-checks-settings') });
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    // The command center lists today's stragglers too, 马踏村 already reminded.
    await page.getByRole('menuitem', { name: '指挥中心' }).click();
    const panel = page.getByTestId('daily-check-panel');
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toContain('马踏村');
    await expect.poll(() => panel.getByRole('row', { name: /马踏村/ }).textContent()).toMatch(/已提醒/);
    await panel.scrollIntoViewIfNeeded();
    await page.waitForTimeout(800);
    await panel.screenshot({ path: screenshotPath('console-dashboard-daily-checks') });
    await context.close();

    // The village's administrator finds the reminder on their desk.
    const village = await demo.signIn('village');
    await expect.poll(() => village.page.getByTestId('signed-in').isVisible()).toBe(true);
    await expect.poll(() => village.page.getByText(/【每日督查】马踏村/).first().isVisible(), { timeout: 10_000 }).toBe(true);
    await village.page.screenshot({ path: screenshotPath('console-daily-checks-village-desk') });
    await village.context.close();
    expect(errors).toEqual([]);
  });

  it('answers a second reminder within ten minutes with the first one, sending nothing again', async () => {
    const cookie = await demo.apiSignIn('county');
    const today = await demo.apiCall<{ date: string; items: { kind: string; id: string; name: string; notifiedAt: string | null }[] }>(cookie, 'GET', '/api/daily-checks/today');
    const village = today.items.find((item) => item.name.startsWith('马踏村'));
    expect(village?.notifiedAt).not.toBeNull();
    const again = await demo.apiCall<{ items: { repeated: boolean; notifiedAt: string }[] }>(cookie, 'POST', '/api/daily-checks/notify', { date: today.date, units: [{ kind: village?.kind, id: village?.id }] });
    expect(again.items).toEqual([expect.objectContaining({ repeated: true, notifiedAt: village?.notifiedAt })]);
  });
});
