// 入户调查 on the phone (360×740): the demo `worker` of 马踏村 opens the county's open survey from
// home, sees the three people drawn in the village, answers the questionnaire at a door with no
// signal; the answer waits in the outbox and lands once, as a field answer, when the signal returns.
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Survey, SurveyRates, SurveySample } from '@gridwork/core';
import { chromiumAvailable, screenshotPath } from './browser.js';
import { DEMO_PASSWORD, demoConsole } from './console-support.js';
import { openSurveyOf, phoneContext, villageId } from './survey-support.js';

describe.skipIf(!chromiumAvailable)('survey answers from the field app', () => {
  const demo = demoConsole('field-surveys');
  let county: string;
  let survey: Survey;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const title = `入户调查演练 ${Date.now().toString(36)}`;

  beforeAll(async () => {
    county = await demo.apiSignIn('county');
    survey = await openSurveyOf(demo, county, await villageId(demo, county, '马踏镇', '马踏村'), title);
    context = await phoneContext(demo.browser);
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error' && !/401|ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(text)) errors.push(text);
    });
  });

  const sample = () => demo.apiCall<SurveySample>(county, 'GET', `/api/surveys/${survey.id}/sample?villageId=${survey.villages[0]!.id}`);

  it('answers a sampled person with no signal, and the answer lands once when the signal returns', async () => {
    await page.goto(`${demo.url}/m/`);
    await page.getByLabel('用户名').fill('worker');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).tap();
    await expect.poll(() => page.getByTestId('my-surveys').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByTestId('my-surveys').tap();
    await expect.poll(() => page.getByText(title).isVisible(), { timeout: 15_000 }).toBe(true);
    await page.screenshot({ path: screenshotPath('field-surveys-list'), fullPage: true });
    await page.getByText(title).tap();
    await expect.poll(() => page.getByTestId('survey-person').count(), { timeout: 15_000 }).toBe(3);
    expect(await page.getByText('马踏村村民委员会 抽样名单（已答 0/3）').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('field-surveys-sample'), fullPage: true });
    const first = (await sample()).people[0]!;
    await page.getByTestId('survey-person').first().tap();
    await expect.poll(() => page.getByTestId('survey-respondent').textContent(), { timeout: 15_000 }).toBe(first.name);

    await context.setOffline(true);
    await expect.poll(() => page.getByTestId('network').textContent()).toBe('离线');
    // Nothing chosen: the page says what is missing and keeps nothing.
    await page.getByRole('button', { name: '提交' }).tap();
    await expect.poll(() => page.getByText('还有 2 题没有选择（第 1、2 题）').isVisible()).toBe(true);
    // Each question left out says so where it stands.
    expect(await page.locator('.survey-question').nth(0).getByText('请选择一项').isVisible()).toBe(true);
    expect(await page.locator('.survey-question').nth(1).getByText('请选择一项').isVisible()).toBe(true);
    await page.locator('.survey-question').nth(0).getByText('知道', { exact: true }).tap();
    await page.locator('.survey-question').nth(1).getByText('不满意').tap();
    await page.locator('.survey-question').nth(2).locator('textarea:not([aria-hidden])').fill('门口访问');
    await page.screenshot({ path: screenshotPath('field-surveys-answer'), fullPage: true });
    // A double tap (two taps before the page can answer the first) keeps one answer, not two.
    await page.getByRole('button', { name: '提交' }).evaluate((button: HTMLElement) => {
      button.click();
      button.click();
    });
    await expect.poll(() => page.getByTestId('survey-person').first().getByText('等待上传').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.getByText('马踏村村民委员会 抽样名单（已答 0/3，待上传 1）').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('field-surveys-waiting'), fullPage: true });
    await page.waitForTimeout(1500);
    expect((await sample()).people.filter((person) => person.answered)).toEqual([]);
    await page.locator('.tab-bar').getByText('首页').tap();
    await page.getByTestId('outbox-entry').getByText('待上传').tap();
    await expect.poll(() => page.getByTestId('outbox-state').allTextContents()).toEqual(['等待上传']);

    await context.setOffline(false);
    await expect.poll(async () => (await sample()).people.filter((person) => person.answered).map((person) => [person.personId, person.answeredChannel]), { timeout: 20_000 }).toEqual([[first.personId, 'field']]);
    // Sent once, nothing refused as a repeat.
    await expect.poll(() => page.getByTestId('outbox-state').allTextContents(), { timeout: 15_000 }).toEqual(['已上传']);
    const rates = await demo.apiCall<SurveyRates>(county, 'GET', `/api/surveys/${survey.id}/rates`);
    expect(rates.total).toMatchObject({ respondents: 1, aware: 1, satisfied: 0 });
    await page.goto(`${demo.url}/m/surveys/${survey.id}`);
    await expect.poll(() => page.getByTestId('survey-person').first().getByText('已答').isVisible(), { timeout: 15_000 }).toBe(true);
    await context.close();
    expect(errors).toEqual([]);
  });
});
