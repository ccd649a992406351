import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage as openPage, platformInBrowser, seriousViolations, signIn as signInAt } from './browser.ts';
import { startServer } from './server.ts';

const ARTIFACTS = 'test/e2e/artifacts';
const BOARD = '/workbench/office/supervision';
/** The seed's green task still waiting for 民政局 to sign for it. */
const TO_SIGN = '推进城乡低保提标扩面';

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('督查督办 in the browser: the 督办 board, and the lead unit signing for a task and feeding back', () => {
  const world = platformInBrowser(startServer);
  const newPage = (opts: { phone?: boolean } = {}) => openPage(world.browser, opts);
  const signIn = (page: Page, username: string, next: string) => signInAt(page, world.server.url, username, next);
  const shot = (page: Page, name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    return page.screenshot({ path: `${ARTIFACTS}/office-supervision-${name}.png`, fullPage: true });
  };

  it('shows the supervisor red, yellow and green tasks from the seed, and opens one', async () => {
    const page = await newPage();
    await signIn(page, 'duban.bgs', BOARD);
    await page.getByRole('heading', { name: /红灯：已超期/ }).waitFor();
    for (const light of ['red', 'yellow', 'green']) await page.locator(`[data-testid="offsup-card"][data-light="${light}"]`).first().waitFor();
    await page.locator('[data-testid="offsup-card"][data-light="red"]', { hasText: '取暖补贴' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'board');

    await page.getByRole('link', { name: TO_SIGN }).click();
    await page.waitForURL(/\/workbench\/office\/supervision\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: TO_SIGN }).waitFor();
    await page.getByText('已交办待签收').first().waitFor();
    // The supervisor does not sign for a unit's task.
    expect(await page.getByRole('button', { name: '签收' }).count()).toBe(0);

    await page.goto(`${world.server.url}${BOARD}/figures`);
    await page.getByRole('img', { name: '各单位督办统计图' }).waitFor();
    await page.getByRole('cell', { name: '乌兰浩特市民政局' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets 民政局’s clerk sign for the task and feed back, on a phone', async () => {
    const page = await newPage({ phone: true });
    await signIn(page, 'clerk.mzj', BOARD);
    const card = page.locator('[data-testid="offsup-card"]', { hasText: TO_SIGN });
    await card.waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'board-390x844');

    await card.getByRole('link', { name: TO_SIGN }).click();
    await page.getByRole('heading', { name: TO_SIGN }).waitFor();
    await page.getByRole('button', { name: '签收' }).click();
    await page.getByText('办理中').first().waitFor();

    await page.getByLabel('进度 (%)').fill('25');
    await page.getByLabel('反馈内容').fill('已完成全市低保对象摸底，拟定提标方案');
    await page.locator('form[id="offsup-feedback"]').getByRole('button', { name: '提交' }).click();
    await page.getByText('已完成全市低保对象摸底，拟定提标方案').waitFor();
    await page.getByText('进度：25%').waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'task-390x844');
  });
});
