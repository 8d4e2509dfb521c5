// QR sign-in to a training from the phone (issue 10), at 360×740: the center's session of today
// has a QR code; the demo `worker` opens its address (what the camera app opens), loses the
// signal, taps 签到, and the sign-in waits in the outbox; when the signal returns it arrives
// exactly once, as a QR attendance made at the time of the tap, and 我的培训 lists it.
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate, type TrainingAttendance, type TrainingSession } from '@gridwork/core';
import { chromiumAvailable, screenshotPath } from './browser.js';
import { DEMO_PASSWORD, demoConsole } from './console-support.js';

describe.skipIf(!chromiumAvailable)('training sign-in from the phone', () => {
  const demo = demoConsole('field-training');
  let context: BrowserContext;
  let page: Page;
  let center: string;
  let session: TrainingSession;
  const errors: string[] = [];
  const topic = `扫码签到演练 ${Date.now().toString(36)}`;

  beforeAll(async () => {
    center = await demo.apiSignIn('center');
    session = await demo.apiCall<TrainingSession>(center, 'POST', '/api/training/sessions', {
      kind: 'skills',
      topic,
      date: shanghaiDate(Date.now()),
      startTime: '00:00',
      endTime: '23:55',
      place: '马踏镇便民服务中心三楼会议室',
      trainer: '县网格中心 陈晓',
    });
    context = await demo.browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error' && !/401|ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(text)) errors.push(text);
    });
  });

  const attendance = async () =>
    (await demo.apiCall<{ items: TrainingAttendance[] }>(center, 'GET', `/api/training/sessions/${session.id}/attendance`)).items;

  it('signs the worker in with no signal, and the sign-in arrives once when the signal returns', async () => {
    await page.goto(`${demo.url}/m/`);
    await page.getByLabel('用户名').fill('worker');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).tap();
    await expect.poll(() => page.getByTestId('outbox-entry').isVisible(), { timeout: 15_000 }).toBe(true);

    // What the phone's camera opens from the QR code on the wall.
    await page.goto(`${demo.url}/m/training/check-in?s=${session.id}&t=${session.signInToken ?? ''}`);
    await expect.poll(() => page.getByTestId('training-topic').textContent(), { timeout: 15_000 }).toBe(topic);
    expect(await page.getByText('马踏镇便民服务中心三楼会议室').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('field-training-check-in'), fullPage: true });

    await context.setOffline(true);
    await expect.poll(() => page.getByTestId('network').textContent()).toBe('离线');
    const tapped = Date.now();
    await page.getByRole('button', { name: '签到' }).tap();
    await expect.poll(() => page.getByTestId('training-signed').isVisible()).toBe(true);
    expect(await page.getByText(/待上传/).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('field-training-offline'), fullPage: true });
    // Nothing reached the server while offline, and the sign-in survives a wait.
    await page.waitForTimeout(1500);
    expect(await attendance()).toEqual([]);

    await context.setOffline(false);
    await expect.poll(async () => (await attendance()).length, { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByText(/已上传/).isVisible(), { timeout: 10_000 }).toBe(true);
    const [landed] = await attendance();
    expect(landed).toMatchObject({ accountName: '专职网格员', how: 'qr' });
    // Recorded at the tap, not at the upload.
    expect(Math.abs(Date.parse(landed!.at) - tapped)).toBeLessThan(5000);
    // Sending again (the outbox retries a lost answer with the same key) changes nothing.
    await page.reload();
    await expect.poll(() => page.getByTestId('training-signed').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByText(/\d{2}:\d{2} · 扫码签到/).isVisible()).toBe(true);
    expect(await attendance()).toHaveLength(1);
    await page.screenshot({ path: screenshotPath('field-training-signed'), fullPage: true });
  });

  it('lists the session under 我的培训 with what the worker is still short of', async () => {
    await page.getByRole('button', { name: /我的培训/ }).tap();
    await expect.poll(() => page.getByText(topic).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByText(/专业知识和技能 每季度至少 1 次/).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('field-training-mine'), fullPage: true });
    // Also one tap from home.
    await page.goto(`${demo.url}/m/`);
    await page.getByTestId('my-trainings').tap();
    await expect.poll(() => page.getByText(topic).isVisible(), { timeout: 15_000 }).toBe(true);
    await context.close();
    expect(errors).toEqual([]);
  });
});
