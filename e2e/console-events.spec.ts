// The closed loop of an event in the console, in Chromium on an office screen: a grid worker's
// report reaches the township center, which accepts and dispatches it; the department signs for it
// and handles it; the grid worker's verification closes it; every step is on the timeline. A village
// administrator who types the address of an event outside their village sees that it is not theirs.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshotPath } from './browser.js';
import { demoConsole } from './console-support.js';

/** The smallest valid PNG: a 1×1 pixel. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

describe.skipIf(!chromiumAvailable)('events in the console', () => {
  const demo = demoConsole('events');
  const { errors } = demo;

  async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
    // A village administrator's 404 for an event outside the village is the point of one journey.
    const session = await demo.signIn(username, { ignore: (text) => text.includes('404') });
    await expect.poll(() => session.page.getByTestId('signed-in').isVisible()).toBe(true);
    return session;
  }

  async function act(page: Page, action: string, fill?: (page: Page) => Promise<void>) {
    await page.getByRole('button', { name: action, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await fill?.(page);
    await dialog.getByRole('button', { name: `确认${action}` }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
  }

  it('walks a report from the center’s queue through the department back to closure', async () => {
    const worker = await demo.apiSignIn('worker');
    const title = '村口路灯不亮（浏览器测试）';
    const reported = await demo.apiCall<{ id: string }>(worker, 'POST', '/api/events', {
      clientKey: 'e2e-console-loop',
      title,
      description: '马踏村村口两盏路灯夜间不亮，行人看不清路。',
      categoryCode: 'livelihood',
      lon: 104.015,
      lat: 29.504,
      address: '马踏村村口',
    });

    // The township center: the queue lists the new report; accept it, then dispatch it.
    const center = await signedIn('center');
    await center.page.getByRole('menuitem', { name: '受理派遣' }).click();
    await expect.poll(() => center.page.getByRole('link', { name: title }).isVisible()).toBe(true);
    await center.page.screenshot({ path: screenshotPath('console-center-queue') });
    // By keyboard, as an operator works the queue all day: the newest row, Enter, then step 1 (受理).
    await center.page.keyboard.press('ArrowDown');
    await expect
      .poll(() => center.page.getByRole('row', { name: new RegExp(title) }).getAttribute('aria-selected'))
      .toBe('true');
    await center.page.keyboard.press('Enter');
    await expect.poll(() => center.page.getByTestId('event-status').textContent()).toBe('待受理');
    await center.page.keyboard.press('1');
    const acceptDialog = center.page.getByRole('dialog');
    await expect.poll(async () => (await acceptDialog.textContent()) ?? '').toContain('受理 · ');
    await acceptDialog.getByRole('button', { name: '确认受理' }).click();
    await expect.poll(() => acceptDialog.isVisible()).toBe(false);
    await expect.poll(() => center.page.getByTestId('event-status').textContent()).toBe('已受理待派遣');
    // Dispatch without a department: the form says so where the field is.
    await center.page.getByRole('button', { name: '派遣', exact: true }).click();
    await center.page.getByRole('dialog').getByRole('button', { name: '确认派遣' }).click();
    await expect.poll(() => center.page.getByText('请选择主办部门').isVisible()).toBe(true);
    await center.page.getByRole('dialog').getByLabel('主办部门').click();
    await center.page
      .locator('.ant-select-dropdown:visible')
      .getByTitle('马踏镇派出所', { exact: true })
      .dispatchEvent('click');
    await center.page.screenshot({ path: screenshotPath('console-dispatch') });
    await center.page.getByRole('dialog').getByRole('button', { name: '确认派遣' }).click();
    await expect.poll(() => center.page.getByTestId('event-status').textContent()).toBe('已派遣待签收');

    // The police station: its inbox shows the event counting down; sign for it, then handle it.
    const dept = await signedIn('dept');
    await dept.page.getByRole('menuitem', { name: '部门待办' }).click();
    await expect.poll(() => dept.page.getByRole('link', { name: title }).isVisible()).toBe(true);
    await expect
      .poll(async () => (await dept.page.getByRole('row', { name: new RegExp(title) }).textContent()) ?? '')
      .toMatch(/剩余/);
    await dept.page.screenshot({ path: screenshotPath('console-department-inbox') });
    await dept.page.getByRole('link', { name: title }).click();
    await act(dept.page, '签收');
    await expect.poll(() => dept.page.getByTestId('event-status').textContent()).toBe('已签收办理中');
    await act(dept.page, '办理', async (page) => {
      await page.getByRole('dialog').getByLabel('处理结果').fill('已联系供电所更换灯泡，两盏路灯恢复照明。');
      // A photo of the work done, uploaded as it is chosen.
      await page
        .getByRole('dialog')
        .locator('input[type=file]')
        .setInputFiles({ name: '路灯已修复.png', mimeType: 'image/png', buffer: PNG });
      await expect.poll(() => page.getByRole('dialog').locator('.ant-upload-list-item-done').count()).toBe(1);
    });
    await expect.poll(() => dept.page.getByTestId('event-status').textContent()).toBe('已办理待核查');
    await expect.poll(() => dept.page.getByRole('img', { name: '办理' }).count()).toBe(1);
    await dept.page.screenshot({ path: screenshotPath('console-handled') });

    // The grid worker verifies on site (the field app's part); the center sees it closed, step by step.
    await demo.apiCall(worker, 'POST', `/api/events/${reported.id}/actions`, {
      action: 'verify_pass',
      note: '现场查看，路灯已亮',
    });
    await center.page.reload();
    await expect.poll(() => center.page.getByTestId('event-status').textContent()).toBe('已结案');
    const steps = await center.page.getByTestId('timeline-entry').allTextContents();
    expect(steps.map((text) => text.split(' · ')[0])).toEqual([
      '上报事件',
      '受理',
      '派遣',
      '签收',
      '办理',
      '核查通过',
    ]);
    await center.page.screenshot({ path: screenshotPath('console-closed'), fullPage: true });

    // The list keeps its filters in the address: a reload shows the same closed events.
    await center.page.getByRole('menuitem', { name: '事件查询' }).click();
    await center.page.getByLabel('状态').click();
    await center.page
      .locator('.ant-select-dropdown:visible')
      .getByTitle('已结案', { exact: true })
      .dispatchEvent('click');
    await expect.poll(() => center.page.url()).toContain('status=closed');
    await center.page.reload();
    await expect.poll(() => center.page.getByRole('link', { name: title }).isVisible()).toBe(true);
    await center.context.close();
    await dept.context.close();
    expect(errors).toEqual([]);
  });

  it('shows a late step in red with the cards it earned, in the inbox and on the event', async () => {
    const dept = await signedIn('dept');
    await dept.page.getByRole('menuitem', { name: '部门待办' }).click();
    const row = dept.page.getByRole('row', { name: /山坡落石隐患/ });
    await expect.poll(async () => (await row.textContent()) ?? '').toMatch(/已超时/);
    expect(await row.locator('[data-overdue="true"]').count()).toBe(1);
    await dept.page.getByRole('switch', { name: '只看超时' }).click();
    await expect.poll(() => dept.page.url()).toContain('overdue=true');
    await expect.poll(() => dept.page.getByRole('row').count()).toBe(2);
    await dept.page.screenshot({ path: screenshotPath('console-overdue') });
    await row.getByRole('link').click();
    await expect.poll(() => dept.page.getByTestId('card-red').isVisible()).toBe(true);
    expect(await dept.page.getByTestId('card-yellow').textContent()).toBe('黄牌');
    await dept.page.screenshot({ path: screenshotPath('console-cards') });
    await dept.context.close();
  });

  it('tells a village administrator that an event outside the village is not theirs, by URL too', async () => {
    const county = await demo.apiSignIn('county');
    const elsewhere = await demo.apiCall<{ id: string }>(county, 'POST', '/api/events', {
      clientKey: 'e2e-elsewhere',
      title: '县城广场井盖缺失',
      description: '县城广场东侧井盖缺失。',
      categoryCode: 'livelihood',
      address: '县城广场东侧',
    });
    const village = await signedIn('village');
    await village.page.goto(`${demo.url}/events/${elsewhere.id}`);
    await expect.poll(() => village.page.getByRole('alert').textContent()).toContain('不存在');
    await village.page.screenshot({ path: screenshotPath('console-out-of-scope') });
    await village.context.close();
  });

  it('switches to English and back, and sends an expired session back to sign-in', async () => {
    const { context, page } = await signedIn('center');
    await page.getByText('English').click();
    await expect.poll(() => page.getByRole('menuitem', { name: 'Center queue' }).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('console-english') });
    await page.getByText('中文').click();
    // The session ends elsewhere (all sessions revoked); the next call finds out.
    await context.clearCookies();
    await page.getByRole('menuitem', { name: '事件查询' }).click();
    await expect.poll(() => page.getByText('登录已过期，请重新登录').isVisible()).toBe(true);
    await context.close();
  });
});
