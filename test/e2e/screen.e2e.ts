import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../seed/departments.ts';
import { newPage, platformInBrowser, seriousViolations, signIn } from './browser.ts';
import { startServer } from './server.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, 'artifacts');

describe('the command screen (一屏统览)', () => {
  const world = platformInBrowser(startServer);
  const api = async (url: string, init: { method?: string; token?: string; body?: unknown } = {}) => {
    const res = await fetch(`${world.server.url}${url}`, {
      method: init.method ?? 'GET',
      headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}) },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return res.json();
  };
  const token = async (username: string) => (await api('/api/identity/sessions', { method: 'POST', body: { username, password: DEMO_PASSWORD } })).token as string;
  const panels = (page: Page) => page.locator('[data-panel]');
  const figure = async (page: Page, label: string) =>
    Number(
      (
        await page
          .locator('.scr-kpi', { has: page.getByText(label, { exact: true }) })
          .locator('.scr-kpi-value')
          .innerText()
      ).replace(/\D/g, ''),
    );

  it('fits a leader’s 1920×1080 screen with a figure in every panel, keeps the chosen panels, refreshes in place, and stacks on a phone', async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const page = await newPage(world.browser);
    await page.setViewportSize({ width: 1920, height: 1080 });
    const first = page.waitForResponse((r) => r.url().includes('/api/screen/summary'), { timeout: 90_000 });
    await signIn(page, world.server.url, 'leader01', '/screen');
    await page.getByRole('heading', { level: 1, name: /一屏统览/ }).waitFor();
    const answer = await first;
    expect(answer.status(), await answer.text()).toBe(200);
    await expect.poll(() => panels(page).count(), { timeout: 30_000 }).toBe(5);
    for (const name of ['一网通办', '12345热线', '诉求热力分布', '数据共享与电子证照', '预警与督办']) {
      const panel = page.getByRole('region', { name, exact: true });
      await expect.poll(async () => (await panel.locator('.scr-kpi-value').first().innerText()).trim(), { message: name, timeout: 30_000 }).toMatch(/^\d[\d,.]*%?$/);
    }
    await page.locator('.scr-chart canvas').first().waitFor();
    await page.locator('[data-panel=map] .leaflet-container').waitFor();
    // The seeded 12345 history gives a month of calls and this week's hot topics.
    expect(await figure(page, '近30天定位诉求')).toBeGreaterThan(0);
    const fits = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, ih: innerHeight, w: document.documentElement.scrollWidth, iw: innerWidth }));
    expect(fits.h).toBeLessThanOrEqual(fits.ih);
    expect(fits.w).toBeLessThanOrEqual(fits.iw);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'screen-1920x1080.png') });
    // How long the one summary call takes on the seeded demo (printed for the report; not asserted).
    const ms = await page.evaluate(async () => {
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        await (await fetch('/api/screen/summary')).json();
        runs.push(performance.now() - t0);
      }
      return runs.sort((a, b) => a - b)[2];
    });
    console.info(`GET /api/screen/summary on the seeded demo: median ${ms.toFixed(0)} ms over 5 calls`);

    // The leader hides a panel and refreshes faster; both stay after a reload.
    await page.getByRole('button', { name: '大屏设置' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('switch', { name: '显示“数据共享与电子证照”' }).click();
    await drawer.getByLabel('自动刷新间隔').click();
    await page.locator('.ant-select-item-option[title="10 秒"]').click();
    // Axe looks at the settled drawer, not at the option list while it closes.
    await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await drawer.getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => panels(page).count()).toBe(4);
    await page.reload();
    await page.getByRole('region', { name: '12345热线', exact: true }).locator('.scr-kpi-value').first().waitFor();
    expect(await panels(page).count()).toBe(4);
    expect(await page.getByRole('region', { name: '数据共享与电子证照' }).count()).toBe(0);

    // A call taken now shows up without reloading the page.
    const before = await figure(page, '今日诉求');
    const stamp = await page.locator('.scr-updated').getAttribute('data-updated');
    await api('/api/cases', {
      method: 'POST',
      token: await token('hotline01'),
      body: { kind: 'complaint', content: '兴安南大街与五一路交口路灯连续三晚不亮', callerName: '李先生', callerPhone: '13904825678', lon: 122.075, lat: 46.078, address: '兴安南大街与五一路交口' },
    });
    await expect.poll(() => figure(page, '今日诉求'), { timeout: 30_000 }).toBe(before + 1);
    expect(Number(await page.locator('.scr-updated').getAttribute('data-updated'))).toBeGreaterThan(Number(stamp));

    // On a phone the panels stack into a list that scrolls down, never sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollHeight > innerHeight)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'screen-390x844.png'), fullPage: true });
  });
});
