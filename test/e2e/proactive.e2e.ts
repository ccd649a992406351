import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ageingProblems } from './ageing.ts';
import { newPage as openPage, platformInBrowser, seriousViolations, signIn as signInAt } from './browser.ts';
import { startServer } from './server.ts';

const ARTIFACTS = 'test/e2e/artifacts';
/** The demo resident the proactive seed plants: local 户籍, over 80, so 高龄津贴 is offered to them. */
const ELDER = process.env.E2E_ELDER ?? 'elder01';
/** 民政局's policy officer, who owns 高龄津贴. */
const OFFICER = 'policy.mzj';

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('主动服务 in the browser: 免申即享 from the notice to a confirmed benefit, and the officer’s runs', () => {
  const world = platformInBrowser(startServer);
  const newPage = (opts: { phone?: boolean } = {}) => openPage(world.browser, opts);
  const signIn = (page: Page, username: string, next: string) => signInAt(page, world.server.url, username, next);
  const shot = (page: Page, name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    return page.screenshot({ path: `${ARTIFACTS}/proactive-${name}.png`, fullPage: true });
  };

  it('walks the planted elderly resident on a phone from the 高龄津贴 notice to 我的待遇, confirms with a bank account and sees it confirmed, in 长辈模式 too', async () => {
    const page = await newPage({ phone: true });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await signIn(page, ELDER, '/messages');
    await page
      .getByRole('heading', { level: 1, name: '消息' })
      .waitFor()
      .catch(async (e: unknown) => {
        await shot(page, 'failed-messages');
        throw new Error(`${String(e)}\npage errors: ${problems.join(' | ')}\nh1: ${await page.locator('h1').allTextContents()}\nurl: ${page.url()}`);
      });

    // The notice names the benefit and opens 我的待遇.
    const notice = page.locator('.yw-card', { hasText: '高龄津贴' }).first();
    await notice.waitFor();
    await notice.getByRole('link').first().click();
    await page.waitForURL(/\/my\/benefits\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: '我的待遇' }).waitFor();

    // The offer: its card with 申报条件, 兑现方式 and 兑现时限, the amount and why, waiting to be confirmed.
    const offer = page.locator('li[data-state]', { hasText: '高龄津贴' }).first();
    await offer.waitFor();
    expect(await offer.getAttribute('data-state')).toBe('offered');
    await offer.getByText('待确认').waitFor();
    await offer.getByText('申报条件').waitFor();
    await offer.getByText('兑现方式').waitFor();
    await offer.getByText('兑现时限').waitFor();
    await offer.getByText(/金额：\d+\.\d\d 元/).waitFor();
    await offer.getByText('为什么是我').waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'benefits-offered-390x844');

    // Confirming asks for the account; a malformed number is refused in place.
    await offer.getByRole('button', { name: '确认领取' }).click();
    const dialog = page.getByRole('dialog', { name: '确认领取待遇' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('开户人姓名').inputValue()).not.toBe('');
    await dialog.getByLabel('开户银行').fill('中国农业银行乌兰浩特支行');
    await dialog.getByLabel('收款银行账号').fill('1234');
    await dialog.getByRole('button', { name: '确认领取' }).click();
    await dialog.getByText('请输入 16 至 19 位数字的银行卡号').waitFor();
    await dialog.getByLabel('收款银行账号').fill('6222 0202 0011 2233 445');
    await dialog.getByRole('button', { name: '确认领取' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Confirmed, and the account shows masked, never whole.
    await expect.poll(() => offer.getAttribute('data-state')).toBe('confirmed');
    await offer.getByText('已确认').waitFor();
    expect(await offer.getByRole('button', { name: '确认领取' }).count()).toBe(0);
    expect(await page.getByText('6222020200112233445').count()).toBe(0);
    await offer.getByText(/收款账号：.*\*{4}3445/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'benefits-confirmed-390x844');

    // 我的 links 我的待遇 and 您可能符合; in 长辈模式 the page keeps the 适老化 rules.
    await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '我的', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '我的' }).waitFor();
    await page.getByRole('switch', { name: '长辈模式' }).first().click();
    await page.getByRole('main').getByRole('link', { name: '我的待遇' }).click();
    await page.getByRole('heading', { level: 1, name: '我的待遇' }).waitFor();
    await page.locator('li[data-state=confirmed]').first().waitFor();
    expect(await ageingProblems(page)).toEqual([]);
    await shot(page, 'benefits-elderly-390x844');
  });

  it('shows the 民政局 policy officer 高龄津贴’s run counts, its rule in the builder and its passing tests', async () => {
    const page = await newPage();
    await signIn(page, OFFICER, '/workbench/proactive');
    await page.getByRole('link', { name: '高龄津贴' }).first().click();
    await page.getByRole('heading', { level: 1, name: /高龄津贴/ }).waitFor();

    // The seed ran the policy once: someone is eligible, and every count is a number.
    const counts = page.getByTestId('run-counts');
    await counts.waitFor();
    const count = async (name: string) => Number((await counts.locator(`li[data-count=${name}] strong`).textContent())!.trim());
    expect(await count('matched')).toBeGreaterThan(0);
    expect(await count('newlyEligible')).toBeGreaterThanOrEqual(0);
    for (const k of ['stopped', 'declined', 'confirmed', 'paid']) expect(Number.isInteger(await count(k))).toBe(true);
    await page.getByRole('img', { name: '历次运行情况' }).waitFor();
    await shot(page, 'runs-1280x900');

    // The rule reads in the visual builder; its tests pass when run.
    await page.getByRole('tab', { name: '编辑政策' }).click();
    await page.getByRole('group', { name: '申报条件' }).first().waitFor();
    expect(await page.locator('.yw-pro-qb .rule').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '运行测试' }).click();
    await page.getByText(/全部 \d+ 个用例通过/).waitFor();
    await shot(page, 'editor-1280x900');
  });
});
