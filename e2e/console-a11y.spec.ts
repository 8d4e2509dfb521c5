// Accessibility of the console's main pages, checked by axe-core in Chromium: no serious or
// critical violation (WCAG 2.1 A and AA rules) on sign-in, the desk, the queues, an event, the
// command center, the map, the registry, imports, accounts and the audit trail.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshotPath } from './browser.js';
import { demoConsole } from './console-support.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> };
      }
    ).axe;
    return (
      await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      })
    ).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(' | ')}`,
    );
}

describe.skipIf(!chromiumAvailable)('accessibility of the console', () => {
  const demo = demoConsole('a11y');

  it('finds no serious or critical violation on the main pages', async () => {
    const found: Record<string, string[]> = {};
    const context = await demo.browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    await page.goto(`${demo.url}/`);
    await expect.poll(() => page.getByLabel('用户名').isVisible()).toBe(true);
    found['sign-in'] = await seriousViolations(page);
    await context.close();

    const pages: Record<string, readonly [string, string]> = {
      desk: ['center', '/'],
      queue: ['center', '/queue'],
      events: ['center', '/events'],
      dashboard: ['county', '/dashboard'],
      map: ['county', '/map'],
      persons: ['center', '/registry/persons'],
      houses: ['center', '/registry/houses'],
      imports: ['center', '/registry/imports'],
      quality: ['center', '/registry/quality'],
      territory: ['center', '/territory'],
      departments: ['county', '/departments'],
      accounts: ['sysadmin', '/accounts'],
      audit: ['auditor', '/audit'],
      inbox: ['dept', '/inbox'],
      floating: ['center', '/floating'],
      rentals: ['center', '/floating/rentals'],
      'floating-stats': ['county', '/floating/stats'],
      'visit-plans': ['county', '/visits/plans'],
      'visits-due': ['center', '/visits/due'],
      'visit-review': ['center', '/visits/review'],
      'visit-compliance': ['center', '/visits/compliance'],
      'info-reports': ['center', '/daily/info-reports'],
      'info-report-editor': ['center', '/daily/info-reports/new'],
      'info-report-review': ['county', '/daily/info-reports?status=submitted'],
      'info-report-quota': ['county', '/daily/info-reports/quota'],
      'daily-checks': ['county', '/daily/checks'],
      duty: ['center', '/daily/duty'],
      'working-calendar': ['county', '/daily/calendar'],
      publicity: ['village', '/daily/publicity'],
      'publicity-monthly': ['county', '/daily/publicity/monthly'],
      stations: ['center', '/daily/stations'],
      terminals: ['center', '/daily/terminals'],
      training: ['center', '/daily/training'],
      'training-new': ['center', '/daily/training/new'],
      'training-compliance': ['county', '/daily/training/compliance'],
      surveys: ['county', '/assessment/surveys'],
      'assessment-indicators': ['county', '/assessment/indicators'],
      'assessment-rankings': ['county', '/assessment/rankings'],
      'assessment-scheme': ['county', '/assessment/scheme'],
      'assessment-leader': ['leader', '/assessment/leader'],
      bulletins: ['county', '/assessment/bulletins'],
    };
    const sessions = new Map<string, Page>();
    for (const [name, [username, route]] of Object.entries(pages)) {
      let signed = sessions.get(username);
      if (!signed) {
        signed = (await demo.signIn(username)).page;
        await expect.poll(() => signed!.getByTestId('signed-in').isVisible()).toBe(true);
        sessions.set(username, signed);
      }
      await signed.goto(`${demo.url}${route}`);
      await expect.poll(() => signed!.locator('.ant-spin-spinning').count()).toBe(0);
      await signed.waitForTimeout(300);
      found[name] = await seriousViolations(signed);
    }
    // And one event, with its actions.
    const center = sessions.get('center')!;
    await center.goto(`${demo.url}/queue`);
    await center.getByRole('link').first().click();
    await expect.poll(() => center.getByTestId('event-status').isVisible()).toBe(true);
    found['event'] = await seriousViolations(center);
    await center.screenshot({ path: screenshotPath('console-a11y-event') });
    // And one training session, with its sign-in sheet and QR code.
    await center.goto(`${demo.url}/daily/training`);
    await center.getByRole('link', { name: '网格员移动端离线上报与扫码签到' }).click();
    await expect.poll(() => center.getByTestId('training-qr').isVisible()).toBe(true);
    found['training-session'] = await seriousViolations(center);
    // And the demo's open survey, with its rates and a village's sampled people, and its QR codes.
    const county = sessions.get('county')!;
    await county.goto(`${demo.url}/assessment/surveys`);
    await county.locator('.ant-table-row').filter({ hasText: '进行中' }).getByRole('link').first().click();
    await expect.poll(() => county.getByTestId('survey-status').isVisible()).toBe(true);
    await expect.poll(() => county.locator('.survey-rate').count()).toBeGreaterThan(0);
    found['survey'] = await seriousViolations(county);
    await county.locator('.ant-table-row').getByRole('button').first().click();
    await expect.poll(() => county.locator('.ant-drawer-open tbody tr').count()).toBeGreaterThan(0);
    found['survey-sample'] = await seriousViolations(county);
    await county.goto(`${county.url().split('?')[0]}/qr`);
    await expect.poll(() => county.getByTestId('survey-qr').count()).toBeGreaterThan(0);
    found['survey-qr'] = await seriousViolations(county);
    // And the scheme in the county's editor.
    await county.goto(`${demo.url}/assessment/scheme`);
    await county.getByRole('button', { name: '修改方案' }).click();
    await expect.poll(() => county.getByTestId('scheme-editor').isVisible()).toBe(true);
    found['assessment-scheme-editor'] = await seriousViolations(county);
    // And the facts behind an indicator's figure, in their drawer.
    const assessor = sessions.get('county')!;
    await assessor.goto(`${demo.url}/assessment/indicators`);
    await assessor.getByRole('button', { name: /查看明细/ }).first().click();
    await expect.poll(() => assessor.getByRole('dialog').isVisible()).toBe(true);
    await expect.poll(() => assessor.locator('.ant-spin-spinning').count()).toBe(0);
    // The drawer slides and fades in: axe would read its text half-transparent (a contrast failure that is not there).
    await expect
      .poll(() =>
        assessor.evaluate(() =>
          document.getAnimations().filter((animation) => {
            const target = (animation.effect as KeyframeEffect | null)?.target;
            return animation.playState === 'running' && target instanceof Element && target.closest('.ant-drawer') !== null;
          }).length,
        ),
      )
      .toBe(0);
    found['assessment-indicator-facts'] = await seriousViolations(assessor);
    for (const page of sessions.values()) await page.context().close();

    expect(Object.fromEntries(Object.entries(found).filter(([, list]) => list.length > 0))).toEqual({});
    // Forty-odd pages, each read by axe: more than the default 90 seconds on a 2-core machine.
  }, 300_000);
});
