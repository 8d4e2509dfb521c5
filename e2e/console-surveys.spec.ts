// The county's awareness and satisfaction survey in the console: create it with its questionnaire
// and one village, open it (the sample is drawn), enter a phone interview for a sampled person,
// and read the village's rates with their 95% intervals; then print the villages' QR codes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OrgUnit, SurveyRates } from '@gridwork/core';
import { chromiumAvailable, screenshotPath } from './browser.js';
import { demoConsole } from './console-support.js';
import { draftSurveyOf } from './survey-support.js';

describe.skipIf(!chromiumAvailable)('surveys in the console', () => {
  const demo = demoConsole('console-surveys');
  let page: Page;
  let surveyId: string;
  const title = `马踏村知晓率满意率调查 ${Date.now().toString(36)}`;

  beforeAll(async () => {
    page = (await demo.signIn('county')).page;
    await page.getByTestId('signed-in').waitFor({ timeout: 15_000 });
  });

  it('creates a survey with its questionnaire for one village', async () => {
    await page.goto(`${demo.url}/assessment/surveys`);
    await page.getByRole('button', { name: '新建调查' }).click();
    const drawer = page.locator('.ant-drawer-open');
    await expect.poll(() => drawer.getByLabel('调查名称').isVisible()).toBe(true);
    await drawer.getByLabel('调查名称').fill(title);
    await drawer.getByLabel('每村抽样人数').fill('3');
    await drawer.getByLabel('随机种子（可选）').fill('console-e2e');
    // The villages: search and tick 马踏村 only.
    await drawer.locator('#survey-form_villageIds').click();
    await page.keyboard.type('马踏村');
    const node = page.locator('.ant-select-dropdown:visible .ant-select-tree-treenode', { hasText: '马踏村村民委员会' }).first();
    // Ticked once the tree has arrived (the townships' villages load as the picker opens): a tick
    // made while the list is still being drawn can be lost, so tick again until it holds.
    await expect
      .poll(async () => {
        if ((await node.locator('.ant-select-tree-checkbox-checked').count()) === 0) await node.locator('.ant-select-tree-checkbox').click();
        return drawer.locator('.ant-select-selection-item', { hasText: '马踏村村民委员会' }).count();
      })
      .toBe(1);
    await page.keyboard.press('Escape');
    // The starter questionnaire of the second half: two awareness, one satisfaction, one free question.
    await expect.poll(() => drawer.locator('.survey-question').count()).toBe(4);
    await drawer.getByLabel('第 1 题题目').fill('您知道本村的网格员是谁吗？');
    await page.screenshot({ path: screenshotPath('console-survey-form'), fullPage: true });

    // Switched to the first half with a satisfaction question: said on question 3's kind.
    const pickHalf = async (label: string) => {
      await drawer.locator('#survey-form_half').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).dispatchEvent('click');
    };
    await pickHalf('上半年（知晓率）');
    await drawer.getByRole('button', { name: '保存' }).click();
    const third = drawer.locator('.survey-question').nth(2);
    await expect.poll(() => third.locator('.ant-form-item-explain-error').first().textContent()).toBe('上半年调查只问知晓率：请改为知晓题或开放题，或把调查改为下半年');
    expect(await drawer.getByTestId('survey-form-error').textContent()).toContain('第 3 题的类型：');
    await expect.poll(async () => {
      const box = await third.locator('.ant-form-item-explain-error').first().boundingBox();
      return box !== null && box.y > 0 && box.y < (page.viewportSize()?.height ?? 0);
    }).toBe(true);
    await page.screenshot({ path: screenshotPath('console-survey-form-h1'), fullPage: true });
    await pickHalf('下半年（知晓率、满意率）');

    // A refusal from the server naming questions[1].options shows on question 2's options, in words.
    await page.route('**/api/surveys', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 422,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'SURVEY_QUESTION_INVALID', message: '问题 questions[1].options 有误：知晓和满意问题须有至少两个选项且至少一个正面选项', details: { field: 'questions[1].options', rule: 'positive_option_required' } } }),
          })
        : route.continue(),
    );
    await drawer.getByRole('button', { name: '保存' }).click();
    const second = drawer.locator('.survey-question').nth(1);
    await expect.poll(() => second.locator('.ant-form-item-explain-error').first().textContent()).toBe('问题 第 2 题的选项 有误：知晓和满意问题须有至少两个选项且至少一个正面选项');
    expect(await drawer.getByTestId('survey-form-error').textContent()).not.toContain('questions[1]');
    // Brought into view (the drawer scrolls to the question).
    await expect.poll(async () => {
      const box = await second.locator('.ant-form-item-explain-error').first().boundingBox();
      return box !== null && box.y > 0 && box.y < (page.viewportSize()?.height ?? 0);
    }).toBe(true);
    await page.screenshot({ path: screenshotPath('console-survey-form-refused'), fullPage: true });
    await page.unroute('**/api/surveys');
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByTestId('survey-status').textContent(), { timeout: 15_000 }).toBe('草稿');
    surveyId = new URL(page.url()).pathname.split('/').at(-1)!;
    expect(await page.getByText(title).first().isVisible()).toBe(true);
  });

  it('opens it: three adults of 马踏村 are drawn', async () => {
    await page.getByRole('button', { name: '开始调查' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '开始' }).click();
    await expect.poll(() => page.getByTestId('survey-status').textContent(), { timeout: 15_000 }).toBe('进行中');
    await expect.poll(() => page.getByRole('button', { name: '马踏村村民委员会' }).isVisible()).toBe(true);
  });

  it('enters a phone interview for a sampled person, and the village’s rates show with their interval', async () => {
    await page.getByRole('button', { name: '马踏村村民委员会' }).click();
    const drawer = page.locator('.ant-drawer-open', { hasText: '抽样名单' });
    await expect.poll(() => drawer.locator('tbody tr').count(), { timeout: 15_000 }).toBe(3);
    await drawer.getByRole('button', { name: '录入访问' }).first().click();
    const modal = page.locator('.ant-modal');
    await expect.poll(() => modal.getByText(/电话访问 ·/).isVisible()).toBe(true);
    // Submitting with nothing ticked names what is missing.
    await modal.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => modal.getByText('请选择回答').count()).toBe(3);
    const items = modal.locator('.ant-form-item');
    const choose = (index: number, label: string) => items.nth(index).locator('.ant-radio-wrapper').filter({ hasText: new RegExp(`^${label}$`) }).click();
    await choose(0, '知道');
    await choose(1, '不知道');
    await choose(2, '满意');
    await items.nth(3).locator('textarea').fill('电话里说网格员很负责');
    await page.screenshot({ path: screenshotPath('console-survey-interview'), fullPage: true });
    await modal.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => drawer.getByText('电话访问').count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: screenshotPath('console-survey-sample'), fullPage: true });
    await drawer.locator('.ant-drawer-close').click();

    // One of one aware (half the awareness questions positive) and satisfied: 100%, interval 20.7–100%.
    await expect.poll(() => page.getByTestId('awareness-马踏村村民委员会').getAttribute('aria-label'), { timeout: 10_000 }).toBe('100.0%，95% 置信区间 20.7%–100.0%');
    expect(await page.getByTestId('satisfaction-马踏村村民委员会').getAttribute('aria-label')).toBe('100.0%，95% 置信区间 20.7%–100.0%');
    const rates = await demo.apiCall<SurveyRates>(await demo.apiSignIn('county'), 'GET', `/api/surveys/${surveyId}/rates`);
    expect(rates.villages).toEqual([expect.objectContaining({ unitName: '马踏村村民委员会', sampleSize: 3, respondents: 1, sampledRespondents: 1, aware: 1, satisfied: 1 })]);
    expect(rates.villages[0]!.responseRate).toBeCloseTo(1 / 3, 6);
    // How to read the interval is said under the table.
    expect(await page.getByTestId('survey-rates-note').textContent()).toContain('95% 置信区间');
    await page.screenshot({ path: screenshotPath('console-survey-detail'), fullPage: true });
    await page.getByText('English').click();
    await expect.poll(() => page.getByText('Results', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByTestId('awareness-马踏村村民委员会').getAttribute('aria-label')).toBe('100.0%, 95% interval 20.7%–100.0%');
    await page.screenshot({ path: screenshotPath('console-survey-detail-en'), fullPage: true });
    await page.getByText('中文').click();
  });

  it('prints one QR code per village, pointing to the public form', async () => {
    await page.goto(`${demo.url}/assessment/surveys/${surveyId}/qr`);
    await expect.poll(() => page.getByTestId('survey-qr').count(), { timeout: 15_000 }).toBe(1);
    const url = await page.getByTestId('survey-qr').getAttribute('data-url');
    expect(url).toMatch(new RegExp(`^${demo.url}/m/survey\\.html\\?c=[A-Za-z0-9_-]+$`));
    await page.screenshot({ path: screenshotPath('console-survey-qr'), fullPage: true });
    // The code opens the questionnaire of 马踏村.
    const phone = await page.context().newPage();
    await phone.goto(url!);
    await expect.poll(() => phone.getByTestId('public-survey-village').textContent(), { timeout: 15_000 }).toBe('马踏镇 · 马踏村村民委员会');
    await phone.close();

    // Printed: a survey of six villages of 马踏镇, four to an A4 page, no card cut by a page break.
    const county = await demo.apiSignIn('county');
    const units = async (parentId?: string) => (await demo.apiCall<{ items: OrgUnit[] }>(county, 'GET', `/api/org-units${parentId ? `?parentId=${parentId}` : ''}`)).items;
    const township = (await units((await units())[0]!.id)).find((unit) => unit.name === '马踏镇')!;
    const villages = (await units(township.id)).filter((unit) => unit.kind !== 'grid').slice(0, 6);
    expect(villages).toHaveLength(6);
    const sheet = await draftSurveyOf(demo, county, villages.map((village) => village.id), `马踏镇二维码打印 ${Date.now().toString(36)}`);
    await page.goto(`${demo.url}/assessment/surveys/${sheet.id}/qr`);
    await expect.poll(() => page.getByTestId('survey-qr').count(), { timeout: 15_000 }).toBe(6);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: screenshotPath('console-survey-qr-print') });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const pdfPath = screenshotPath('console-survey-qr-print').replace(/\.png$/, '.pdf');
    fs.writeFileSync(pdfPath, pdf);
    // pdftoppm (poppler-utils) turns the first page into a PNG to look at, when it is there.
    spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfPath, pdfPath.replace(/\.pdf$/, '-page1')]);
    // Counted from the PDF itself (Chromium writes each page as a plain `/Type /Page` object):
    // poppler's pdfinfo is not on every machine that runs this.
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length;
    expect(pages).toBe(2);
    // The one failed load is the refusal the form test staged (422).
    expect(demo.errors.filter((error) => !error.includes('status of 422'))).toEqual([]);
  });
});
