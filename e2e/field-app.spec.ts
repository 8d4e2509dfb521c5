// The field app on a cheap phone (360×740, touch, zh-CN, GPS inside the demo's 一组网格): a grid
// worker reports an event with a photo and finds it under 我的事件 in the grid the GPS found; then
// the signal drops, the worker makes 20 reports and 5 record verifications, the page is reloaded
// with no signal (the service worker opens the app, the outbox is still there), the signal comes
// back, and every write reaches the server exactly once.
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '@gridwork/core';
import {
  assertServerBuilt,
  startServer,
  type RunningServer,
} from '../apps/server/src/test-support/gridwork-process.js';
import { makeTempDir } from '../apps/server/src/test-support/test-db.js';
import { chromiumAvailable, launchChromium, screenshotPath } from './browser.js';

/** A camera-sized PNG (2400×1200, a two-colour pattern): big enough that the phone must shrink it. */
function cameraPng(width = 2400, height = 1200): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer) => {
    let crc = 0xffffffff;
    for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = y * (width * 3 + 1) + 1 + x * 3;
      const green = (Math.floor(x / 200) + Math.floor(y / 200)) % 2 === 0;
      rows.set(green ? [60, 160, 80] : [200, 200, 190], at);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Width and height from a JPEG's start-of-frame marker. */
function jpegSize(bytes: Buffer): { width: number; height: number } | null {
  let at = 2;
  while (at < bytes.length) {
    const marker = bytes[at + 1] ?? 0;
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xc3)
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  return null;
}

interface PersonView {
  id: string;
  name: string;
  address?: string | null;
  version: number;
  verifiedAt: string | null;
  residenceStatus?: string;
  status?: string;
}

describe.skipIf(!chromiumAvailable)('the field app on a phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dataDir: string;
  const errors: string[] = [];
  const photo = cameraPng();

  beforeAll(async () => {
    assertServerBuilt();
    dataDir = makeTempDir('gridwork-e2e-field-');
    server = await startServer({ GRIDWORK_DATA_DIR: dataDir }, ['--demo']);
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      geolocation: { latitude: 29.504, longitude: 104.005, accuracy: 12 },
      permissions: ['geolocation'],
    });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      const text = message.text();
      // 401 before sign-in and failed loads while the phone has no signal are expected.
      if (message.type() === 'error' && !/401|ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(text))
        errors.push(text);
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    server?.child.kill('SIGTERM');
    await server?.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** The worker's session cookie, to ask the API what landed. */
  async function apiGet<T>(path: string): Promise<T> {
    const cookie = (await context.cookies(server.url)).map((item) => `${item.name}=${item.value}`).join('; ');
    const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  }

  async function tab(name: string) {
    await page.locator('.adm-tab-bar-item').filter({ hasText: name }).tap();
  }

  async function report(title: string, withPhoto: boolean) {
    await tab('上报');
    await page.getByRole('button', { name: '环境卫生', exact: true }).tap();
    await page.getByLabel('标题').fill(title);
    await page.getByLabel('描述').fill('村道旁垃圾堆积，需要清运。');
    if (withPhoto) {
      await page
        .locator('input[type=file]')
        .first()
        .setInputFiles({ name: 'camera.png', mimeType: 'image/png', buffer: photo });
      await expect.poll(() => page.locator('.photo-thumb').count()).toBe(1);
    }
    await expect.poll(() => page.getByTestId('located-grid').textContent()).toBe('一组网格');
    await page.getByRole('button', { name: '提交' }).tap();
    await expect.poll(() => page.url()).toMatch(/\/m\/events$/);
  }

  it('signs in, reports an event with a photo, and finds it under 我的事件 in the grid the GPS found', async () => {
    await page.goto(`${server.url}/m/`);
    await page.getByLabel('用户名').fill('worker');
    await page.getByLabel('密码').fill('Grid@2026');
    await page.getByRole('button', { name: '登录' }).tap();
    await expect.poll(() => page.getByTestId('signed-in').textContent()).toContain('专职网格员');
    await expect.poll(() => page.getByText('本月上报任务').isVisible()).toBe(true);
    // The app shell is in the service worker's cache before the phone goes anywhere.
    expect(await page.evaluate(async () => Boolean(await navigator.serviceWorker.ready))).toBe(true);
    await page.screenshot({ path: screenshotPath('field-home') });

    const title = '村道旁垃圾堆积（浏览器测试）';
    await tab('上报');
    await expect
      .poll(() => page.getByRole('button', { name: '环境卫生', exact: true }).isVisible())
      .toBe(true);
    await page.screenshot({ path: screenshotPath('field-report-categories') });
    await page.getByRole('button', { name: '环境卫生', exact: true }).tap();
    await page.getByLabel('标题').fill(title);
    await page.getByLabel('描述').fill('三组村道旁垃圾堆积，需要清运。');
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: 'camera.png', mimeType: 'image/png', buffer: photo });
    await expect.poll(() => page.locator('.photo-thumb').count()).toBe(1);
    await expect.poll(() => page.getByTestId('located-grid').textContent()).toBe('一组网格');
    expect(await page.getByTestId('position').textContent()).toMatch(/104\.00500, 29\.50400（精度约 12 米）/);
    await page.screenshot({ path: screenshotPath('field-report-form'), fullPage: true });
    await page.getByRole('button', { name: '提交' }).tap();

    const row = page.getByTestId('my-event').filter({ hasText: title });
    await expect
      .poll(async () => (await row.first().textContent()) ?? '', { timeout: 15_000 })
      .toMatch(/一组网格.*待受理/);
    expect(await row.count()).toBe(1);
    await page.screenshot({ path: screenshotPath('field-my-events') });

    // The photo went up shrunk to a JPEG whose long side is 1600 px.
    const mine = await apiGet<{ items: { id: string; title: string }[] }>('/api/events?view=mine&limit=100');
    const id = mine.items.find((item) => item.title === title)?.id;
    const event = await apiGet<{ gridName: string; lon: number; photos: { url: string }[] }>(
      `/api/events/${id}`,
    );
    expect(event.gridName).toBe('一组网格');
    expect(event.lon).toBeCloseTo(104.005, 5);
    expect(event.photos).toHaveLength(1);
    const cookie = (await context.cookies(server.url)).map((item) => `${item.name}=${item.value}`).join('; ');
    const bytes = Buffer.from(
      await (await fetch(`${server.url}${event.photos[0]?.url}`, { headers: { cookie } })).arrayBuffer(),
    );
    expect(bytes.subarray(0, 2).toString('hex')).toBe('ffd8');
    expect(jpegSize(bytes)).toEqual({ width: 1600, height: 800 });
    expect(bytes.length).toBeLessThan(photo.length);

    await row.first().tap();
    await expect.poll(() => page.getByTestId('event-grid').textContent()).toBe('一组网格');
    await expect.poll(() => page.getByTestId('timeline-entry').first().textContent()).toBe('上报事件');
    await page.screenshot({ path: screenshotPath('field-event-detail'), fullPage: true });
  });

  it('keeps 20 reports and 5 verifications made with no signal through a reload, and sends each exactly once', async () => {
    // Open 我的网格 once with a signal: the people of my grid are kept on the phone.
    await tab('我的网格');
    await expect.poll(() => page.getByTestId('person').count(), { timeout: 15_000 }).toBeGreaterThan(5);
    await page.screenshot({ path: screenshotPath('field-my-grid') });

    await context.setOffline(true);
    await expect.poll(() => page.getByTestId('network').textContent()).toBe('离线');

    const run = Date.now().toString(36);
    const titles = Array.from({ length: 20 }, (_, index) => `离线上报 ${run} 第${index + 1}件`);
    for (const [index, title] of titles.entries()) await report(title, index < 2);
    await expect
      .poll(() =>
        page
          .getByTestId('my-event')
          .filter({ hasText: `离线上报 ${run}` })
          .count(),
      )
      .toBe(20);
    await page.screenshot({ path: screenshotPath('field-offline-reports') });

    const verified: PersonView[] = [];
    const newAddress = `马踏村三组${run}号`;
    for (let index = 0; index < 5; index += 1) {
      await tab('我的网格');
      await page.getByTestId('person').nth(index).tap();
      await expect.poll(() => page.url()).toMatch(/\/m\/grid\/.+/);
      const id = page.url().split('/').pop() ?? '';
      if (index < 4) await page.getByRole('button', { name: '信息无误，确认复核' }).tap();
      else {
        // The fifth record is wrong: the person moved within the village.
        await page.getByRole('button', { name: '信息有误，提交纠正' }).tap();
        await page.getByLabel('现住址').fill(newAddress);
        await page.screenshot({ path: screenshotPath('field-correction') });
        await page.getByRole('button', { name: '提交纠正', exact: true }).tap();
      }
      await expect.poll(() => page.getByTestId('outbox-state').textContent()).toBe('等待上传');
      verified.push({
        id,
        name: (await page.getByTestId('person-name').textContent()) ?? '',
        version: 0,
        verifiedAt: null,
      });
    }
    await page.screenshot({ path: screenshotPath('field-offline-verified') });

    // With no signal, a reload opens the app from the service worker; the outbox is still there.
    await page.reload();
    await expect.poll(() => page.getByTestId('network').textContent()).toBe('离线');
    await tab('首页');
    await expect.poll(() => page.getByTestId('outbox-count').textContent()).toBe('25');
    await page.getByTestId('outbox-entry').getByText('待上传').tap();
    await expect.poll(() => page.getByTestId('outbox-summary').textContent()).toContain('25 项未上传');
    await page.screenshot({ path: screenshotPath('field-outbox-offline') });

    // Nothing has reached the server yet (the test asks it directly, with a signal).
    const before = await Promise.all(
      verified.map((person) => apiGet<PersonView>(`/api/persons/${person.id}`)),
    );
    const mineBefore = await apiGet<{ items: { title: string }[] }>('/api/events?view=mine&limit=100');
    expect(mineBefore.items.filter((item) => item.title.startsWith(`离线上报 ${run}`))).toHaveLength(0);

    // The signal comes back: everything goes up in order, and the outbox says so.
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('network').textContent()).toBe('在线');
    await expect
      .poll(() => page.getByTestId('outbox-summary').textContent(), { timeout: 30_000 })
      .toBe('全部已上传');
    // The 25 made offline and the first report, each listed as sent.
    expect(await page.getByTestId('outbox-state').allTextContents()).toEqual(
      Array.from({ length: 26 }, () => '已上传'),
    );
    await page.screenshot({ path: screenshotPath('field-outbox-sent') });

    const mine = await apiGet<{ items: { id: string; title: string; gridName: string | null }[] }>(
      '/api/events?view=mine&limit=100',
    );
    for (const title of titles)
      expect(
        mine.items.filter((item) => item.title === title),
        title,
      ).toHaveLength(1);
    expect(
      mine.items
        .filter((item) => item.title.startsWith(`离线上报 ${run}`))
        .every((item) => item.gridName === '一组网格'),
    ).toBe(true);
    const withPhoto = await apiGet<{ photos: unknown[] }>(
      `/api/events/${mine.items.find((item) => item.title === titles[0])?.id}`,
    );
    expect(withPhoto.photos).toHaveLength(1);
    for (const [index, person] of verified.entries()) {
      const after = await apiGet<PersonView>(`/api/persons/${person.id}`);
      // A confirmation stamps the record; the correction also changes it (a new version).
      expect(after.verifiedAt, person.name).not.toBeNull();
      expect(after.verifiedAt).not.toBe(before[index]?.verifiedAt);
      expect(after.version).toBe((before[index]?.version ?? 0) + (index === 4 ? 1 : 0));
      if (index === 4) expect(after.address).toBe(newAddress);
    }
    expect(errors).toEqual([]);
  });

  it('registers a floating person’s arrival as tenant of a rental house, then the departure', async () => {
    const cookie = (await context.cookies(server.url)).map((item) => `${item.name}=${item.value}`).join('; ');
    const grid = (await apiGet<{ grid: { id: string } | null }>('/api/grids/locate?lon=104.005&lat=29.504'))
      .grid;
    // A rental house of the grid, as the village keeps them.
    const created = await fetch(`${server.url}/api/houses`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        gridId: grid?.id,
        name: '一组 12 号出租屋',
        category: 'rental',
        address: '马踏村一组 12 号',
      }),
    });
    expect(created.status).toBe(201);
    const house = (await created.json()) as { id: string };
    const first17 = '51112319950505123';
    const idNumber = first17 + idNumberCheckCharacter(first17);

    await tab('我的网格');
    await page.getByRole('button', { name: '登记流动人口来' }).tap();
    await expect.poll(() => page.url()).toMatch(/\/m\/grid\/arrival$/);
    await page.getByLabel('姓名').fill('外来务工者');
    await page.getByLabel('身份证号').fill(`${first17}${idNumber.endsWith('0') ? '1' : '0'}`);
    await page.getByRole('button', { name: '登记', exact: true }).tap();
    await expect.poll(() => page.getByText('校验码不符，请核对每一位').isVisible()).toBe(true);
    await page.getByLabel('身份证号').fill(idNumber);
    await page.getByLabel('来自').fill('四川省乐山市犍为县');
    await page.getByText('一组 12 号出租屋').tap();
    await page.screenshot({ path: screenshotPath('field-arrival') });
    await page.getByRole('button', { name: '登记', exact: true }).tap();
    await expect.poll(() => page.url()).toMatch(/\/m\/grid$/);

    await expect
      .poll(
        async () =>
          (await apiGet<{ items: PersonView[] }>(`/api/persons?idNumber=${idNumber}`)).items[0]
            ?.residenceStatus,
        { timeout: 20_000 },
      )
      .toBe('floating');
    const [person] = (await apiGet<{ items: PersonView[] }>(`/api/persons?idNumber=${idNumber}`)).items;
    await expect
      .poll(
        async () =>
          (
            await apiGet<{ items: { personId: string; relation: string }[] }>(
              `/api/houses/${house.id}/members`,
            )
          ).items,
        { timeout: 20_000 },
      )
      .toEqual([expect.objectContaining({ personId: person?.id, relation: 'tenant' })]);

    // Weeks later the tenant leaves for the city.
    await page.goto(`${server.url}/m/grid/${person?.id ?? ''}`);
    await page.getByRole('button', { name: '登记离开（去）' }).tap();
    await page.getByLabel('去向').fill('成都市武侯区（务工）');
    await page.getByRole('button', { name: '确认离开' }).tap();
    await expect
      .poll(async () => (await apiGet<PersonView>(`/api/persons/${person?.id ?? ''}`)).status, {
        timeout: 20_000,
      })
      .toBe('moved_out');
    const history = await apiGet<{ items: { reason: string | null }[] }>(
      `/api/persons/${person?.id ?? ''}/history`,
    );
    expect(history.items.at(-1)?.reason).toBe('离开，去向：成都市武侯区（务工）');
    expect(errors).toEqual([]);
  });
});
