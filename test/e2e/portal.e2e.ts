import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ageingProblems } from './ageing.ts';
import { newPage, platformInBrowser, seriousViolations, signIn } from './browser.ts';
import { startServer } from './server.ts';

const ARTIFACTS = path.resolve('test/e2e/artifacts');
const shot = async (page: Page, name: string) => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `portal-${name}.png`), fullPage: true });
};
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('the phone-first citizen portal', () => {
  const world = platformInBrowser(startServer);

  it('walks a resident on a phone from the home through search and the guide to 我的办件 and 消息, and its 长辈模式 home passes the 适老化 checks', async () => {
    const page = await newPage(world.browser, { phone: true });
    await signIn(page, world.server.url, 'citizen01', '/');
    const tabs = page.getByRole('navigation', { name: '底部导航' });

    // 首页: one compact header row, the tab bar, hot services and the resident's own corner.
    await page.getByRole('heading', { level: 2, name: '热门服务' }).waitFor();
    await page.locator('.yw-hot a').first().waitFor();
    await page.locator('.yw-card').first().waitFor();
    expect(await tabs.getByRole('link', { name: '首页' }).getAttribute('aria-current')).toBe('page');
    expect((await page.locator('.yw-header').boundingBox())!.height).toBeLessThanOrEqual(64);
    expect(await page.getByRole('navigation', { name: '主导航' }).isVisible()).toBe(false);
    await page.getByRole('link', { name: '出生' }).waitFor();
    await page.getByRole('link', { name: '开办企业' }).waitFor();
    // Scrolled to the end, the last of the page sits above the tab bar, not under it.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const footer = (await page.locator('.yw-footer').boundingBox())!;
    const bar = (await tabs.boundingBox())!;
    expect(footer.y + footer.height).toBeLessThanOrEqual(bar.y + 1);
    expect(await sideways(page)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'home-390x844');

    // Search from the home lands in the catalogue; the guide's labels sit above their values.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('searchbox', { name: '搜索服务事项' }).fill('个体户');
    await page.getByRole('searchbox', { name: '搜索服务事项' }).press('Enter');
    await page.waitForURL(/\/services\?q=/);
    await page.getByRole('link', { name: '个体工商户设立登记', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '个体工商户设立登记' }).waitFor();
    const label = (await page.locator('.ant-descriptions-item-label').first().boundingBox())!;
    expect(label.width).toBeGreaterThan(300);
    expect(await page.getByText('二级 实名认证').count()).toBeGreaterThan(0);

    // 我的 → 我的办件: cards whose names keep whole lines.
    await tabs.getByRole('link', { name: '我的', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '我的' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: '我的办件' }).click();
    await page.getByRole('heading', { level: 1, name: '我的办件' }).waitFor();
    const title = page.locator('.yw-card-title', { hasText: '个体工商户设立登记' }).first();
    await title.waitFor();
    const box = (await title.boundingBox())!;
    expect(box.width).toBeGreaterThan(200);
    expect(box.height).toBeLessThan(60);
    expect(await page.locator('table').count()).toBe(0);
    expect(await sideways(page)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'my-applications-390x844');

    // 消息: the approval notice is there, unread first; marking one read moves it down.
    await tabs.getByRole('link', { name: /消息/ }).click();
    await page.getByRole('heading', { level: 1, name: '消息' }).waitFor();
    const unread = page.locator('.yw-card[data-unread=true]');
    await unread.first().waitFor();
    const before = await unread.count();
    await page.getByRole('link', { name: '准予许可' }).first().waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'messages-390x844');
    await unread.first().getByRole('button', { name: '标为已读' }).click();
    await expect.poll(() => unread.count()).toBe(before - 1);
    // A notice opens its application.
    await page.getByRole('link', { name: '准予许可' }).first().click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);

    // 长辈模式: a few large tiles instead of lists, and the 适老化 rules hold.
    await tabs.getByRole('link', { name: '首页' }).click();
    await page.getByRole('switch', { name: '长辈模式' }).click();
    await page.getByRole('link', { name: '联系客服 12345' }).waitFor();
    expect(await page.locator('.yw-hot, .yw-card').count()).toBe(0);
    expect(await page.locator('.yw-big-tiles a').count()).toBeLessThanOrEqual(6);
    expect(await ageingProblems(page)).toEqual([]);
    await shot(page, 'elderly-home-390x844');
    await page.getByRole('link', { name: '我的办件' }).click();
    await page.locator('.yw-card').first().waitFor();
    expect(await ageingProblems(page)).toEqual([]);
  });

  it('keeps a header navigation and no tab bar on a desktop, with the home, 消息 and 我的办件 passing axe', async () => {
    const page = await newPage(world.browser);
    await signIn(page, world.server.url, 'citizen01', '/');
    await page.getByRole('heading', { level: 2, name: '热门服务' }).waitFor();
    await page.locator('.yw-card').first().waitFor();
    expect(await page.getByRole('navigation', { name: '底部导航' }).isVisible()).toBe(false);
    const nav = page.getByRole('navigation', { name: '主导航' });
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'home-1280x900');
    await nav.getByRole('link', { name: '消息' }).click();
    await page.getByRole('heading', { level: 1, name: '消息' }).waitFor();
    await page.locator('.yw-card').first().waitFor();
    expect(await nav.getByRole('link', { name: '消息' }).getAttribute('aria-current')).toBe('page');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'messages-1280x900');
    await nav.getByRole('link', { name: '我的办件' }).click();
    await page
      .getByRole('row', { name: /个体工商户设立登记/ })
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'my-applications-1280x900');
  });
});
