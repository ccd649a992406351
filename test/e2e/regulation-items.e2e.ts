import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage as openPage, platformInBrowser, seriousViolations, signIn as signInAt } from './browser.ts';
import { startServer } from './server.ts';

const ARTIFACTS = 'test/e2e/artifacts';
const ITEMS = '/workbench/regulation/items';

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('监管事项 in the browser: 照单监管 coverage on a phone, and a regulator adding an item', () => {
  const world = platformInBrowser(startServer);
  const newPage = (opts: { phone?: boolean } = {}) => openPage(world.browser, opts);
  const signIn = (page: Page, username: string, next: string) => signInAt(page, world.server.url, username, next);
  const shot = (page: Page, name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    return page.screenshot({ path: `${ARTIFACTS}/regulation-items-${name}.png`, fullPage: true });
  };

  it('shows the regulator the two demo 行政许可 without a 监管事项, counted and marked, on a phone', async () => {
    const page = await newPage({ phone: true });
    await signIn(page, 'regulator01', `${ITEMS}/coverage`);
    const missing = page.locator('[data-testid="regitem-missing"]');
    await missing.getByText('2', { exact: true }).waitFor();
    const rows = page.locator('[data-testid="regitem-coverage-row"][data-missing="true"]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    await rows.filter({ hasText: '宗教活动场所筹备设立审批' }).getByText('缺监管事项').waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'coverage-390x844');

    await page.getByText('监管事项清单', { exact: true }).click();
    await page.locator('[data-testid="regitem-card"]').first().waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'list-390x844');
  });

  it('lets the regulator add a 监管事项 for their bureau from the drawer, and finds it in the list', async () => {
    const page = await newPage();
    await signIn(page, 'regulator01', ITEMS);
    await page.getByRole('button', { name: '新增监管事项' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByLabel('事项编码').fill('JG-SCJG-0100');
    await drawer.getByLabel('事项名称').fill('对电子商务经营者的网络监测');
    await drawer.getByLabel('设定依据').fill('《中华人民共和国电子商务法》');
    await drawer.getByRole('checkbox', { name: '网络监测' }).check();
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').waitFor();
    await page.getByRole('button', { name: '对电子商务经营者的网络监测' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'list');
  });
});
