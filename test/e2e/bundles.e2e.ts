import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { samplePdf } from '../../src/testing/samples.ts';
import { newPage as openPage, platformInBrowser, seriousViolations, signIn as signInAt } from './browser.ts';
import { startServer } from './server.ts';

describe('一件事一次办 in a browser', () => {
  const world = platformInBrowser(startServer);
  const newPage = (opts: { phone?: boolean } = {}) => openPage(world.browser, opts);
  const signIn = (page: Page, username: string, next: string) => signInAt(page, world.server.url, username, next);
  const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: samplePdf(name) });

  /** One staff step on a 办件 from the workbench. */
  const step = async (staff: Page, username: string, appId: string, action: RegExp) => {
    await signIn(staff, username, `/workbench/services/${appId}`);
    await staff.getByRole('button', { name: action }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByRole('button', { name: /^办\s*理$/ }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 }).catch(async (err) => {
      await staff.screenshot({ path: 'test/e2e/artifacts/bundles-step-failed.png', fullPage: true });
      throw new Error(`${username} ${action}: ${await dialog.innerText()}`, { cause: err });
    });
    await staff.context().clearCookies();
  };

  it('walks 退休一件事: one form on a phone, the pension first, the fund and the insurance after it, one status and one delivery', async () => {
    const citizen = await newPage({ phone: true });
    await signIn(citizen, 'citizen01', '/services');
    await citizen.goto(`${world.server.url}/services?lifeEvent=retirement`);
    // The catalogue's 退休养老 tile offers the bundle; its page shows what it does in which order.
    await citizen.getByRole('link', { name: '退休一件事' }).click();
    await citizen.getByRole('heading', { level: 1, name: '退休一件事' }).waitFor();
    await citizen.getByText('第 2 步').waitFor();
    await citizen.getByText('待“职工基本养老保险待遇申领”办结后开始').first().waitFor();
    expect(await seriousViolations(citizen)).toEqual([]);
    await citizen.getByRole('button', { name: '一次申请' }).click();

    // The merged form asks the retirement date and the bank account once for all three.
    await citizen.getByText('平台已掌握的信息（无需填写）').waitFor();
    expect(await citizen.getByLabel('退休日期').count()).toBe(1);
    await citizen.getByLabel('退休日期').fill('2026-11-30');
    await citizen.getByLabel('退休日期').press('Enter');
    await citizen.getByLabel('社会保障卡金融账户').fill('6217000000000000000');
    const inputs = citizen.locator('input[type=file]');
    await inputs.nth(0).setInputFiles(pdf('身份证.pdf'));
    await citizen.getByText('已上传：身份证.pdf').waitFor();
    await inputs.nth(2).setInputFiles(pdf('人事档案.pdf'));
    await citizen.getByText('已上传：人事档案.pdf').waitFor();
    await inputs.nth(3).setInputFiles(pdf('退休证明.pdf'));
    await citizen.getByText('已上传：退休证明.pdf').waitFor();
    await citizen.getByRole('button', { name: '提交申请' }).click();
    await citizen.waitForURL(/\/bundle-applications\/[0-9a-f-]{36}$/);
    const bundleId = new URL(citizen.url()).pathname.split('/').pop()!;
    await citizen.getByTestId('bundle-state').getByText('已提交').waitFor();
    await citizen.getByText('等待前序事项').first().waitFor();
    expect(await seriousViolations(citizen)).toEqual([]);

    // The pension goes its own way through the window and the bureau; approving it starts the other two.
    const status = async () => (await citizen.request.get(`${world.server.url}/api/services/bundle-applications/${bundleId}`)).json();
    const pension = (await status()).members.find((m: { itemCode: string }) => m.itemCode === 'JF-RSJ-011').applicationId as string;
    const staff = await newPage();
    await step(staff, 'window01', pension, /^受\s*理$/);
    await step(staff, 'approver.rsj', pension, /^审查通过$/);
    await step(staff, 'approver.rsj', pension, /^准予许可$/);
    await expect.poll(async () => (await status()).members.filter((m: { applicationId: string | null }) => m.applicationId).length, { timeout: 30_000 }).toBe(3);
    for (const m of (await status()).members.filter((x: { itemCode: string }) => x.itemCode !== 'JF-RSJ-011')) await step(staff, 'window01', m.applicationId, /^受理并办结$/);
    await expect.poll(async () => (await status()).state, { timeout: 30_000 }).toBe('completed');

    // One 出件 for the whole bundle, from its status page.
    await signIn(staff, 'window01', `/bundle-applications/${bundleId}`);
    await staff
      .getByTestId('bundle-state')
      .waitFor()
      .catch(async (err) => {
        await staff.screenshot({ path: 'test/e2e/artifacts/bundles-deliver.png', fullPage: true });
        throw new Error(`status page for staff at ${staff.url()}: ${(await staff.locator('main').innerText()).slice(0, 500)}`, { cause: err });
      });
    await staff.getByRole('button', { name: '统一出件' }).click();
    await staff.getByTestId('bundle-state').getByText('已出件').waitFor();
    await citizen.reload();
    await citizen.getByTestId('bundle-state').getByText('已出件').waitFor();
    await citizen.getByText('全部结果已一次送达。').waitFor();
    expect(await seriousViolations(citizen)).toEqual([]);
  }, 240_000);
});
