// The administrators in the console: the system administrator creates an account, whose owner
// must set a new password at first sign-in before anything else; the audit administrator finds the
// creation in the trail and checks that the chain is whole.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshotPath } from './browser.js';
import { demoConsole } from './console-support.js';

describe.skipIf(!chromiumAvailable)('administration in the console', () => {
  const demo = demoConsole('admin');
  const { errors } = demo;

  async function signIn(
    username: string,
    password?: string,
  ): Promise<{ context: BrowserContext; page: Page }> {
    // Refusals the journey provokes (a taken username, a weak password) answer 4xx on purpose.
    return demo.signIn(username, {
      ...(password ? { password } : {}),
      ignore: (text) => /\b40[0-9]\b/.test(text),
    });
  }

  /**
   * Opens a drop-down and picks an option by its title. The option gets the click event itself:
   * on a loaded machine the list may still be moving into place when a pointer click lands.
   */
  async function pick(page: Page, field: ReturnType<Page['getByLabel']>, title: string) {
    await field.click();
    const list = page.locator('.ant-select-dropdown:visible, .ant-select-tree-dropdown:visible');
    await list.getByTitle(title, { exact: true }).dispatchEvent('click');
    await expect.poll(() => list.count()).toBe(0);
  }

  it('creates an account whose owner must change the password first; the auditor sees it in an intact trail', async () => {
    const admin = await signIn('sysadmin');
    await expect.poll(() => admin.page.url()).toContain('/accounts');
    await expect
      .poll(() => admin.page.getByRole('cell', { name: 'center', exact: true }).isVisible())
      .toBe(true);
    await admin.page.getByRole('button', { name: '新建账号' }).click();
    const dialog = admin.page.getByRole('dialog');
    // A username that exists already: the server says so.
    await dialog.getByLabel('用户名').fill('center');
    await dialog.getByLabel('姓名').fill('县委督查员');
    await pick(admin.page, dialog.getByLabel('角色'), '领导');
    await pick(admin.page, dialog.getByLabel('所属单位'), '井研县');
    await dialog.getByLabel('初始密码').fill('Start@2026x');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect
      .poll(async () => (await dialog.locator('.ant-form-item-explain-error').first().textContent()) ?? '')
      .toMatch(/用户名/);
    await dialog.getByLabel('用户名').fill('inspector');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect
      .poll(() => admin.page.getByRole('cell', { name: 'inspector', exact: true }).isVisible())
      .toBe(true);
    await admin.page.screenshot({ path: screenshotPath('console-accounts') });
    await admin.context.close();

    const owner = await signIn('inspector', 'Start@2026x');
    await expect.poll(() => owner.page.getByText('请先设置新密码').isVisible()).toBe(true);
    await owner.page.getByLabel('当前密码').fill('Start@2026x');
    await owner.page.getByLabel('新密码', { exact: true }).fill('short');
    await owner.page.getByLabel('确认新密码').fill('short');
    await owner.page.getByRole('button', { name: '修改密码' }).click();
    await expect
      .poll(
        async () => (await owner.page.locator('.ant-form-item-explain-error').first().textContent()) ?? '',
      )
      .toContain('至少 8 个字符');
    await owner.page.screenshot({ path: screenshotPath('console-change-password') });
    await owner.page.getByLabel('新密码', { exact: true }).fill('Inspect#2026y');
    await owner.page.getByLabel('确认新密码').fill('Inspect#2026y');
    await owner.page.getByRole('button', { name: '修改密码' }).click();
    await expect.poll(() => owner.page.getByTestId('signed-in').textContent()).toContain('县委督查员');
    await owner.context.close();

    const auditor = await signIn('auditor');
    await expect.poll(() => auditor.page.url()).toContain('/audit');
    await auditor.page.getByLabel('操作人').fill('sysadmin');
    await auditor.page.getByLabel('操作人').press('Enter');
    await expect.poll(() => auditor.page.url()).toContain('actorUsername=sysadmin');
    await expect
      .poll(() => auditor.page.getByRole('cell', { name: 'account.created' }).first().isVisible())
      .toBe(true);
    await auditor.page.getByRole('button', { name: '校验审计链' }).click();
    await expect
      .poll(async () => (await auditor.page.getByRole('alert').first().textContent()) ?? '')
      .toContain('审计链完整');
    await auditor.page.screenshot({ path: screenshotPath('console-audit') });
    await auditor.context.close();
    expect(errors).toEqual([]);
  });
});
