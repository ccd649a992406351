import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage as openPage, platformInBrowser, seriousViolations, signIn as signInAt } from './browser.ts';
import { startServer } from './server.ts';

describe('data sharing in a browser', () => {
  const world = platformInBrowser(startServer);
  const newPage = () => openPage(world.browser);
  const signIn = (page: Page, username: string, next: string) => signInAt(page, world.server.url, username, next);

  it('lets the data bureau search the catalogue, see an item’s grade and standard, approve a waiting request and read the figures', async () => {
    const page = await newPage();
    await signIn(page, 'data01', '/workbench/data');
    await page.getByRole('searchbox', { name: '检索数据资源' }).fill('人口');
    await page.getByRole('searchbox', { name: '检索数据资源' }).press('Enter');
    await page.getByRole('button', { name: '人口基础信息' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('公民身份号码（idNumber）').waitFor();
    await drawer.getByText('GB 11643-1999').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: '共享申请' }).click();
    const row = page.getByRole('row', { name: /招投标监管系统/ });
    await row.getByRole('button', { name: /^同\s*意$/ }).click();
    await page.getByText('已审核').first().waitFor();
    await page.getByRole('tab', { name: '三张清单' }).click();
    await page.getByRole('cell', { name: '婚姻登记信息' }).waitFor();
    await page.getByRole('tab', { name: '质量与指标' }).click();
    await page.getByText('按需共享率').waitFor();
    await page.locator('.yw-chart canvas').waitFor();
    // The seed checked the base tables when it loaded them.
    await page.getByRole('cell', { name: /^人口基础信息/ }).waitFor();
    // A check asked for now is queued at once; the page follows the run until it is done.
    const population = page.getByRole('row', { name: /人口基础信息/ });
    await population.getByRole('button', { name: '立即检查“人口基础信息”' }).click();
    await population.getByRole('status').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await population.getByText('检查完成').waitFor({ timeout: 90_000 });
    await expect(population.getByRole('button', { name: '立即检查“人口基础信息”' }).isEnabled()).resolves.toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
