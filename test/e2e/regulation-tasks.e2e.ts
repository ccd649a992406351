import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { samplePng } from '../../src/testing/samples.ts';
import { newPage as openPage, platformInBrowser, seriousViolations, signIn as signInAt } from './browser.ts';
import { startServer } from './server.ts';

const ARTIFACTS = 'test/e2e/artifacts';
const TASKS = '/workbench/regulation/tasks';

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('检查任务 in the browser: an inspector records a result on a phone, and the public page shows it', () => {
  const world = platformInBrowser(startServer);
  const newPage = (opts: { phone?: boolean } = {}) => openPage(world.browser, opts);
  const shot = (page: Page, name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    return page.screenshot({ path: `${ARTIFACTS}/regulation-tasks-${name}.png`, fullPage: true });
  };

  it('jc.scjg01 records a result with a photo on a seeded task, and anyone finds it published', async () => {
    const page = await newPage({ phone: true });
    await signInAt(page, world.server.url, 'jc.scjg01', TASKS);
    await page.getByRole('heading', { name: '我的检查任务' }).waitFor();
    const card = page.locator('[data-testid="regtask-card"]', { hasText: '待检查' }).first();
    await card.waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'list-390x844');

    const name = (await card.locator('strong').first().innerText()).trim();
    await card.click();
    await page.getByRole('heading', { name }).waitFor();
    await page.getByLabel('检查日期').waitFor();
    await page.getByRole('radio', { name: '发现问题已责令改正' }).check();
    await page.getByLabel('检查情况').fill('灭火器过期两具，已责令当场更换。');
    await page.locator('input[type="file"]').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: samplePng(16) });
    await page.getByRole('img', { name: '现场照片 1' }).waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'record-390x844');
    await page.getByRole('button', { name: '提交并公示结果' }).click();
    await page.getByText('检查结果已录入并公示').waitFor();
    const result = page.locator('[data-testid="regtask-result"]');
    await result.getByText('发现问题已责令改正').waitFor();
    await result.getByText('灭火器过期两具，已责令当场更换。').waitFor();
    await result.getByRole('link', { name: '现场照片 1' }).waitFor();
    await shot(page, 'recorded-390x844');

    // Published at once, for anyone, without sign-in, and without the findings.
    const visitor = await newPage({ phone: true });
    await visitor.goto(`${world.server.url}/supervision/results`);
    await visitor.getByRole('heading', { name: '抽查检查结果公示' }).waitFor();
    await visitor.getByRole('searchbox').or(visitor.getByLabel('企业名称或统一社会信用代码')).first().fill(name);
    await visitor.getByRole('button', { name: '查询' }).click();
    const published = visitor.locator('[data-testid="regtask-public-result"]', { hasText: name }).first();
    await published.getByText('发现问题已责令改正').waitFor();
    expect(await published.innerText()).not.toContain('灭火器');
    expect(await sideways(visitor)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(visitor)).toEqual([]);
    await shot(visitor, 'public-390x844');
  });
});
