import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage as openPage, platformInBrowser, seriousViolations } from './browser.ts';
import { startServer } from './server.ts';

const ARTIFACTS = 'test/e2e/artifacts';
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('政策文件库 in the browser', () => {
  const world = platformInBrowser(startServer);
  const shot = (page: Page, name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    return page.screenshot({ path: `${ARTIFACTS}/openness-library-${name}.png`, fullPage: true });
  };

  it('a visitor on a phone searches a phrase, reads the policy with its 目录 data, follows its 解读 and comes back to the 原文', async () => {
    const base = world.server.url;
    const page = await openPage(world.browser, { phone: true });
    await page.goto(`${base}/openness/documents`);
    await page.getByRole('heading', { name: '政策文件库', level: 1 }).waitFor();
    const search = page.locator('[data-testid="gklib-search"] input');
    await search.fill('重度残疾人护理补贴');
    await search.press('Enter');
    const hit = page.locator('[data-testid="gklib-result"]', { hasText: '重度残疾人护理补贴实施办法' }).first();
    await hit.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await hit.click();
    await page.waitForURL(/\/openness\/documents\/[0-9a-f-]{36}$/);
    const original = page.url();

    // The 政府信息公开目录 header.
    const meta = page.locator('[data-testid="gklib-meta"]');
    await meta.waitFor();
    for (const label of ['索引号', '主题分类', '发文机关', '成文日期', '发布日期', '文号', '有效性', '公开方式']) await meta.getByText(label, { exact: true }).first().waitFor();
    expect(await meta.innerText()).toMatch(/乌残联发〔\d{4}〕3号/);
    expect(await meta.innerText()).toContain('乌兰浩特市残疾人联合会');
    expect(await page.locator('[data-testid="gklib-body"]').innerText()).toContain('残疾等级为一级或者二级');
    expect(await sideways(page)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'document-390x844');

    // Its 解读, and back to the 原文 from there.
    const interpretation = page.locator('[data-testid="gklib-interpretation"]').first();
    expect(await interpretation.innerText()).toContain('残疾人两项补贴');
    await interpretation.click();
    await page.locator('[data-testid="gklib-original"]').waitFor();
    expect(await page.locator('[data-testid="gklib-title"]').innerText()).toContain('视频解读');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('[data-testid="gklib-original"]').getByRole('link').click();
    await page.waitForURL(original);
    await page.locator('[data-testid="gklib-meta"]').waitFor();
    expect(await page.locator('[data-testid="gklib-title"]').innerText()).toBe('乌兰浩特市困难残疾人生活补贴和重度残疾人护理补贴实施办法');
  });
});
