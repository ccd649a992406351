import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage as openPage, platformInBrowser, seriousViolations, signIn as signInAt } from './browser.ts';
import { startServer } from './server.ts';

const ARTIFACTS = 'test/e2e/artifacts';
/** 市政府办公室's clerk drafts, reviews, numbers and seals; its leader signs off. */
const CLERK = 'clerk.bgs';
const LEADER = 'leader01';

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('发文 in the browser: 拟稿 → 核稿 → 签发 → 编号 → 用印', () => {
  const world = platformInBrowser(startServer);
  const newPage = (opts: { phone?: boolean } = {}) => openPage(world.browser, opts);
  const signIn = (page: Page, username: string, next: string) => signInAt(page, world.server.url, username, next);
  const shot = (page: Page, name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    return page.screenshot({ path: `${ARTIFACTS}/office-${name}.png`, fullPage: true });
  };
  // A title no seeded 公文 has, so each list finds this one.
  const title = `关于做好${Date.now() % 100000}号冬季供暖保障工作的通知`;
  let docPath = '';

  /** Opens the dialog of the action whose button matches `name`, writes the opinion, confirms, and waits for the dialog to close. */
  const step = async (page: Page, name: RegExp, opinion?: string) => {
    await page.getByTestId('doc-actions').getByRole('button', { name }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    if (opinion) await dialog.getByLabel('意见').fill(opinion);
    await dialog.getByRole('button', { name: /^办\s*理$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
  };
  const stepShown = (page: Page, action: string) => page.locator(`[data-testid=doc-step][data-action=${action}]`).first().waitFor();

  it('lets 市政府办公室’s clerk draft a 通知 and send it through 核稿', async () => {
    const page = await newPage();
    await signIn(page, CLERK, '/workbench/office/documents');
    await page.getByRole('heading', { name: '发文列表' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '拟稿' }).click();
    await page.waitForURL(/\/workbench\/office\/documents\/new$/);
    // Saving an empty form names what is missing.
    await page.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByText('请填写标题（不超过 200 字）').waitFor();
    await page.getByText('请至少选择一个主送单位').waitFor();

    await page.getByLabel('标题').fill(title);
    // The department list is long and virtual: search it, as a person would.
    const main = page.getByRole('combobox', { name: '主送' });
    await main.click();
    await main.fill('民政局');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '乌兰浩特市民政局' }).first().click();
    await page.keyboard.press('Escape');
    await page.locator('.ant-select-selection-item', { hasText: '乌兰浩特市民政局' }).first().waitFor();
    await page.getByLabel('正文', { exact: true }).fill('各街道办事处、市直各部门：\n一、提高认识\n（一）落实责任。\n二、加强保障\n特此通知。');
    await page.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.waitForURL(/\/workbench\/office\/documents\/[0-9a-f-]{36}$/);
    docPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: title }).waitFor();
    await page.getByText('未编号').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'draft-1280x900');

    // Submit, then 核稿 passes it on to the leader.
    await step(page, /^送核稿$/);
    await stepShown(page, 'submit');
    await step(page, /^核\s*稿$/, '文字已核，同意报签。');
    await stepShown(page, 'review');
    await page.getByText('文字已核，同意报签。').waitFor();
  });

  it('shows the 公文 in leader01’s 待我签批 and records the 签发 with its opinion', async () => {
    expect(docPath).not.toBe('');
    const page = await newPage();
    await signIn(page, LEADER, '/workbench/office');
    await page.locator('.ant-segmented').getByText('待我签批', { exact: true }).click();
    const todo = page.locator('.ant-list-item', { hasText: title });
    await todo.waitFor();
    await todo.getByRole('link').first().click();
    await page.waitForURL((u) => u.pathname === docPath);
    await page.getByRole('heading', { name: title }).waitFor();
    await step(page, /^签\s*发$/, '同意，请按程序印发。');
    await stepShown(page, 'sign');
    await page.getByText('同意，请按程序印发。').waitFor();
    expect(
      await page
        .getByTestId('doc-actions')
        .getByRole('button', { name: /^签\s*发$/ })
        .count(),
    ).toBe(0);
    await shot(page, 'signed-1280x900');
  });

  it('lets the clerk number and seal it: 乌政办发〔年〕N号 and the seal’s identifier show on the page', async () => {
    const page = await newPage();
    await signIn(page, CLERK, docPath);
    await page.getByRole('heading', { name: title }).waitFor();
    await step(page, /^编\s*号$/);
    await expect.poll(() => page.getByTestId('doc-number').textContent()).toMatch(/^乌政办发〔\d{4}〕[1-9]\d*号$/);
    await step(page, /^用\s*印$/);
    const sealed = page.getByTestId('doc-sealed');
    await sealed.waitFor();
    await sealed.getByText('电子公文标识').waitFor();
    expect(((await sealed.locator('code').textContent()) ?? '').trim().length).toBeGreaterThan(8);
    await sealed.getByRole('link', { name: '查验真伪' }).waitFor();
    expect(await sealed.getByRole('link', { name: /下载已用印公文/ }).getAttribute('href')).toBe(`/api/office/documents/${docPath.split('/').pop()}/pdf`);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'sealed-1280x900');
  });

  it('fits the list and the 办理单 on a 390 px phone, in 长辈模式 too', async () => {
    const page = await newPage({ phone: true });
    await signIn(page, CLERK, '/workbench/office/documents');
    await page.locator('.ant-segmented').getByText('全部', { exact: true }).click();
    await page.locator('.ant-list-item', { hasText: title }).getByRole('link', { name: title }).click();
    await page.waitForURL((u) => u.pathname === docPath);
    await page.getByTestId('doc-sealed').waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('switch', { name: '长辈模式' }).first().click();
    await page.getByTestId('doc-sealed').waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'sealed-elderly-390x844');
  });
});
