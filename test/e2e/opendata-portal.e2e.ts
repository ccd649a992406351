import { mkdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage as openPage, platformInBrowser, seriousViolations, signIn as signInAt } from './browser.ts';
import { startServer } from './server.ts';

const ARTIFACTS = 'test/e2e/artifacts';
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('公共数据开放 in the browser: a visitor searches, previews and downloads; a person registers an API key and tries it', () => {
  const world = platformInBrowser(startServer);
  const newPage = (opts: { phone?: boolean } = {}) => openPage(world.browser, opts);
  const shot = (page: Page, name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    return page.screenshot({ path: `${ARTIFACTS}/opendata-portal-${name}.png`, fullPage: true });
  };

  it('a visitor on a phone searches 公交, opens 公交站点, sees the preview and downloads a complete CSV', async () => {
    const base = world.server.url;
    const page = await newPage({ phone: true });
    await page.goto(`${base}/opendata`);
    const search = page.locator('[data-testid="odcat-search"] input');
    await search.fill('公交');
    await search.press('Enter');
    const hit = page.locator('[data-testid="odcat-result"]', { hasText: '公交站点' }).first();
    await hit.click();
    await page.waitForURL(/\/opendata\/datasets\/jt-bus-stop$/);

    // The preview: a table of the first rows that scrolls inside itself, not the page.
    const preview = page.locator('[data-testid="odacc-preview"]');
    await preview.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await preview.locator('tbody tr.ant-table-row').count()).toBe(20);
    expect(await sideways(page)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'dataset-390x844');

    // The CSV: UTF-8 with a BOM, the published items as its header, every row.
    const ds = (await page.evaluate(async () => (await fetch('/api/opendata/datasets/jt-bus-stop')).json())) as { items: { code: string; published: boolean }[]; rowCount: number };
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="odacc-download-csv"]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes, { bom: true }) as string[][];
    expect(records[0]).toEqual(ds.items.filter((i) => i.published).map((i) => i.code));
    const total = (await page.evaluate(async () => (await fetch('/api/opendata/datasets/jt-bus-stop/preview')).json())) as { total: number };
    expect(records.length - 1).toBe(total.total);
    expect(records.length - 1).toBeGreaterThan(20);
  });

  it('citizen01 registers an API key (shown once), and the try-it call answers 200 with rows', async () => {
    const base = world.server.url;
    const page = await newPage();
    await page.goto(`${base}/opendata/api`);
    await page.getByRole('heading', { name: '开放数据接口', level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await signInAt(page, base, 'citizen01', '/opendata/api');
    await page.getByLabel('密钥名称（用途）').fill('浏览器测试');
    await page.getByRole('button', { name: '申请密钥' }).click();
    const shown = page.locator('[data-testid="odacc-new-key"]');
    await shown.waitFor();
    expect(await shown.innerText()).toMatch(/od_[0-9a-f]{10}_[A-Za-z0-9_-]{43}/);
    await page.getByRole('cell', { name: '浏览器测试' }).first().waitFor();

    // The new key fills the try-it form; pick the dataset and send.
    // The list is long and virtual: type to narrow it, as a person would.
    await page.getByLabel('数据集').click();
    await page.getByLabel('数据集').fill('jt-bus-stop');
    // antd's role=option list is for screen readers (hidden); the visible option is the one to click.
    await page.locator('.ant-select-item-option', { hasText: 'jt-bus-stop' }).first().click();
    await page.getByRole('button', { name: '发送请求' }).click();
    const status = page.locator('[data-testid="odacc-try-status"]');
    await status.waitFor();
    expect(await status.innerText()).toBe('200');
    // The answer shown (the documentation's example has the same keys, with placeholders).
    await page.getByText('"dataset": "jt-bus-stop"', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'api-1280');

    // On a phone the page fits.
    const phone = await newPage({ phone: true });
    await phone.goto(`${base}/opendata/api`);
    await phone.getByRole('heading', { name: '开放数据接口', level: 1 }).waitFor();
    expect(await sideways(phone)).toBeLessThanOrEqual(1);
  });
});
