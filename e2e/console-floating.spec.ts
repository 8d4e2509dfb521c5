// The floating population in the console, in Chromium on an office screen: the township center
// registers an arrival from 湖北省 黄冈市 黄梅县 (picked in the cascader) into a rental house,
// sees the newcomer under the house and on the landlord's page, and registers the departure; an
// origin the server does not know (an out-of-date division list) is refused under the field; the
// statistics draw their trend chart; a village administrator of another township sees none of it.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '@gridwork/core';
import { chromiumAvailable, screenshotPath } from './browser.js';
import { DEMO_PASSWORD, demoConsole } from './console-support.js';

/** A resident ID number of 黄梅县 with a correct check digit. */
function idNumber(birth: string, sequence: string): string {
  const first17 = `421127${birth}${sequence}`;
  return first17 + idNumberCheckCharacter(first17);
}

describe.skipIf(!chromiumAvailable)('the floating population in the console', () => {
  const demo = demoConsole('floating');
  const { errors } = demo;
  let registrationId = '';

  async function signedIn(username: string, password = DEMO_PASSWORD): Promise<{ context: BrowserContext; page: Page }> {
    // The refusals the journey provokes (an unknown origin, out of scope) answer 4xx on purpose.
    const session = await demo.signIn(username, { password, ignore: (text) => /\b(404|422)\b/.test(text) });
    await expect.poll(() => session.page.getByTestId('signed-in').isVisible()).toBe(true);
    return session;
  }

  /** Picks a path of options in the open cascader, one level after the other, each once the drop-down has stopped moving. */
  async function pickCascade(page: Page, names: readonly string[]) {
    const dropdown = page.locator('.ant-cascader-dropdown:visible');
    for (const name of names) {
      await expect.poll(async () => ((await dropdown.getAttribute('class')) ?? 'slide-up-appear').match(/slide-up-(appear|enter)/) === null).toBe(true);
      const option = dropdown.getByRole('menuitemcheckbox', { name });
      await expect.poll(() => option.isVisible()).toBe(true);
      await option.click();
    }
  }

  it('registers an arrival into a rental house, shows it under the house and the landlord, and registers the departure', async () => {
    const centerCookie = await demo.apiSignIn('center');
    const [rental] = (await demo.apiCall<{ items: { id: string; name: string }[] }>(centerCookie, 'GET', '/api/houses?category=rental&limit=1')).items;
    expect(rental).toBeDefined();

    const { context, page } = await signedIn('center');
    await page.getByRole('menuitem', { name: '流动人口' }).click();
    await page.getByRole('menuitem', { name: '来去登记' }).click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '来登记' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('姓名').fill('赵来登');
    await form.getByLabel('网格').click();
    await pickCascade(page, ['马踏镇', '马踏村村民委员会', '一组网格']);
    await form.getByLabel('证件号码').fill(idNumber('19910316', '027'));
    await form.getByLabel('联系电话').fill('13908330001');
    await form.getByLabel('来自（户籍地）').click();
    await pickCascade(page, ['湖北省', '黄冈市', '黄梅县']);
    await form.getByLabel('居住房屋').click();
    await form.getByLabel('居住房屋').fill(rental!.name);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `${rental!.name}（出租屋）` }).first();
    await expect.poll(() => option.isVisible()).toBe(true);
    await option.dispatchEvent('click');
    await form.getByLabel('工作单位').fill('马踏茶叶专业合作社');

    // An origin the server does not know (as from an out-of-date division list) is refused under the field.
    await page.route('**/api/floating/arrivals', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
      await route.continue({ postData: JSON.stringify({ ...body, originCode: '429999' }) });
    });
    await form.getByRole('button', { name: '登记', exact: true }).click();
    await expect.poll(() => form.getByText('行政区划代码“429999”不存在，请从省、市、县中选择').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('console-floating-origin-error') });
    await page.unroute('**/api/floating/arrivals');

    await form.getByRole('button', { name: '登记', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/\/floating\/[0-9a-f-]{36}$/);
    registrationId = page.url().split('/').at(-1) ?? '';
    const details = page.locator('.ant-descriptions');
    await expect.poll(() => details.textContent()).toContain('湖北省 黄冈市 黄梅县');
    expect(await details.textContent()).toContain('出租屋');
    await expect.poll(() => details.locator('a[href^="/floating/landlords/"]').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('console-floating-detail'), fullPage: true });

    // Under the house: the rental houses list the newcomer among the tenants.
    await page.getByRole('menuitem', { name: '出租屋' }).click();
    await page.getByLabel('房屋名称').fill(rental!.name);
    await page.getByRole('button', { name: '查询' }).click();
    const houseRow = page.locator('.ant-table-row', { hasText: rental!.name }).first();
    await expect.poll(() => houseRow.getByRole('link', { name: '赵来登' }).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('console-floating-rentals') });

    // On the landlord's page, with where the tenant comes from.
    const landlordLink = houseRow.locator('a[href^="/floating/landlords/"]').first();
    await expect.poll(() => landlordLink.isVisible()).toBe(true);
    await landlordLink.click();
    await expect.poll(() => page.getByText(/^房东 · /).isVisible()).toBe(true);
    const tenantRow = page.locator('.ant-table-row', { hasText: '赵来登' });
    await expect.poll(() => tenantRow.textContent()).toContain('湖北省 黄冈市 黄梅县');
    await page.screenshot({ path: screenshotPath('console-floating-landlord'), fullPage: true });

    // The departure, from the list.
    await page.getByRole('menuitem', { name: '来去登记' }).click();
    await page.getByLabel('姓名').fill('赵来登');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    await page.getByRole('button', { name: '去登记' }).click();
    const departure = page.getByRole('dialog');
    await departure.getByLabel('去往').click();
    await pickCascade(page, ['广东省', '深圳市', '南山区']);
    await departure.getByRole('button', { name: '登记离开' }).click();
    await expect.poll(() => departure.isVisible()).toBe(false);
    await expect.poll(() => page.locator('.ant-table-row').first().textContent()).toContain('已离开');
    await page.screenshot({ path: screenshotPath('console-floating-departed') });
    const departed = await demo.apiCall<{ status: string; destinationName: string; houseId: string }>(centerCookie, 'GET', `/api/floating/${registrationId}`);
    expect(departed).toMatchObject({ status: 'departed', destinationName: '广东省 深圳市 南山区' });
    const tenants = await demo.apiCall<{ items: { personName: string }[] }>(centerCookie, 'GET', `/api/houses/${departed.houseId}/tenants`);
    expect(tenants.items.map((tenant) => tenant.personName)).not.toContain('赵来登');

    // The permits expiring within 30 days: the demo's one.
    await page.getByRole('button', { name: '重置' }).click();
    await page.getByLabel('居住证').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '30 天内到期' }).dispatchEvent('click');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.url()).toContain('permitExpiringWithinDays=30');
    await expect.poll(() => page.locator('.ant-table-row').allTextContents()).toEqual([expect.stringContaining('陈建华')]);
    await page.screenshot({ path: screenshotPath('console-floating-permits-expiring') });

    // The statistics draw the monthly trend.
    await page.getByRole('menuitem', { name: '统计' }).click();
    await expect.poll(() => page.getByText('每月来去趋势').isVisible()).toBe(true);
    await expect.poll(() => page.locator('[data-testid="dashboard-chart"] canvas').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.getByRole('img', { name: '每月来去趋势图' }).isVisible()).toBe(true);
    // The charts grow in for 400 ms: the picture is taken once they stand.
    await page.waitForTimeout(1000);
    await page.screenshot({ path: screenshotPath('console-floating-stats'), fullPage: true });
    await context.close();
    expect(errors).toEqual([]);
  });

  it('shows a village administrator of another township none of it', async () => {
    const county = await demo.apiSignIn('county');
    type Unit = { id: string; code: string; kind: string; path: string };
    const [root] = (await demo.apiCall<{ items: Unit[] }>(county, 'GET', '/api/org-units')).items;
    const township = (await demo.apiCall<{ items: Unit[] }>(county, 'GET', `/api/org-units?parentId=${root!.id}`)).items.find((unit) => unit.code === '511124102')!;
    const village = (await demo.apiCall<{ items: Unit[] }>(county, 'GET', `/api/org-units?parentId=${township.id}`)).items[0]!;
    const sysadmin = await demo.apiSignIn('sysadmin');
    await demo.apiCall(sysadmin, 'POST', '/api/accounts', { username: 'zhuyuan_village', displayName: '邻镇村网格负责人', role: 'village_admin', orgPath: village.path, password: 'Start#2026pw' });
    const first = await fetch(`${demo.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'zhuyuan_village', password: 'Start#2026pw' }) });
    const cookie = first.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
    const changed = await fetch(`${demo.url}/api/auth/change-password`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ currentPassword: 'Start#2026pw', newPassword: 'Neighbour#2026' }) });
    expect(changed.status).toBe(204);

    const { context, page } = await signedIn('zhuyuan_village', 'Neighbour#2026');
    await page.goto(`${demo.url}/floating/${registrationId}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('不在您的管辖范围内');
    await page.screenshot({ path: screenshotPath('console-floating-out-of-scope') });
    await page.getByRole('menuitem', { name: '来去登记' }).click();
    await expect.poll(() => page.getByText('没有符合条件的流动人口').isVisible()).toBe(true);
    await context.close();
    expect(errors).toEqual([]);
  });
});
