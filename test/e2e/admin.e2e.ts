import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage as openPage, platformInBrowser, seriousViolations, signIn as signInAt } from './browser.ts';
import { startServer } from './server.ts';

const SHOTS = 'test/e2e/artifacts';

describe('the admin editors in a browser', () => {
  const world = platformInBrowser(startServer);
  const newPage = (phone = false) => openPage(world.browser, { phone });
  const signIn = (page: Page, username: string, next: string) => signInAt(page, world.server.url, username, next);
  const choose = async (page: Page, label: string, option: string) => {
    await page.getByRole('combobox', { name: label }).click();
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
    // The next dropdown opens only once this one has closed (two open at once hold the same options).
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
  };
  const openItem = async (page: Page, name: string) => {
    await page.getByRole('searchbox', { name: '搜索事项' }).fill(name);
    await page.getByRole('searchbox', { name: '搜索事项' }).press('Enter');
    await page
      .getByRole('row', { name: new RegExp(name) })
      .getByRole('button', { name: /^编\s*辑$/ })
      .click();
    return page.getByRole('dialog');
  };

  it('lets a region admin add a prefilled form field, fix a workflow the designer marks, and charge 12.5 元; the guide and the citizen form show them', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const page = await newPage();
    await signIn(page, 'region.admin', '/admin/services');
    const drawer = await openItem(page, '高龄津贴申领');

    // Fees are typed in 元 and checked there.
    const fee = drawer.getByLabel('收费（元）');
    await fee.fill('-1');
    await drawer.getByText('收费不能为负数').waitFor();
    await fee.fill('12.5');
    await drawer.getByText('收费不能为负数').waitFor({ state: 'detached' });

    // A field picked from the list of what the platform knows is filled in, not asked.
    await drawer.getByRole('tab', { name: '申请表单' }).click();
    await drawer.getByRole('button', { name: '添加字段' }).click();
    await drawer.getByLabel('中文标题').fill('备用联系电话');
    await drawer.getByLabel('英文标题').fill('Spare phone');
    await choose(page, '字段类型', '手机号码');
    await choose(page, '预填来源', '手机号码');
    const preview = drawer.getByTestId('form-preview');
    await preview.getByText('备用联系电话').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/admin-form-builder-1280.png` });
    expect(await seriousViolations(page)).toEqual([]);

    // The designer marks a state nobody can reach, and checks with the server once it is gone.
    await drawer.getByRole('tab', { name: '办理流程' }).click();
    await drawer.getByRole('button', { name: '新增状态' }).click();
    await drawer
      .getByTestId('wf-problems')
      .getByText(/从开始无法到达/)
      .first()
      .waitFor();
    expect(await drawer.locator('[data-testid^="wf-state-state_"][data-problem="true"]').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/admin-workflow-designer-1280.png` });
    expect(await seriousViolations(page)).toEqual([]);
    await drawer
      .getByRole('region', { name: '状态' })
      .getByRole('button', { name: /^删\s*除$/ })
      .click();
    await drawer.getByRole('button', { name: '检查流程' }).click();
    await drawer.getByText('检查通过').waitFor();

    await drawer.getByRole('tab', { name: '基本要素' }).click();
    await drawer.getByLabel('修改说明').fill('加备用电话，收费 12.5 元');
    await drawer.getByRole('button', { name: '保存为新版本' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await page
      .getByRole('row', { name: /高龄津贴申领/ })
      .getByText('2', { exact: true })
      .waitFor();

    // The same editor on a phone still works.
    const phone = await newPage(true);
    await signIn(phone, 'region.admin', '/admin/services');
    const small = await openItem(phone, '高龄津贴申领');
    await small.getByRole('tab', { name: '办理流程' }).click();
    await small.getByTestId('wf-drawing').waitFor();
    await phone.screenshot({ path: `${SHOTS}/admin-workflow-designer-390.png` });
    expect(await seriousViolations(phone)).toEqual([]);

    // The guide shows the fee in 元; the citizen's form has the new field filled in by the platform.
    const citizen = await newPage();
    await signIn(citizen, 'citizen01', '/services');
    await citizen.getByRole('searchbox', { name: '搜索事项' }).fill('高龄津贴申领');
    await citizen.getByRole('searchbox', { name: '搜索事项' }).press('Enter');
    await citizen.getByRole('link', { name: '高龄津贴申领' }).first().click();
    await citizen
      .getByText(/12\.50/)
      .first()
      .waitFor();
    await citizen.goto(`${citizen.url().replace(/\/$/, '')}/apply`);
    await citizen.getByText('备用联系电话').first().waitFor();
  });
});
