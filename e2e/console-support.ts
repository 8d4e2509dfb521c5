// What the console's browser journeys share: a built server on a fresh demo county with its own
// data directory, Debian's Chromium, signing in through the page or through the API, and the page
// errors a journey must end without.
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  assertServerBuilt,
  startServer,
  type RunningServer,
} from '../apps/server/src/test-support/gridwork-process.js';
import { makeTempDir } from '../apps/server/src/test-support/test-db.js';
import { launchChromium } from './browser.js';

export const DEMO_PASSWORD = 'Grid@2026';

export interface SignInOptions {
  readonly password?: string;
  readonly acceptDownloads?: boolean;
  readonly viewport?: { width: number; height: number };
  /** Console errors that the journey expects (a refused request it provokes, tiles it cannot reach). */
  readonly ignore?: (text: string, url: string) => boolean;
}

export interface DemoConsole {
  readonly url: string;
  readonly browser: Browser;
  /** Page errors and console errors seen so far, each prefixed by the user. */
  readonly errors: string[];
  /** Opens the console in a new browser context and signs in through the page; does not wait for the desk. */
  signIn(username: string, options?: SignInOptions): Promise<{ context: BrowserContext; page: Page }>;
  /** The session cookie of a demo user, for calls a journey makes through the API. */
  apiSignIn(username: string): Promise<string>;
  apiCall<T>(cookie: string, method: string, route: string, body?: unknown): Promise<T>;
}

/** Starts a server on a fresh demo county and Chromium before the file's tests, stops both after. */
export function demoConsole(name: string, env: Record<string, string> = {}): DemoConsole {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;
  const errors: string[] = [];

  beforeAll(async () => {
    assertServerBuilt();
    dataDir = makeTempDir(`gridwork-e2e-${name}-`);
    server = await startServer({ GRIDWORK_DATA_DIR: dataDir, ...env }, ['--demo']);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    await server?.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    get url() {
      return server.url;
    },
    get browser() {
      return browser;
    },
    errors,
    async signIn(username, options = {}) {
      const context = await browser.newContext({
        viewport: options.viewport ?? { width: 1366, height: 768 },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        acceptDownloads: options.acceptDownloads ?? false,
      });
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(`${username}: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        // The page asks who is signed in before anyone is: that 401 is how it learns.
        if (text.includes('401') || options.ignore?.(text, message.location().url)) return;
        errors.push(`${username}: ${text}`);
      });
      await page.goto(`${server.url}/`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(options.password ?? DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      return { context, page };
    },
    async apiSignIn(username) {
      const response = await fetch(`${server.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      expect(response.status).toBe(200);
      return response.headers
        .getSetCookie()
        .map((cookie) => cookie.split(';')[0])
        .join('; ');
    },
    async apiCall<T>(cookie: string, method: string, route: string, body?: unknown) {
      const response = await fetch(`${server.url}${route}`, {
        method,
        headers: { cookie, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const payload = (await response.json()) as T;
      expect(response.ok, JSON.stringify(payload)).toBe(true);
      return payload;
    },
  };
}
