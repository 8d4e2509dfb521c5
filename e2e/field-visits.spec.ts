// Issue 9 on a cheap phone (360×740, touch, zh-CN, GPS inside the demo's 一组网格): the county
// plans visits for released prisoners, the center registers three of the grid's people as such, and
// the grid worker sees them under 走访任务. With no signal the worker visits all three (one with a
// photo, one abnormal with an event raised in one tap), registers a floating person's arrival (来)
// in a rental house and another's departure (去); when the signal comes back each write reaches
// the server exactly once, and the center sees the visits and the raised event linked.
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckCharacter, shanghaiDate } from '@gridwork/core';
import { chromiumAvailable, screenshotPath } from './browser.js';
import { DEMO_PASSWORD, demoConsole } from './console-support.js';

interface Person {
  id: string;
  name: string;
  status: string;
  residenceStatus: string;
}
interface Visit {
  id: string;
  clientKey: string;
  met: string;
  situation: string;
  eventId: string | null;
  photoIds: string[];
  notes: string | null;
  location: { lon: number; lat: number } | null;
}
interface Registration {
  id: string;
  personId: string;
  personName: string;
  status: string;
  originCode: string;
  houseId: string | null;
  destinationName: string | null;
}

/** A small PNG the phone shrinks to a JPEG before upload. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAH0lEQVR4nGNgYPj/nxLMMGrAqAGjBowaMGrAqAHDyQAAW6r/ERn/YtsAAAAASUVORK5CYII=',
  'base64',
);

function daysAgo(days: number): string {
  return shanghaiDate(Date.now() - days * 24 * 3600 * 1000);
}

describe.skipIf(!chromiumAvailable)('visits and the floating population from the phone', () => {
  const demo = demoConsole('field-visits');
  let context: BrowserContext;
  let page: Page;
  let center: string;
  let county: string;
  let visited: Person[] = [];
  let leaving: Person;
  let refused: Person;
  let movedOut: Person;
  let registered: Person;
  let house: { id: string; name: string };
  let gridId: string;
  const errors: string[] = [];
  const run = Date.now().toString(36);

  beforeAll(async () => {
    county = await demo.apiSignIn('county');
    center = await demo.apiSignIn('center');
    const grid = (
      await demo.apiCall<{ grid: { id: string } }>(center, 'GET', '/api/grids/locate?lon=104.005&lat=29.504')
    ).grid;
    gridId = grid.id;
    // People of the grid with no key-group record and no visit yet (the demo has a few of those).
    const people: Person[] = [];
    for (const person of (
      await demo.apiCall<{ items: Person[] }>(center, 'GET', `/api/persons?gridId=${grid.id}&limit=40`)
    ).items) {
      if (people.length === 7) break;
      if (person.status !== 'active' || person.residenceStatus === 'floating') continue;
      const [special, visits] = await Promise.all([
        demo.apiCall<{ items: unknown[] }>(center, 'GET', `/api/persons/${person.id}/special-populations`),
        demo.apiCall<{ items: unknown[] }>(center, 'GET', `/api/persons/${person.id}/visits`),
      ]);
      if (special.items.length === 0 && visits.items.length === 0) people.push(person);
    }
    visited = people.slice(0, 3);
    leaving = people[3]!;
    refused = people[4]!;
    movedOut = people[5]!;
    registered = people[6]!;
    // At-risk youth (重点青少年): a plan of the test's own, first visit 7 days after the start.
    await demo.apiCall(county, 'POST', '/api/follow-up-plans', {
      name: `重点青少年走访 ${run}`,
      subject: { kind: 'special_population', category: 'key_youth', riskLevel: null },
      intervalsDays: [7, 30],
    });
    for (const person of visited)
      await demo.apiCall(center, 'POST', `/api/persons/${person.id}/special-populations`, {
        category: 'key_youth',
        riskLevel: 'medium',
        supervisingUnit: '马踏镇派出所',
        startDate: daysAgo(2),
      });
    house = await demo.apiCall<{ id: string; name: string }>(center, 'POST', '/api/houses', {
      gridId: grid.id,
      name: `一组 ${run} 号出租屋`,
      category: 'rental',
      address: `马踏村一组 ${run} 号`,
    });
    // Someone who arrived last month and leaves today.
    await demo.apiCall(center, 'POST', '/api/floating/arrivals', {
      clientKey: `e2e-arrival-${run}`,
      personId: leaving.id,
      originCode: '510107',
      reason: 'work',
      arrivedOn: daysAgo(30),
    });

    context = await demo.browser.newContext({
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
      if (message.type() === 'error' && !/401|ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(text))
        errors.push(text);
    });
  });

  /** On the full list of visits due (查看全部), the 本周到期 tab. */
  async function dueThisWeek() {
    await page.locator('.adm-tabs-tab').filter({ hasText: '本周到期' }).tap();
  }

  async function tab(name: string) {
    await page.locator('.adm-tab-bar-item').filter({ hasText: name }).tap();
  }

  /** Picks a row in each wheel of the open picker, then 确定. */
  async function pickCascade(labels: readonly string[]) {
    const picker = page.locator('.adm-popup-body:visible').filter({ has: page.locator('.adm-picker-view') });
    for (const [index, label] of labels.entries()) {
      const item = picker
        .locator('.adm-picker-view-column')
        .nth(index)
        .locator('.adm-picker-view-column-item', { hasText: label })
        .first();
      // A wheel takes its new rows after the one before it moved: click until the row is chosen.
      await expect
        .poll(async () => {
          await item.dispatchEvent('click');
          return item.getAttribute('data-selected');
        })
        .toBe('true');
    }
    await picker.getByText('确定', { exact: true }).tap();
    await expect.poll(() => picker.count()).toBe(0);
  }

  async function kept(key: string): Promise<boolean> {
    return page.evaluate(
      (wanted) =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('gridwork-field');
          open.onsuccess = () => {
            const request = open.result.transaction('reads').objectStore('reads').get(wanted);
            request.onsuccess = () => resolve(request.result !== undefined);
            request.onerror = () => resolve(false);
          };
          open.onerror = () => resolve(false);
        }),
      key,
    );
  }

  it('shows the visits due on the home screen and keeps them for use with no signal', async () => {
    await page.goto(`${demo.url}/m/`);
    await page.getByLabel('用户名').fill('worker');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).tap();
    await expect.poll(() => page.getByTestId('visits-due').isVisible(), { timeout: 15_000 }).toBe(true);
    // Home shows the five most pressing: the demo's own records, entered on the days they began,
    // are late by now and lead; the rest are one tap away.
    const late = await Promise.all(
      ['visits-overdue', 'visits-missed'].map(async (id) =>
        Number(await page.getByTestId(id).locator('strong').textContent()),
      ),
    );
    expect(late.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('due-visit').first().textContent()).toMatch(/已逾期|漏访/);
    await page.screenshot({ path: screenshotPath('field-visits-home'), fullPage: true });
    await page.getByText('查看全部', { exact: true }).first().tap();
    await expect.poll(() => page.url()).toMatch(/\/m\/visits\/due$/);
    await dueThisWeek();
    // Begun 2 days ago under a plan whose first visit is due after 7 days: due this week.
    for (const person of visited)
      await expect
        .poll(() => page.getByTestId('due-visit').filter({ hasText: person.name }).textContent())
        .toMatch(/本周到期/);
    await page.goto(`${demo.url}/m/`);
    // The app shell, the visit and arrival screens and the division list are in the service
    // worker's cache before the phone goes anywhere.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    // What the forms need offline is on the phone: categories for a raised event, the rental houses.
    await expect.poll(() => kept('/api/event-categories'), { timeout: 15_000 }).toBe(true);
    await expect
      .poll(() => kept(`/api/houses?gridId=${gridId}&category=rental&limit=100`), { timeout: 15_000 })
      .toBe(true);
    // The leaving person's page once with a signal, as the worker would have opened it before.
    await page.goto(`${demo.url}/m/grid/${leaving.id}`);
    await expect.poll(() => page.getByTestId('person-name').textContent()).toBe(leaving.name);
    await page.goto(`${demo.url}/m/`);
    await expect.poll(() => page.getByTestId('visits-due').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(errors).toEqual([]);
  });

  it('records three visits, an arrival and a departure with no signal, and each lands exactly once', async () => {
    await context.setOffline(true);
    await expect.poll(() => page.getByTestId('network').textContent()).toBe('离线');
    const [plain, withPhoto, abnormal] = visited as [Person, Person, Person];
    await page.getByText('查看全部', { exact: true }).first().tap();
    await expect.poll(() => page.url()).toMatch(/\/m\/visits\/due$/);

    // 1: the person at home, all well: open from the due list, one tap to save.
    await dueThisWeek();
    await page.getByTestId('due-visit').filter({ hasText: plain.name }).tap();
    await expect.poll(() => page.getByTestId('visit-subject').textContent()).toBe(plain.name);
    await expect.poll(() => page.getByTestId('position').textContent()).toContain('精度约 12 米');
    await page.screenshot({ path: screenshotPath('field-visit-form'), fullPage: true });
    await page.getByRole('button', { name: '保存走访' }).tap();
    await expect.poll(() => page.url()).toMatch(/\/m\/visits\/due$/);

    // 2: a relative met, notes and a photo.
    await dueThisWeek();
    await page.getByTestId('due-visit').filter({ hasText: withPhoto.name }).tap();
    await expect.poll(() => page.getByTestId('visit-subject').textContent()).toBe(withPhoto.name);
    await page.getByText('亲属', { exact: true }).tap();
    await page.getByLabel('走访情况').fill('本人外出务工，母亲在家，情况稳定。');
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: 'visit.png', mimeType: 'image/png', buffer: PHOTO });
    await expect.poll(() => page.locator('.photo-thumb').count()).toBe(1);
    await page.getByRole('button', { name: '保存走访' }).tap();
    await expect.poll(() => page.url()).toMatch(/\/m\/visits\/due$/);

    // 3: abnormal: the event is raised in the same tap, category 特殊人群 and the notes as description.
    await dueThisWeek();
    await page.getByTestId('due-visit').filter({ hasText: abnormal.name }).tap();
    await expect.poll(() => page.getByTestId('visit-subject').textContent()).toBe(abnormal.name);
    await page.getByText('异常', { exact: true }).tap();
    await page.getByLabel('走访情况').fill(`与邻居发生纠纷，情绪激动 ${run}`);
    await expect.poll(() => page.getByTestId('raised-category').textContent()).toBe('特殊人群');
    await page.screenshot({ path: screenshotPath('field-visit-abnormal'), fullPage: true });
    await page.getByRole('button', { name: '保存走访' }).tap();
    await expect.poll(() => page.url()).toMatch(/\/m\/visits\/due$/);
    await dueThisWeek();
    for (const person of visited)
      await expect
        .poll(() => page.getByTestId('due-visit').filter({ hasText: person.name }).textContent())
        .toContain('已走访');
    await page.screenshot({ path: screenshotPath('field-visits-offline'), fullPage: true });

    // An arrival (来): someone new, from 四川省 乐山市 犍为县, renting the house.
    const first17 = `51112319950505${String(Date.now() % 1000).padStart(3, '0')}`;
    const idNumber = first17 + idNumberCheckCharacter(first17);
    const newcomer = `外来务工者${run.slice(-3)}`;
    await tab('我的网格');
    await page.getByRole('button', { name: '登记流动人口来' }).tap();
    await expect.poll(() => page.url()).toMatch(/\/m\/grid\/arrival$/);
    await page.getByLabel('姓名').fill(newcomer);
    await page.getByLabel('身份证号').fill(idNumber);
    await expect.poll(() => page.getByTestId('origin').textContent()).toBe('请选择省、市、县');
    await page.getByTestId('origin').tap();
    await pickCascade(['四川省', '乐山市', '犍为县']);
    await expect.poll(() => page.getByTestId('origin').textContent()).toBe('四川省 乐山市 犍为县');
    await page.getByText(house.name).tap();
    await page.getByLabel('工作单位').fill('马踏茶叶专业合作社');
    await page.screenshot({ path: screenshotPath('field-arrival'), fullPage: true });
    await page.getByRole('button', { name: '登记', exact: true }).tap();
    await expect.poll(() => page.url()).toMatch(/\/m\/grid$/);

    // A departure (去) from the person's page, opened with no signal from the kept copy.
    await page.goto(`${demo.url}/m/grid/${leaving.id}`);
    await expect
      .poll(() => page.getByTestId('person-name').textContent(), { timeout: 15_000 })
      .toBe(leaving.name);
    await page.getByRole('button', { name: '登记离开（去）' }).tap();
    await page.getByTestId('destination-division').tap();
    await pickCascade(['四川省', '成都市', '武侯区']);
    await page.getByLabel('去向', { exact: true }).fill('务工');
    await page.screenshot({ path: screenshotPath('field-departure') });
    await page.getByRole('button', { name: '确认离开' }).tap();
    await expect.poll(() => page.getByTestId('outbox-state').first().textContent()).toBe('等待上传');

    // Nothing has reached the server yet.
    for (const person of visited)
      expect(
        (await demo.apiCall<{ items: Visit[] }>(center, 'GET', `/api/persons/${person.id}/visits`)).items,
      ).toEqual([]);

    await tab('首页');
    await page.getByTestId('outbox-entry').getByText('待上传').tap();
    await expect.poll(() => page.getByTestId('outbox-summary').textContent()).toContain('5 项未上传');
    await page.screenshot({ path: screenshotPath('field-visits-outbox-offline'), fullPage: true });

    await context.setOffline(false);
    await expect
      .poll(() => page.getByTestId('outbox-summary').textContent(), { timeout: 30_000 })
      .toBe('全部已上传');
    await page.screenshot({ path: screenshotPath('field-visits-outbox-sent'), fullPage: true });

    // Each visit once, as recorded; the abnormal one names its event, which the center sees.
    const visitsOf = async (person: Person) =>
      (await demo.apiCall<{ items: Visit[] }>(center, 'GET', `/api/persons/${person.id}/visits`)).items;
    const [plainVisits, photoVisits, abnormalVisits] = await Promise.all(visited.map(visitsOf));
    expect(plainVisits).toHaveLength(1);
    expect(plainVisits?.[0]).toMatchObject({ met: 'person', situation: 'normal', eventId: null });
    expect(plainVisits?.[0]?.location?.lon).toBeCloseTo(104.005, 5);
    expect(photoVisits).toHaveLength(1);
    expect(photoVisits?.[0]).toMatchObject({ met: 'relative', notes: '本人外出务工，母亲在家，情况稳定。' });
    expect(photoVisits?.[0]?.photoIds).toHaveLength(1);
    expect(abnormalVisits).toHaveLength(1);
    expect(abnormalVisits?.[0]?.situation).toBe('abnormal');
    const eventId = abnormalVisits?.[0]?.eventId;
    expect(eventId).toBeTruthy();
    const event = await demo.apiCall<{
      id: string;
      categoryCode: string;
      description: string;
      gridName: string;
    }>(center, 'GET', `/api/events/${eventId}`);
    expect(event).toMatchObject({
      categoryCode: 'special_population',
      description: `与邻居发生纠纷，情绪激动 ${run}`,
      gridName: '一组网格',
    });
    const reported = await demo.apiCall<{ items: { id: string; title: string }[] }>(
      center,
      'GET',
      '/api/events?limit=100',
    );
    expect(reported.items.filter((item) => item.title.includes(abnormal.name))).toEqual([
      expect.objectContaining({ id: eventId }),
    ]);

    // The arrival once: a floating person renting the house; the departure ended the other stay.
    const arrivals = await demo.apiCall<{ items: Registration[] }>(
      center,
      'GET',
      `/api/floating?q=${encodeURIComponent(newcomer)}`,
    );
    expect(arrivals.items).toHaveLength(1);
    expect(arrivals.items[0]).toMatchObject({ originCode: '511123', houseId: house.id, status: 'present' });
    const tenants = await demo.apiCall<{ items: { personId: string }[] }>(
      center,
      'GET',
      `/api/houses/${house.id}/tenants`,
    );
    expect(tenants.items.map((tenant) => tenant.personId)).toEqual([arrivals.items[0]?.personId]);
    const left = await demo.apiCall<{ items: Registration[] }>(
      center,
      'GET',
      `/api/floating?q=${encodeURIComponent(leaving.name)}`,
    );
    expect(left.items.filter((item) => item.personId === leaving.id)).toEqual([
      expect.objectContaining({ status: 'departed', destinationName: expect.stringContaining('武侯区') }),
    ]);
    expect(errors).toEqual([]);
  });

  it('shows a person’s visits on their page, and the due list no longer asks for them', async () => {
    await page.goto(`${demo.url}/m/grid/${visited[2]!.id}`);
    await expect.poll(() => page.getByTestId('visit').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('visit').textContent()).toContain('已上报事件');
    await page.screenshot({ path: screenshotPath('field-visit-history'), fullPage: true });
    // A visit the server flagged (recorded far from the house) is listed as flagged, not as a failure.
    const flagged = await demo.apiCall<{ items: { personId: string; distanceM: number; flags: string[] }[] }>(
      center,
      'GET',
      '/api/visits?flagged=true',
    );
    const far = flagged.items.find((visit) => visit.flags.includes('far_from_address'));
    expect(far).toBeDefined();
    await page.goto(`${demo.url}/m/grid/${far?.personId ?? ''}`);
    await expect
      .poll(() => page.getByTestId('visit-flag').allTextContents(), { timeout: 15_000 })
      .toContain(`离住址约 ${Math.round(far?.distanceM ?? 0)} 米`);
    await page.screenshot({ path: screenshotPath('field-visit-flagged'), fullPage: true });
    await page.goto(`${demo.url}/m/`);
    await expect.poll(() => page.getByTestId('visits-due').isVisible(), { timeout: 15_000 }).toBe(true);
    for (const person of visited)
      expect(await page.getByTestId('due-visit').filter({ hasText: person.name }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows a visit the server refuses (the person moved out of my grids meanwhile) as 需处理 with the server’s words, and sends it corrected', async () => {
    await page.goto(`${demo.url}/m/grid/${refused.id}`);
    await expect
      .poll(() => page.getByTestId('person-name').textContent(), { timeout: 15_000 })
      .toBe(refused.name);
    await page.getByRole('button', { name: '记录走访' }).tap();
    await expect.poll(() => page.getByTestId('visit-subject').textContent()).toBe(refused.name);
    await context.setOffline(true);
    await expect.poll(() => page.getByTestId('network').textContent()).toBe('离线');
    await page.getByRole('button', { name: '保存走访' }).tap();
    await expect.poll(() => page.getByTestId('visit-on-phone').count()).toBe(1);

    // Meanwhile the village moves the person to another grid, outside this worker's.
    const elsewhere = (
      await demo.apiCall<{ items: { gridId: string | null }[] }>(center, 'GET', '/api/persons?limit=100')
    ).items.find((person) => person.gridId !== null && person.gridId !== gridId);
    const other = { id: elsewhere?.gridId };
    const current = await demo.apiCall<{ version: number }>(center, 'GET', `/api/persons/${refused.id}`);
    await demo.apiCall(center, 'PATCH', `/api/persons/${refused.id}`, {
      version: current.version,
      gridId: other?.id,
      reason: '搬到别的网格',
    });

    await context.setOffline(false);
    await tab('首页');
    await page.getByTestId('outbox-entry').getByText('待上传').tap();
    const item = page.getByTestId('outbox-item').filter({ hasText: `走访：${refused.name}` });
    await expect
      .poll(() => item.getByTestId('outbox-state').textContent(), { timeout: 30_000 })
      .toBe('需处理');
    expect(await item.locator('.outbox-message.attention').textContent()).toBe(
      '记录不存在或不在您的管辖范围内',
    );
    await page.screenshot({ path: screenshotPath('field-visit-refused'), fullPage: true });
    expect(
      (await demo.apiCall<{ items: Visit[] }>(center, 'GET', `/api/persons/${refused.id}/visits`)).items,
    ).toEqual([]);
    // The village finds the move was a mistake and moves the person back; the worker corrects the
    // visit's notes on the phone and sends it again: it arrives once, as corrected.
    const moved = await demo.apiCall<{ version: number }>(center, 'GET', `/api/persons/${refused.id}`);
    await demo.apiCall(center, 'PATCH', `/api/persons/${refused.id}`, { version: moved.version, gridId, reason: '误操作，搬回原网格' });
    await item.getByRole('button', { name: '修改' }).tap();
    await page.locator('.adm-popup-body:visible').getByRole('textbox').fill('补记：本人在家，情况稳定');
    await page.getByRole('button', { name: '保存并重新上传' }).tap();
    await expect.poll(() => item.getByTestId('outbox-state').textContent(), { timeout: 30_000 }).toBe('已上传');
    const sent = (await demo.apiCall<{ items: Visit[] }>(center, 'GET', `/api/persons/${refused.id}/visits`)).items;
    expect(sent.map((visit) => visit.notes)).toEqual(['补记：本人在家，情况稳定']);
    // The one error the page saw is the refusal this test provoked.
    expect(errors).toEqual([
      'Failed to load resource: the server responded with a status of 404 (Not Found)',
    ]);
  });

  it('still sends a departure queued on the phone before issue 9 (the old kind of outbox item)', async () => {
    errors.length = 0;
    const before = await demo.apiCall<{ version: number }>(center, 'GET', `/api/persons/${movedOut.id}`);
    await page.evaluate(
      ({ personId, version, key }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('gridwork-field');
          open.onerror = () => reject(new Error('no field database'));
          open.onsuccess = () => {
            const store = open.result.transaction('outbox', 'readwrite').objectStore('outbox');
            const put = store.put({
              kind: 'register_departure',
              key,
              seq: Date.now() * 1000,
              label: '人员离开：（旧版）',
              state: 'waiting',
              message: null,
              attempts: 0,
              createdAt: new Date().toISOString(),
              sentAt: null,
              photos: [],
              personId,
              body: { version, status: 'moved_out', reason: '离开，去向：成都市' },
            });
            put.onsuccess = () => resolve();
            put.onerror = () => reject(new Error('not stored'));
          };
        }),
      { personId: movedOut.id, version: before.version, key: `legacy-departure-${run}` },
    );
    // The app starts again (an update of the app on the phone) and sends what it finds.
    await page.goto(`${demo.url}/m/outbox`);
    const item = page.getByTestId('outbox-item').filter({ hasText: '人员离开：（旧版）' });
    await expect
      .poll(() => item.getByTestId('outbox-state').textContent(), { timeout: 30_000 })
      .toBe('已上传');
    const after = await demo.apiCall<{ status: string; version: number }>(
      center,
      'GET',
      `/api/persons/${movedOut.id}`,
    );
    expect(after).toMatchObject({ status: 'moved_out', version: before.version + 1 });
    expect(errors).toEqual([]);
  });

  it('registers the arrival of someone already registered, found by name, as a tenant of the house', async () => {
    errors.length = 0;
    await page.goto(`${demo.url}/m/grid/arrival`);
    await page.getByText('已登记的人', { exact: true }).tap();
    await page.getByPlaceholder('姓名或身份证号').fill(registered.name);
    await page.getByPlaceholder('姓名或身份证号').press('Enter');
    await page.getByTestId('arrival-candidate').filter({ hasText: registered.name }).first().tap();
    await expect.poll(() => page.getByTestId('arrival-person').textContent()).toContain(registered.name);
    await page.getByTestId('origin').tap();
    await pickCascade(['重庆市', '（不详）']);
    await expect.poll(() => page.getByTestId('origin').textContent()).toBe('重庆市');
    await page.getByText('投亲靠友', { exact: true }).tap();
    await page.getByText(house.name).tap();
    await page.screenshot({ path: screenshotPath('field-arrival-registered'), fullPage: true });
    await page.getByRole('button', { name: '登记', exact: true }).tap();
    await expect.poll(() => page.url()).toMatch(/\/m\/grid$/);
    await expect
      .poll(
        async () =>
          (
            await demo.apiCall<{ items: Registration[] }>(
              center,
              'GET',
              `/api/floating?q=${encodeURIComponent(registered.name)}`,
            )
          ).items.filter((item) => item.personId === registered.id),
        { timeout: 20_000 },
      )
      .toEqual([expect.objectContaining({ originCode: '50', houseId: house.id, status: 'present' })]);
    const person = await demo.apiCall<Person>(center, 'GET', `/api/persons/${registered.id}`);
    expect(person.residenceStatus).toBe('floating');
    expect(errors).toEqual([]);
  });

  it('shows the visits due and the visit form in English', async () => {
    errors.length = 0;
    await page.goto(`${demo.url}/m/`);
    await page.getByTestId('language-switch').tap();
    await expect
      .poll(() => page.getByText('Visits due', { exact: true }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await page.getByTestId('due-visit').first().tap();
    await expect.poll(() => page.getByRole('button', { name: 'Save the visit' }).isVisible()).toBe(true);
    await page.getByText('Abnormal', { exact: true }).tap();
    await expect.poll(() => page.getByText('Also report an event', { exact: true }).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('field-visit-form-en'), fullPage: true });
    await page.goto(`${demo.url}/m/grid/arrival`);
    await expect.poll(() => page.getByTestId('origin').textContent()).toBe('Province, city, county');
    await expect.poll(() => page.getByText(house.name).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('field-arrival-en'), fullPage: true });
    await page.goto(`${demo.url}/m/`);
    await page.getByTestId('language-switch').tap();
    await expect
      .poll(() => page.getByText('走访任务', { exact: true }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    expect(errors).toEqual([]);
  });
});
