import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage as openPage, platformInBrowser, seriousViolations, signIn as signInAt } from './browser.ts';
import { startServer } from './server.ts';

const ARTIFACTS = 'test/e2e/artifacts';
const PAGE = '/workbench/regulation/directory';

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('名录库 in the browser: the regulator’s objects, inspectors and relations, and the published list', () => {
  const world = platformInBrowser(startServer);
  const newPage = (opts: { phone?: boolean } = {}) => openPage(world.browser, opts);
  const signIn = (page: Page, username: string, next: string) => signInAt(page, world.server.url, username, next);
  const shot = (page: Page, name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    return page.screenshot({ path: `${ARTIFACTS}/regulation-directory-${name}.png`, fullPage: true });
  };

  it('shows the regulator the synced objects with a chart by type, and finds one by name', async () => {
    const page = await newPage();
    await signIn(page, 'regulator01', PAGE);
    await page.getByRole('img', { name: /在册检查对象按主体类型统计：.*有限责任公司 \d+/ }).waitFor();
    await page.getByText(/读取 \d+ 户：新增/).waitFor();
    const first = page.locator('tbody tr').first();
    await first.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'objects');
    await page.getByLabel('名称或统一社会信用代码').fill('乳业');
    await page.getByLabel('名称或统一社会信用代码').press('Enter');
    await page.locator('tbody tr', { hasText: '乳业' }).first().waitFor();
    expect(await page.locator('tbody tr').filter({ hasNotText: '乳业' }).count()).toBe(0);
  });

  it('lists inspectors and the declared relation on a phone without sideways scrolling', async () => {
    const page = await newPage({ phone: true });
    await signIn(page, 'regulator01', `${PAGE}/inspectors`);
    await page.getByText('执法证号 15220101001').waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'inspectors-390x844');
    await page.goto(`${world.server.url}${PAGE}/relations`);
    await page.getByRole('cell', { name: /刘海涛/ }).waitFor();
    await page.getByText('亲属').first().waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'relations-390x844');
  });

  it('publishes the 执法检查人员名录 and object counts to anyone', async () => {
    const list = await (await fetch(`${world.server.url}/api/regulation/public/inspectors?limit=200`)).json();
    expect(list.items.length).toBe(18);
    expect(Object.keys(list.items[0]).sort()).toEqual(['certificateNo', 'department', 'departmentEn', 'name', 'specialities']);
    const summary = await (await fetch(`${world.server.url}/api/regulation/public/objects/summary`)).json();
    expect(summary.active).toBeGreaterThan(5000);
  });
});
