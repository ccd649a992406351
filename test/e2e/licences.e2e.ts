import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pdfQrCodes } from '../../src/testing/pdf.ts';
import { samplePdf } from '../../src/testing/samples.ts';
import { newPage as openPage, platformInBrowser, seriousViolations, signIn as signInAt } from './browser.ts';
import { startServer } from './server.ts';

describe('e-licences in a browser', () => {
  const world = platformInBrowser(startServer);
  const newPage = (opts: { phone?: boolean } = {}) => openPage(world.browser, opts);
  const signIn = (page: Page, username: string, next: string) => signInAt(page, world.server.url, username, next);
  const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: samplePdf(name) });

  /** Searches the catalogue, opens the item and its application form. */
  const openApply = async (page: Page, name: string) => {
    await page.goto(`${world.server.url}/services`);
    await page.getByRole('searchbox', { name: '搜索事项' }).fill(name);
    await page.getByRole('searchbox', { name: '搜索事项' }).press('Enter');
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByRole('button', { name: '在线申请' }).click();
    await page.getByText('平台已掌握的信息（请核对）').waitFor();
  };

  it('issues a sealed licence when a citizen’s application completes; it verifies on the public page, a changed copy does not, and it replaces a material in the next application', async () => {
    const citizen = await newPage();
    await signIn(citizen, 'citizen01', '/services');
    // 1. Apply for a social security card (即办件) and have the window complete it.
    await openApply(citizen, '社会保障卡申领');
    await citizen.getByLabel('邮寄地址').fill('乌兰浩特市和平街道罕山东街12号');
    // 免提交: the population base stands in for the ID card; only the photo is uploaded.
    const inputs = citizen.locator('input[type=file]');
    await inputs.nth(0).setInputFiles(pdf('照片.pdf'));
    await citizen.getByText('已上传：照片.pdf').waitFor();
    await citizen.getByRole('button', { name: '提交申请' }).click();
    await citizen.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    const appId = new URL(citizen.url()).pathname.split('/').pop()!;

    const window = await newPage();
    await signIn(window, 'window01', `/workbench/services/${appId}`);
    await window.getByRole('button', { name: /^受理并办结$/ }).click();
    const dialog = window.getByRole('dialog');
    await dialog.getByRole('button', { name: /^办\s*理$/ }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });

    // 2. The card appears in the citizen's wallet once the platform has issued and sealed it.
    await citizen.goto(`${world.server.url}/licences`);
    const card = citizen.locator('.ant-card').filter({ has: citizen.getByRole('heading', { name: '社会保障卡' }) });
    for (let i = 0; i < 30 && !(await card.count()); i++) {
      await citizen.waitForTimeout(1000);
      await citizen.reload();
    }
    await card.first().getByText('有效', { exact: true }).waitFor();
    expect(await seriousViolations(citizen)).toEqual([]);
    // The 社会保障号码 is the ID number: masked like the ID number above it, never in full.
    expect(await card.first().innerText()).not.toMatch(/\d{17}[\dX]/);
    const href = await card.first().getByRole('link', { name: '下载证照' }).getAttribute('href');
    const download = await citizen.request.get(`${world.server.url}${href}`);
    expect(download.status()).toBe(200);
    const bytes = await download.body();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    // 3. The QR code on the document opens the public page, which says genuine without signing in.
    const [qr] = await pdfQrCodes(bytes);
    expect(qr).toMatch(/\/verify\?id=1\.2\.156\.3005\.2\./);
    const anyone = await newPage({ phone: true });
    await anyone.goto(qr);
    await anyone.locator('[data-verdict=genuine]').waitFor();
    await anyone.getByText('乌兰浩特市人力资源和社会保障局证照专用章').first().waitFor();
    expect(await seriousViolations(anyone)).toEqual([]);
    // Uploading the document says genuine; a copy with one byte changed is refused.
    await anyone.locator('input[type=file][accept*=pdf]').setInputFiles({ name: '社会保障卡.pdf', mimeType: 'application/pdf', buffer: bytes });
    await anyone.locator('[data-verdict=genuine]').waitFor();
    const altered = Buffer.from(bytes);
    altered[Math.floor(altered.length / 3)] ^= 0x01;
    await anyone.locator('input[type=file][accept*=pdf]').setInputFiles({ name: '改过的.pdf', mimeType: 'application/pdf', buffer: altered });
    await anyone.locator('[data-verdict=altered]').waitFor();

    // 4. Applying for the pension, the card replaces the 社会保障卡 material: nothing to upload.
    await openApply(citizen, '城乡居民养老保险待遇申领');
    await citizen.getByLabel('社会保障卡金融账户').fill('6217000000000000000');
    // 只填一次: the 户籍地址 comes from the population base, shown with its source, not asked.
    await citizen.getByText('来自 人口基础库').first().waitFor();
    await citizen.getByRole('checkbox', { name: /使用我的电子证照“社会保障卡”/ }).check();
    // Errors shown while the form was half filled fade out; axe would read their colour mid-fade.
    await expect.poll(() => citizen.locator('.ant-form-item-explain-error').count(), { timeout: 10_000 }).toBe(0);
    expect(await seriousViolations(citizen)).toEqual([]);
    await citizen.getByRole('button', { name: '提交申请' }).click();
    await citizen.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    const pensionId = new URL(citizen.url()).pathname.split('/').pop()!;

    // Staff see the licence checked, and the holder sees the use in their record.
    const approver = await newPage();
    await signIn(approver, 'window01', `/workbench/services/${pensionId}`);
    await approver.getByText('已核验：有效').waitFor();
    await citizen.goto(`${world.server.url}/licences`);
    await citizen.getByText(/已通过免证办少交材料 1 份/).waitFor();
    await citizen.getByRole('tab', { name: '用证记录' }).click();
    await citizen.getByRole('cell', { name: /免证办：城乡居民养老保险待遇申领/ }).waitFor();
  }, 240_000); // the longest walk of the suite: two applications, three staff and a verification

  it('approving 个体工商户设立登记 puts its 营业执照 in the wallet, and the sealed 决定书 downloads as a PDF that verifies', async () => {
    const citizen = await newPage({ phone: true });
    await signIn(citizen, 'citizen01', '/services');
    await openApply(citizen, '个体工商户设立登记');
    await citizen.getByLabel('字号名称').fill('乌兰浩特市乌力吉蒙餐馆');
    await citizen.getByLabel('经营范围').fill('餐饮服务');
    await citizen.getByLabel('资金数额（元）').fill('50000');
    const inputs = citizen.locator('input[type=file]');
    await inputs.nth(0).setInputFiles(pdf('场所证明.pdf'));
    await citizen.getByText('已上传：场所证明.pdf').waitFor();
    await citizen.getByRole('button', { name: '提交申请' }).click();
    await citizen.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    const appId = new URL(citizen.url()).pathname.split('/').pop()!;

    // The window accepts, the market regulator reviews, and a second officer decides (审批分离).
    const staff = await newPage();
    for (const [username, action] of [
      ['window01', /^受\s*理$/],
      ['approver.scjg', /^审查通过$/],
      ['decider.scjg', /^准予许可$/],
    ] as const) {
      await signIn(staff, username, `/workbench/services/${appId}`);
      await staff.getByRole('button', { name: action }).click();
      const dialog = staff.getByRole('dialog');
      await dialog.getByRole('button', { name: /^办\s*理$/ }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
      await staff.context().clearCookies();
    }

    // The decision: a sealed Chinese PDF the public page calls genuine.
    await citizen.reload();
    const link = citizen.getByRole('link', { name: '下载决定书（PDF）' });
    await link.waitFor();
    expect(await seriousViolations(citizen)).toEqual([]);
    await citizen.screenshot({ path: 'test/e2e/artifacts/results-application-390.png', fullPage: true });
    const res = await citizen.request.get(`${world.server.url}${await link.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const bytes = await res.body();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const anyone = await newPage();
    await anyone.goto(`${world.server.url}/verify`);
    await anyone.locator('input[type=file][accept*=pdf]').setInputFiles({ name: '决定书.pdf', mimeType: 'application/pdf', buffer: bytes });
    await anyone.locator('[data-verdict=genuine]').waitFor();
    await anyone.getByText('准予行政许可决定书').first().waitFor();

    // The new business's 营业执照 is in the applicant's wallet.
    await citizen.goto(`${world.server.url}/licences`);
    const licence = citizen
      .locator('.ant-card')
      .filter({ has: citizen.getByRole('heading', { name: '营业执照' }) })
      .filter({ hasText: '乌兰浩特市乌力吉蒙餐馆' });
    for (let i = 0; i < 30 && !(await licence.count()); i++) {
      await citizen.waitForTimeout(1000);
      await citizen.reload();
    }
    await licence.first().getByText('个体工商户').waitFor();
    expect(await seriousViolations(citizen)).toEqual([]);
    await citizen.screenshot({ path: 'test/e2e/artifacts/results-wallet-390.png', fullPage: true });
    await citizen.setViewportSize({ width: 1280, height: 900 });
    await citizen.screenshot({ path: 'test/e2e/artifacts/results-wallet-1280.png', fullPage: true });
    await citizen.goto(`${world.server.url}/applications/${appId}`);
    await citizen.getByRole('link', { name: '下载决定书（PDF）' }).waitFor();
    await citizen.screenshot({ path: 'test/e2e/artifacts/results-application-1280.png', fullPage: true });
  });
});
