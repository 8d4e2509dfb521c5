// The residents' questionnaire behind a village's QR code, on a 360×740 phone with nobody signed
// in: it opens the light page (not the workers' app: no sign-in check, no home reads, no service
// worker), a resident answers once, the same phone is refused with a clear message (409), a flood
// from one address is told to wait (429), and a closed survey says so (404).
import { createRequire } from 'node:module';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Survey, SurveyRates } from '@gridwork/core';
import { chromiumAvailable, screenshotPath } from './browser.js';
import { demoConsole } from './console-support.js';
import { openSurveyOf, phoneContext, villageId } from './survey-support.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious or critical WCAG 2.1 A/AA findings of axe-core on the page. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
}

describe.skipIf(!chromiumAvailable)('the public survey form on a phone', () => {
  // Behind a proxy as in production, so a journey can stand for another phone (X-Forwarded-For)
  // without spending the rate limit of this machine's address.
  const demo = demoConsole('public-survey', { GRIDWORK_TRUST_PROXY: 'true' });
  let county: string;
  let survey: Survey;
  let code: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    county = await demo.apiSignIn('county');
    survey = await openSurveyOf(demo, county, await villageId(demo, county, '马踏镇', '马踏村'), `马踏村群众满意度调查 ${Date.now().toString(36)}`);
    code = survey.villages[0]!.publicCode;
    context = await phoneContext(demo.browser);
    page = await context.newPage();
    page.on('request', (request: Request) => requests.push(new URL(request.url()).pathname));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      // The refusals and the cut connections this journey provokes show as failed loads in the console.
      if (message.type() === 'error' && !/409|429|404|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_RESET/.test(message.text())) errors.push(message.text());
    });
  });

  const rates = () => demo.apiCall<SurveyRates>(county, 'GET', `/api/surveys/${survey.id}/rates`);

  async function answer(phone: string) {
    await page.getByRole('group', { name: /网格员是谁/ }).getByText('知道', { exact: true }).tap();
    await page.getByRole('group', { name: /服务满意吗/ }).getByText('基本满意').tap();
    await page.getByLabel(/意见和建议/).fill('希望多来村里走走');
    await page.getByLabel('您的手机号').fill(phone);
    await page.getByRole('button', { name: '提交' }).tap();
  }

  it('opens the light page for the village, with no sign-in and nothing of the workers’ app', async () => {
    await page.goto(`${demo.url}/m/survey.html?c=${code}`);
    await expect.poll(() => page.getByTestId('public-survey-village').textContent(), { timeout: 15_000 }).toBe('马踏镇 · 马踏村村民委员会');
    expect(await page.getByRole('heading', { name: survey.title }).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('public-survey-form'), fullPage: true });
    // Only the questionnaire was asked of the API: no /api/auth/me, no home reads.
    expect(requests.filter((path) => path.startsWith('/api/'))).toEqual([`/api/public/surveys/${code}`]);
    expect(requests.some((path) => /\/m\/assets\/main-/.test(path))).toBe(false);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    // Fits the phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  const focused = () => page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    return element ? `${element.tagName.toLowerCase()}#${element.id || element.name}` : null;
  });

  it('asks for every choice question and a valid phone before sending, naming them and going to the first', async () => {
    await page.getByRole('button', { name: '提交' }).tap();
    await expect.poll(() => page.getByText('请选择一项').count()).toBe(2);
    expect(await page.getByText('请填写手机号', { exact: true }).isVisible()).toBe(true);
    // Above the button, what is left to do; and the focus on question 1's first choice.
    expect(await page.getByTestId('public-survey-problems').textContent()).toBe('请回答第 1、2 题；手机号：请填写手机号');
    expect(await focused()).toBe('input#ps-q-q1');
    await page.screenshot({ path: screenshotPath('public-survey-missing'), fullPage: true });
    await page.getByRole('group', { name: /网格员是谁/ }).getByText('知道', { exact: true }).tap();
    await page.getByRole('group', { name: /服务满意吗/ }).getByText('满意', { exact: true }).tap();
    await page.getByLabel('您的手机号').fill('1381234');
    await page.getByRole('button', { name: '提交' }).tap();
    await expect.poll(() => page.getByText('手机号格式不对，请检查', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByTestId('public-survey-problems').textContent()).toBe('手机号：手机号格式不对，请检查');
    expect(await focused()).toBe('input#ps-phone');
    expect(await page.getByLabel('您的手机号').getAttribute('aria-describedby')).toBe('ps-phone-error ps-phone-note');
    expect((await rates()).total.respondents).toBe(0);
    // Readable and operable, errors shown included (contrast, labels, the groups' legends).
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('takes one answer, and refuses a second one from the same phone with a clear message', async () => {
    await answer('13812345678');
    await expect.poll(() => page.getByTestId('public-survey-done').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.screenshot({ path: screenshotPath('public-survey-done'), fullPage: true });
    const after = await rates();
    expect(after.total).toMatchObject({ respondents: 1, aware: 1, satisfied: 1, awarenessAsked: 1, satisfactionAsked: 1 });

    // The same phone again, written another way (+86 and spaces).
    await page.reload();
    await expect.poll(() => page.getByTestId('public-survey-village').isVisible(), { timeout: 15_000 }).toBe(true);
    await answer('+86 138 1234 5678');
    await expect.poll(() => page.getByTestId('public-survey-failure').getAttribute('data-kind'), { timeout: 10_000 }).toBe('already_answered');
    expect(await page.getByText('这个手机号已经参加过本次调查，每个手机号只能提交一次。感谢您的支持！').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '提交' }).isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('public-survey-same-phone'), fullPage: true });
    expect((await rates()).total.respondents).toBe(1);
  });

  it('tells a flood from one address to wait (429), without a CAPTCHA', async () => {
    // Two answers came from this address already; three more reach the limit of 5 in 10 minutes.
    for (const phone of ['13900000001', '13900000002', '13900000003']) {
      const response = await fetch(`${demo.url}/api/public/surveys/${code}/answers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientKey: crypto.randomUUID(), phone, answers: { q1: 1, q2: 2 } }),
      });
      expect(response.status).toBe(201);
    }
    await page.reload();
    await expect.poll(() => page.getByTestId('public-survey-village').isVisible(), { timeout: 15_000 }).toBe(true);
    await answer('13700000009');
    await expect.poll(() => page.getByTestId('public-survey-failure').getAttribute('data-kind'), { timeout: 10_000 }).toBe('too_many');
    expect(await page.getByText(/提交太频繁，请 \d+ 分钟后再试。/).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('public-survey-too-many'), fullPage: true });
    expect((await rates()).total.respondents).toBe(4);
  });

  it('on a poor connection: opens after a failed load, sends one answer for a double tap, and a lost reply sent again lands once', async () => {
    // A survey of its own (the rate limit counts per code and the flood above used this one's budget).
    const other = await openSurveyOf(demo, county, survey.villages[0]!.id, `马踏村弱网调查 ${Date.now().toString(36)}`);
    const otherCode = other.villages[0]!.publicCode;
    const otherRates = () => demo.apiCall<SurveyRates>(county, 'GET', `/api/surveys/${other.id}/rates`);

    // The first load fails: the page says so and tries again on a tap, without a reload.
    let failLoad = true;
    await page.route(`**/api/public/surveys/${otherCode}`, (route) => (failLoad ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(`${demo.url}/m/survey.html?c=${otherCode}`);
    await expect.poll(() => page.getByRole('heading', { name: '网络不通' }).isVisible(), { timeout: 15_000 }).toBe(true);
    failLoad = false;
    await page.getByRole('button', { name: '重试' }).tap();
    await expect.poll(() => page.getByTestId('public-survey-village').isVisible(), { timeout: 15_000 }).toBe(true);

    // The answer reaches the server but its reply is lost on the way back.
    const sent: { clientKey: string }[] = [];
    let dropReply = true;
    await page.route(`**/api/public/surveys/${otherCode}/answers`, async (route) => {
      sent.push(route.request().postDataJSON() as { clientKey: string });
      // From another phone's address: this machine's answers per 10 minutes went to the flood above.
      const response = await route.fetch({ headers: { ...route.request().headers(), 'x-forwarded-for': '203.0.113.7' } });
      if (dropReply) return route.abort('connectionreset');
      return route.fulfill({ response });
    });
    await page.getByRole('group', { name: /网格员是谁/ }).getByText('不知道').tap();
    await page.getByRole('group', { name: /服务满意吗/ }).getByText('满意', { exact: true }).tap();
    await page.getByLabel('您的手机号').fill('13600000001');
    // Two submits before the page can draw the first (a double tap): one request.
    await page.locator('form').evaluate((form: HTMLFormElement) => {
      form.requestSubmit();
      form.requestSubmit();
    });
    await expect.poll(() => page.getByTestId('public-survey-failure').getAttribute('data-kind'), { timeout: 10_000 }).toBe('network');
    expect(await page.getByText('网络不通，答卷还在，请检查网络后再点提交。').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('public-survey-no-reply'), fullPage: true });
    expect(sent).toHaveLength(1);
    expect((await otherRates()).total.respondents).toBe(1);

    // Sent again with the same key: the server answers with the first result, and counts it once.
    dropReply = false;
    await page.getByRole('button', { name: '提交' }).tap();
    await expect.poll(() => page.getByTestId('public-survey-done').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(sent.map((body) => body.clientKey)).toEqual([sent[0]!.clientKey, sent[0]!.clientKey]);
    expect((await otherRates()).total).toMatchObject({ respondents: 1, aware: 0, satisfied: 1 });
    await page.unrouteAll();

    // A phone set to English reads the form's own words in English (the questions are the county's).
    const english = await phoneContext(demo.browser, 'en-US');
    const reader = await english.newPage();
    await reader.goto(`${demo.url}/m/survey.html?c=${otherCode}`);
    await expect.poll(() => reader.getByLabel('Your phone number').isVisible(), { timeout: 15_000 }).toBe(true);
    await reader.getByRole('button', { name: 'Submit' }).tap();
    await expect.poll(() => reader.getByTestId('public-survey-problems').textContent()).toBe('Answer questions 1, 2; Phone number: Enter your phone number');
    expect(await reader.evaluate(() => document.documentElement.lang)).toBe('en-US');
    await reader.screenshot({ path: screenshotPath('public-survey-english'), fullPage: true });
    await english.close();
  });

  it('says the survey has ended once the county closed it', async () => {
    await demo.apiCall<Survey>(county, 'POST', `/api/surveys/${survey.id}/close`, {});
    await page.goto(`${demo.url}/m/survey.html?c=${code}`);
    await expect.poll(() => page.getByTestId('public-survey-closed').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('heading', { name: '调查已结束' }).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('public-survey-closed'), fullPage: true });
    await context.close();
    expect(errors).toEqual([]);
  });
});
