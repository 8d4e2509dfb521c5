// 值机值守 in the console, in Chromium on the demo county: the county fills next week's roster for
// 马踏镇 by rota, the demo `center` login (on duty today) checks in from the desk, the roster page
// shows it checked in, and the county's working calendar shows the 2026 holidays and 调休 days.
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshotPath } from './browser.js';
import { demoConsole } from './console-support.js';

describe.skipIf(!chromiumAvailable)('duty in the console', () => {
  const demo = demoConsole('duty');
  const { errors } = demo;

  it('lets the county fill a week by rota, and the person on duty check in from the desk', async () => {
    const county = await demo.signIn('county');
    const page = county.page;
    await expect.poll(() => page.getByTestId('signed-in').isVisible()).toBe(true);
    await page.getByRole('menuitem', { name: '日常运行' }).click();
    await page.getByRole('menuitem', { name: '值班安排' }).click();
    await expect.poll(() => page.url()).toContain('/daily/duty');
    await expect.poll(() => page.getByTestId('duty-today').textContent(), { timeout: 10_000 }).toContain('马踏镇');

    // Next week, 马踏镇: a rota of the two operators over its working days.
    await page.getByLabel('单位').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '马踏镇' }).dispatchEvent('click');
    await page.getByRole('button', { name: '下一段' }).click();
    await page.getByRole('button', { name: '批量排班' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('值班人员').click();
    for (const name of ['马踏镇分中心值班员（二）', '马踏镇分中心值班员']) {
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: new RegExp(`^${name.replace(/[（）]/g, '.')}$`) }).dispatchEvent('click');
    }
    // The multiple select's list stays open over the dialog's buttons: the click goes to the button itself.
    await dialog.getByRole('button', { name: '排班' }).dispatchEvent('click');
    await expect.poll(() => page.getByText(/已排 \d 天/).isVisible()).toBe(true);
    const roster = page.getByTestId('duty-roster');
    await expect.poll(() => roster.locator('.ant-tag', { hasText: '马踏镇分中心值班员（二）' }).count()).toBeGreaterThanOrEqual(2);
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('console-duty-roster-filled'), fullPage: true });

    // The working calendar: 2026's holidays and the Saturday worked after 国庆.
    await page.goto(`${demo.url}/daily/calendar`);
    await page.getByLabel('年份').fill('2026');
    await expect.poll(() => page.locator('[data-date="2026-10-10"]').getAttribute('data-kind'), { timeout: 10_000 }).toBe('workday');
    expect(await page.locator('[data-date="2026-10-01"]').getAttribute('data-kind')).toBe('holiday');
    expect(await page.getByTestId('calendar-total').textContent()).toMatch(/全年工作日 \d+ 天/);
    await expect.poll(() => page.getByRole('button', { name: '载入 2026 年国务院节假日安排' }).isVisible()).toBe(true);
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('console-working-calendar'), fullPage: true });
    // 2027's notice is not out: no button that would replace the year with a partial list.
    await page.getByLabel('年份').fill('2027');
    await expect.poll(() => page.locator('[data-date="2027-01-04"]').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('calendar-total').textContent()).toMatch(/全年工作日 \d+ 天/);
    expect(await page.getByRole('button', { name: /载入 2027 年/ }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('console-working-calendar-2027'), fullPage: true });
    await county.context.close();

    // The demo's `center` is on duty today: the desk offers the check-in.
    const center = await demo.signIn('center');
    await expect.poll(() => center.page.getByTestId('signed-in').isVisible()).toBe(true);
    const card = center.page.getByTestId('duty-desk-card');
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain('今天您值班');
    await center.page.screenshot({ path: screenshotPath('console-duty-desk') });
    await card.getByRole('button', { name: '签到' }).click();
    await expect.poll(() => center.page.getByTestId('duty-checked-in').textContent()).toMatch(/已于 \d{2}:\d{2} 签到/);
    await center.page.screenshot({ path: screenshotPath('console-duty-desk-checked-in') });

    // The roster page shows today's status at 马踏镇: checked in.
    await center.page.getByRole('menuitem', { name: '日常运行' }).click();
    await center.page.getByRole('menuitem', { name: '值班安排' }).click();
    await expect.poll(() => center.page.getByTestId('duty-today').textContent(), { timeout: 10_000 }).toMatch(/马踏镇分中心值班员 · 已于 \d{2}:\d{2} 签到/);
    await center.page.waitForTimeout(400);
    await center.page.screenshot({ path: screenshotPath('console-duty-roster'), fullPage: true });
    await center.context.close();
    expect(errors).toEqual([]);
  });

  it('answers a second check-in with the first, and someone not on duty with a clear refusal', async () => {
    const center = await demo.apiSignIn('center');
    const first = await demo.apiCall<{ entries: { checkedInAt: string }[] }>(center, 'POST', '/api/duty/check-in', {});
    const again = await demo.apiCall<{ entries: { checkedInAt: string }[] }>(center, 'POST', '/api/duty/check-in', {});
    expect(again.entries[0]?.checkedInAt).toBe(first.entries[0]?.checkedInAt);
    const second = await demo.apiSignIn('center2');
    const response = await fetch(`${demo.url}/api/duty/check-in`, { method: 'POST', headers: { cookie: second, 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('DUTY_NOT_ON_ROSTER');
  });
});
