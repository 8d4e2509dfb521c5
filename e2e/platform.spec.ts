// The platform end to end in a real browser: one server process on a fresh demo county, the
// console on a desktop screen and the field app on a phone-sized one.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertServerBuilt,
  startServer,
  type RunningServer,
} from '../apps/server/src/test-support/gridwork-process.js';
import { makeTempDir } from '../apps/server/src/test-support/test-db.js';
import { chromiumAvailable, launchChromium, screenshotPath } from './browser.js';

describe.skipIf(!chromiumAvailable)('the platform in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    assertServerBuilt();
    dataDir = makeTempDir('gridwork-e2e-');
    server = await startServer({ GRIDWORK_DATA_DIR: dataDir }, ['--demo']);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    await server?.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a county administrator opens the console, mistypes the password, then signs in', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.getByTestId('health').textContent()).toContain('服务正常 · 数据库 sqlite');

    await page.getByLabel('用户名').fill('county');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('用户名或密码错误');
    await page.screenshot({ path: screenshotPath('console-wrong-password') });

    await page.getByLabel('密码').fill('Grid@2026');
    await page.getByRole('button', { name: '登录' }).click();
    await expect
      .poll(() => page.getByTestId('signed-in').textContent())
      .toContain('县中心管理员（县网格化服务管理中心）');
    await page.screenshot({ path: screenshotPath('console-signed-in') });

    // The session is a cookie the page cannot read, and it survives a reload.
    expect(await page.evaluate(() => document.cookie)).not.toContain('gw_session');
    await page.reload();
    await expect.poll(() => page.getByTestId('signed-in').isVisible()).toBe(true);

    await page.getByRole('button', { name: '退出登录' }).click();
    await expect.poll(() => page.getByRole('button', { name: '登录' }).isVisible()).toBe(true);
    // 401 from /api/auth/me before sign-in is expected; nothing else may fail.
    expect(consoleErrors.filter((text) => !text.includes('401'))).toEqual([]);
    await context.close();
  });

  it('a grid worker opens the field app on a phone, signs in, and sees when the signal drops', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/m/`);
    await expect.poll(() => page.getByTestId('network').textContent()).toBe('在线');
    await page.getByLabel('用户名').fill('worker');
    await page.getByLabel('密码').fill('Grid@2026');
    await page.getByRole('button', { name: '登录' }).tap();
    await expect.poll(() => page.getByTestId('signed-in').textContent()).toContain('专职网格员');
    await page.screenshot({ path: screenshotPath('field-signed-in') });

    await context.setOffline(true);
    await expect.poll(() => page.getByTestId('network').textContent()).toBe('离线');
    await page.screenshot({ path: screenshotPath('field-offline') });
    await context.setOffline(false);
    await context.close();
  });

  it('a deep link into either app opens the app, not an error', async () => {
    const page = await browser.newPage();
    const consoleDeep = await page.goto(`${server.url}/events/some-id`);
    expect(consoleDeep?.status()).toBe(200);
    await expect.poll(() => page.title()).toBe('城乡网格化管理服务信息平台');
    const fieldDeep = await page.goto(`${server.url}/m/report/new`);
    expect(fieldDeep?.status()).toBe(200);
    await expect.poll(() => page.title()).toBe('网格员移动端');
    await page.close();
  });
});
