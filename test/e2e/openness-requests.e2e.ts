import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage as openPage, platformInBrowser, seriousViolations, signIn } from './browser.ts';
import { startServer } from './server.ts';

const ARTIFACTS = 'test/e2e/artifacts';
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
/** antd's role=option list is for screen readers (hidden); the visible option is the one to click. */
const pick = async (page: Page, label: string, option: string) => {
  await page.getByLabel(label).click();
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
};

describe('依申请公开 in the browser', () => {
  const world = platformInBrowser(startServer);
  const shot = (page: Page, name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    return page.screenshot({ path: `${ARTIFACTS}/openness-requests-${name}.png`, fullPage: true });
  };

  it('citizen01 applies on a phone, gk.bgs answers in the workbench, citizen01 sees the answer and its sealed 告知书', async () => {
    const base = world.server.url;
    const phone = await openPage(world.browser, { phone: true });
    await signIn(phone, base, 'citizen01', '/openness/apply');
    await phone.getByRole('heading', { name: '申请政府信息公开', level: 1 }).waitFor();
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.getByLabel('向哪个机关申请').fill('人民政府办公室');
    await phone.locator('.ant-select-item-option', { hasText: '乌兰浩特市人民政府办公室' }).first().click();
    await phone.getByLabel('所需政府信息的名称、文号或便于查找的特征描述').fill('请公开2026年市政府常务会议关于城区供热价格调整的会议纪要');
    await phone.getByLabel('联系电话').fill('13904820001');
    expect(await sideways(phone)).toBeLessThanOrEqual(1);
    await shot(phone, 'apply-390x844');
    await phone.locator('[data-testid="gkreq-submit"]').click();
    await phone.waitForURL(/\/openness\/requests\/[0-9a-f-]{36}$/);
    const id = phone.url().split('/').pop()!;
    await phone.locator('[data-testid="gkreq-state"]', { hasText: '办理中' }).waitFor();
    await phone.locator('[data-testid="gkreq-notice-receipt"]').waitFor();
    expect(await seriousViolations(phone)).toEqual([]);

    // gk.bgs answers in the workbench: 不予公开, 过程性信息, with the reason.
    const desk = await openPage(world.browser);
    await signIn(desk, base, 'gk.bgs', `/workbench/openness/requests/${id}`);
    await desk.locator('[data-testid="gkreq-description"]', { hasText: '供热价格' }).waitFor();
    await pick(desk, '答复类型', '不予公开');
    await pick(desk, '理由类别', '属于四类过程性信息');
    await desk.getByLabel('理由和依据（向申请人说明）').fill('所申请的会议纪要属于行政机关在履行职责过程中形成的讨论记录，属于过程性信息，依法可不予公开。');
    await desk.locator('[data-testid="gkreq-answer-submit"]').click();
    await desk.locator('[data-testid="gkreq-state"]', { hasText: '已答复' }).waitFor({ timeout: 30_000 });
    expect(await seriousViolations(desk)).toEqual([]);

    // citizen01 sees the answer and downloads the sealed 答复告知书.
    await phone.reload();
    await phone.locator('[data-testid="gkreq-state"]', { hasText: '已答复' }).waitFor();
    expect(await phone.locator('[data-testid="gkreq-answer"]').innerText()).toContain('不予公开');
    const link = phone.locator('[data-testid="gkreq-notice-answer"]');
    await link.waitFor();
    const href = (await link.getAttribute('href'))!;
    const pdf = await phone.evaluate(async (u) => {
      const r = await fetch(u);
      const b = new Uint8Array(await r.arrayBuffer());
      return { status: r.status, type: r.headers.get('content-type'), head: String.fromCharCode(...b.subarray(0, 5)) };
    }, href);
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
    expect(await sideways(phone)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(phone)).toEqual([]);
    await shot(phone, 'answered-390x844');
  });
});
