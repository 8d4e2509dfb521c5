// Assessment in the console (issue 11). Indicators: the county opens the indicator table of the
// demo county, switches to townships, opens the facts behind a figure and follows one to its page,
// exports the table (the workbook's cells say what the API says), and reads it in English; a
// department's leader sees his department only.
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { INDICATORS, shanghaiDate, type IndicatorCode, type IndicatorFacts, type IndicatorTable } from '@gridwork/core';
import { chromiumAvailable, screenshotPath } from './browser.js';
import { demoConsole } from './console-support.js';

describe.skipIf(!chromiumAvailable)('assessment indicators in the console', () => {
  const demo = demoConsole('console-assessment');
  const month = shanghaiDate(Date.now()).slice(0, 7);

  async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
    const session = await demo.signIn(username, { acceptDownloads: true });
    await expect.poll(() => session.page.getByTestId('signed-in').isVisible()).toBe(true);
    return session;
  }
  const settle = async (page: Page) => {
    await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
    await page.waitForTimeout(600);
  };
  const pick = async (page: Page, title: string) => page.locator('.ant-select-dropdown:visible').getByTitle(title, { exact: true }).first().dispatchEvent('click');

  it('lets the county read the townships’ figures, open the facts behind one and export the table', async () => {
    const { page, context } = await signedIn('county');
    await page.getByRole('menuitem', { name: '考核评价' }).click();
    await page.getByRole('menuitem', { name: '考核指标' }).click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(3);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-assessment-indicators'), fullPage: true });

    await page.getByLabel('考核对象').click();
    await pick(page, '乡镇');
    await expect.poll(() => page.getByRole('row', { name: /^马踏镇 / }).isVisible()).toBe(true);
    await settle(page);

    // A figure with facts behind it that open their pages: the first of 马踏镇's operations figures that counted something.
    const county = await demo.apiSignIn('county');
    const table = await demo.apiCall<IndicatorTable>(county, 'GET', `/api/assessment/indicators?period=${month}&unitKind=township`);
    const mata = table.rows.find((row) => row.unitName === '马踏镇')!;
    const candidates: IndicatorCode[] = ['registry_accuracy', 'info_report_quota', 'survey_awareness', 'visit_compliance', 'registry_completeness'];
    const code = candidates.find((candidate) => (mata.figures[candidate]?.denominator ?? 0) > 0)!;
    expect(code).toBeTruthy();
    const facts = await demo.apiCall<IndicatorFacts>(county, 'GET', `/api/assessment/indicators/facts?period=${month}&unitKind=township&unitId=${mata.unitId}&indicator=${code}`);
    expect(facts.figure).toEqual(mata.figures[code]);
    const row = page.getByRole('row', { name: /^马踏镇 / });
    // Columns: the township, then one per indicator in the table's order.
    await row.locator('td').nth(1 + table.indicators.indexOf(code)).getByRole('button').click();
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.getByText(`马踏镇 · ${INDICATORS[code].name['zh-CN']}`).isVisible()).toBe(true);
    await expect.poll(() => drawer.locator('.ant-table-row').count()).toBe(Math.min(facts.facts.length, 20));
    expect(await drawer.getByText(INDICATORS[code].formula['zh-CN']).isVisible()).toBe(true);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-assessment-facts'), fullPage: true });
    const linked = facts.facts.slice(0, 20).find((fact) => fact.link);
    if (linked) {
      await drawer.getByRole('link', { name: linked.label }).first().click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(linked.link);
      await page.goBack();
      await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(1);
    } else {
      await page.keyboard.press('Escape');
    }

    await page.goto(`${demo.url}/assessment/indicators`);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(3);
    await settle(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`考核指标-村（社区）-${month}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet('考核指标')!;
    const villages = await demo.apiCall<IndicatorTable>(county, 'GET', `/api/assessment/indicators?period=${month}&unitKind=village`);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['村（社区）', '所属', ...villages.indicators.flatMap((c) => [INDICATORS[c].name['zh-CN'], '分子/分母'])]);
    expect(sheet.rowCount).toBe(villages.rows.length + 1);
    const first = villages.rows[0]!;
    const visits = villages.indicators.indexOf('visit_compliance');
    expect(sheet.getRow(2).getCell(1).value).toBe(first.unitName);
    const figure = first.figures['visit_compliance']!;
    expect(sheet.getRow(2).getCell(3 + visits * 2).value).toBe(figure.value);
    expect(sheet.getRow(2).getCell(4 + visits * 2).value).toBe(`${figure.numerator}/${figure.denominator}${figure.tooFew ? ' 样本不足' : ''}`);

    await page.getByText('English').click();
    await expect.poll(() => page.getByText('Assessment indicators').isVisible()).toBe(true);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-assessment-indicators-en'), fullPage: true });
    await page.getByText('中文').click();
    await context.close();
    expect(demo.errors).toEqual([]);
  });

  it('shows a department’s leader his department only', async () => {
    const { page, context } = await signedIn('deptlead');
    await page.goto(`${demo.url}/assessment/indicators`);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    expect(await page.getByLabel('考核对象').isDisabled()).toBe(true);
    await settle(page);
    await page.screenshot({ path: screenshotPath('console-assessment-indicators-dept'), fullPage: true });
    await context.close();
    expect(demo.errors).toEqual([]);
  });
});
