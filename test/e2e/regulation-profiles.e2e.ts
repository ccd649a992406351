import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage as openPage, platformInBrowser, seriousViolations, signIn as signInAt } from './browser.ts';
import { startServer } from './server.ts';

const ARTIFACTS = 'test/e2e/artifacts';
const PROFILES = '/workbench/regulation/profiles';

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('企业画像 and 监管效能 in the browser', () => {
  const world = platformInBrowser(startServer);
  const newPage = (opts: { phone?: boolean } = {}) => openPage(world.browser, opts);
  const signIn = (page: Page, username: string, next: string) => signInAt(page, world.server.url, username, next);
  const shot = (page: Page, name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    return page.screenshot({ path: `${ARTIFACTS}/regulation-profiles-${name}.png`, fullPage: true });
  };

  it('lets the regulator find a company and read its profile on a phone', async () => {
    const page = await newPage({ phone: true });
    await signIn(page, 'regulator01', PROFILES);
    await page.getByLabel('查找市场主体', { exact: true }).fill('有限公司');
    await page.getByLabel('查找市场主体', { exact: true }).press('Enter');
    const first = page.locator('.ant-list-item a').first();
    await first.waitFor();
    const name = (await first.textContent())!.trim();
    await first.click();
    await page.getByRole('heading', { name }).waitFor();
    for (const section of ['信用风险分类', '告知承诺待核查', '12345 投诉举报', '检查记录', '行政处罚', '许可证照', '审批信息（审管联动）'])
      await page.getByRole('heading', { name: section }).waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'profile-390x844');
  });

  it('shows leaders the 监管效能 figures with named charts', async () => {
    const page = await newPage();
    await signIn(page, 'leader01', `${PROFILES}/figures`);
    await page.getByRole('img', { name: '各月新建检查任务与录入结果数量' }).waitFor();
    await page.getByRole('img', { name: '各信用风险分类的主体数与已检查主体数' }).waitFor();
    await page.getByText('检查覆盖率').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'figures');
  });
});
